"""The dashboard's view of the published comparators (api's comparators_for), on the real
2025 release: England, the region, the neighbours' average and the rank, as published."""

from decimal import Decimal

from opensend.measures.dashboard import sources
from opensend.measures.models import EesRelease

NORTHUMBERLAND = "E06000057"


def test_comparators_of_an_authority_as_published(ees_2025: EesRelease):
    found = sources.comparators(
        code="plans_issued_within_20_weeks_incl_exceptions", area_code=NORTHUMBERLAND, year=2024
    )
    names = [line.name for line in found.lines]
    assert names == ["England", "North East", "Statistical neighbours' average"]
    england = found.line("England")
    assert (england.value, england.published) == (Decimal("45.9"), "45.9")
    assert found.line("North East").published == "47.6"
    assert "of 153 local authorities" in found.rank
    assert "timeliness_20_week" in found.table and "2024" in found.table


def test_england_excluding_exceptions(ees_2025: EesRelease):
    found = sources.comparators(
        code="plans_issued_within_20_weeks_excl_exceptions", area_code=NORTHUMBERLAND, year=2024
    )
    assert found.line("England").value == Decimal("46.4")


def test_an_area_with_no_published_figures_has_no_comparators(ees_2025: EesRelease):
    found = sources.comparators(code="new_plans", area_code="E06000999", year=2024)
    assert found.lines == () and found.rank == ""


def test_ordinals():
    assert [sources._ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)] == [
        "1st",
        "2nd",
        "3rd",
        "4th",
        "11th",
        "12th",
        "13th",
        "21st",
        "22nd",
        "101st",
        "111th",
    ]
