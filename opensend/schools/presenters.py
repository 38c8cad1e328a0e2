"""What the school's review page shows: the Reg 20 dates from the statutory rules, what
was circulated when, and the council's decision once it comes back through the case."""

import datetime as dt
from dataclasses import dataclass

from opensend.schools.models import SchoolReview
from opensend.statutory import review_meeting as rules
from opensend.statutory.codes import ReviewOutcome


@dataclass(frozen=True)
class ReviewPage:
    circulate_by: dt.date  # Reg 20(3)(b)
    earliest_meeting: dt.date | None  # circulation + 14 days
    report_due: dt.date | None  # Reg 20(7)
    report_days_late: int
    decision_due: dt.date | None  # Reg 20(10)
    decision_on: dt.date | None
    decision: str
    next_step: str

    @property
    def report_late(self) -> bool:
        return self.report_days_late > 0


def _next_step(review: SchoolReview) -> str:
    if review.held_on is None:
        if review.circulated_on is None:
            return "Collect the views and advice, then circulate them"
        return "Hold the meeting and record it"
    if review.report_submitted_on is None:
        return "Send the review report to the council"
    if review.annual_review is not None and review.annual_review.decision_on:
        return "The council has decided"
    return "Wait for the council's decision"


def review_page(review: SchoolReview) -> ReviewPage:
    held, submitted = review.held_on, review.report_submitted_on
    timing = rules.report_timing(held_on=held, submitted_on=submitted) if held and submitted \
        else None
    decided = review.annual_review if review.annual_review is not None else None
    return ReviewPage(
        circulate_by=rules.circulate_by(review.meeting_on),
        earliest_meeting=(
            rules.earliest_meeting(review.circulated_on) if review.circulated_on else None
        ),
        report_due=rules.report_due(held) if held else None,
        report_days_late=timing.days_late if timing else 0,
        decision_due=rules.decision_due(held) if held else None,
        decision_on=decided.decision_on if decided else None,
        decision=ReviewOutcome(decided.outcome).label if decided and decided.outcome else "",
        next_step=_next_step(review),
    )


def review_status(review: SchoolReview | None) -> str:
    """One line for the pupil list."""
    if review is None:
        return "Not started"
    return _next_step(review)
