"""The family's contributions: the request through casework's request service, the
comment period the clock computes (Reg 13(1)), append-only rows, the council told."""

import datetime as dt

import pytest

from opensend.casework.models import Case, CaseStep, EventKind, Stage
from opensend.contributions.models import DraftComment, PreferredSetting
from opensend.contributions.selectors import comment_window, requestable_children
from opensend.contributions.services import (
    CommentPeriodClosed,
    draft_comments_add,
    family_request_make,
    meeting_request_make,
    preferred_setting_name,
)
from opensend.core.notifications.models import Notification
from opensend.people.models import Child, User
from opensend.statutory import codes
from tests import factories as f
from tests.personas import Area

WEEK = dt.timedelta(weeks=1)


def _young_person_without_case(area: Area) -> tuple[User, Child]:
    user = f.YoungPersonUserFactory(full_name="Jo Young", email="jo@example.net")
    child = f.ChildFactory(local_authority=area.northshire, legal_forename="Jo",
                           legal_surname="Young", date_of_birth=dt.date(2008, 3, 1),
                           young_person_user=user)
    return user, child


@pytest.mark.parametrize("who", ["parent", "young_person"])
def test_a_family_request_opens_an_unallocated_case_on_the_six_week_clock(
    who: str, today: dt.date, area: Area, sam: User, paula: User, mia: Child
):
    user, child = (paula, mia) if who == "parent" else _young_person_without_case(area)
    case = family_request_make(actor=user, child=child, reasons="She is not talking at school",
                               needs="Speech and language", setting=area.hillside,
                               setting_other="", files=[], today=today)
    case = Case.objects.select_related("request").get(pk=case.pk)
    assert (case.stage, case.caseworker, case.opened_on) == (Stage.REQUESTED, None, today)
    assert case.request.source == codes.RequestSource.PARENT_OR_YOUNG_PERSON.value
    assert case.request.requested_by.startswith(
        "Parent or carer" if who == "parent" else "Young person")
    assert case.request.family_request.made_by == user
    assert not case.events.filter(kind=EventKind.CASEWORKER_ALLOCATED).exists()
    # Reg 4(1): the decision whether to assess is due 6 weeks from the day received.
    assert CaseStep.objects.get(case=case, step="decision_to_assess").due == today + 6 * WEEK
    told = Notification.objects.filter(key__startswith="family-request:")
    assert list(told.values_list("recipient", flat=True)) == [sam.email.lower()]


def test_a_parent_may_ask_only_for_a_child_with_no_open_case(
    today: dt.date, paula: User, tom: Child, mia: Child, pete: User
):
    f.case_with_request(child=tom, today=today)
    assert requestable_children(user=paula, today=today) == [mia]
    assert requestable_children(user=pete, today=today) != []  # Ben: no case here
    assert mia not in requestable_children(user=pete, today=today)


@pytest.mark.parametrize(("days_since_draft", "open"), [
    (0, True),    # the day the draft is served is day 1 of the 15
    (14, True),   # day 15: the last day to comment
    (15, False),  # day 16: closed
])
def test_the_comment_period_is_fifteen_days_beginning_with_the_draft(
    days_since_draft: int, open: bool, today: dt.date, cara: User, ben: Child
):
    case = f.case_with_draft_plan(
        child=ben, caseworker=cara, today=today,
        received_on=today - 12 * WEEK - dt.timedelta(days=days_since_draft))
    window = comment_window(case, today)
    assert window.open is open
    assert window.closes == today - dt.timedelta(days=days_since_draft) + dt.timedelta(days=14)


def test_comments_are_kept_per_section_and_the_caseworker_is_told_once(
    today: dt.date, pete: User, cara: User, draft_case: Case
):
    added = draft_comments_add(actor=pete, case=draft_case, today=today,
                               comments={"A": "Ben loves trains", "F": "More speech therapy",
                                         "C": "  "})
    assert [c.section for c in added] == ["A", "F"]
    told = Notification.objects.filter(key=f"draft-comments:{added[0].pk}")
    assert list(told.values_list("recipient", flat=True)) == [cara.email.lower()]
    comment = added[0]
    comment.text = "changed"
    with pytest.raises(ValueError, match="cannot be changed"):
        comment.save()
    assert DraftComment.objects.get(pk=comment.pk).text == "Ben loves trains"


@pytest.mark.parametrize("action", ["comment", "meeting", "school"])
def test_nothing_is_taken_after_the_comment_period_closes(
    action: str, today: dt.date, area: Area, pete: User, cara: User, ben: Child
):
    case = f.case_with_draft_plan(child=ben, caseworker=cara, today=today,
                                  received_on=today - 17 * WEEK)
    calls = {
        "comment": lambda: draft_comments_add(actor=pete, case=case, today=today,
                                              comments={"A": "Late"}),
        "meeting": lambda: meeting_request_make(actor=pete, case=case, reasons="", today=today),
        "school": lambda: preferred_setting_name(actor=pete, case=case,
                                                 organisation=area.oakfield, other_name="",
                                                 reasons="", today=today),
    }
    with pytest.raises(CommentPeriodClosed, match="closed on"):
        calls[action]()


def test_the_latest_preference_is_the_familys_current_one(
    today: dt.date, area: Area, pete: User, draft_case: Case
):
    for school in (area.oakfield, area.riverside):
        preferred_setting_name(actor=pete, case=draft_case, organisation=school,
                               other_name="", reasons="", today=today)
    assert PreferredSetting.objects.filter(case=draft_case).first().organisation == area.riverside
    assert PreferredSetting.objects.filter(case=draft_case).count() == 2
