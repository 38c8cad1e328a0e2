"""INDICATORS: every live measure by its stable code. Codes are never renamed."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from itertools import chain
from typing import Final

from opensend.statutory.clock import ADVICE_SOURCES
from opensend.statutory.codes import CeaseReason, NeedType
from opensend.statutory.indicators import formulas as f
from opensend.statutory.indicators.definitions import (
    Formula,
    Indicator,
    IndicatorValue,
    Period,
    Polarity,
    Unit,
)
from opensend.statutory.indicators.registry_more import more_definitions
from opensend.statutory.indicators.rows import MeasureRows, PlanRow, RequestRow, ReviewRow

__all__ = ["INDICATORS"]

REG = "SEND Regulations 2014 (SI 2014/1530)"
DFE_EHC = "DfE, Education, health and care plans (SEN2)"
ADVICE_NAMES: Final = {
    "education": "education (the setting)",
    "health": "health",
    "social_care": "social care",
    "psychology": "educational psychology",
    "other": "other",
}


def _ind(
    code: str,
    name: str,
    *,
    numerator: str,
    denominator: str = "",
    period: str,
    exclusions: str = "",
    source: str,
    polarity: Polarity,
    unit: Unit,
    formula: Formula,
) -> Indicator:
    return Indicator(
        code=code,
        name=name,
        numerator=numerator,
        denominator=denominator,
        period=period,
        exclusions=exclusions,
        source=source,
        polarity=polarity,
        unit=unit,
        formula=formula,
    )


def _requests(fn: Callable[[Sequence[RequestRow], Period], IndicatorValue]) -> Formula:
    return lambda rows, period: fn(rows.requests, period)


def _plans(
    fn: Callable[[Sequence[PlanRow], Period, dict[object, object] | None], IndicatorValue],
) -> Formula:
    return lambda rows, period: fn(rows.plans, period, rows.memo)


def _reviews(fn: Callable[[Sequence[ReviewRow], Period], IndicatorValue]) -> Formula:
    return lambda rows, period: fn(rows.reviews, period)


def _advice(source: str | None) -> Formula:
    return lambda rows, period: f.advice_within_6_weeks(rows.advice, period, source, memo=rows.memo)


def _transfers(kind: str) -> Formula:
    return lambda rows, period: f.phase_transfers_finalised_on_time(rows.transfers, period, kind)


def _ceased(reason: str | None) -> Formula:
    return lambda rows, period: f.plans_ceased(rows.plans, period, reason, rows.memo)


def _need(need: str) -> Formula:
    return lambda rows, period: f.primary_need_share(rows.plans, period, need, rows.memo)


def _in_place(rows: MeasureRows, period: Period) -> IndicatorValue:
    return f.plans_in_place(rows.plans, period, rows.memo)


def _caseload(rows: MeasureRows, period: Period) -> IndicatorValue:
    return f.caseload_per_coordinator(rows.cases, period)


NEW_PLANS = "new EHC plans (after an initial request) issued in the period"
NO_REQUEST = "plans with no initial request here (transferred in from another LA)"


def _definitions() -> Iterator[Indicator]:
    yield _ind(
        "ehc_requests_received",
        "EHC needs assessment requests received",
        numerator="initial requests for an EHC needs assessment received",
        period="request received in the period",
        exclusions="re-assessment requests",
        source=f"CFA 2014 s36(1); {DFE_EHC}: initial requests",
        polarity="neutral",
        unit="count",
        formula=_requests(f.ehc_requests_received),
    )
    yield _ind(
        "requests_decided_within_6_weeks",
        "Decisions whether to assess made within 6 weeks",
        numerator="decisions notified within 6 weeks of the request",
        denominator="decisions whether to assess notified in the period",
        period="decision notified in the period",
        exclusions="requests not yet decided",
        source=f"{REG} Reg 5(1)",
        polarity="higher_is_better",
        unit="percent",
        formula=_requests(f.requests_decided_within_6_weeks),
    )
    yield _ind(
        "requests_refused",
        "Requests refused (decided not to assess)",
        numerator="requests the LA decided not to assess",
        denominator="requests received in the period with a decision",
        period="request received in the period",
        exclusions="requests not yet decided",
        source=f"{DFE_EHC}: requests refused (not assessed)",
        polarity="neutral",
        unit="percent",
        formula=_requests(f.requests_refused),
    )
    yield _ind(
        "new_plans",
        "New EHC plans issued",
        numerator=NEW_PLANS,
        period="final plan issued in the period",
        exclusions=NO_REQUEST,
        source=f"{DFE_EHC}: new plans",
        polarity="neutral",
        unit="count",
        formula=_plans(f.new_plans),
    )
    yield _ind(
        "plans_issued_within_20_weeks_excl_exceptions",
        "New plans issued within 20 weeks, excluding exceptions",
        numerator="of those, plans issued on or before request + 20 weeks",
        denominator=NEW_PLANS + ", without an exception",
        period="final plan issued in the period",
        exclusions="every plan a Reg 13(3) exception applied to (on time or not); " + NO_REQUEST,
        source=f"{REG} Reg 13(2), 13(3); {DFE_EHC}: timeliness excluding exceptions",
        polarity="higher_is_better",
        unit="percent",
        formula=_plans(f.plans_issued_within_20_weeks_excl_exceptions),
    )
    yield _ind(
        "plans_issued_within_20_weeks_incl_exceptions",
        "New plans issued within 20 weeks, including exceptions",
        numerator="of those, plans issued on or before request + 20 weeks",
        denominator=NEW_PLANS,
        period="final plan issued in the period",
        exclusions=NO_REQUEST,
        source=f"{REG} Reg 13(2); {DFE_EHC}: timeliness including exceptions",
        polarity="higher_is_better",
        unit="percent",
        formula=_plans(f.plans_issued_within_20_weeks_incl_exceptions),
    )
    yield _ind(
        "plans_issued_over_52_weeks",
        "New plans taking over 52 weeks",
        numerator="of those, plans issued more than 52 weeks after the request",
        denominator=NEW_PLANS,
        period="final plan issued in the period",
        exclusions=NO_REQUEST,
        source=f"{DFE_EHC}: plans taking over 52 weeks",
        polarity="lower_is_better",
        unit="percent",
        formula=_plans(f.plans_issued_over_52_weeks),
    )
    yield _ind(
        "average_weeks_to_issue",
        "Average weeks from request to final plan",
        numerator="total days from request to final plan, divided by 7",
        denominator=NEW_PLANS,
        period="final plan issued in the period",
        exclusions=NO_REQUEST,
        source=f"{REG} Reg 13(2)",
        polarity="lower_is_better",
        unit="weeks",
        formula=_plans(f.average_weeks_to_issue),
    )
    for source in (None, *ADVICE_SOURCES):
        label = "all agencies" if source is None else ADVICE_NAMES[source]
        yield _ind(
            "advice_within_6_weeks" + ("" if source is None else f"_{source}"),
            f"Advice returned within 6 weeks: {label}",
            numerator="advice received on or before request for it + 6 weeks",
            denominator="advice requests falling due in the period"
            + ("" if source is None else f" from {label}"),
            period="advice due (requested + 6 weeks) in the period",
            exclusions="none: Reg 8(2) exceptions are not taken out",
            source=f"{REG} Reg 8(1)",
            polarity="higher_is_better",
            unit="percent",
            formula=_advice(source),
        )
    yield _ind(
        "plans_in_place",
        "EHC plans in place",
        numerator="plans issued on or before the last day of the period and not ceased by then",
        period="a snapshot on the last day of the period (SEN2: the census date)",
        source=f"{DFE_EHC}: EHC plans in place in January",
        polarity="neutral",
        unit="count",
        formula=_in_place,
    )
    yield _ind(
        "annual_reviews_due",
        "Annual reviews due",
        numerator="annual reviews falling due (12 months after the plan or last review)",
        period="review due in the period",
        source=f"CFA 2014 s44(1); {DFE_EHC}: annual reviews due",
        polarity="neutral",
        unit="count",
        formula=_reviews(f.reviews_due),
    )
    yield _ind(
        "annual_reviews_held",
        "Annual review meetings held",
        numerator="annual review meetings held",
        period="meeting held in the period",
        source="CFA 2014 s44(1); " + REG + " Reg 20",
        polarity="neutral",
        unit="count",
        formula=_reviews(f.reviews_held),
    )
    yield _ind(
        "annual_reviews_held_by_due_date",
        "Annual reviews held by their due date",
        numerator="reviews whose meeting was held on or before the due date",
        denominator="annual reviews falling due in the period",
        period="review due in the period",
        source="CFA 2014 s44(1)",
        polarity="higher_is_better",
        unit="percent",
        formula=_reviews(f.reviews_held_by_due_date),
    )
    yield _ind(
        "review_decisions_within_4_weeks",
        "Review decisions made within 4 weeks of the meeting",
        numerator="decisions (maintain, amend, cease) notified within 4 weeks of the meeting",
        denominator="review meetings held in the period",
        period="meeting held in the period",
        source=f"{REG} Reg 20(10); {DFE_EHC}: reviews with a decision within 4 weeks",
        polarity="higher_is_better",
        unit="percent",
        formula=_reviews(f.review_decisions_within_4_weeks),
    )
    yield _ind(
        "amended_plans_within_12_weeks",
        "Amended plans issued within 12 weeks of the review meeting",
        numerator="final amended plans issued within 12 weeks of the meeting",
        denominator="review meetings held in the period where the LA decided to amend",
        period="meeting held in the period",
        exclusions="amendments proposed outside an annual review",
        source=f"{REG} Reg 20(10), Reg 22(3); R (L, M & P) v Devon CC [2022] EWHC 493 (Admin)",
        polarity="higher_is_better",
        unit="percent",
        formula=_reviews(f.amended_plans_within_12_weeks),
    )
    for kind, deadline, rule in (
        ("school", "15_february", "Reg 18(1)(b)"),
        ("post16", "31_march", "Reg 18(1)(a)"),
    ):
        label = "15 February" if kind == "school" else "31 March"
        yield _ind(
            f"phase_transfers_finalised_by_{deadline}",
            f"Phase transfers finalised by {label}",
            numerator=f"plans amended or issued naming the new setting by {label}",
            denominator=("school phase transfers" if kind == "school" else "transfers to post-16")
            + f" whose {label} deadline falls in the period",
            period=f"{label} of the year of transfer falls in the period",
            source=f"{REG} {rule}; SEND Code of Practice 9.179",
            polarity="higher_is_better",
            unit="percent",
            formula=_transfers(kind),
        )
    yield _ind(
        "plans_ceased",
        "EHC plans ceased",
        numerator="plans ceased, for any reason",
        period="plan ceased in the period",
        source=f"CFA 2014 s45; {DFE_EHC}: plans ceased",
        polarity="neutral",
        unit="count",
        formula=_ceased(None),
    )
    for reason in CeaseReason:
        yield _ind(
            f"plans_ceased_{reason.name.lower()}",
            f"EHC plans ceased: {reason.label}",
            numerator=f"plans ceased with SEN2 reason {reason.value} ({reason.label})",
            period="plan ceased in the period",
            source=f"{DFE_EHC}: plans ceased by reason",
            polarity="neutral",
            unit="count",
            formula=_ceased(reason.value),
        )
    for need in NeedType:
        yield _ind(
            f"primary_need_{need.value.lower()}",
            f"Plans with primary need: {need.label}",
            numerator=f"plans in place whose primary need (rank 1) is {need.value}",
            denominator="plans in place with a primary need recorded",
            period="a snapshot on the last day of the period",
            exclusions="plans with no primary need recorded",
            source=f"{DFE_EHC}: primary need (SEN2 need type)",
            polarity="neutral",
            unit="percent",
            formula=_need(need.value),
        )
    yield _ind(
        "caseload_per_coordinator",
        "Caseload per EHC coordinator",
        numerator="open cases allocated to a caseworker on the last day of the period",
        denominator="caseworkers holding at least one open case then",
        period="a snapshot on the last day of the period",
        exclusions="unallocated cases",
        source="Local management measure (no statutory or DfE definition)",
        polarity="lower_is_better",
        unit="ratio",
        formula=_caseload,
    )


INDICATORS: Final[dict[str, Indicator]] = {
    ind.code: ind for ind in chain(_definitions(), more_definitions())
}
