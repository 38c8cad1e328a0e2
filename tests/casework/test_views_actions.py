"""The casework action pages: every form that changes a case, and the plan downloads.

For each form: a valid POST saves what it should and goes back to the case page with a
success notification; an invalid POST shows the error summary; a stale version shows
the conflict message; a caseworker with no link to the case gets 404.

Personas (tests/personas.py): Cara the caseworker of Tom's case, Colin another
caseworker, Sam the SEN manager, Paula Tom's mother, Pete another child's father.
"""

import datetime as dt
import io

import docx
import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from opensend.casework.models import (
    AnnualReview,
    Case,
    ClockException,
    Dispute,
    EhcRequest,
    PanelDecision,
    Plan,
    Stage,
    VersionKind,
)
from opensend.core.models import AuditAction, AuditEvent
from opensend.people.models import Child
from opensend.statutory.identifiers import make_upn
from tests import factories as f
from tests.factories import TODAY, WEEK
from tests.pages import check_page, elements_with_class, text_of

DAY = dt.timedelta(days=1)


@pytest.fixture(autouse=True)
def _on_today(today: dt.date) -> None:
    """Every test runs on TODAY (22 November 2026)."""


def on(name: str, day: dt.date | None) -> dict[str, str]:
    """A GOV.UK date input's three boxes."""
    if day is None:
        return {f"{name}-day": "", f"{name}-month": "", f"{name}-year": ""}
    return {
        f"{name}-day": str(day.day),
        f"{name}-month": str(day.month),
        f"{name}-year": str(day.year),
    }


def case_url(case: Case) -> str:
    return reverse("casework:case", args=[case.pk])


def notifications(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def error_summary(response) -> str:
    page = check_page(response)
    summaries = elements_with_class(page, "govuk-error-summary")
    assert summaries, "the page has no error summary"
    return text_of(summaries[0])


def assert_saved(response, case: Case, message: str) -> None:
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == case_url(case)
    assert any(message in text for text in notifications(response)), notifications(response)


def fresh(case: Case) -> Case:
    return Case.objects.select_related("child").get(pk=case.pk)


# ---------------------------------------------------------------------------------------
# A new request
# ---------------------------------------------------------------------------------------

NEW_CHILD = {
    "child": "new",
    "legal_forename": "Maya",
    "legal_surname": "Okafor",
    **on("date_of_birth", dt.date(2019, 4, 3)),
    "sex": "F",
    "upn": "",
    "postcode": "nr1 2ab",
    "primary_need": "SLCN",
    **on("received_on", TODAY - 3 * DAY),
    "source": "1",
    "requested_by": "Ngozi Okafor",
    "requesting_setting": "",
    "graduated_approach_evidence": "",
    "parent_name": "Ngozi Okafor",
    "parent_relationship": "Mother",
    "parent_email": "ngozi.okafor@example.net",
    "parent_phone": "",
    "parent_address": "",
    "parent_preferred_language": "Yoruba",
    "parent_interpreter_needed": "yes",
}


def test_request_new_page(staff_client, cara):
    page = check_page(staff_client(cara).get(reverse("casework:request_new")))
    assert text_of(page.find(".//h1")) == "Record a request for an EHC needs assessment"


def test_request_for_a_new_child_creates_the_child_and_the_case(staff_client, cara, area):
    upn = make_upn(929, 2001, 2023, 7)
    data = {
        **NEW_CHILD,
        "upn": upn.lower(),
        "requesting_setting": str(area.hillside.pk),
        "source": "2",
        "graduated_approach_evidence": "Speech therapy since Reception.",
    }

    response = staff_client(cara).post(reverse("casework:request_new"), data)

    child = Child.objects.get(legal_surname="Okafor")
    case = Case.objects.get(child=child)
    assert_saved(response, case, "Request for an EHC needs assessment recorded")
    assert (child.upn, child.postcode, child.local_authority) == (upn, "NR1 2AB", area.northshire)
    assert list(child.needs.values_list("need", "rank")) == [("SLCN", 1)]
    request = EhcRequest.objects.get(case=case)
    assert (request.received_on, request.source, request.requesting_setting) == (
        TODAY - 3 * DAY,
        "2",
        area.hillside,
    )
    assert (case.caseworker, case.stage) == (cara, Stage.REQUESTED)
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, child_id=child.pk).exists()
    parent = child.family.get()
    assert (parent.name, parent.relationship, parent.email) == (
        "Ngozi Okafor", "Mother", "ngozi.okafor@example.net")
    assert (parent.preferred_language, parent.interpreter_needed) == ("Yoruba", True)
    assert parent.holds_parental_responsibility
    change = child.record_changes.get()
    assert (change.kind, change.family_member, change.changed_by) == ("family_added", parent, cara)


def test_request_for_a_new_child_needs_a_person_with_parental_responsibility(
    staff_client, cara
):
    data = {**NEW_CHILD, "parent_name": "", "parent_relationship": "", "parent_email": "",
            "parent_preferred_language": "", "parent_interpreter_needed": ""}

    summary = error_summary(staff_client(cara).post(reverse("casework:request_new"), data))

    assert "Enter the full name of the person with parental responsibility" in summary
    assert "Enter their relationship to the child" in summary
    assert "Enter the language they prefer" in summary
    assert "Select whether they need an interpreter" in summary
    assert "Enter an email address, a phone number or a postal address" in summary
    assert Case.objects.count() == 0


def test_a_young_person_may_request_for_themselves_without_a_parent(staff_client, cara):
    data = {**NEW_CHILD, **on("date_of_birth", dt.date(2008, 1, 5)), "parent_name": "",
            "parent_relationship": "", "parent_email": "", "parent_preferred_language": "",
            "parent_interpreter_needed": ""}

    response = staff_client(cara).post(reverse("casework:request_new"), data)

    child = Child.objects.get(legal_surname="Okafor")
    assert_saved(response, Case.objects.get(child=child), "Request for an EHC needs assessment")
    assert not child.family.exists()


def test_request_for_a_child_already_recorded(staff_client, sam, tom):
    data = {**NEW_CHILD, "child": "existing", "existing_upn": tom.upn, "legal_surname": ""}

    response = staff_client(sam).post(reverse("casework:request_new"), data)

    case = Case.objects.get(child=tom)
    assert_saved(response, case, "Request for an EHC needs assessment recorded")
    assert Child.objects.filter(legal_surname="Okafor").count() == 0


def test_request_with_nothing_entered_shows_the_errors(staff_client, cara):
    response = staff_client(cara).post(reverse("casework:request_new"), {})

    summary = error_summary(response)
    assert "Select whether the child is already recorded" in summary
    assert "Enter the date the request was received" in summary
    assert "Select who made the request" in summary
    assert Case.objects.count() == 0


def test_request_for_a_new_child_needs_their_details(staff_client, cara):
    upn = make_upn(929, 2001, 2023, 8)
    wrong_check_letter = ("B" if upn[0] != "B" else "C") + upn[1:]
    data = {
        **NEW_CHILD,
        "legal_forename": "",
        "postcode": "NOT A POSTCODE",
        "upn": wrong_check_letter,
        **on("received_on", TODAY + DAY),
    }

    summary = error_summary(staff_client(cara).post(reverse("casework:request_new"), data))

    assert "Enter the child's first name" in summary
    assert "Enter a full UK postcode" in summary
    assert "UPN check letter does not match" in summary
    assert "The date the request was received must be today or in the past" in summary


def test_request_for_a_child_with_an_open_case_is_refused(staff_client, cara, tom):
    f.case_with_request(child=tom, caseworker=cara)
    data = {**NEW_CHILD, "child": "existing", "existing_upn": tom.upn}

    summary = error_summary(staff_client(cara).post(reverse("casework:request_new"), data))

    assert "already has an open EHC case" in summary
    assert Case.objects.filter(child=tom).count() == 1


def test_a_caseworker_cannot_find_a_child_they_cannot_see(staff_client, colin, tom):
    data = {**NEW_CHILD, "child": "existing", "existing_upn": tom.upn}
    summary = error_summary(staff_client(colin).post(reverse("casework:request_new"), data))
    assert "No child or young person you can see has this UPN" in summary


def test_only_caseworkers_and_managers_record_requests(staff_client, family_client, sue, paula):
    assert staff_client(sue).get(reverse("casework:request_new")).status_code == 404
    assert family_client(paula).get(reverse("casework:request_new")).status_code == 404


# ---------------------------------------------------------------------------------------
# Panel decisions
# ---------------------------------------------------------------------------------------


@pytest.fixture
def requested(cara, tom) -> Case:
    """Tom's request, received 4 weeks ago, awaiting the decision to assess."""
    return f.case_with_request(child=tom, caseworker=cara, received_on=TODAY - 4 * WEEK)


def panel_data(case: Case, **changes: str) -> dict[str, str]:
    return {
        "version": str(case.version),
        "question": "assess",
        "agreed": "yes",
        **on("met_on", TODAY - DAY),
        "reasons": "Needs not met at SEN support.",
        "attended_education": "Head of SEN",
        "attended_health": "",
        "attended_social_care": "",
        "attended_psychology": "Dr Lee",
        "attended_forum": "",
        **changes,
    }


def test_panel_decision_page(staff_client, cara, requested):
    page = check_page(
        staff_client(cara).get(reverse("casework:panel_decision", args=[requested.pk]))
    )
    assert text_of(page.find(".//h1")) == "Record the panel\u2019s decision on the assessment"
    question = page.find(".//input[@name='question']")
    assert (question.get("type"), question.get("value")) == ("hidden", "assess")
    assert page.find(".//input[@name='version']").get("value") == str(requested.version)


def test_panel_decision_saves(staff_client, cara, requested):
    url = reverse("casework:panel_decision", args=[requested.pk])
    response = staff_client(cara).post(url, panel_data(requested))

    assert_saved(response, requested, "Panel decision recorded")
    decision = PanelDecision.objects.get(case=requested)
    assert (decision.agreed, decision.met_on, decision.question) == (True, TODAY - DAY, "assess")
    assert sorted(decision.attendance.values_list("agency", "name")) == [
        ("education", "Head of SEN"),
        ("psychology", "Dr Lee"),
    ]
    assert fresh(requested).stage == Stage.ASSESSING


def test_panel_decision_errors(staff_client, cara, requested):
    url = reverse("casework:panel_decision", args=[requested.pk])
    data = panel_data(requested, agreed="", reasons="", **on("met_on", TODAY - 5 * WEEK))

    summary = error_summary(staff_client(cara).post(url, data))

    assert "Select yes if the panel agreed" in summary
    assert "Enter the panel's reasons" in summary
    assert "must be the same as or after the date the request was received" in summary
    assert not PanelDecision.objects.exists()


def test_panel_decision_with_a_stale_version_is_a_conflict(staff_client, cara, requested):
    url = reverse("casework:panel_decision", args=[requested.pk])
    data = panel_data(requested, version=str(requested.version - 1 or 99))

    response = staff_client(cara).post(url, data)

    assert "Someone else changed this case" in error_summary(response)
    assert not PanelDecision.objects.exists()
    page = check_page(response)
    assert page.find(".//input[@name='version']").get("value") == str(fresh(requested).version)


def test_an_unrelated_caseworker_gets_404(staff_client, colin, requested):
    client = staff_client(colin)
    for name in (
        "panel_decision",
        "advice_request",
        "exception",
        "plan_issue",
        "review_meeting",
        "cease",
        "dispute",
    ):
        url = reverse(f"casework:{name}", args=[requested.pk])
        assert client.get(url).status_code == 404, name
        assert client.post(url, panel_data(requested)).status_code == 404, name
    assert not PanelDecision.objects.exists()
    assert AuditEvent.objects.filter(action=AuditAction.DENIED, actor=colin).count() >= 14


@pytest.fixture
def assessing(cara, tom) -> Case:
    return f.case_assessing(child=tom, caseworker=cara, received_on=TODAY - 8 * WEEK)


def test_signed_out_users_are_sent_to_sign_in(client, requested):
    response = client.get(reverse("casework:panel_decision", args=[requested.pk]))
    assert response.status_code == 302 and "sign" in response["Location"]


# ---------------------------------------------------------------------------------------
# Exceptions
# ---------------------------------------------------------------------------------------


def test_exception_saves(staff_client, cara, assessing):
    url = reverse("casework:exception", args=[assessing.pk])
    check_page(staff_client(cara).get(url))
    data = {
        "version": assessing.version,
        "reason": "absent_from_area",
        **on("start", TODAY - 3 * WEEK),
        **on("end", TODAY + 2 * WEEK),
        "note": "Abroad.",
    }

    response = staff_client(cara).post(url, data)

    assert_saved(response, assessing, "Exception to the time limits recorded")
    exception = ClockException.objects.get(case=assessing)
    assert (exception.start, exception.end) == (TODAY - 3 * WEEK, TODAY + 2 * WEEK)


def test_exception_must_end_after_it_starts(staff_client, cara, assessing):
    url = reverse("casework:exception", args=[assessing.pk])
    data = {
        "version": assessing.version,
        "reason": "absent_from_area",
        **on("start", TODAY - DAY),
        **on("end", TODAY - 3 * DAY),
        "note": "",
    }

    summary = error_summary(staff_client(cara).post(url, data))

    assert "The end date must be the same as or after the start date" in summary
    assert not ClockException.objects.exists()


# ---------------------------------------------------------------------------------------
# Downloads
# ---------------------------------------------------------------------------------------


@pytest.fixture
def issued_and_working(cara, tom, area) -> Case:
    """Version 1 issued (draft), version 2 (final) saved but not issued."""
    case = f.case_with_draft_plan(child=tom, caseworker=cara, named_setting=area.hillside)
    from opensend.casework.services.plans import plan_version_save

    plan_version_save(
        actor=cara,
        case=case,
        kind=VersionKind.FINAL,
        sections={"A": "Final."},
        today=TODAY,
        expected_version=case.version,
    )
    return fresh(case)


def test_staff_download_the_pdf_as_an_attachment(staff_client, cara, issued_and_working):
    url = reverse("casework:plan_pdf", args=[issued_and_working.pk, 2])
    response = staff_client(cara).get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response.content.startswith(b"%PDF")
    download = AuditEvent.objects.get(action=AuditAction.DOWNLOAD)
    assert (download.actor, download.child_id, download.detail["format"]) == (
        cara,
        issued_and_working.child_id,
        "pdf",
    )


@pytest.mark.parametrize("name", ["plan_pdf", "plan_docx"])
def test_a_plan_download_writes_one_audit_row(staff_client, cara, issued_and_working, name):
    """Issue 13, finding 7: a download wrote a "read" row for the case as well."""
    client = staff_client(cara)
    last = AuditEvent.objects.order_by("pk").last()
    response = client.get(reverse(f"casework:{name}", args=[issued_and_working.pk, 1]))
    assert response.status_code == 200
    rows = list(AuditEvent.objects.filter(pk__gt=last.pk if last else 0).order_by("pk"))
    assert [(row.action, row.actor) for row in rows] == [(AuditAction.DOWNLOAD, cara)]


@pytest.mark.real_documents  # opens the Word file as issued
def test_the_word_version_opens_and_has_every_section(staff_client, cara, issued_and_working):
    url = reverse("casework:plan_docx", args=[issued_and_working.pk, 1])
    response = staff_client(cara).get(url)

    assert response["Content-Disposition"].startswith("attachment;")
    document = docx.Document(io.BytesIO(response.content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for code in ("A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K"):
        assert any(h.startswith(f"Section {code}: ") for h in headings), code


def test_a_parent_downloads_issued_versions_only(family_client, paula, issued_and_working):
    client = family_client(paula)
    issued = client.get(reverse("casework:plan_pdf", args=[issued_and_working.pk, 1]))
    assert issued.status_code == 200 and issued.content.startswith(b"%PDF")

    for name in ("plan_pdf", "plan_docx"):
        unissued = client.get(reverse(f"casework:{name}", args=[issued_and_working.pk, 2]))
        assert unissued.status_code == 404
    assert AuditEvent.objects.filter(action=AuditAction.DENIED, actor=paula).count() == 2


def test_unrelated_people_cannot_download(
    family_client, staff_client, pete, colin, issued_and_working
):
    url = reverse("casework:plan_pdf", args=[issued_and_working.pk, 1])
    assert family_client(pete).get(url).status_code == 404
    assert staff_client(colin).get(url).status_code == 404
    assert not AuditEvent.objects.filter(action=AuditAction.DOWNLOAD).exists()


def test_a_version_that_does_not_exist_is_404(staff_client, cara, issued_and_working):
    url = reverse("casework:plan_pdf", args=[issued_and_working.pk, 9])
    assert staff_client(cara).get(url).status_code == 404


def test_staff_without_the_second_factor_cannot_download(client, cara, issued_and_working):
    client.force_login(cara, backend="django.contrib.auth.backends.ModelBackend")
    response = client.get(reverse("casework:plan_pdf", args=[issued_and_working.pk, 1]))
    assert response.status_code == 302


# ---------------------------------------------------------------------------------------
# Reviews, ceasing and disputes
# ---------------------------------------------------------------------------------------


@pytest.fixture
def with_plan(cara, tom, area) -> Case:
    return f.case_with_final_plan(child=tom, caseworker=cara, named_setting=area.hillside)


def test_review_meeting_saves(staff_client, cara, with_plan):
    url = reverse("casework:review_meeting", args=[with_plan.pk])
    check_page(staff_client(cara).get(url))

    response = staff_client(cara).post(
        url,
        {"version": with_plan.version, **on("meeting_on", TODAY - WEEK), "notes": "Good progress."},
    )

    assert_saved(response, with_plan, "Review meeting recorded")
    assert AnnualReview.objects.get(case=with_plan).meeting_on == TODAY - WEEK


def test_a_review_meeting_cannot_be_in_the_future(staff_client, cara, with_plan):
    url = reverse("casework:review_meeting", args=[with_plan.pk])
    summary = error_summary(
        staff_client(cara).post(
            url, {"version": with_plan.version, **on("meeting_on", TODAY + WEEK), "notes": ""}
        )
    )
    assert "The date of the meeting must be today or in the past" in summary


def test_review_decision(staff_client, cara, colin, with_plan):
    review = f.review_meeting(with_plan, meeting_on=TODAY - 2 * WEEK)
    url = reverse("casework:review_decision", args=[review.pk])
    version = fresh(with_plan).version
    check_page(staff_client(cara).get(url))
    assert staff_client(colin).get(url).status_code == 404

    early = error_summary(
        staff_client(cara).post(
            url, {"version": version, "outcome": "M", **on("decision_on", TODAY - 3 * WEEK)}
        )
    )
    assert "must be the same as or after the date of the meeting" in early

    response = staff_client(cara).post(
        url, {"version": version, "outcome": "A", **on("decision_on", TODAY)}
    )
    assert_saved(response, with_plan, "Review decision recorded")
    review.refresh_from_db()
    assert (review.outcome, review.decision_on) == ("A", TODAY)


def test_cease(staff_client, cara, with_plan):
    url = reverse("casework:cease", args=[with_plan.pk])
    check_page(staff_client(cara).get(url))

    response = staff_client(cara).post(
        url, {"version": with_plan.version, "reason": "3", **on("ceased_on", TODAY)}
    )

    assert_saved(response, with_plan, "The plan has been ceased")
    plan = Plan.objects.get(case=with_plan)
    assert (plan.ceased_on, plan.cease_reason) == (TODAY, "3")
    assert fresh(with_plan).stage == Stage.CEASED


def test_a_case_without_a_plan_cannot_cease(staff_client, cara, assessing):
    url = reverse("casework:cease", args=[assessing.pk])
    summary = error_summary(
        staff_client(cara).post(
            url, {"version": assessing.version, "reason": "2", **on("ceased_on", TODAY)}
        )
    )
    assert "There is no plan in force to cease" in summary


def test_dispute(staff_client, cara, with_plan):
    url = reverse("casework:dispute", args=[with_plan.pk])
    check_page(staff_client(cara).get(url))

    response = staff_client(cara).post(
        url,
        {
            "version": with_plan.version,
            "kind": "tribunal",
            "decision": "contents",
            **on("started_on", TODAY - WEEK),
            **on("certificate_on", None),
        },
    )

    assert_saved(response, with_plan, "Tribunal appeal recorded")
    assert Dispute.objects.get(case=with_plan).decision == "contents"


def test_dispute_with_a_stale_version(staff_client, cara, with_plan):
    url = reverse("casework:dispute", args=[with_plan.pk])
    response = staff_client(cara).post(
        url,
        {
            "version": with_plan.version - 1,
            "kind": "mediation",
            "decision": "contents",
            **on("started_on", TODAY - WEEK),
        },
    )
    assert "Someone else changed this case" in error_summary(response)
    assert not Dispute.objects.exists()
