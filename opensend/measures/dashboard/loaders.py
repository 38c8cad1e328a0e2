"""Gather what a page needs from dashboard/sources.py and hand it to the presenters."""

from __future__ import annotations

import datetime as dt

from opensend.measures.dashboard import public as public_rules
from opensend.measures.dashboard import sources
from opensend.measures.dashboard.areas import PeriodChoice
from opensend.measures.dashboard.indicator_page import (
    BreakdownTable,
    IndicatorPage,
    breakdown_row,
    indicator_page,
)
from opensend.measures.dashboard.presenters import SectionTiles, dashboard_sections
from opensend.people.models import Organisation
from opensend.statutory.indicators import INDICATORS, Indicator, IndicatorValue

TREND_MONTHS = 12


def _headline(figures: list) -> dict[str, IndicatorValue]:
    return {figure.code: figure.value for figure in figures}


def dashboard_tiles(
    area: Organisation, choice: PeriodChoice, day: dt.date, *, public: bool = False
) -> list[SectionTiles]:
    values = _headline(sources.figures(local_authority_id=area.pk, period=choice.period))
    series = sources.monthly_series(local_authority_id=area.pk, months=TREND_MONTHS, today=day)
    comparators = sources.comparators_many(
        codes=list(values), area_code=area.ons_code, year=choice.comparator_year
    )
    if not public:
        return dashboard_sections(values, series, comparators)
    hidden = frozenset(
        code
        for code, value in values.items()
        if public_rules.is_suppressed(INDICATORS[code], value)
    )
    series = {
        code: public_rules.public_series(INDICATORS[code], points)
        for code, points in series.items()
    }
    return dashboard_sections(values, series, comparators, hidden)


def breakdown_tables(
    area: Organisation, indicator: Indicator, choice: PeriodChoice, *, public: bool = False
) -> list[BreakdownTable]:
    tables = []
    for key, title in sources.breakdowns().items():
        figures = sources.figures(
            local_authority_id=area.pk,
            period=choice.period,
            breakdown=key,
            codes=[indicator.code],
        )
        groups = [(figure.group, figure.value) for figure in figures if figure.group is not None]
        rows = (
            public_rules.public_breakdown_rows(indicator, groups)
            if public
            else tuple(breakdown_row(indicator, name, value) for name, value in groups)
        )
        tables.append(BreakdownTable(key, title, rows))
    return tables


def indicator_detail(
    area: Organisation,
    indicator: Indicator,
    choice: PeriodChoice,
    day: dt.date,
    *,
    public: bool = False,
) -> IndicatorPage:
    found = sources.figures(
        local_authority_id=area.pk, period=choice.period, codes=[indicator.code]
    )
    series = sources.monthly_series(
        local_authority_id=area.pk, months=TREND_MONTHS, today=day, codes=[indicator.code]
    )
    value = found[0].value if found else None
    points = series.get(indicator.code, [])
    if public:
        points = public_rules.public_series(indicator, points)
    return indicator_page(
        indicator,
        area_name=area.name,
        value=value,
        suppressed=public and public_rules.is_suppressed(indicator, value),
        series=points,
        comparators=sources.comparators(
            code=indicator.code, area_code=area.ons_code, year=choice.comparator_year
        ),
        breakdowns=breakdown_tables(area, indicator, choice, public=public),
    )
