"""Mediation and appeal windows after an appealable decision.

Both are windows that protect the family (see steps.py): "open" while they run, "met"
once closed. They are never late or overdue: they are not duties on the LA.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Final

from opensend.statutory.clock.history import dates_of, first_on_or_after, with_next
from opensend.statutory.clock.model import ClockEvent, Step
from opensend.statutory.clock.steps import window_step
from opensend.statutory.dates import add_calendar_months

__all__ = ["appealable_decisions", "dispute_steps"]

MEDIATION_CONTACT_MONTHS: Final = 2  # Reg 33
APPEAL_MONTHS: Final = 2  # HESC Rules 2008 r20(1)(c)(i)
APPEAL_MONTHS_AFTER_CERTIFICATE: Final = 1  # HESC Rules 2008 r20(1)(c)(ii)
APPEAL_RULE: Final = "HESC Rules 2008 r20(1)(c)"


def appealable_decisions(events: Sequence[ClockEvent]) -> list[date]:
    """Days of appealable decisions: decision_notified, a decision not to assess (or
    re-assess) and a decision not to issue a plan. Decisions on the same day count once."""
    days = {
        *dates_of(events, "decision_notified", "decision_not_to_issue"),
        *dates_of(events, "decision_to_assess", outcome="not_assess"),
    }
    return sorted(days)


def dispute_steps(events: Sequence[ClockEvent], today: date) -> list[Step]:
    """mediation_contact and tribunal_appeal for each appealable decision."""
    decisions = appealable_decisions(events)
    certificates = dates_of(events, "mediation_certificate")
    steps: list[Step] = []
    for decided, next_decision in with_next(decisions):
        certificate = first_on_or_after(certificates, decided, next_decision)
        steps.extend(_windows(decided, certificate, today))
    return steps


def _windows(decided: date, certificate: date | None, today: date) -> list[Step]:
    # Reg 33: a parent or young person who wishes to appeal contacts a mediation adviser
    # within 2 months of the decision. A certificate shows the contact was made.
    contact_closes = add_calendar_months(decided, MEDIATION_CONTACT_MONTHS)
    # HESC Rules 2008 r20(1)(c): appeal within 2 months of the decision, or 1 month from
    # the mediation certificate if that is later.
    appeal_closes = add_calendar_months(decided, APPEAL_MONTHS)
    if certificate is not None:
        appeal_closes = max(
            appeal_closes, add_calendar_months(certificate, APPEAL_MONTHS_AFTER_CERTIFICATE)
        )
    return [
        window_step(
            "mediation_contact",
            rule="Reg 33",
            closes=contact_closes,
            closed_early=certificate,
            today=today,
        ),
        window_step(
            "tribunal_appeal",
            rule=APPEAL_RULE,
            closes=appeal_closes,
            closed_early=None,
            today=today,
        ),
    ]
