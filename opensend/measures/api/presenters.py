"""The API's JSON shapes (the schemas are opensend/measures/openapi/indicators.yaml)."""

from decimal import Decimal
from typing import Any

from opensend.measures.api.figures import IndicatorFigure
from opensend.measures.comparators.published import ComparatorValue
from opensend.measures.comparators.selectors import Area, Comparators, Published
from opensend.measures.comparators.sources import COMPARATOR_SOURCES, ComparatorSource
from opensend.statutory.indicators import Indicator

EES_PUBLICATION = (
    "https://explore-education-statistics.service.gov.uk/find-statistics/"
    "education-health-and-care-plans"
)
JSON = dict[str, Any]


def number(value: Decimal | None) -> int | float | None:
    """A Decimal as a JSON number: whole numbers as integers, others as published (46.4)."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def indicator(ind: Indicator, *, self_url: str) -> JSON:
    source = COMPARATOR_SOURCES.get(ind.code)
    links: JSON = {"self": self_url}
    if source is not None:
        links["dfe_publication"] = EES_PUBLICATION
    return {
        "code": ind.code,
        "name": ind.name,
        "unit": ind.unit,
        "polarity": ind.polarity,
        "definition": {
            "numerator": ind.numerator,
            "denominator": ind.denominator or None,
            "period": ind.period,
            "exclusions": ind.exclusions or None,
        },
        "source": ind.source,
        "dfe_comparator": None if source is None else _source(source),
        "links": links,
    }


def _source(source: ComparatorSource) -> JSON:
    return {
        "table": source.table,
        "indicator": source.indicator,
        "filters": dict(source.filters),
        "period": source.period,
        "same_definition": source.same_definition,
        "note": source.note or None,
    }


def area(found: Area) -> JSON:
    return {
        "code": found.code,
        "name": found.name,
        "level": found.level,
        "compares_as": found.compares_as,
        "region": found.region_code,
        "note": found.note or None,
    }


def _value(found: ComparatorValue | None) -> JSON | None:
    if found is None:
        return None
    return {"value": number(found.value), "special": found.special}


def published(found: Published | None) -> JSON | None:
    if found is None:
        return None
    return {
        "area": found.area_code,
        "value": number(found.figure.value),
        "special": found.figure.special,
        "suppressed": found.figure.special == "c",
        "numerator": _value(found.numerator),
        "denominator": _value(found.denominator),
    }


def comparators(found: Comparators) -> JSON:
    average = found.neighbours_average
    rank = found.rank
    return {
        "time_period": found.time_period,
        "area": published(found.own),
        "england": published(found.england),
        "region": published(found.region),
        "neighbours_average": None
        if average is None
        else {"value": number(average.value), "used": average.used, "of": average.neighbours},
        "rank": None
        if rank is None
        else {"position": rank.position, "out_of": rank.out_of, "order": "highest_first"},
    }


def figure(found: IndicatorFigure, ind: Indicator) -> JSON:
    period = found.period
    return {
        "code": found.code,
        "name": ind.name,
        "unit": ind.unit,
        "polarity": ind.polarity,
        "area": area(found.comparators.area),
        "period": found.year,
        "figure": found.figure,
        "live_period": None
        if period is None
        else {"start": period.start.isoformat(), "end": period.end.isoformat()},
        "value": number(found.value),
        "numerator": found.numerator,
        "denominator": found.denominator,
        "suppressed": found.suppressed,
        "special": found.special,
        "dfe_comparator": None
        if found.comparators.source is None
        else _source(found.comparators.source),
        "comparators": comparators(found.comparators),
    }
