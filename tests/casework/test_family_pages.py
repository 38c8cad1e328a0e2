"""The family's case and documents pages (issue 11 item 1): plain words for what has
happened, and the right of appeal of each decision with the clock's dates."""

import datetime as dt

import pytest
from django.urls import reverse

from opensend.casework.models import CaseEvent, EventKind
from opensend.casework.presenters.family_pages import appeal_right, what_happened
from opensend.core.models import AuditAction, AuditEvent
from opensend.statutory.clock import Step
from tests import factories as f
from tests.pages import check_page, text_of

DECIDED = dt.date(2026, 6, 10)


def _windows(contact_due: dt.date, appeal_due: dt.date, done=None) -> list[Step]:
    return [
        Step("mediation_contact", contact_due, done, "met" if done else "open", "Reg 33"),
        Step("tribunal_appeal", appeal_due, None, "open", "HESC Rules 2008 r20(1)(c)"),
    ]


@pytest.mark.parametrize(
    ("steps", "today", "expected"),
    [
        # Reg 33: a mediation adviser within 2 months; r20(1)(c): appeal within 2 months
        (_windows(dt.date(2026, 8, 10), dt.date(2026, 8, 10)), dt.date(2026, 7, 1),
         (dt.date(2026, 8, 10), dt.date(2026, 8, 10), True, True)),
        # a mediation certificate on 1 August: the appeal runs to 1 September
        (_windows(dt.date(2026, 8, 10), dt.date(2026, 9, 1), done=dt.date(2026, 8, 1)),
         dt.date(2026, 8, 20), (dt.date(2026, 8, 10), dt.date(2026, 9, 1), False, True)),
        (_windows(dt.date(2026, 8, 10), dt.date(2026, 8, 10)), dt.date(2026, 9, 1),
         (dt.date(2026, 8, 10), dt.date(2026, 8, 10), False, False)),
        # windows opened by another decision: this one cannot be appealed
        (_windows(dt.date(2026, 9, 10), dt.date(2026, 9, 10)), dt.date(2026, 7, 1), None),
    ],
)
def test_the_right_of_appeal_of_a_decision_comes_from_the_clock(steps, today, expected):
    right = appeal_right(DECIDED, steps, today)
    if expected is None:
        assert right is None
    else:
        assert right is not None
        assert (right.mediation_by, right.tribunal_by, right.mediation_open,
                right.tribunal_open) == expected


def test_what_happened_is_in_plain_words_newest_first_without_withdrawn_events():
    events = [
        CaseEvent(pk=1, kind=EventKind.REQUEST_RECEIVED, occurred_on=dt.date(2026, 1, 5)),
        CaseEvent(pk=2, kind=EventKind.DECISION_TO_ASSESS, occurred_on=dt.date(2026, 2, 9),
                  data={"outcome": "not_assess"}),
        CaseEvent(pk=3, kind=EventKind.CASEWORKER_ALLOCATED, occurred_on=dt.date(2026, 1, 6)),
        CaseEvent(pk=4, kind=EventKind.ADVICE_REQUESTED, occurred_on=dt.date(2026, 2, 1)),
        CaseEvent(pk=5, kind=EventKind.EVENT_WITHDRAWN, occurred_on=dt.date(2026, 2, 2),
                  refers_to_id=4),
    ]
    assert [(row.on.isoformat(), row.what) for row in what_happened(events)] == [
        ("2026-02-09", "We decided not to carry out an EHC needs assessment"),
        ("2026-01-05", "We received the request for an EHC needs assessment"),
    ]


@pytest.mark.parametrize(
    ("kind", "source", "words"),
    [
        (EventKind.ADVICE_REQUESTED, "health", "We asked for health advice"),
        (EventKind.ADVICE_REQUESTED, "psychology", "We asked for educational psychology advice"),
        (EventKind.ADVICE_RECEIVED, "social_care", "We received the social care advice"),
        (EventKind.ADVICE_RECEIVED, "", "We received the advice from a professional"),
    ],
)
def test_advice_says_whose_it_is(kind, source, words):
    event = CaseEvent(pk=1, kind=kind, occurred_on=dt.date(2026, 2, 1), data={"source": source})
    assert [row.what for row in what_happened([event])] == [words]


def test_the_documents_page_lists_what_was_sent_newest_first(today, tom, cara, paula,
                                                              pete, family_client):
    with f.issued_files_stood_in():
        case = f.case_with_final_plan(child=tom, caseworker=cara, today=today)
    client = family_client(paula)
    page = check_page(client.get(reverse("family:documents", args=[case.pk])))
    titles = [text_of(h) for h in page.iter("h2")]
    assert titles[:2] == ["Final plan, version 2", "Draft plan, version 1"]
    assert AuditEvent.objects.filter(actor=paula, action=AuditAction.READ,
                                     why="family documents").exists()
    other = family_client(pete).get(reverse("family:documents", args=[case.pk]))
    assert other.status_code == 404  # another family's case
    case_page = check_page(client.get(reverse("family:case", args=[case.pk])))
    text = text_of(case_page)
    assert "What has happened" in text and "We sent you the final EHC plan" in text
    assert "send.team@example.org" in text and "Cara Clarke" in text


def test_the_caseworker_invites_a_parent_and_a_young_person_only_once_they_are_one(
    today, tom, yasmin_record, cara, staff_client
):
    from opensend.people.models import FamilyInvitation

    tom_case = f.case_with_request(child=tom, caseworker=cara, today=today)
    yasmin_case = f.case_with_request(child=yasmin_record, caseworker=cara, today=today)
    mum = f.FamilyMemberFactory(child=tom, name="Paula Baker", email="paula.b@example.net")
    client = staff_client(cara)
    case_page = check_page(client.get(reverse("casework:case", args=[tom_case.pk])))
    invite = reverse("casework:family_invite", args=[tom_case.pk, mum.pk])
    assert invite in {a.get("href") for a in case_page.iter("a")}
    response = client.post(invite, {"email": "paula.b@example.net"})
    assert response["Location"] == reverse("casework:case", args=[tom_case.pk])
    assert FamilyInvitation.objects.get().family_member == mum

    too_young = check_page(client.post(
        reverse("casework:young_person_invite", args=[tom_case.pk]), {"email": "t@example.net"}))
    assert "becomes a young person on" in text_of(too_young)
    yp_page = check_page(client.get(reverse("casework:case", args=[yasmin_case.pk])))
    assert "has been a young person since" in text_of(yp_page)
    client.post(reverse("casework:young_person_invite", args=[yasmin_case.pk]),
                {"email": "yasmin.h@example.net"})
    assert FamilyInvitation.objects.filter(family_member=None, child=yasmin_record).exists()
