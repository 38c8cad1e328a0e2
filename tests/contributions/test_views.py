"""The family's pages and the caseworker's view of what they sent."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from opensend.casework.models import Case
from opensend.contributions.models import DraftComment, FamilyRequest, PreferredSetting
from opensend.core.formatting import govuk_date
from opensend.core.models import AuditAction, AuditEvent
from opensend.people.models import Child, User
from tests.personas import Area

WEEK = dt.timedelta(weeks=1)


def test_a_parent_requests_an_assessment_with_a_file_and_sees_when_the_decision_is_due(
    family_client, staff_client, today: dt.date, area: Area, paula: User, mia: Child, sam: User
):
    client = family_client(paula)
    page = client.get(reverse("contributions:request"))
    assert "Mia Baker" in page.content.decode()
    response = client.post(reverse("contributions:request"), {
        "child": mia.pk, "reasons": "She does not speak at nursery", "needs": "Speech",
        "setting": "", "setting_other": "Little Acorns Nursery",
        "files": [SimpleUploadedFile("speech report.pdf", b"%PDF-1.7\n%%EOF\n")]})
    case = Case.objects.get(child=mia)
    assert response["Location"] == reverse("contributions:request_sent", args=[case.pk])
    sent = client.get(response["Location"]).content.decode()
    assert f"must decide by <strong>{govuk_date(today + 6 * WEEK)}</strong>" in sent
    # The SEN manager sees the family's words and can open the file (audited).
    page = staff_client(sam).get(reverse("casework:case", args=[case.pk])).content.decode()
    assert "She does not speak at nursery" in page and "Little Acorns Nursery" in page
    made = FamilyRequest.objects.get(ehc_request__case=case).files.get()
    download = staff_client(sam).get(reverse("contributions:request_file", args=[made.pk]))
    assert download.status_code == 200 and "attachment" in download["Content-Disposition"]
    assert AuditEvent.objects.filter(actor=sam, action=AuditAction.DOWNLOAD).exists()


def test_the_request_form_says_what_is_missing(family_client, paula: User, mia: Child):
    response = family_client(paula).post(reverse("contributions:request"), {"child": mia.pk})
    body = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in body
    assert not Case.objects.filter(child=mia).exists()


def test_a_parent_comments_on_sections_and_names_a_school_and_the_caseworker_sees_them(
    family_client, staff_client, area: Area, pete: User, cara: User, draft_case: Case
):
    client = family_client(pete)
    url = reverse("contributions:draft_plan", args=[draft_case.pk])
    assert "You have until" in client.get(url).content.decode()
    client.post(url, {"A": "Ben loves trains", "F": "Speech therapy every week"})
    client.post(reverse("contributions:preferred_setting", args=[draft_case.pk]),
                {"organisation": area.oakfield.pk, "other_name": "", "reasons": "Small classes"})
    assert DraftComment.objects.filter(case=draft_case).count() == 2
    assert PreferredSetting.objects.get(case=draft_case).organisation == area.oakfield
    staff = staff_client(cara)
    section_a = staff.get(reverse("casework:plan_section", args=[draft_case.pk, "a"]))
    assert "Ben loves trains" in section_a.content.decode()
    section_i = staff.get(reverse("casework:plan_section", args=[draft_case.pk, "i"]))
    assert "Oakfield Special School" in section_i.content.decode()
    case_page = staff.get(reverse("casework:case", args=[draft_case.pk])).content.decode()
    assert "Preferred school or college" in case_page and "Oakfield Special School" in case_page


def test_after_the_comment_period_the_family_is_told_it_has_closed(
    family_client, today: dt.date, pete: User, cara: User, ben: Child
):
    from tests import factories as f

    case = f.case_with_draft_plan(child=ben, caseworker=cara, today=today,
                                  received_on=today - 17 * WEEK)
    response = family_client(pete).post(
        reverse("contributions:meeting", args=[case.pk]), {"reasons": "Please"})
    assert "The time to comment on the draft plan closed on" in response.content.decode()
    assert not case.meeting_requests.exists()


def test_all_about_me_is_versioned_and_the_caseworker_copies_it_into_section_a(
    family_client, staff_client, pete: User, cara: User, paula: User, draft_case: Case
):
    from opensend.contributions.models import AllAboutMe, AllAboutMeUse

    ben = draft_case.child
    url = reverse("contributions:all_about_me", args=[ben.pk])
    client = family_client(pete)
    client.post(url, {"interests": "Trains", "files": [
        SimpleUploadedFile("my drawing.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)]})
    client.post(url, {"interests": "Trains and buses", "aspirations": "To drive a train"})
    versions = list(AllAboutMe.objects.filter(child=ben).order_by("number"))
    assert [(v.number, v.interests) for v in versions] == [(1, "Trains"), (2, "Trains and buses")]
    assert versions[1].files.get().upload.original_name == "my drawing.png"  # kept
    assert family_client(paula).get(url).status_code == 404  # another family's child

    response = staff_client(cara).post(
        reverse("contributions:all_about_me_use", args=[draft_case.pk]))
    assert response.status_code == 302
    used = AllAboutMeUse.objects.get()
    assert used.all_about_me == versions[1]
    assert "What I want for the future\nTo drive a train" in used.plan_version.sections["A"]


def _png(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)


def test_the_adder_removes_a_file_no_plan_has_used(
    family_client, staff_client, pete: User, cara: User, paula: User, draft_case: Case
):
    from opensend.contributions.models import AllAboutMeFile
    from opensend.core.models import Upload

    url = reverse("contributions:all_about_me", args=[draft_case.child.pk])
    client = family_client(pete)
    client.post(url, {"interests": "Trains", "files": [_png("used.png")]})
    staff_client(cara).post(reverse("contributions:all_about_me_use", args=[draft_case.pk]))
    client.post(url, {"interests": "Trains", "files": [_png("new.png")]})  # version 2
    files = {f.upload.original_name: f for f in AllAboutMeFile.objects.filter(
        version__number=2).select_related("upload")}
    remove = {name: reverse("contributions:all_about_me_file_remove", args=[f.pk])
              for name, f in files.items()}
    page = client.get(url).content.decode()
    assert remove["new.png"] in page and remove["used.png"] not in page
    assert client.post(remove["used.png"]).status_code == 404  # in a plan: it stays
    assert family_client(paula).post(remove["new.png"]).status_code == 404  # not theirs
    assert client.post(remove["new.png"])["Location"] == url
    assert not AllAboutMeFile.objects.filter(upload__original_name="new.png").exists()
    assert not Upload.objects.filter(original_name="new.png").exists()
    assert AllAboutMeFile.objects.filter(upload__original_name="used.png").count() == 2
    assert AuditEvent.objects.filter(actor=pete, why="remove a file from All about me").count() == 1
