"""Advice for an EHC needs assessment as the adviser gives it (Reg 6-8; CoP 9.45-9.62).

Pure rules: which plan sections each kind of advice speaks to, which answers meet the
adviser's duty, and how timely an area's advice was.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from opensend.statutory.clock.steps import duty_status


class AdviceAnswer:
    """What the adviser answers (stored as these values)."""

    ADVICE = "advice"
    NO_ADVICE = "no_advice"  # nothing to add, with the reasons (CoP 9.49)
    SEE_CHILD_FIRST = "see_child_first"  # cannot advise until they have seen the child

    ALL = (ADVICE, NO_ADVICE, SEE_CHILD_FIRST)


@dataclass(frozen=True)
class AdviceSections:
    """The plan sections a kind of advice informs (Reg 12(1); CoP 9.62)."""

    needs: str
    outcomes: str
    provision: tuple[str, ...]


# CoP 9.62: educational needs and provision are sections B and F, health C and G,
# social care D and H1/H2 (H1: CSDPA 1970 s2; H2: other social care); outcomes are E for
# all. Educational psychology and "other" advice (Reg 6(1)(d), (f)) inform B, E and F.
_EDUCATIONAL = AdviceSections(needs="B", outcomes="E", provision=("F",))
ADVICE_SECTIONS: dict[str, AdviceSections] = {
    "education": _EDUCATIONAL,
    "psychology": _EDUCATIONAL,
    "other": _EDUCATIONAL,
    "health": AdviceSections(needs="C", outcomes="E", provision=("G",)),
    "social_care": AdviceSections(needs="D", outcomes="E", provision=("H1", "H2")),
}


def advice_sections(service: str) -> AdviceSections:
    return ADVICE_SECTIONS.get(service, _EDUCATIONAL)


def answer_meets_step(answer: str) -> bool:
    """Advice, or a reasoned "no advice to give", answers the request (Reg 8(1)); "need
    to see the child first" does not: the 6 weeks keep running."""
    if answer not in AdviceAnswer.ALL:
        raise ValueError(f"unknown advice answer {answer!r}")
    return answer != AdviceAnswer.SEE_CHILD_FIRST


TIMELINESS_LABELS = {"met": "On time", "late": "Late", "overdue": "Overdue", "open": "Not due yet"}


def advice_timeliness(*, due: date, received: date | None, today: date) -> str:
    """met (on time), late, overdue or open: the clock's duty status with no exceptions
    (Reg 8(1); an exception under Reg 8(2) is the caseworker's to record on the case)."""
    return duty_status(due=due, done=received, today=today, excused=False)


@dataclass(frozen=True)
class Timeliness:
    on_time: int
    late: int
    overdue: int
    open: int

    @property
    def decided(self) -> int:
        """Requests whose 6 weeks are settled: answered, or past their due date."""
        return self.on_time + self.late + self.overdue

    @property
    def percent_within_6_weeks(self) -> int | None:
        """Whole per cent of the settled requests answered within 6 weeks; None if none."""
        if self.decided == 0:
            return None
        return round(100 * self.on_time / self.decided)


def timeliness_of(statuses: Iterable[str]) -> Timeliness:
    counted = list(statuses)
    return Timeliness(
        on_time=counted.count("met"),
        late=counted.count("late"),
        overdue=counted.count("overdue"),
        open=counted.count("open"),
    )
