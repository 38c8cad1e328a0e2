"""The order of statutory steps and corrections, through the casework services.

Services refuse an event opensend.statutory.order forbids (the transaction rolls back:
nothing is stored); corrections are new events, and the clock, the stage, the queue
(CaseStep) and the indicators read the corrected history. Dates count back from TODAY
(22 November 2026).
"""

import contextlib
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opensend.casework.clock import clock_history
from opensend.casework.event_selectors import decisions_to_assess
from opensend.casework.models import (
    CaseEvent,
    CaseStep,
    EventKind,
    PanelQuestion,
    Stage,
    VersionKind,
)
from opensend.casework.services.advice import advice_receive
from opensend.casework.services.assessment import panel_decision_record
from opensend.casework.services.comment_period import comment_period_end_early
from opensend.casework.services.common import OrderRefused
from opensend.casework.services.corrections import case_event_correct, case_event_withdraw
from opensend.casework.services.plans import plan_version_issue, plan_version_save
from opensend.statutory.indicators.from_history import case_measure_rows
from opensend.statutory.order import validate_history
from tests import factories as f
from tests.factories import TODAY, WEEK

DAY = dt.timedelta(days=1)


def fresh(case):
    return type(case).objects.select_related("child").get(pk=case.pk)


def kinds(case) -> list[str]:
    return list(case.events.order_by("pk").values_list("kind", flat=True))


def steps(case) -> dict[str, tuple[dt.date, dt.date | None, str]]:
    return {s.step: (s.due, s.done, s.status) for s in CaseStep.objects.filter(case=case)}


def final_issue(case, *, on: dt.date):
    plan_version_save(actor=case.caseworker, case=case, kind=VersionKind.FINAL,
                      sections=f.plan_sections(), today=TODAY,
                      expected_version=fresh(case).version)
    return plan_version_issue(actor=case.caseworker, case=case, issued_on=on, today=TODAY,
                              expected_version=fresh(case).version)


@pytest.fixture
def drafted(tom, cara):
    """A draft plan served a week ago (request 13 weeks ago): comments close 14 days
    after it, on TODAY + 7 days (Reg 13(1))."""
    return f.case_with_draft_plan(child=tom, caseworker=cara, received_on=TODAY - 13 * WEEK)


def test_a_final_plan_inside_the_comment_period_is_refused_with_the_reason(drafted):
    before = kinds(drafted)
    with pytest.raises(OrderRefused) as refused:
        final_issue(drafted, on=TODAY)
    message = str(refused.value)
    assert refused.value.refusal.rule == "final-after-comment-period"
    assert message.startswith("Final plan issued on 22 November 2026 cannot be recorded:")
    assert "runs until 29 November 2026" in message and "(Reg 13(1))" in message
    assert "end the comment period early" in message  # what must happen first
    assert kinds(drafted) == before  # nothing stored
    assert fresh(drafted).plan.versions.filter(kind="final", issued_on__isnull=False).count() == 0


def test_the_familys_written_agreement_lets_the_final_plan_through(drafted):
    comment_period_end_early(actor=drafted.caseworker, case=drafted, agreed_on=TODAY,
                             who_agreed="Sam Taylor (mother)", how="email saved to file",
                             today=TODAY, expected_version=fresh(drafted).version)
    final_issue(drafted, on=TODAY)
    assert fresh(drafted).stage == Stage.PLAN
    assert kinds(drafted)[-2:] == [EventKind.COMMENT_PERIOD_ENDED_EARLY, "final_plan_issued"]
    assert steps(drafted)["draft_comments_close"][1] == TODAY  # closed early, by the plan


def test_an_agreement_with_no_draft_waiting_is_refused(tom, cara):
    case = f.case_assessing(child=tom, caseworker=cara)
    with pytest.raises(OrderRefused, match="no draft plan"):
        comment_period_end_early(actor=cara, case=case, agreed_on=TODAY, who_agreed="Sam",
                                 how="email", today=TODAY, expected_version=case.version)


def test_a_decision_on_issuing_before_any_decision_to_assess_is_refused(tom, cara):
    case = f.case_with_request(child=tom, caseworker=cara)
    with pytest.raises(OrderRefused, match="whether to issue a plan") as refused:
        panel_decision_record(actor=cara, case=case, met_on=TODAY, question=PanelQuestion.ISSUE,
                              agreed=True, reasons="r", attendance=[], today=TODAY,
                              expected_version=case.version)
    # Its own rule of the order table, with its legal source (not another rule's).
    assert refused.value.refusal.rule == "issue-question-after-decision-to-assess"
    assert "(CFA s36(8), s37(1); Reg 10(1))" in str(refused.value)
    assert "record a decision to assess before deciding whether to issue a plan" in str(
        refused.value
    )
    assert fresh(case).stage == Stage.REQUESTED
    assert not case.panel_decisions.exists()


def test_correcting_a_wrong_panel_decision_changes_clock_stage_queue_and_indicators(tom, cara):
    """Hand-worked: request R = 6 Sep 2026 (TODAY - 11 weeks); the panel met on R + 5 weeks
    (11 Oct) and agreed to assess, but the refusal was recorded. Before: stage "Refused
    assessment", mediation and appeal windows open (from 11 Oct: 11 Dec), no final_plan
    step. After correcting the outcome: stage "Assessing", the refusal's notice withdrawn
    (no mediation or appeal windows), final_plan due R + 20 weeks = 24 Jan 2027 (open),
    and the request counts as decided on 11 Oct with outcome "assess"."""
    received = TODAY - 11 * WEEK
    met = received + 5 * WEEK
    case = f.case_with_request(child=tom, caseworker=cara, received_on=received)
    case = f.panel_decide(case, agreed=False, met_on=met)
    assert fresh(case).stage == Stage.NOT_ASSESSED
    assert steps(case)["mediation_contact"] == (dt.date(2026, 12, 11), None, "open")
    assert "final_plan" not in steps(case)

    decision = case.events.get(kind="decision_to_assess")
    case_event_correct(actor=cara, case=case, event=decision,
                       corrected={"event": "decision_to_assess", "date": met, "outcome": "assess"},
                       reason="The panel agreed; the refusal was ticked by mistake",
                       today=TODAY, expected_version=fresh(case).version)

    case = fresh(case)
    assert case.stage == Stage.ASSESSING
    after = steps(case)
    assert "mediation_contact" not in after and "tribunal_appeal" not in after
    assert after["final_plan"] == (dt.date(2027, 1, 24), None, "open")
    assert after["decision_to_assess"] == (received + 6 * WEEK, met, "met")
    rows = case_measure_rows(clock_history(case.events.all()))
    assert [(r.received, r.decided_on, r.outcome) for r in rows.requests] == [
        (received, met, "assess")
    ]
    live = list(decisions_to_assess(case.local_authority_id, since=received, until=None))
    assert live == [(case.pk, met, "assess")]
    correction = case.events.get(kind="event_corrected")
    assert (correction.recorded_by, correction.refers_to) == (cara, decision)
    assert case.events.filter(kind="event_withdrawn", refers_to__kind="decision_notified").exists()


def test_withdrawing_advice_received_reopens_the_advice_step(tom, cara, area):
    case = f.case_assessing(child=tom, caseworker=cara,
                            advice_from=[("psychology", area.ep_service)])
    advice = case.advice_requests.get()
    advice_receive(actor=cara, advice=advice, received_on=TODAY - WEEK, summary="s",
                   today=TODAY, expected_version=None)
    received = case.events.get(kind="advice_received")
    case_event_withdraw(actor=cara, case=case, event=received, reason="wrong child",
                        today=TODAY, expected_version=fresh(case).version)
    advice.refresh_from_db()
    assert advice.received_on is None
    assert steps(case)["advice:psychology"][1] is None


def test_withdrawing_a_decision_a_draft_depends_on_is_refused(drafted):
    decision = drafted.events.get(kind="decision_to_assess")
    with pytest.raises(OrderRefused) as refused:
        case_event_withdraw(actor=drafted.caseworker, case=drafted, event=decision,
                            reason="r", today=TODAY, expected_version=drafted.version)
    assert refused.value.refusal.rule == "correction-keeps-order"


# --- the property: no sequence of service calls produces a history the rules forbid ----

ACTIONS = ("assess", "refuse", "issue_yes", "issue_no", "advice", "advice_in", "draft",
           "agree_early", "final", "meeting", "withdraw_last")


def _act(case, action: str, on: dt.date, area) -> None:
    actor, version = case.caseworker, fresh(case).version
    if action in ("assess", "refuse", "issue_yes", "issue_no"):
        question = PanelQuestion.ASSESS if action in ("assess", "refuse") else PanelQuestion.ISSUE
        panel_decision_record(actor=actor, case=case, met_on=on, question=question,
                              agreed=action in ("assess", "issue_yes"), reasons="r",
                              attendance=[], today=on, expected_version=version)
    elif action == "advice":
        f.advice_ask(case, organisation=area.ep_service, service="psychology",
                     requested_on=on, today=on)
    elif action == "advice_in":
        waiting = case.advice_requests.filter(received_on__isnull=True).first()
        if waiting is not None:
            advice_receive(actor=actor, advice=waiting, received_on=on, summary="s",
                           today=on, expected_version=None)
    elif action in ("draft", "final"):
        f.plan_issue(case, kind=action, issued_on=on, today=on)
    elif action == "agree_early":
        comment_period_end_early(actor=actor, case=case, agreed_on=on, who_agreed="parent",
                                 how="email", today=on, expected_version=version)
    elif action == "meeting":
        f.review_meeting(case, meeting_on=on, today=on)
    else:
        last = case.events.exclude(kind__in=("event_withdrawn", "event_corrected")).filter(
            kind__in=[k for k in EventKind.values if k not in ("panel_decision",
                                                               "caseworker_allocated")],
            corrections__isnull=True).order_by("-pk").first()
        if last is not None:
            case_event_withdraw(actor=actor, case=case, event=last, reason="error", today=on,
                                expected_version=version)


@pytest.mark.django_db
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(ACTIONS), st.integers(0, 20)), max_size=10))
def test_no_sequence_of_service_calls_makes_an_unlawful_history(area, cara, steps_taken):
    child = f.ChildFactory(local_authority=area.northshire)
    start = TODAY - 200 * DAY
    case = f.case_with_request(child=child, caseworker=cara, received_on=start, today=start)
    day = start
    for action, gap in steps_taken:
        day += dt.timedelta(days=gap)
        # A refusal rolls back: the history must be lawful either way.
        with contextlib.suppress(OrderRefused):
            _act(case, action, day, area)
        history = clock_history(CaseEvent.objects.filter(case=case).order_by("pk"))
        assert validate_history(history) == [], (action, day)
