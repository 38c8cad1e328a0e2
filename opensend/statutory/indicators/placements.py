"""Where children and young people with a plan in place are educated (SEN2 placements).

``placement_of`` sorts a named setting into the DfE's broad placement types; the
formulas give each type's share of the plans in place on the period's last day, and the
share placed in or out of the local authority's area.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Final

from opensend.statutory.indicators.arithmetic import total
from opensend.statutory.indicators.definitions import IndicatorValue, Period
from opensend.statutory.indicators.formulas import in_place_on, memoized, percent
from opensend.statutory.indicators.rows import PlanRow

__all__ = [
    "PLACEMENTS",
    "placed_in_area",
    "placement_of",
    "placement_share",
]

# The DfE's placement types for EHC plans in place (SEN2 placement detail; the
# "Education, health and care plans" release, placement tables).
PLACEMENTS: Final[dict[str, str]] = {
    "mainstream": "Mainstream school or early years setting",
    "special": "State-funded special school",
    "independent": "Independent school or non-maintained special school",
    "post16": "Further education or other post-16 institution",
    "elsewhere": "Elsewhere (including NEET and elective home education)",
}
_POST16_PHASES: Final = frozenset({"post16", "further_education"})
_SCHOOL_KINDS: Final = frozenset({"school", "early_years", "early_years_provider"})
_POST16_KINDS: Final = frozenset({"college", "post16_provider"})


def placement_of(
    *, kind: str | None, phase: str = "", is_special: bool = False, is_independent: bool = False
) -> str:
    """The placement type of a named setting (``kind`` None: no setting is named, e.g.
    elective home education, NEET, other arrangements: "elsewhere").

    Independent and non-maintained special schools come first (they are funded by the LA
    but not maintained by it), then state special schools, then post-16 institutions.
    """
    if kind is None:
        return "elsewhere"
    if is_independent or kind == "independent_specialist_provider":
        return "independent"
    if is_special:
        return "special"
    if kind in _POST16_KINDS or phase in _POST16_PHASES:
        return "post16"
    if kind in _SCHOOL_KINDS:
        return "mainstream"
    return "elsewhere"


def _by_placement(
    rows: Sequence[PlanRow], day: date, memo: dict[object, object] | None
) -> dict[str, list[PlanRow]]:
    def compute() -> dict[str, list[PlanRow]]:
        groups: dict[str, list[PlanRow]] = {}
        for row in in_place_on(rows, day, memo):
            if row.placement is not None:
                groups.setdefault(row.placement, []).append(row)
        return groups

    return memoized(memo, ("plans_by_placement_on", day), compute)


def placement_share(
    rows: Sequence[PlanRow],
    period: Period,
    placement: str,
    memo: dict[object, object] | None = None,
) -> IndicatorValue:
    """% of plans in place on the period's last day (with a known placement) in ``placement``."""
    groups = _by_placement(rows, period.end, memo)
    hits = groups.get(placement, [])
    known = [row for group in groups.values() for row in group]
    return percent(total(hits), total(known), hits, known)


def placed_in_area(
    rows: Sequence[PlanRow],
    period: Period,
    in_area: bool,
    memo: dict[object, object] | None = None,
) -> IndicatorValue:
    """% of plans in place on the period's last day naming a setting, whose setting is in
    (``in_area``) or out of the local authority's area."""
    named = [row for row in in_place_on(rows, period.end, memo) if row.in_area is not None]
    hits = [row for row in named if row.in_area is in_area]
    return percent(total(hits), total(named), hits, named)
