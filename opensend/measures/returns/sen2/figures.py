"""The 20-week figures read back from a SEN2 XML file, with the live formulas.

Pure Python (no Django). Each Assessment with outcome "Y" (a plan was issued) becomes a
PlanRow: issued on its AssessmentOutcomeDate, requested on its Request's ReceivedDate,
with the Week20 exception flag. The indicator formulas (opensend.statutory.indicators)
then count exactly as the dashboard does, so a test can check the two agree.
"""

from __future__ import annotations

from datetime import date

from lxml import etree

from opensend.statutory.indicators.definitions import IndicatorValue, Period
from opensend.statutory.indicators.formulas import (
    plans_issued_within_20_weeks_excl_exceptions,
    plans_issued_within_20_weeks_incl_exceptions,
)
from opensend.statutory.indicators.rows import PlanRow

__all__ = ["plan_rows_from_xml", "twenty_week_figures"]


def _date(element: etree._Element, tag: str) -> date | None:
    text = element.findtext(tag)
    return date.fromisoformat(text) if text else None


def plan_rows_from_xml(xml: bytes) -> list[PlanRow]:
    """One PlanRow per plan the XML says was issued after an assessment."""
    rows = []
    for request in etree.fromstring(xml).iterfind("Persons/Person/Requests/Request"):
        assessment = request.find("Assessment")
        if assessment is None or assessment.findtext("AssessmentOutcome") != "Y":
            continue
        issued = _date(assessment, "AssessmentOutcomeDate")
        if issued is None:
            continue
        rows.append(
            PlanRow(
                issued=issued,
                request_received=_date(request, "ReceivedDate"),
                exception_applies=assessment.findtext("Week20") == "1",
            )
        )
    return rows


def twenty_week_figures(xml: bytes, period: Period) -> dict[str, IndicatorValue]:
    """Both published 20-week figures for the plans issued in ``period``."""
    rows = plan_rows_from_xml(xml)
    return {
        "plans_issued_within_20_weeks_excl_exceptions": (
            plans_issued_within_20_weeks_excl_exceptions(rows, period)
        ),
        "plans_issued_within_20_weeks_incl_exceptions": (
            plans_issued_within_20_weeks_incl_exceptions(rows, period)
        ),
    }
