"""The 20-week figures read back from the SEN2 XML equal the live dashboard's figures
(opensend.measures.live.live_figures) for the same area and year: the return and the
dashboard can never disagree."""

import datetime as dt
from decimal import Decimal

import pytest

from opensend.measures.live import live_figures
from opensend.measures.returns.sen2.exports import area_cases, sen2_build
from opensend.measures.returns.sen2.figures import plan_rows_from_xml, twenty_week_figures
from opensend.measures.returns.sen2.records import activity_period
from opensend.nonprod.generator import generate_area
from opensend.nonprod.generator.store import demo_la
from opensend.people.models import Organisation
from tests.measures.sen2_area import CENSUS, build_area

pytestmark = pytest.mark.django_db

CODES = (
    "plans_issued_within_20_weeks_excl_exceptions",
    "plans_issued_within_20_weeks_incl_exceptions",
)


def _compare(la: Organisation, census: dt.date, today: dt.date) -> dict[str, object]:
    export = sen2_build(cases=area_cases(la), local_authority=la, census_date=census, today=today)
    period = activity_period(census)
    from_xml = twenty_week_figures(export.xml(), period)
    live = {
        f.code: f.value for f in live_figures(local_authority_id=la.pk, period=period, codes=CODES)
    }
    for code in CODES:
        assert from_xml[code] == live[code], (code, from_xml[code], live[code])
    return from_xml


def test_the_small_area_matches_the_live_figures_and_the_hand_count(today: dt.date):
    area = build_area()
    figures = _compare(area.la, CENSUS, today)
    # Issued in 2026: on time (18 weeks), the college plan (18 weeks), the excepted and
    # the late plan (24 weeks each). Including exceptions: 2 of 4; excluding: 2 of 3.
    incl = figures["plans_issued_within_20_weeks_incl_exceptions"]
    excl = figures["plans_issued_within_20_weeks_excl_exceptions"]
    assert (incl.numerator, incl.denominator, incl.value) == (2, 4, Decimal("50.0"))
    assert (excl.numerator, excl.denominator, excl.value) == (2, 3, Decimal("66.7"))


def test_the_generated_demo_area_matches_the_live_figures(today: dt.date):
    generate_area(seed=7, children=120, today=today, progress=False)
    la = demo_la()
    assert la is not None
    # The demo's activity runs to today: compare this year (census 2027) and last year.
    for census in (dt.date(2026, 1, 15), CENSUS):
        figures = _compare(la, census, today)
        assert figures[CODES[1]].denominator, f"no plans issued before {census}"


def test_rows_read_from_the_xml_are_the_plans_issued(today: dt.date):
    area = build_area()
    export = sen2_build(
        cases=area_cases(area.la), local_authority=area.la, census_date=CENSUS, today=today
    )
    rows = plan_rows_from_xml(export.xml())
    issued_2026 = sorted(r.issued for r in rows if r.issued.year == 2026)
    assert issued_2026 == sorted(
        [
            area.on_time.plan.first_issued_on,
            area.college.plan.first_issued_on,
            area.excepted.plan.first_issued_on,
            area.late.plan.first_issued_on,
        ]
    )
    assert [r.exception_applies for r in rows if r.issued == area.excepted.plan.first_issued_on]
