"""Indicators added after the first 46: placements, disputes, advice without exceptions
and the backlog of open requests (issue 9).

Kept apart from registry.py (which chains these after its own) only for module length;
codes are never renamed once published.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from opensend.statutory.indicators import backlog as b
from opensend.statutory.indicators import disputes as d
from opensend.statutory.indicators import formulas as f
from opensend.statutory.indicators import placements as p
from opensend.statutory.indicators.definitions import (
    Formula,
    Indicator,
    IndicatorValue,
    Period,
)
from opensend.statutory.indicators.rows import MeasureRows

__all__ = ["more_definitions"]

REG = "SEND Regulations 2014 (SI 2014/1530)"
DFE_EHC = "DfE, Education, health and care plans (SEN2)"
MOJ = "MoJ, Tribunal statistics quarterly: SEND appeals"
IN_PLACE = "a snapshot on the last day of the period (SEN2: the census date)"
PLACEMENT_LABELS: Final = {
    "mainstream": "mainstream schools and early years settings",
    "special": "state-funded special schools",
    "independent": "independent and non-maintained special schools",
    "post16": "further education and other post-16 institutions",
    "elsewhere": "elsewhere (no setting named: NEET, elective home education, other)",
}


def _placement(placement: str) -> Formula:
    return lambda rows, period: p.placement_share(rows.plans, period, placement, rows.memo)


def _area(in_area: bool) -> Formula:
    return lambda rows, period: p.placed_in_area(rows.plans, period, in_area, rows.memo)


def _registered(kind: str) -> Formula:
    return lambda rows, period: d.disputes_registered(rows.disputes, period, kind)


def _concluded(kind: str) -> Formula:
    return lambda rows, period: d.disputes_concluded(rows.disputes, period, kind)


def _agreement(rows: MeasureRows, period: Period) -> IndicatorValue:
    return d.mediation_agreement_reached(rows.disputes, period)


def _upheld(rows: MeasureRows, period: Period) -> IndicatorValue:
    return d.tribunal_appeals_upheld(rows.disputes, period)


def _advice_excl(rows: MeasureRows, period: Period) -> IndicatorValue:
    return f.advice_within_6_weeks(rows.advice, period, exclude_exceptions=True, memo=rows.memo)


def _open_requests(rows: MeasureRows, period: Period) -> IndicatorValue:
    return b.open_requests(rows.backlog, period, rows.memo)


def _past(weeks: int) -> Formula:
    return lambda rows, period: b.open_requests_past(rows.backlog, period, weeks, rows.memo)


def _aged(band: b.AgeBand) -> Formula:
    return lambda rows, period: b.open_requests_aged(rows.backlog, period, band, rows.memo)


OPEN = (
    "requests received by the last day of the period with no final plan issued by then, "
    "nor a decision not to assess or not to issue a plan"
)
ON_LAST_DAY = "a snapshot on the last day of the period"
BACKLOG = "Local management measure: the backlog behind the DfE's timeliness figures"


def _backlog() -> Iterator[Indicator]:
    """Requests still waiting for a final plan (issue 9): the DfE's figures count a
    plan only once issued, so these show the wait the published figures cannot yet."""
    yield Indicator(
        code="open_requests",
        name="Open requests waiting for a final plan",
        numerator=OPEN,
        denominator="",
        period=ON_LAST_DAY,
        exclusions="re-assessment requests; plans transferred in from another LA",
        source=f"{REG} Reg 5(1), 10(1), 13(2); {BACKLOG}",
        polarity="neutral",
        unit="count",
        formula=_open_requests,
    )
    limits = ((b.FINAL_PLAN_WEEKS, f"{REG} Reg 13(2)"), (b.LONG_WAIT_WEEKS, f"{DFE_EHC}: 52 weeks"))
    for weeks, limit in limits:
        yield Indicator(
            code=f"open_requests_past_{weeks}_weeks",
            name=f"Open requests past {weeks} weeks with no final plan",
            numerator=f"{OPEN}, received more than {weeks} weeks before that day",
            denominator="",
            period=ON_LAST_DAY,
            exclusions="re-assessment requests",
            source=f"{limit}; {BACKLOG}",
            polarity="lower_is_better",
            unit="count",
            formula=_past(weeks),
        )
    for band in b.AGE_BANDS:
        yield Indicator(
            code=f"open_requests_aged_{band.key}",
            name=f"Open requests waiting {band.label}",
            numerator=f"open requests whose wait since the request is {band.label}",
            denominator=OPEN,
            period=ON_LAST_DAY,
            exclusions="re-assessment requests",
            source=f"{REG} Reg 5(1), 10(1), 13(2); {BACKLOG}",
            polarity="neutral",
            unit="percent",
            formula=_aged(band),
        )


def _placements() -> Iterator[Indicator]:
    for key, label in PLACEMENT_LABELS.items():
        yield Indicator(
            code=f"placements_{key}",
            name=f"Plans in place: placed in {p.PLACEMENTS[key].lower()}",
            numerator=f"plans in place whose named setting is in {label}",
            denominator="plans in place",
            period=IN_PLACE,
            exclusions="",
            source=f"{DFE_EHC}: placements of children and young people with EHC plans",
            polarity="neutral",
            unit="percent",
            formula=_placement(key),
        )
    for in_area, where in ((True, "in_area"), (False, "out_of_area")):
        words = "in" if in_area else "outside"
        yield Indicator(
            code=f"placements_{where}",
            name=f"Plans in place: setting {words} the local authority's area",
            numerator=f"plans in place whose named setting is {words} the area",
            denominator="plans in place that name a setting",
            period=IN_PLACE,
            exclusions="plans naming no setting (placed elsewhere)",
            source=f"{DFE_EHC}: placements in and out of the area",
            polarity="neutral",
            unit="percent",
            formula=_area(in_area),
        )


def _disputes() -> Iterator[Indicator]:
    for kind, prefix, name, source in (
        ("mediation", "mediation_cases", "Mediation cases", "CFA 2014 s53-55; " + REG + " Part 6"),
        ("tribunal", "tribunal_appeals", "Tribunal appeals", "CFA 2014 s51; " + MOJ),
    ):
        yield Indicator(
            code=f"{prefix}_registered",
            name=f"{name} registered",
            numerator=f"{name.lower()} registered (started)",
            denominator="",
            period="started in the period",
            exclusions="",
            source=source,
            polarity="neutral",
            unit="count",
            formula=_registered(kind),
        )
        yield Indicator(
            code=f"{prefix}_concluded",
            name=f"{name} concluded",
            numerator=f"{name.lower()} concluded, whatever the outcome",
            denominator="",
            period="concluded in the period",
            exclusions="",
            source=source,
            polarity="neutral",
            unit="count",
            formula=_concluded(kind),
        )
    yield Indicator(
        code="mediation_agreement_reached",
        name="Mediations ending in agreement",
        numerator="mediations whose recorded outcome is an agreement",
        denominator="mediations concluded in the period with an outcome recorded",
        period="concluded in the period",
        exclusions="mediations with no outcome recorded",
        source=f"CFA 2014 s53-55; {REG} Reg 33",
        polarity="higher_is_better",
        unit="percent",
        formula=_agreement,
    )
    yield Indicator(
        code="tribunal_appeals_upheld",
        name="Tribunal appeals upheld",
        numerator="appeals the tribunal upheld (fully or in part)",
        denominator="appeals the tribunal decided (upheld or dismissed) in the period",
        period="concluded in the period",
        exclusions="appeals conceded by the LA, withdrawn or settled before a decision",
        source=f"CFA 2014 s51; {MOJ}: appeals decided and upheld",
        polarity="lower_is_better",
        unit="percent",
        formula=_upheld,
    )


def more_definitions() -> Iterator[Indicator]:
    yield Indicator(
        code="advice_within_6_weeks_excl_exceptions",
        name="Advice returned within 6 weeks, excluding exceptions: all agencies",
        numerator="advice received on or before request for it + 6 weeks",
        denominator="advice requests falling due in the period, without a Reg 8(2) exception",
        period="advice due (requested + 6 weeks) in the period",
        exclusions="every advice request a Reg 8(2) exception applied to (on time or not)",
        source=f"{REG} Reg 8(1), 8(2)",
        polarity="higher_is_better",
        unit="percent",
        formula=_advice_excl,
    )
    yield from _placements()
    yield from _disputes()
    yield from _backlog()
