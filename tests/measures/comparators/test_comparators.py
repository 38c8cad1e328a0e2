"""Comparators beside a local figure: England, region, neighbours' average, rank, as published."""

import csv
import datetime as dt
import io
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from opensend.measures.comparators.published import comparator
from opensend.measures.comparators.selectors import (
    COMPARATOR_SOURCES,
    UnknownArea,
    UnknownIndicator,
    area_named,
    comparators_for,
)
from opensend.measures.comparators.services import ees_import
from opensend.measures.models import AreaComparison, EesRelease, StatisticalNeighbour
from opensend.nonprod.generator import area_reset, demo_la, generate_area, names
from opensend.statutory.indicators import INDICATORS
from tests.factories import LocalAuthorityFactory
from tests.measures.conftest import EES_ZIP, quiet

ENGLAND, NORTH_EAST, NORTHUMBERLAND = "E92000001", "E12000001", "E06000057"
EXCL = "plans_issued_within_20_weeks_excl_exceptions"
INCL = "plans_issued_within_20_weeks_incl_exceptions"


def published_csv(table: str) -> list[dict[str, str]]:
    """The table straight from the zip, read here independently of the importer."""
    with zipfile.ZipFile(EES_ZIP) as archive:
        text = archive.read(f"data/{table}.csv").decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_england_2024_is_exactly_as_published(ees_2025: EesRelease) -> None:
    excl = comparators_for(code=EXCL, area_code=ENGLAND, year=2024)
    incl = comparators_for(code=INCL, area_code=ENGLAND, year=2024)
    assert excl.england is not None and incl.england is not None
    assert (excl.england.figure.published, excl.england.figure.value) == ("46.4", Decimal("46.4"))
    assert (incl.england.figure.published, incl.england.figure.value) == ("45.9", Decimal("45.9"))
    assert excl.england.numerator.value == 39407 and excl.england.denominator.value == 84866
    assert incl.england.numerator.value == 41448 and incl.england.denominator.value == 90392
    assert excl.own == excl.england and excl.time_period == "2024"
    assert (excl.region, excl.neighbours_average, excl.rank) == (None, None, None)


@pytest.mark.parametrize(
    "code", [NORTHUMBERLAND, "E08000021", "E09000033", "E10000015", "E06000059", "E09000001"]
)
def test_local_authorities_match_the_published_csv(ees_2025: EesRelease, code: str) -> None:
    rows = [
        row
        for row in published_csv("timeliness_20_week")
        if row["time_period"] == "2024"
        and row["new_la_code"] == code
        and row["breakdown"] == "All EHC plans issued"
    ]
    assert len(rows) == 1
    for indicator, column in (
        (EXCL, "PC_plans_issued_20_weeks_ex"),
        (INCL, "pc_plans_issued_within_20_weeks"),
    ):
        found = comparators_for(code=indicator, area_code=code, year=2024)
        assert found.own is not None and found.own.figure.published == rows[0][column]
        assert found.region is not None and found.region.area_code == rows[0]["region_code"]
        assert found.area.level == "local_authority" and found.area.compares_as == code


def test_an_x_is_kept_and_has_no_rank(ees_2025: EesRelease) -> None:
    dorset = comparators_for(code=EXCL, area_code="E06000059", year=2024)  # all exceptions
    assert dorset.own is not None
    assert (dorset.own.figure.value, dorset.own.figure.special) == (None, "x")
    assert dorset.rank is not None and dorset.rank.position is None
    assert dorset.rank.out_of == 151  # 153 authorities less Dorset and City of London


def test_region_neighbours_and_rank_of_an_authority(ees_2025: EesRelease) -> None:
    found = comparators_for(code=INCL, area_code=NORTHUMBERLAND, year=2024)
    assert found.region is not None and found.region.area_code == NORTH_EAST
    assert found.region.figure.published == "47.6"
    neighbours = StatisticalNeighbour.objects.filter(la_code=NORTHUMBERLAND)
    values = [
        comparator(
            table="timeliness_20_week",
            indicator="pc_plans_issued_within_20_weeks",
            time_period="2024",
            area_code=n.neighbour_code,
            filters={
                "breakdown_topic": "All EHC plans issued",
                "breakdown": "All EHC plans issued",
            },
        ).value
        for n in neighbours
    ]
    exact = sum(values, Decimal(0)) / len(values)
    average = found.neighbours_average
    assert average is not None and (average.used, average.neighbours) == (10, 10)
    assert average.value == exact.quantize(Decimal("0.1"))
    assert found.rank is not None and found.rank.out_of == 153
    higher = sum(
        1
        for row in published_csv("timeliness_20_week")
        if row["time_period"] == "2024"
        and row["geographic_level"] == "Local authority"
        and row["breakdown"] == "All EHC plans issued"
        and Decimal(row["pc_plans_issued_within_20_weeks"]) > Decimal("46.8")
    )
    assert found.rank.position == higher + 1


def test_a_region_compares_with_england_only(ees_2025: EesRelease) -> None:
    found = comparators_for(code=EXCL, area_code=NORTH_EAST, year=2024)
    assert found.area.name == "North East" and found.area.level == "regional"
    assert found.own is not None and found.own.figure.published == "49"
    assert found.england is not None and found.england.figure.published == "46.4"
    assert (found.region, found.neighbours_average, found.rank) == (None, None, None)


def test_stocks_are_the_january_census_after_the_year(ees_2025: EesRelease) -> None:
    found = comparators_for(code="plans_in_place", area_code=ENGLAND, year=2024)
    assert found.time_period == "202425"
    assert found.england is not None and found.england.figure.value == 638745
    asd = comparators_for(code="primary_need_asd", area_code=ENGLAND, year=2024)
    assert asd.england is not None and asd.england.figure.published == "31.5"
    assert asd.england.numerator.value == 201183 and asd.england.denominator.value == 638745


def test_every_mapped_indicator_has_an_england_figure_for_2024(ees_2025: EesRelease) -> None:
    assert set(COMPARATOR_SOURCES) <= set(INDICATORS)
    for code in COMPARATOR_SOURCES:
        found = comparators_for(code=code, area_code=ENGLAND, year=2024)
        assert found.england is not None, code
        assert found.england.figure.value is not None, code


def test_a_year_not_published_is_none_not_zero(ees_2025: EesRelease) -> None:
    found = comparators_for(code=EXCL, area_code=NORTHUMBERLAND, year=2031)
    assert (found.own, found.england, found.region) == (None, None, None)


def test_indicators_without_a_dfe_equivalent_have_no_source(ees_2025: EesRelease) -> None:
    found = comparators_for(code="advice_within_6_weeks", area_code=ENGLAND, year=2024)
    assert found.source is None and found.england is None


def test_unknown_codes_and_areas_are_errors(ees_2025: EesRelease) -> None:
    with pytest.raises(UnknownIndicator):
        comparators_for(code="nonsense", area_code=ENGLAND, year=2024)
    with pytest.raises(UnknownArea, match="not an ONS area code"):
        area_named("Northumberland")
    with pytest.raises(UnknownArea, match="No published figures"):
        area_named("E06999999")


def test_the_demo_area_borrows_northumberland(ees_2025: EesRelease) -> None:
    la = LocalAuthorityFactory(name=names.LA_NAME, ons_code=names.ONS_CODE)
    AreaComparison.objects.create(
        local_authority=la,
        compares_as=names.COMPARES_AS,
        region_code=names.REGION_CODE,
        neighbours_of=names.COMPARES_AS,
    )
    demo = comparators_for(code=INCL, area_code=names.ONS_CODE, year=2024)
    real = comparators_for(code=INCL, area_code=NORTHUMBERLAND, year=2024)
    assert demo.area.name == names.LA_NAME and demo.area.compares_as == NORTHUMBERLAND
    assert (demo.own, demo.england, demo.region) == (real.own, real.england, real.region)
    assert (demo.neighbours_average, demo.rank) == (real.neighbours_average, real.rank)


@pytest.mark.django_db
def test_the_demo_generator_sets_the_comparison_and_reset_removes_it() -> None:
    generate_area(children=20, seed=3, today=dt.date(2026, 3, 4), reset=False, progress=False)
    la = demo_la()
    assert la is not None
    comparison = AreaComparison.objects.get(local_authority=la)
    assert (comparison.compares_as, comparison.region_code, comparison.neighbours_of) == (
        NORTHUMBERLAND,
        NORTH_EAST,
        NORTHUMBERLAND,
    )
    assert "fictional" in comparison.note
    area_reset()
    assert not AreaComparison.objects.exists()


# --- every special value (a tiny synthetic release of the same table) ---------------------

SPECIALS = ["c", "x", "z", ":", "k", "low", "u"]
HEADER = (
    "time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
    "region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,"
    "PC_plans_issued_20_weeks_ex,plans_issued_20_weeks_ex,plans_issued_den_ex"
)
ALL = "All EHC plans issued,All EHC plans issued"


def la_line(index: int, percent: str, count: str) -> str:
    return (
        f"2030,Calendar year,Local authority,E92000001,England,E12000001,North East,"
        f"E0600{index:04d},{900 + index},LA {index},{ALL},{percent},{count},{count}"
    )


@pytest.mark.django_db
def test_every_special_value_is_passed_on_never_zero(tmp_path: Path) -> None:
    lines = [
        HEADER,
        f"2030,Calendar year,National,E92000001,England,,,,,,{ALL},50.5,101,200",
        f"2030,Calendar year,Regional,E92000001,England,E12000001,North East,,,,{ALL},k,c,x",
        la_line(0, "40", "40"),
        *(la_line(index + 1, special, special) for index, special in enumerate(SPECIALS)),
    ]
    path = tmp_path / "test-timeliness_2030.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("data/timeliness_20_week.csv", "\n".join(lines) + "\n")
    ees_import(path=path, progress=False, say=quiet)
    for index, special in enumerate(SPECIALS):
        found = comparators_for(code=EXCL, area_code=f"E0600{index + 1:04d}", year=2030)
        assert found.own is not None
        assert (found.own.figure.value, found.own.figure.special) == (None, special)
        assert found.own.numerator.special == special and found.own.numerator.value is None
        assert found.rank is not None and (found.rank.position, found.rank.out_of) == (None, 1)
        assert found.region is not None and found.region.figure.special == "k"
        assert found.region.numerator.special == "c" and found.region.denominator.special == "x"
        assert found.england is not None and found.england.figure.value == Decimal("50.5")
    number = comparators_for(code=EXCL, area_code="E06000000", year=2030)
    assert number.rank is not None and (number.rank.position, number.rank.out_of) == (1, 1)
