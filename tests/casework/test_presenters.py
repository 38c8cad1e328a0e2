"""Presenters: plain-English step names, GOV.UK tags, event lines, family sentences."""

import datetime as dt

import pytest

from opensend.casework.models import Case, CaseEvent, CaseStep, EventKind
from opensend.casework.presenters import family, history, pages, steps
from opensend.people.models import User
from opensend.statutory.clock import Step, Week20

TODAY = dt.date(2026, 3, 2)


@pytest.mark.parametrize(
    ("step", "name"),
    [
        ("decision_to_assess", "Decide whether to assess"),
        ("advice:health", "Health advice"),
        ("advice:psychology", "Educational psychology advice"),
        ("advice:social_care", "Social care advice"),
        ("final_plan", "Issue the final plan"),
        ("review_decision", "Decide to maintain, amend or cease the plan"),
        ("something_new", "Something new"),
    ],
)
def test_step_names_are_plain_english(step: str, name: str) -> None:
    assert steps.step_name(step) == name


@pytest.mark.parametrize(
    ("status", "text", "colour"),
    [
        ("open", "Due", "blue"),
        ("met", "Done on time", "green"),
        ("late", "Done late", "red"),
        ("overdue", "Overdue", "red"),
        ("excused", "Late: exception applies", "yellow"),
    ],
)
def test_status_tags(status: str, text: str, colour: str) -> None:
    tag = steps.status_tag(status, "final_plan")
    assert (tag.text, tag.classes) == (text, f"govuk-tag--{colour}")


def test_windows_are_open_or_closed_never_late() -> None:
    assert steps.status_tag("open", "tribunal_appeal").text == "Open"
    assert steps.status_tag("met", "draft_comments_close").text == "Closed"


@pytest.mark.parametrize(
    ("due", "text"),
    [
        (dt.date(2026, 2, 27), "3 days overdue"),
        (dt.date(2026, 3, 1), "1 day overdue"),
        (TODAY, "Due today"),
        (dt.date(2026, 3, 3), "1 day left"),
        (dt.date(2026, 3, 16), "14 days left"),
    ],
)
def test_days_left(due: dt.date, text: str) -> None:
    assert steps.days_left(due, TODAY) == text


def test_a_stored_step_is_reassessed_for_today() -> None:
    """The stored status is from the last change; a due date may have passed since."""
    stale = CaseStep(
        step="decision_to_assess",
        due=dt.date(2026, 2, 16),
        done=None,
        status="open",
        rule="Reg 5(1)",
    )
    excused = CaseStep(
        step="final_plan", due=dt.date(2026, 2, 16), done=None, status="excused", rule="Reg 13(2)"
    )
    window = CaseStep(
        step="draft_comments_close",
        due=dt.date(2026, 2, 16),
        done=None,
        status="open",
        rule="Reg 13(1)",
    )
    assert steps.current_status(stale, TODAY) == "overdue"
    assert steps.current_status(excused, TODAY) == "excused"
    assert steps.current_status(window, TODAY) == "met"
    row = steps.step_rows(steps.current_steps([stale], TODAY), TODAY)[0]
    assert (row.name, row.tag.text, row.days) == (
        "Decide whether to assess",
        "Overdue",
        "14 days overdue",
    )


def test_a_done_step_shows_no_days() -> None:
    step = Step(
        step="decision_to_assess",
        due=dt.date(2026, 2, 16),
        done=dt.date(2026, 2, 10),
        status="met",
        rule="Reg 5(1)",
    )
    row = steps.step_rows([step], TODAY)[0]
    assert (row.tag.text, row.done, row.days) == ("Done on time", dt.date(2026, 2, 10), "")


@pytest.mark.parametrize(
    ("nc_year", "label"),
    [
        (None, "Not known"),
        (-2, "Not yet in nursery"),
        (-1, "Nursery"),
        (0, "Reception"),
        (7, "Year 7"),
        (14, "Year 14"),
    ],
)
def test_nc_year_label(nc_year: int | None, label: str) -> None:
    assert steps.nc_year_label(nc_year) == label


def test_week20_summary() -> None:
    assert steps.week20_summary(None) is None
    assert steps.week20_summary(Week20(None, None, None, False)) is None
    running = steps.week20_summary(Week20(dt.date(2026, 5, 25), None, None, False))
    assert (running.within, running.exception_applies) == ("Not issued yet", "No")
    late = steps.week20_summary(Week20(dt.date(2026, 5, 25), dt.date(2026, 6, 1), False, True))
    assert (late.within, late.exception_applies) == ("No", "Yes")


def _event(kind: str, **data: object) -> CaseEvent:
    return CaseEvent(kind=kind, occurred_on=TODAY, data=data)


@pytest.mark.parametrize(
    ("kind", "data", "text"),
    [
        (
            EventKind.REQUEST_RECEIVED,
            {"source": "2"},
            "Request for an EHC needs assessment received from: "
            "Early years setting, school or college",
        ),
        (
            EventKind.DECISION_TO_ASSESS,
            {"outcome": "assess"},
            "Decided to carry out an EHC needs assessment",
        ),
        (
            EventKind.DECISION_TO_ASSESS,
            {"outcome": "not_assess"},
            "Decided not to carry out an EHC needs assessment",
        ),
        (
            EventKind.ADVICE_REQUESTED,
            {"source": "health", "organisation": "Northshire NHS Trust"},
            "Health advice requested (Northshire NHS Trust)",
        ),
        (
            EventKind.ADVICE_RECEIVED,
            {"source": "psychology"},
            "Educational psychology advice received",
        ),
        (EventKind.ADVICE_CHASED, {"source": "social_care"}, "Social care advice chased"),
        (
            EventKind.PANEL_DECISION,
            {"question": "assess", "agreed": True},
            "Panel agreed: whether to carry out an EHC needs assessment",
        ),
        (EventKind.FINAL_PLAN_ISSUED, {"plan_version": 2}, "Final plan issued (version 2)"),
        (
            EventKind.EXCEPTION,
            {"reason": "absent_from_area", "start": "2026-01-05", "end": "2026-02-13"},
            "Exception to the time limits: Away from the area for 4 weeks or more, "
            "5 January 2026 to 13 February 2026",
        ),
        (
            EventKind.REVIEW_DECISION,
            {"outcome": "amend"},
            "Decided after the annual review to amend the plan",
        ),
        (EventKind.PLAN_CEASED, {"reason": "2"}, "Plan ceased: Needs met without an EHC plan"),
        (
            EventKind.DECISION_NOTIFIED,
            {"decision": "refuse_assess"},
            "Appealable decision notified about: refusal to assess",
        ),
        (EventKind.MEDIATION_CERTIFICATE, {}, "Mediation certificate issued"),
    ],
)
def test_describe_event(kind: str, data: dict, text: str) -> None:
    assert history.describe_event(_event(kind, **data), Case()) == text


def test_describe_allocation_names_the_current_caseworker() -> None:
    case = Case(caseworker=User(pk=7, full_name="Sam Okafor"))
    assert history.describe_event(_event("caseworker_allocated", caseworker=7), case) == (
        "Caseworker allocated: Sam Okafor"
    )
    assert history.describe_event(_event("caseworker_allocated", caseworker=8), case) == (
        "Caseworker allocated"
    )


@pytest.mark.parametrize(
    ("step", "what", "progress", "tag"),
    [
        (
            Step(
                "decision_to_assess", dt.date(2026, 2, 13), dt.date(2026, 2, 10), "met", "Reg 5(1)"
            ),
            "We must decide whether to carry out an EHC needs assessment by 13 February 2026",
            "on 10 February 2026.",
            "Done",
        ),
        (
            Step("final_plan", dt.date(2026, 5, 25), None, "open", "Reg 13(2)"),
            "We must send you the final EHC plan by 25 May 2026",
            "",
            "Coming up",
        ),
        (
            Step("advice:health", dt.date(2026, 2, 20), None, "overdue", "Reg 8(1)"),
            "We must get health advice by 20 February 2026",
            "We are sorry this is late. Your caseworker can tell you what is happening.",
            "Late",
        ),
        (
            Step("draft_comments_close", dt.date(2026, 3, 10), None, "open", "Reg 13(1)"),
            "You can comment on the draft plan until 10 March 2026",
            "",
            "Open now",
        ),
        (
            Step("tribunal_appeal", dt.date(2026, 1, 10), dt.date(2026, 1, 10), "met", "CFA s51"),
            "The time to appeal to the SEND tribunal ended on 10 January 2026",
            "",
            "Closed",
        ),
    ],
)
def test_family_steps_in_plain_english(step: Step, what: str, progress: str, tag: str) -> None:
    shown = family.family_step(step)
    assert (shown.what, shown.progress, shown.tag.text) == (what, progress, tag)


def test_family_week20() -> None:
    assert family.family_week20(None) == ""
    assert family.family_week20(Week20(dt.date(2026, 5, 25), None, None, False)) == (
        "If we issue an EHC plan, we must send you the final plan by 25 May 2026. "
        "This is 20 weeks after we received the request."
    )
    assert family.family_week20(Week20(dt.date(2026, 5, 25), dt.date(2026, 5, 1), True, False)) == (
        "We sent the final EHC plan on 1 May 2026."
    )


def test_team_rows_name_unallocated_cases() -> None:
    rows = pages.team_rows(
        [{"caseworker__id": None, "caseworker__full_name": None, "open_cases": 2, "overdue": 1}]
    )
    assert rows[0] == pages.TeamRow(caseworker="Not allocated", open_cases=2, overdue=1)


def test_family_steps_that_are_late_or_delayed() -> None:
    due, done = dt.date(2026, 2, 13), dt.date(2026, 2, 20)
    late = family.family_step(Step("final_plan", due, done, "late", "Reg 13(2)"))
    assert (late.tag.text, late.progress) == ("Done late", "on 20 February 2026.")
    excused = family.family_step(Step("final_plan", due, done, "excused", "Reg 13(2)"))
    assert (excused.tag.text, excused.progress) == (
        "Done",
        "on 20 February 2026. It took longer for a reason the law allows.",
    )
    waiting = family.family_step(Step("final_plan", due, None, "excused", "Reg 13(2)"))
    assert waiting.tag.text == "Delayed"


@pytest.mark.parametrize(("number", "expected"), [(1, "1 outcome"), (2, "2 outcomes"),
                                                   (0, "0 outcomes")])
def test_the_plan_summary_counts_in_words(number, expected):
    from opensend.casework.presenters.plan import _count

    assert _count(number, "outcome") == expected
