"""Each child's EHC journey, drawn as dates: request, decision, advice, plan, reviews...

A journey is planned in full (some dates fall after "today"); records.py then writes only
what has happened by today, so recent journeys become the open cases at every stage and
the work queue fills with overdue and soon-due steps naturally. The proportions follow
the national figures in mix.py.
"""

import datetime as dt
import random
from dataclasses import dataclass, field

from opensend.nonprod.generator import mix
from opensend.nonprod.generator.children import ChildDraft
from opensend.people.models import Organisation
from opensend.statutory import school_year


@dataclass
class AdvicePlan:
    service: str
    organisation: Organisation
    requested_on: dt.date
    received_on: dt.date | None  # planned; None = never (case ended first)


@dataclass
class ReviewPlan:
    meeting_on: dt.date
    decision_on: dt.date
    outcome: str  # maintain / amend / cease
    amended_on: dt.date | None = None


@dataclass
class TransferPlan:
    transfer_date: dt.date
    kind: str
    from_setting: Organisation | None
    to_setting: Organisation | None
    recorded_on: dt.date
    finalised_on: dt.date | None


@dataclass
class DisputePlan:
    kind: str  # mediation / tribunal
    decision: str  # refuse_assess / refuse_issue / contents / cease
    started_on: dt.date
    concluded_on: dt.date | None
    outcome: str
    certificate_on: dt.date | None = None


@dataclass
class Journey:
    request_on: dt.date
    source: str
    decision_on: dt.date | None = None
    assess: bool = True
    advice: list[AdvicePlan] = field(default_factory=list)
    exception: tuple[str, dt.date, dt.date] | None = None
    not_issued_on: dt.date | None = None
    issue_panel_on: dt.date | None = None
    draft_on: dt.date | None = None
    final_on: dt.date | None = None
    reviews: list[ReviewPlan] = field(default_factory=list)
    transfers: list[TransferPlan] = field(default_factory=list)
    ceased_on: dt.date | None = None
    cease_reason: str = ""
    disputes: list[DisputePlan] = field(default_factory=list)


def days(day: dt.date, count: int) -> dt.date:
    return day + dt.timedelta(days=count)


def _anniversary(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return dt.date(day.year + years, 3, 1)


TRIBUNAL_OUTCOMES = {
    "Appeal upheld": 55,
    "Conceded by the local authority before hearing": 25,
    "Withdrawn by the family": 12,
    "Appeal dismissed": 2,
    "Settled by agreement": 6,
}
MEDIATION_OUTCOMES = {"Agreement reached": 60, "No agreement; certificate issued": 40}


class JourneyPlanner:
    def __init__(self, rng: random.Random, today: dt.date, partners: dict[str, Organisation]):
        self.rng = rng
        self.today = today
        self.partners = partners  # advice service -> organisation

    # -- the assessment -------------------------------------------------------------------

    def request_date(self, draft: ChildDraft) -> dt.date:
        rng, today = self.rng, self.today
        dob = draft.child.date_of_birth
        earliest = max(_anniversary(dob, 2), _anniversary(today, -13))
        latest = days(today, -61 * 7)
        if rng.random() < mix.RECENT_REQUEST_SHARE or earliest > latest:
            start = max(days(dob, 200), days(today, -61 * 7))
            span = (today - start).days
            return days(start, rng.randint(0, max(span, 0)))
        return days(earliest, rng.randint(0, (latest - earliest).days))

    def plan(self, draft: ChildDraft) -> Journey:
        rng = self.rng
        request = self.request_date(draft)
        journey = Journey(request_on=request, source=mix.pick(rng, mix.REQUEST_SOURCE))
        on_time = rng.random() < mix.DECISION_WITHIN_6_WEEKS
        journey.decision_on = days(request, rng.randint(14, 42) if on_time else rng.randint(43, 84))
        journey.assess = rng.random() >= mix.REQUESTS_REFUSED
        if not journey.assess:
            self._disputes(journey, "refuse_assess", journey.decision_on, tribunal=0.05)
            return journey
        self._assessment(journey, draft)
        if journey.final_on is not None:
            self._after_plan(journey, draft)
        return journey

    def _plan_weeks(self, exception: bool) -> int:
        """Days from request to final plan, following the national 20/52-week figures."""
        draw = self.rng.random()
        if exception and self.rng.random() < 0.7:
            draw = 0.9  # an exception usually comes with a late plan
        if draw < mix.PLANS_WITHIN_20_WEEKS:
            return self.rng.randint(105, 140)
        if draw < mix.PLANS_WITHIN_20_WEEKS + mix.PLANS_OVER_52_WEEKS:
            return self.rng.randint(365, 480)
        return self.rng.randint(141, 364)

    def _assessment(self, journey: Journey, draft: ChildDraft) -> None:
        rng = self.rng
        decided = journey.decision_on
        assert decided is not None
        if rng.random() < mix.EXCEPTION_RATE:
            reason = "personal_circumstances" if rng.random() < 0.6 else "absent_from_area"
            start = days(journey.request_on, rng.randint(14, 100))
            journey.exception = (reason, start, days(start, rng.randint(28, 70)))
        if rng.random() < mix.ASSESSED_NOT_ISSUED:
            end = days(
                journey.request_on,
                rng.randint(84, 112) if rng.random() < 0.85 else rng.randint(113, 150),
            )
            end = max(end, days(decided, 56))
            journey.not_issued_on = journey.issue_panel_on = end
            self._advice(journey, draft, days(end, -3), fast=False)
            self._disputes(journey, "refuse_issue", end, tribunal=0.08)
            return
        final = days(journey.request_on, self._plan_weeks(journey.exception is not None))
        final = max(final, days(decided, rng.randint(63, 84)))
        draft_on = max(days(final, -rng.randint(16, 42)), days(decided, 42))
        draft_on = min(draft_on, days(final, -16))
        journey.final_on, journey.draft_on = final, draft_on
        latest_advice = self._advice(
            journey, draft, days(draft_on, -3), fast=(final - journey.request_on).days <= 140
        )
        journey.issue_panel_on = max(days(draft_on, -rng.randint(3, 14)), days(latest_advice, 1))
        journey.issue_panel_on = min(journey.issue_panel_on, draft_on)

    def _advice(self, journey: Journey, draft: ChildDraft, by: dt.date, *, fast: bool) -> dt.date:
        rng = self.rng
        assert journey.decision_on is not None
        wanted = [("psychology", 1.0), ("health", 0.9), ("social_care", 0.55)]
        if draft.setting is not None:
            wanted.append(("education", 0.8))
        latest = journey.decision_on
        for service, probability in wanted:
            if rng.random() >= probability:
                continue
            organisation = draft.setting if service == "education" else self.partners[service]
            requested = days(journey.decision_on, rng.randint(0, 7))
            on_time = rng.random() < (0.85 if fast else mix.ADVICE_ON_TIME)
            received = days(requested, rng.randint(14, 42) if on_time else rng.randint(43, 100))
            received = max(min(received, by), days(requested, 7))
            journey.advice.append(AdvicePlan(service, organisation, requested, received))
            latest = max(latest, received)
        return latest

    # -- after the plan -------------------------------------------------------------------

    def _after_plan(self, journey: Journey, draft: ChildDraft) -> None:
        rng = self.rng
        assert journey.final_on is not None
        dob = draft.child.date_of_birth
        run_until = school_year.plan_can_run_until(dob)
        if rng.random() < 0.025:
            self._disputes(journey, "contents", journey.final_on, tribunal=1.0, mediation=0.5)
        meeting = days(
            journey.final_on,
            rng.randint(330, 365) if rng.random() < 0.85 else rng.randint(366, 450),
        )
        while meeting <= self.today and meeting < run_until:
            quick = rng.random() < mix.REVIEWS_DECIDED_WITHIN_4_WEEKS
            decision = days(meeting, rng.randint(7, 28) if quick else rng.randint(29, 110))
            outcome = mix.pick(rng, mix.REVIEW_OUTCOME)
            age = school_year.age_on(dob, meeting)
            if age >= 19 and rng.random() < 0.25:
                outcome = "cease"
            review = ReviewPlan(meeting, decision, outcome)
            journey.reviews.append(review)
            if outcome == "amend":
                review.amended_on = days(
                    decision, rng.randint(21, 56) if rng.random() < 0.6 else rng.randint(57, 120)
                )
            if outcome == "cease":
                journey.ceased_on = days(decision, rng.randint(14, 42))
                table = mix.CEASE_REASON_ADULT if age >= 18 else mix.CEASE_REASON_CHILD
                journey.cease_reason = mix.pick(rng, table)
                self._disputes(journey, "cease", journey.ceased_on, tribunal=0.05)
                return
            meeting = days(
                meeting, rng.randint(330, 365) if rng.random() < 0.85 else rng.randint(366, 450)
            )
        if run_until < self.today:  # the plan ended with the academic year they turned 25
            journey.ceased_on, journey.cease_reason = run_until, "1"
            return
        self._transfers(journey, draft)

    def _transfers(self, journey: Journey, draft: ChildDraft) -> None:
        setting, rng = draft.setting, self.rng
        if setting is None or setting.last_nc_year is None or draft.nc > setting.last_nc_year:
            return
        assert journey.final_on is not None
        year_start = school_year.school_year_start(self.today)
        upcoming = school_year.next_transfer(
            draft.child.date_of_birth,
            setting.phase,
            self.today,
            last_year_of_setting=setting.last_nc_year,
        )
        if upcoming is not None and upcoming[0].year == year_start.year + 1:
            transfer_date, kind = upcoming
            recorded = min(self.today, days(year_start, rng.randint(5, 40)))
            if journey.final_on < recorded:
                journey.transfers.append(
                    TransferPlan(
                        transfer_date,
                        str(kind),
                        setting,
                        None,
                        recorded,
                        self._finalised(transfer_date, str(kind), recorded),
                    )
                )
        previous = draft.previous_setting
        if (
            previous is not None
            and draft.setting_start is not None
            and draft.setting_start >= year_start
            and previous.phase
            and setting.phase
        ):
            kind = school_year.transfer_kind(previous.phase, setting.phase)
            recorded = days(dt.date(year_start.year - 1, 9, 1), rng.randint(5, 40))
            if kind is not None and journey.final_on < recorded:
                transfer_date = dt.date(year_start.year, 9, 1)
                journey.transfers.append(
                    TransferPlan(
                        transfer_date,
                        str(kind),
                        previous,
                        setting,
                        recorded,
                        self._finalised(transfer_date, str(kind), recorded),
                    )
                )

    def _finalised(self, transfer_date: dt.date, kind: str, recorded: dt.date) -> dt.date:
        deadline = (
            dt.date(transfer_date.year, 2, 15)
            if kind == "school"
            else dt.date(transfer_date.year, 3, 31)
        )
        draw = self.rng.random()
        if draw < 0.65:
            earliest = days(recorded, 30)
            return days(earliest, self.rng.randint(0, max(0, (deadline - earliest).days)))
        if draw < 0.9:
            return days(deadline, self.rng.randint(1, 50))
        return days(deadline, self.rng.randint(51, 150))

    # -- disagreements --------------------------------------------------------------------

    def _disputes(
        self,
        journey: Journey,
        decision: str,
        decided: dt.date,
        *,
        tribunal: float,
        mediation: float = mix.MEDIATION_RATE,
    ) -> None:
        rng = self.rng
        certificate = None
        if rng.random() < mediation:
            started = days(decided, rng.randint(5, 50))
            outcome = mix.pick(rng, MEDIATION_OUTCOMES)
            concluded = days(started, rng.randint(14, 30))
            if outcome.startswith("No agreement") and decision != "contents":
                certificate = concluded
            journey.disputes.append(
                DisputePlan("mediation", decision, started, concluded, outcome, certificate)
            )
        if rng.random() < tribunal:
            started = days(
                certificate or decided, rng.randint(20, 28) if certificate else rng.randint(20, 58)
            )
            concluded = days(started, rng.randint(150, 300))
            journey.disputes.append(
                DisputePlan(
                    "tribunal", decision, started, concluded, mix.pick(rng, TRIBUNAL_OUTCOMES)
                )
            )
