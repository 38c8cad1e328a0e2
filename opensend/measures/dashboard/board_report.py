"""The monthly board report: every indicator as stored at the end of a month, beside its
comparators, as a PDF (WeasyPrint, rendered offline like the plan documents).

Built only from the stored snapshots, never from the live record, so the report for
March is what the board saw in March however the record has changed since.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.http import Http404
from django.template.loader import render_to_string

from opensend.core.documents import pdf_from_html
from opensend.measures.dashboard import wording
from opensend.measures.dashboard.presenters import Comparators, comparator_value_text, counts_text
from opensend.measures.dashboard.sections import SECTIONS
from opensend.statutory.indicators import Indicator, IndicatorValue

MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
COMPARATOR_COLUMNS = ("England", "Region", "Statistical neighbours")
ENGLAND, NEIGHBOURS = "England", "Statistical neighbours' average"


def month_from_text(text: str) -> dt.date:
    """ "2026-10" -> 1 October 2026; anything else is a 404 (it is part of the URL)."""
    found = MONTH.match(text)
    if found is None:
        raise Http404("Not a month")
    return dt.date(int(found.group(1)), int(found.group(2)), 1)


@dataclass(frozen=True)
class BoardRow:
    name: str
    value: str
    counts: str
    comparators: tuple[str, ...]  # one per COMPARATOR_COLUMNS, "" when none
    polarity: str


@dataclass
class BoardSection:
    title: str
    rows: list[BoardRow] = field(default_factory=list)


def _comparator_texts(indicator: Indicator, comparators: Comparators) -> tuple[str, ...]:
    """England, the region (whatever its name) and the neighbours, each in its column."""
    england = comparators.line(ENGLAND)
    neighbours = comparators.line(NEIGHBOURS)
    region = next((x for x in comparators.lines if x.name not in (ENGLAND, NEIGHBOURS)), None)
    return tuple(
        comparator_value_text(indicator, line) if line else ""
        for line in (england, region, neighbours)
    )


def board_sections(
    stored: Mapping[str, IndicatorValue], comparators: Mapping[str, Comparators]
) -> list[BoardSection]:
    """Every indicator in its section; one that was not stored that month says so."""
    sections = []
    for section in SECTIONS:
        shown = BoardSection(section.title)
        for indicator in section.indicators:
            value = stored.get(indicator.code)
            shown.rows.append(
                BoardRow(
                    name=indicator.name,
                    value=wording.format_value(indicator, value.value) if value else "Not stored",
                    counts=counts_text(indicator, value),
                    comparators=_comparator_texts(
                        indicator, comparators.get(indicator.code, Comparators())
                    ),
                    polarity=wording.POLARITY_WORDS[indicator.polarity],
                )
            )
        sections.append(shown)
    return sections


def board_report_html(
    *,
    area_name: str,
    month: dt.date,
    taken_on: dt.date,
    comparator_year: int | None,
    sections: list[BoardSection],
) -> str:
    return render_to_string(
        "measures/board_report_document.html",
        {
            "area_name": area_name,
            "month": month.strftime("%B %Y"),
            "taken_on": f"{taken_on.day} {taken_on:%B %Y}",
            "comparator_year": comparator_year,
            "columns": COMPARATOR_COLUMNS,
            "sections": sections,
        },
        using="jinja2",
    )


def board_report_pdf(html: str) -> bytes:
    return pdf_from_html(html)
