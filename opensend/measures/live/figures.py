"""Every indicator computed from the live records of one local authority.

The database gives plain rows (one query per kind, see facts_*.py); the formulas of the
pure statutory package count them (see docs/adr/0008-live-measures-from-rows.md).
"""

import datetime as dt
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Final

from opensend.measures.live.facts_assessment import (
    Cutoff,
    advice_rows,
    exceptions_of,
    plan_rows,
    request_rows,
)
from opensend.measures.live.facts_backlog import backlog_rows
from opensend.measures.live.facts_other import case_rows, dispute_rows, review_rows, transfer_rows
from opensend.measures.live.people import BREAKDOWNS, groups_of, labels_of
from opensend.statutory.indicators import INDICATORS, IndicatorValue, MeasureRows, Period

__all__ = [
    "Figure",
    "UnknownBreakdown",
    "UnknownIndicator",
    "figures_from_rows",
    "live_figures",
    "measure_rows",
]

KINDS: Final = (
    "requests",
    "plans",
    "advice",
    "reviews",
    "transfers",
    "cases",
    "disputes",
    "backlog",
)


class UnknownIndicator(KeyError):
    """No indicator has that code."""


class UnknownBreakdown(KeyError):
    """No breakdown has that key."""


@dataclass(frozen=True)
class Figure:
    """One indicator's value for the whole area (``group`` None) or one breakdown group."""

    code: str
    group: str | None
    value: IndicatorValue


class _Reads(MeasureRows):
    """Empty rows that note which kinds a formula reads."""

    def __init__(self) -> None:
        super().__init__()
        object.__setattr__(self, "read", set())

    def __getattribute__(self, name: str) -> object:
        if name in KINDS:
            object.__getattribute__(self, "read").add(name)
        return object.__getattribute__(self, name)


@cache
def kinds_read(code: str) -> frozenset[str]:
    """The kinds of row the indicator's formula reads (found by running it on no rows)."""
    rows = _Reads()
    INDICATORS[code].formula(rows, Period(dt.date(2000, 1, 1), dt.date(2000, 12, 31)))
    return frozenset(object.__getattribute__(rows, "read"))


def _checked(codes: Collection[str] | None) -> list[str]:
    if codes is None:
        return list(INDICATORS)
    unknown = [code for code in codes if code not in INDICATORS]
    if unknown:
        raise UnknownIndicator(", ".join(sorted(unknown)))
    return [code for code in INDICATORS if code in set(codes)]


def measure_rows(
    *,
    local_authority_id: int,
    period: Period,
    kinds: Iterable[str] = KINDS,
    as_of: dt.date | None = None,
    summarised: bool = False,
) -> MeasureRows:
    """The rows of ``kinds`` the formulas need for ``period`` (each row's ref: its case id).

    ``summarised``: plans in place all through the period and open cases come as weighted
    rows grouped by the database (no ref): the same figures for the whole area, far fewer
    rows. A drill-down or a breakdown needs the rows one by one (the default)."""
    wanted = set(kinds)
    cutoff = Cutoff(as_of)
    la = local_authority_id
    exceptions = exceptions_of(la, cutoff) if wanted & {"plans", "advice"} else None
    builders: dict[str, Callable[[], list]] = {
        "requests": lambda: request_rows(la, period, cutoff),
        "plans": lambda: plan_rows(la, period, cutoff, exceptions, summarised),  # type: ignore[arg-type]
        "advice": lambda: advice_rows(la, period, cutoff, exceptions),  # type: ignore[arg-type]
        "reviews": lambda: review_rows(la, period, cutoff),
        "transfers": lambda: transfer_rows(la, period, cutoff),
        "cases": lambda: case_rows(la, period, cutoff, summarised),
        "disputes": lambda: dispute_rows(la, period, cutoff),
        "backlog": lambda: backlog_rows(la, period, cutoff),
    }
    return MeasureRows(**{kind: tuple(builders[kind]()) for kind in KINDS if kind in wanted})


def split_rows(rows: MeasureRows, groups: dict[int, str]) -> dict[str, MeasureRows]:
    """The rows of each group (a row whose case has no group is left out)."""
    parts: dict[str, dict[str, list]] = {}
    for kind in KINDS:
        for row in getattr(rows, kind):
            label = groups.get(row.ref)
            if label is not None:
                parts.setdefault(label, {}).setdefault(kind, []).append(row)
    return {
        label: MeasureRows(**{kind: tuple(found) for kind, found in by_kind.items()})
        for label, by_kind in parts.items()
    }


def live_figures(
    *,
    local_authority_id: int,
    period: Period,
    breakdown: str | None = None,
    codes: Collection[str] | None = None,
    as_of: dt.date | None = None,
) -> list[Figure]:
    """Each indicator (``codes``, or all) for the area in ``period``, from the live records.

    Without a breakdown: one Figure per code, group None. With one: for each code, the
    whole area's Figure (group None) first, then one per group of the breakdown in
    display order (every fixed group, even when empty, so tables line up).
    ``as_of`` (snapshots) counts only what had happened by that day.
    """
    if breakdown is not None and breakdown not in BREAKDOWNS:
        raise UnknownBreakdown(breakdown)
    wanted = _checked(codes)
    kinds = set().union(*(kinds_read(code) for code in wanted)) if wanted else set()
    rows = measure_rows(
        local_authority_id=local_authority_id,
        period=period,
        kinds=kinds,
        as_of=as_of,
        summarised=breakdown is None,
    )
    groups = None if breakdown is None else groups_of(local_authority_id, breakdown, period)
    return figures_from_rows(rows, period, wanted, breakdown, groups)


def figures_from_rows(
    rows: MeasureRows,
    period: Period,
    codes: list[str],
    breakdown: str | None = None,
    groups: dict[int, str] | None = None,
) -> list[Figure]:
    """``live_figures`` on rows already fetched (snapshots reuse one fetch for every
    breakdown); ``groups`` is ``people.groups_of`` for the breakdown."""
    whole = {code: INDICATORS[code].formula(rows, period) for code in codes}
    if breakdown is None or groups is None:
        return [Figure(code, None, whole[code]) for code in codes]
    parts = split_rows(rows, groups)
    labels = labels_of(breakdown, groups)
    figures = []
    for code in codes:
        figures.append(Figure(code, None, whole[code]))
        formula = INDICATORS[code].formula
        figures.extend(
            Figure(code, label, formula(parts.get(label, MeasureRows()), period))
            for label in labels
        )
    return figures
