"""Mediation (CFA 2014 s52-57; SEND Regs 2014 Part 6) and First-tier Tribunal (SEND)
appeals (CFA 2014 s51): how many were registered and how they ended.

Outcomes are recorded as words; ``outcome_of`` reads the standard wordings (those the
casework screens offer and the MoJ's tribunal statistics use) into a few outcome keys.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from opensend.statutory.indicators.definitions import IndicatorValue, Period
from opensend.statutory.indicators.formulas import count, share
from opensend.statutory.indicators.rows import DisputeRow

__all__ = [
    "DISPUTE_KINDS",
    "OUTCOMES",
    "disputes_concluded",
    "disputes_registered",
    "mediation_agreement_reached",
    "outcome_of",
    "tribunal_appeals_upheld",
]

DISPUTE_KINDS: Final = ("mediation", "tribunal")
OUTCOMES: Final[dict[str, str]] = {
    "agreement": "Mediation: agreement reached",
    "no_agreement": "Mediation: no agreement (certificate issued)",
    "upheld": "Appeal upheld, fully or in part",
    "dismissed": "Appeal dismissed",
    "conceded": "Conceded by the local authority before the hearing",
    "withdrawn": "Withdrawn by the family",
    "settled": "Settled by agreement",
    "other": "Other or not stated",
}
# Most specific first: "no agreement" before "agreement".
_WORDINGS: Final = (
    ("no agreement", "no_agreement"),
    ("agreement reached", "agreement"),
    ("appeal upheld", "upheld"),
    ("upheld", "upheld"),
    ("appeal dismissed", "dismissed"),
    ("dismissed", "dismissed"),
    ("conceded", "conceded"),
    ("withdrawn", "withdrawn"),
    ("settled", "settled"),
)
# The MoJ counts an appeal as decided when the tribunal upheld or dismissed it.
_DECIDED: Final = frozenset({"upheld", "dismissed"})


def outcome_of(text: str) -> str | None:
    """The outcome key of a recorded outcome; None when nothing is recorded yet."""
    words = " ".join(text.lower().split())
    if not words:
        return None
    for start, key in _WORDINGS:
        if words.startswith(start):
            return key
    return "other"


def disputes_registered(rows: Sequence[DisputeRow], period: Period, kind: str) -> IndicatorValue:
    return count(row for row in rows if row.kind == kind and period.contains(row.started))


def disputes_concluded(rows: Sequence[DisputeRow], period: Period, kind: str) -> IndicatorValue:
    return count(row for row in rows if row.kind == kind and period.contains(row.concluded))


def mediation_agreement_reached(rows: Sequence[DisputeRow], period: Period) -> IndicatorValue:
    """Of mediations concluded in the period with a recorded outcome, % reaching agreement."""
    concluded = [
        row
        for row in rows
        if row.kind == "mediation" and period.contains(row.concluded) and row.outcome is not None
    ]
    return share(concluded, lambda row: row.outcome == "agreement")


def tribunal_appeals_upheld(rows: Sequence[DisputeRow], period: Period) -> IndicatorValue:
    """Of appeals the tribunal decided (upheld or dismissed) in the period, % upheld."""
    decided = [
        row
        for row in rows
        if row.kind == "tribunal" and period.contains(row.concluded) and row.outcome in _DECIDED
    ]
    return share(decided, lambda row: row.outcome == "upheld")
