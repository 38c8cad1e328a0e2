"""Integration tests of the casework services against the real PostgreSQL.

Each service is called the way a view calls it, then the test looks at what it left
behind: the domain rows, the append-only events, the statutory clock's steps (CaseStep)
and the audit row. Dates count back from TODAY (22 November 2026, a Sunday).
"""

import datetime as dt
import threading

import pytest
from django.db import DatabaseError, connection, transaction

from opensend.casework.models import (
    AdviceRequest,
    AnnualReview,
    Case,
    CaseEvent,
    CaseStep,
    ClockException,
    Dispute,
    EhcRequest,
    EventKind,
    PanelAttendance,
    PanelDecision,
    PanelQuestion,
    PhaseTransfer,
    Plan,
    PlanVersion,
    Stage,
    VersionKind,
)
from opensend.casework.services.advice import advice_chase, advice_receive, advice_request_send
from opensend.casework.services.assessment import (
    clock_exception_record,
    panel_decision_record,
)
from opensend.casework.services.common import ConflictError
from opensend.casework.services.disputes import dispute_conclude, dispute_record
from opensend.casework.services.plans import (
    PlanStateError,
    plan_version_issue,
    plan_version_save,
)
from opensend.casework.services.requests import case_allocate, ehc_request_record
from opensend.casework.services.reviews import (
    phase_transfer_record,
    plan_cease,
    review_decision_record,
    review_meeting_record,
)
from opensend.core.models import AuditAction, AuditEvent
from opensend.people.models import AdviceService
from opensend.statutory import codes
from tests import factories as f
from tests.factories import TODAY, WEEK

DAY = dt.timedelta(days=1)


@pytest.fixture(autouse=True)
def _on_today(today: dt.date) -> None:
    """Every test runs on TODAY with the clock travelled there."""


def steps_of(case: Case) -> dict[str, CaseStep]:
    """The case's stored steps by name (the latest one when a name repeats)."""
    return {step.step: step for step in CaseStep.objects.filter(case=case).order_by("due", "pk")}


def events_of(case: Case) -> list[str]:
    return list(CaseEvent.objects.filter(case=case).order_by("pk").values_list("kind", flat=True))


def changes_of(case: Case) -> list[str]:
    """The `why` of every change audited against the case, oldest first."""
    return list(
        AuditEvent.objects.filter(
            action=AuditAction.CHANGE, object_type="Case", object_id=str(case.pk)
        )
        .order_by("at", "pk")
        .values_list("why", flat=True)
    )


def fresh(case: Case) -> Case:
    return Case.objects.select_related("child").get(pk=case.pk)


# ---------------------------------------------------------------------------------------
# Requests and allocation
# ---------------------------------------------------------------------------------------


def test_ehc_request_record_opens_a_case_and_starts_the_six_week_clock(cara, tom, area):
    received = TODAY - 2 * WEEK
    case = ehc_request_record(
        actor=cara,
        child=tom,
        received_on=received,
        source=codes.RequestSource.EDUCATION_SETTING.value,
        today=TODAY,
        requested_by="Sue Stevens",
        requesting_setting=area.hillside,
        graduated_approach_evidence="Two cycles of APDR.",
    )

    assert (case.stage, case.caseworker, case.opened_on) == (Stage.REQUESTED, cara, received)
    request = EhcRequest.objects.get(case=case)
    assert (request.source, request.requesting_setting) == ("2", area.hillside)
    assert events_of(case) == [EventKind.REQUEST_RECEIVED, EventKind.CASEWORKER_ALLOCATED]
    step = steps_of(case)["decision_to_assess"]
    assert (step.due, step.done, step.status, step.rule) == (
        received + 6 * WEEK,
        None,
        "open",
        "Reg 5(1)",
    )
    audit = AuditEvent.objects.get(action=AuditAction.CHANGE, object_id=str(case.pk))
    assert (audit.actor, audit.child_id, audit.why) == (cara, tom.pk, "record EHC request")


def test_case_allocate_moves_the_case_and_bumps_the_version(cara, colin, tom):
    case = f.case_with_request(child=tom, caseworker=cara)

    case_allocate(
        actor=cara, case=case, caseworker=colin, today=TODAY, expected_version=case.version
    )

    stored = fresh(case)
    assert (stored.caseworker, stored.version) == (colin, 2)
    assert events_of(case)[-1] == EventKind.CASEWORKER_ALLOCATED
    assert changes_of(case)[-1] == "allocate caseworker"


# ---------------------------------------------------------------------------------------
# The assessment
# ---------------------------------------------------------------------------------------


def test_panel_agrees_to_assess(cara, tom):
    case = f.case_with_request(child=tom, caseworker=cara, received_on=TODAY - 5 * WEEK)
    met = TODAY - WEEK

    decision = panel_decision_record(
        actor=cara,
        case=case,
        met_on=met,
        question=PanelQuestion.ASSESS,
        agreed=True,
        reasons="Evidence of needs not met at SEN support.",
        attendance=[("education", "Head of SEN"), ("forum", "Forum rep")],
        today=TODAY,
        expected_version=case.version,
    )

    assert fresh(case).stage == Stage.ASSESSING
    assert sorted(
        PanelAttendance.objects.filter(decision=decision).values_list("agency", "name")
    ) == [("education", "Head of SEN"), ("forum", "Forum rep")]
    assert events_of(case)[-2:] == [EventKind.PANEL_DECISION, EventKind.DECISION_TO_ASSESS]
    step = steps_of(case)["decision_to_assess"]
    assert (step.done, step.status) == (met, "met")
    assert "tribunal_appeal" not in steps_of(case)
    assert changes_of(case)[-1] == "record panel decision"


def test_panel_refuses_to_assess_opens_the_appeal_windows(cara, tom):
    received = TODAY - 7 * WEEK
    case = f.case_with_request(child=tom, caseworker=cara, received_on=received)
    met = TODAY - DAY  # a week after the 6 weeks ran out

    panel_decision_record(
        actor=cara,
        case=case,
        met_on=met,
        question=PanelQuestion.ASSESS,
        agreed=False,
        reasons="Needs met at SEN support.",
        attendance=[],
        today=TODAY,
        expected_version=case.version,
    )

    assert fresh(case).stage == Stage.NOT_ASSESSED
    assert EventKind.DECISION_NOTIFIED in events_of(case)
    steps = steps_of(case)
    assert (steps["decision_to_assess"].status, steps["decision_to_assess"].done) == ("late", met)
    assert steps["tribunal_appeal"].due == dt.date(2027, 1, 21)  # 2 calendar months
    assert steps["mediation_contact"].status == "open"
    assert "final_plan" not in steps


def test_panel_refuses_to_issue(cara, tom):
    case = f.case_assessing(child=tom, caseworker=cara, received_on=TODAY - 12 * WEEK)

    panel_decision_record(
        actor=cara,
        case=case,
        met_on=TODAY - DAY,
        question=PanelQuestion.ISSUE,
        agreed=False,
        reasons="Needs can be met without a plan.",
        attendance=[],
        today=TODAY,
        expected_version=case.version,
    )

    assert fresh(case).stage == Stage.NOT_ISSUED
    step = steps_of(case)["decision_not_to_issue"]
    assert (step.due, step.done, step.status) == (case.opened_on + 16 * WEEK, TODAY - DAY, "met")


def test_advice_request_send_receive_and_chase(cara, tom, area):
    case = f.case_assessing(child=tom, caseworker=cara, received_on=TODAY - 9 * WEEK)
    asked = TODAY - 4 * WEEK

    advice = advice_request_send(
        actor=cara,
        case=case,
        service=AdviceService.HEALTH,
        organisation=area.health,
        requested_on=asked,
        today=TODAY,
        expected_version=case.version,
    )
    assert advice.due_on == asked + 6 * WEEK
    assert (steps_of(case)["advice:health"].due, steps_of(case)["advice:health"].status) == (
        asked + 6 * WEEK,
        "open",
    )

    chased = advice_chase(actor=cara, advice=advice, today=TODAY, expected_version=None)
    assert (chased.times_chased, chased.last_chased_on) == (1, TODAY)
    assert events_of(case)[-1] == EventKind.ADVICE_CHASED

    advice_receive(
        actor=cara,
        advice=advice,
        received_on=TODAY - DAY,
        summary="Sensory needs.",
        today=TODAY,
        expected_version=fresh(case).version,
    )
    stored = AdviceRequest.objects.get(pk=advice.pk)
    assert (stored.received_on, stored.summary) == (TODAY - DAY, "Sensory needs.")
    step = steps_of(case)["advice:health"]
    assert (step.done, step.status) == (TODAY - DAY, "met")
    assert changes_of(case)[-3:] == ["request advice", "chase advice", "record advice received"]


def test_clock_exception_excuses_a_missed_final_plan(cara, tom):
    received = TODAY - 24 * WEEK
    case = f.case_assessing(child=tom, caseworker=cara, received_on=received)
    assert steps_of(case)["final_plan"].status == "overdue"

    exception = clock_exception_record(
        actor=cara,
        case=fresh(case),
        reason="personal_circumstances",
        start=received + 8 * WEEK,
        end=received + 12 * WEEK,
        note="Bereavement.",
        today=TODAY,
        expected_version=fresh(case).version,
    )

    assert ClockException.objects.get(pk=exception.pk).reason == "personal_circumstances"
    assert steps_of(case)["final_plan"].status == "excused"
    assert changes_of(case)[-1] == "record exception"


# ---------------------------------------------------------------------------------------
# Plans
# ---------------------------------------------------------------------------------------


def test_plan_version_save_creates_then_updates_the_working_version(cara, tom, area):
    case = f.case_assessing(child=tom, caseworker=cara, received_on=TODAY - 12 * WEEK)

    first = plan_version_save(
        actor=cara,
        case=case,
        kind=VersionKind.DRAFT,
        sections={"A": "Likes trains.", "I": f.plan_sections(area.hillside)["I"]},
        today=TODAY,
        expected_version=case.version,
    )
    second = plan_version_save(
        actor=cara,
        case=case,
        kind=VersionKind.DRAFT,
        sections={"C": "Asthma."},
        today=TODAY,
        expected_version=case.version,
    )

    assert first.pk == second.pk and first.number == 1
    stored = PlanVersion.objects.get(pk=first.pk)
    assert (stored.sections["A"], stored.sections["C"], stored.issued_on) == (
        "Likes trains.",
        "Asthma.",
        None,
    )
    # Section I is only text of the working version until a final plan names it
    # (CFA s38(5)): the school sees the case (people/rules.py) only from then.
    assert stored.sections["I"]["setting_id"] == area.hillside.pk
    assert Plan.objects.get(case=case).named_setting is None
    assert changes_of(case)[-1] == "edit draft plan"


def test_an_unissued_version_changing_kind_keeps_what_was_typed(cara, tom):
    case = f.case_assessing(child=tom, caseworker=cara, received_on=TODAY - 12 * WEEK)
    draft = plan_version_save(
        actor=cara,
        case=case,
        kind=VersionKind.DRAFT,
        sections={"A": "Likes trains."},
        today=TODAY,
        expected_version=case.version,
    )

    final = plan_version_save(
        actor=cara,
        case=case,
        kind=VersionKind.FINAL,
        sections={"C": "Asthma."},
        today=TODAY,
        expected_version=case.version,
    )

    stored = PlanVersion.objects.get(pk=final.pk)
    assert (final.pk, stored.kind) == (draft.pk, VersionKind.FINAL)
    assert (stored.sections["A"], stored.sections["C"]) == ("Likes trains.", "Asthma.")


def test_issuing_a_draft_starts_the_comment_period(cara, tom):
    case = f.case_assessing(child=tom, caseworker=cara, received_on=TODAY - 14 * WEEK)
    plan_version_save(
        actor=cara,
        case=case,
        kind=VersionKind.DRAFT,
        sections=f.plan_sections(),
        today=TODAY,
        expected_version=case.version,
    )
    served = TODAY - 3 * DAY

    version = plan_version_issue(
        actor=cara, case=case, issued_on=served, today=TODAY, expected_version=case.version
    )

    assert PlanVersion.objects.get(pk=version.pk).issued_on == served
    assert fresh(case).stage == Stage.DRAFTING
    step = steps_of(case)["draft_comments_close"]
    assert (step.due, step.status, step.rule) == (served + 14 * DAY, "open", "Reg 13(1)")
    assert events_of(case)[-1] == EventKind.DRAFT_PLAN_ISSUED


def test_issuing_the_final_plan_meets_the_20_weeks_and_fixes_the_version(cara, tom):
    received = TODAY - 19 * WEEK
    case = f.case_with_draft_plan(child=tom, caseworker=cara, received_on=received)
    plan_version_save(
        actor=cara,
        case=case,
        kind=VersionKind.FINAL,
        sections={"A": "Final."},
        today=TODAY,
        expected_version=case.version,
    )

    final = plan_version_issue(
        actor=cara, case=case, issued_on=TODAY - DAY, today=TODAY, expected_version=case.version
    )

    plan = Plan.objects.get(case=case)
    assert (fresh(case).stage, plan.first_issued_on, final.number) == (Stage.PLAN, TODAY - DAY, 2)
    step = steps_of(case)["final_plan"]
    assert (step.due, step.done, step.status) == (received + 20 * WEEK, TODAY - DAY, "met")
    assert steps_of(case)["review_due"].due == dt.date(2027, 11, 21)
    # A later edit starts version 3 from the text of version 2, which never changes.
    amendment = plan_version_save(
        actor=cara,
        case=case,
        kind=VersionKind.PROPOSED_AMENDMENT,
        sections={"C": "New diagnosis."},
        today=TODAY,
        expected_version=case.version,
    )
    assert (amendment.number, amendment.sections["A"]) == (3, "Final.")
    assert PlanVersion.objects.get(pk=final.pk).sections.get("C") != "New diagnosis."


def test_issuing_without_a_working_version_is_refused(cara, tom):
    case = f.case_with_draft_plan(child=tom, caseworker=cara)
    before = case.version
    with pytest.raises(PlanStateError):
        plan_version_issue(
            actor=cara, case=case, issued_on=TODAY, today=TODAY, expected_version=before
        )
    assert fresh(case).version == before  # the whole change was rolled back


# ---------------------------------------------------------------------------------------
# Reviews, phase transfers, ceasing and disputes
# ---------------------------------------------------------------------------------------


def test_review_meeting_and_an_amend_decision(cara, tom):
    case = f.case_with_final_plan(child=tom, caseworker=cara, received_on=TODAY - 60 * WEEK)
    meeting = TODAY - 3 * WEEK

    review = review_meeting_record(
        actor=cara,
        case=case,
        meeting_on=meeting,
        notes="Progress.",
        today=TODAY,
        expected_version=case.version,
    )
    steps = steps_of(case)
    assert (steps["review_report"].due, steps["review_decision"].due) == (
        meeting + 2 * WEEK,
        meeting + 4 * WEEK,
    )

    review_decision_record(
        actor=cara,
        review=review,
        decision_on=TODAY - DAY,
        outcome=codes.ReviewOutcome.AMEND.value,
        today=TODAY,
        expected_version=fresh(case).version,
    )
    stored = AnnualReview.objects.get(pk=review.pk)
    assert (stored.outcome, stored.decision_on) == ("A", TODAY - DAY)
    steps = steps_of(case)
    assert (steps["review_decision"].status, steps["amended_plan"].due) == (
        "met",
        min(TODAY - DAY + 8 * WEEK, meeting + 12 * WEEK),
    )
    assert changes_of(case)[-2:] == ["record review meeting", "record review decision"]


def test_phase_transfer_record_is_idempotent(cara, tom, area):
    case = f.case_with_final_plan(child=tom, caseworker=cara)
    for _ in range(2):
        phase_transfer_record(
            actor=cara,
            case=case,
            transfer_date=dt.date(2027, 9, 1),
            kind="school",
            from_setting=area.hillside,
            today=TODAY,
        )

    assert PhaseTransfer.objects.filter(case=case).count() == 1
    assert events_of(case).count(EventKind.PHASE_TRANSFER) == 1
    step = steps_of(case)["phase_transfer"]
    assert (step.due, step.rule) == (dt.date(2027, 2, 15), "Reg 18(1)(b)")


def test_plan_cease_records_the_reason_and_the_appealable_decision(cara, tom):
    case = f.case_with_final_plan(child=tom, caseworker=cara)
    plan = plan_cease(
        actor=cara,
        case=case,
        ceased_on=TODAY - DAY,
        reason=codes.CeaseReason.MOVED_LA_ENGLAND.value,
        today=TODAY,
        expected_version=case.version,
    )

    assert (plan.ceased_on, plan.cease_reason) == (TODAY - DAY, "5")
    assert fresh(case).stage == Stage.CEASED
    assert events_of(case)[-2:] == [EventKind.DECISION_NOTIFIED, EventKind.PLAN_CEASED]
    assert steps_of(case)["tribunal_appeal"].status == "open"
    assert changes_of(case)[-1] == "cease plan"


def test_dispute_record_with_a_certificate_extends_the_appeal_window(cara, tom):
    case = f.case_with_request(child=tom, caseworker=cara, received_on=TODAY - 10 * WEEK)
    refused = TODAY - 8 * WEEK
    case = f.panel_decide(case, agreed=False, met_on=refused)
    certificate = TODAY - 2 * DAY

    dispute = dispute_record(
        actor=cara,
        case=case,
        kind="mediation",
        decision="refuse_assess",
        started_on=TODAY - 3 * WEEK,
        certificate_on=certificate,
        today=TODAY,
        expected_version=case.version,
    )

    assert Dispute.objects.get(pk=dispute.pk).decision == "refuse_assess"
    assert events_of(case)[-2:] == [EventKind.MEDIATION_RECORDED, EventKind.MEDIATION_CERTIFICATE]
    assert steps_of(case)["tribunal_appeal"].due == dt.date(2026, 12, 20)  # certificate + 1 month

    dispute_conclude(
        actor=cara, dispute=dispute, concluded_on=TODAY, outcome="Agreed at mediation", today=TODAY
    )
    assert Dispute.objects.get(pk=dispute.pk).concluded_on == TODAY
    assert changes_of(case)[-2:] == ["record mediation", "conclude mediation"]


# ---------------------------------------------------------------------------------------
# The guarantees: append-only events, no lost update
# ---------------------------------------------------------------------------------------


def test_the_database_refuses_to_update_a_case_event(cara, tom):
    case = f.case_with_request(child=tom, caseworker=cara)
    event = CaseEvent.objects.filter(case=case).first()

    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        CaseEvent.objects.filter(pk=event.pk).update(occurred_on=TODAY)

    assert CaseEvent.objects.get(pk=event.pk).occurred_on == event.occurred_on


def _stale_calls(case: Case, actor, area) -> dict[str, object]:
    """Each service that takes expected_version, called with the version before the last."""
    stale = case.version - 1
    common = {"actor": actor, "case": case, "today": TODAY, "expected_version": stale}
    return {
        "panel": lambda: panel_decision_record(
            met_on=TODAY,
            question=PanelQuestion.ISSUE,
            agreed=True,
            reasons="",
            attendance=[],
            **common,
        ),
        "advice": lambda: advice_request_send(
            service=AdviceService.HEALTH, organisation=area.health, requested_on=TODAY, **common
        ),
        "exception": lambda: clock_exception_record(
            reason="personal_circumstances", start=TODAY, end=TODAY, note="", **common
        ),
        "plan_save": lambda: plan_version_save(kind=VersionKind.DRAFT, sections={}, **common),
        "dispute": lambda: dispute_record(
            kind="tribunal", decision="contents", started_on=TODAY, **common
        ),
        "allocate": lambda: case_allocate(
            actor=actor, case=case, caseworker=actor, today=TODAY, expected_version=stale
        ),
    }


@pytest.mark.parametrize(
    "service", ["panel", "advice", "exception", "plan_save", "dispute", "allocate"]
)
def test_a_stale_expected_version_is_a_conflict_and_changes_nothing(cara, tom, area, service):
    case = f.case_assessing(child=tom, caseworker=cara)
    assert case.version >= 2  # someone saved after the request was recorded
    counts = (
        CaseEvent.objects.count(),
        AuditEvent.objects.count(),
        PlanVersion.objects.count(),
        AdviceRequest.objects.count(),
        PanelDecision.objects.count(),
    )

    with pytest.raises(ConflictError) as raised:
        _stale_calls(fresh(case), cara, area)[service]()

    assert "Someone else changed this case" in raised.value.message
    assert fresh(case).version == case.version
    assert (
        CaseEvent.objects.count(),
        AuditEvent.objects.count(),
        PlanVersion.objects.count(),
        AdviceRequest.objects.count(),
        PanelDecision.objects.count(),
    ) == counts


def test_stale_versions_conflict_for_issue_review_and_cease(cara, tom):
    case = f.case_with_final_plan(child=tom, caseworker=cara)
    plan_version_save(
        actor=cara,
        case=case,
        kind=VersionKind.PROPOSED_AMENDMENT,
        sections={},
        today=TODAY,
        expected_version=case.version,
    )
    stale = case.version - 1
    calls = [
        lambda: plan_version_issue(
            actor=cara, case=case, issued_on=TODAY, today=TODAY, expected_version=stale
        ),
        lambda: review_meeting_record(
            actor=cara, case=case, meeting_on=TODAY, notes="", today=TODAY, expected_version=stale
        ),
        lambda: plan_cease(
            actor=cara, case=case, ceased_on=TODAY, reason="2", today=TODAY, expected_version=stale
        ),
    ]
    for call in calls:
        with pytest.raises(ConflictError):
            call()
    assert fresh(case).stage == Stage.PLAN


def test_two_saves_from_the_same_form_make_one_record(cara, tom, area):
    """A double-submitted form: the second POST carries the same version and is refused."""
    case = f.case_assessing(child=tom, caseworker=cara)
    opened_with = case.version
    for attempt in range(2):
        try:
            advice_request_send(
                actor=cara,
                case=fresh(case),
                service=AdviceService.PSYCHOLOGY,
                organisation=area.ep_service,
                requested_on=TODAY,
                today=TODAY,
                expected_version=opened_with,
            )
        except ConflictError:
            assert attempt == 1
    assert AdviceRequest.objects.filter(case=case, service=AdviceService.PSYCHOLOGY).count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_caseworkers_saving_at_once_one_wins(cara, tom, area):
    """Two saves from forms opened on the same version, on two connections at once: one
    is saved, the other gets the conflict (no lost update; security.md goal 13)."""
    case = f.case_assessing(child=tom, caseworker=cara)
    opened_with = case.version
    barrier = threading.Barrier(2)
    results: list[str] = []

    def save(service: str, organisation) -> None:
        try:
            barrier.wait(timeout=10)
            advice_request_send(
                actor=cara,
                case=fresh(case),
                service=service,
                organisation=organisation,
                requested_on=TODAY,
                today=TODAY,
                expected_version=opened_with,
            )
            results.append("saved")
        except ConflictError:
            results.append("conflict")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=save, args=(AdviceService.HEALTH, area.health)),
        threading.Thread(target=save, args=(AdviceService.PSYCHOLOGY, area.ep_service)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(results) == ["conflict", "saved"]
    assert AdviceRequest.objects.filter(case=case).count() == 1
    assert fresh(case).version == opened_with + 1


def test_every_service_change_is_audited_with_the_child(cara, tom):
    case = f.case_with_final_plan(child=tom, caseworker=cara)
    changes = AuditEvent.objects.filter(action=AuditAction.CHANGE, object_id=str(case.pk))
    assert changes.count() == len(changes_of(case)) >= 6
    assert set(changes.values_list("child_id", flat=True)) == {tom.pk}
    assert set(changes.values_list("actor", flat=True)) == {cara.pk}
