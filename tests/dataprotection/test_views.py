"""The data protection pages: a SEN manager logs a request from a child's record, the
one-month due date is computed and audited, the export is downloaded (audited), the time
extended within the first month, and the answer or outcome recorded. Who else may use
these pages: tests/core/test_routes.py and test_idor.py."""

import datetime as dt
import hashlib
import io
import zipfile

import pytest
import time_machine
from django.urls import reverse

from opensend.core.models import AuditAction, AuditEvent
from opensend.dataprotection.models import ErasureRequest, SubjectAccessRequest
from tests.dataprotection.factories import rights_request
from tests.pages import check_page, text_of
from tests.personas import World

pytestmark = pytest.mark.django_db


def dated(name: str, day: dt.date) -> dict[str, str]:
    return {f"{name}-day": str(day.day), f"{name}-month": str(day.month),
            f"{name}-year": str(day.year)}


def request_form(subject: str, today: dt.date, **extra: str) -> dict[str, str]:
    return {"subject": subject, "requester_name": "Paula Example",
            "requester_capacity": "parent", "identity_evidence": "known parent, signed in",
            **dated("received_on", today - dt.timedelta(days=2)),
            **dated("identity_verified_on", today), **extra}


def test_a_sen_manager_logs_a_subject_access_request_about_a_child(
    world: World, client_for, today: dt.date
):
    sam, tom = world.people["sam"], world.tom.child
    client = client_for(sam)
    url = reverse("dataprotection:access_new", kwargs={"child_id": tom.pk})
    page = check_page(client.get(url))
    assert tom.full_name in text_of(page.find(".//main"))
    response = client.post(url, request_form("child", today))
    sar = SubjectAccessRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "dataprotection:access", kwargs={"sar_id": sar.pk})
    # identity checked on Sunday 22 November 2026: 22 December 2026, a Tuesday
    assert (sar.subject_kind, sar.due_on, sar.recorded_by) == ("child", dt.date(2026, 12, 22), sam)
    logged = AuditEvent.objects.get(action=AuditAction.CREATE, object_type="SubjectAccessRequest")
    assert logged.child_id == tom.pk and logged.detail["due_on"] == "2026-12-22"
    listed = check_page(client.get(reverse("dataprotection:requests")))
    assert "22 December 2026" in text_of(listed.find(".//main"))


def test_a_request_about_a_parent_names_the_family_member(world: World, client_for, today):
    member = world.tom.family_member
    url = reverse("dataprotection:access_new", kwargs={"child_id": world.tom.child.pk})
    client_for(world.people["sam"]).post(url, request_form(f"member-{member.pk}", today))
    sar = SubjectAccessRequest.objects.get()
    assert (sar.subject_kind, sar.family_member, sar.subject_name) == (
        "parent", member, member.name)


def test_a_request_received_in_the_future_is_refused(world: World, client_for, today):
    url = reverse("dataprotection:access_new", kwargs={"child_id": world.tom.child.pk})
    form = request_form("child", today, **dated("received_on", today + dt.timedelta(days=1)))
    page = check_page(client_for(world.people["sam"]).post(url, form))
    assert "must be today or in the past" in text_of(page.find(".//main"))
    assert not SubjectAccessRequest.objects.exists()


def test_the_export_is_a_zip_whose_download_is_audited(world: World, client_for, today):
    sar = rights_request("SubjectAccessRequest", child=world.tom.child)
    url = reverse("dataprotection:access_export", kwargs={"sar_id": sar.pk})
    response = client_for(world.people["sam"]).get(url)
    body = b"".join(response.streaming_content)
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == (
        f'attachment; filename="subject-access-request-{sar.pk}.zip"')
    assert "data.json" in zipfile.ZipFile(io.BytesIO(body)).namelist()
    exported = AuditEvent.objects.get(action=AuditAction.EXPORT)
    assert exported.child_id == world.tom.child.pk and exported.actor == world.people["sam"]
    assert exported.detail["sha256"] == hashlib.sha256(body).hexdigest()
    assert exported.detail["records"]["people.Child"] == 1


def test_the_answer_is_recorded_only_after_an_export(world: World, client_for, today):
    sar = rights_request("SubjectAccessRequest", child=world.tom.child)
    client = client_for(world.people["sam"])
    answered = reverse("dataprotection:access_answered", kwargs={"sar_id": sar.pk})
    form = {**dated("completed_on", today), "completion_note": "Sent by secure email"}
    page = check_page(client.post(answered, form))
    assert "Export the information before recording the answer" in text_of(page)
    client.get(reverse("dataprotection:access_export", kwargs={"sar_id": sar.pk}))
    assert client.post(answered, form).status_code == 302
    sar.refresh_from_db()
    assert sar.completed_on == today
    assert AuditEvent.objects.filter(action=AuditAction.CHANGE, detail__late=False).exists()


def test_an_extension_adds_two_months_within_the_first_month_only(world: World, client_for,
                                                                   today):
    sar = rights_request("SubjectAccessRequest", child=world.tom.child, received_on=today)
    url = reverse("dataprotection:access_extend", kwargs={"sar_id": sar.pk})
    reason = {"extension_reason": "Records from three services to review"}
    with time_machine.travel(dt.datetime(2026, 12, 23, 10, 0)):  # the month ended 22 December
        page = check_page(client_for(world.people["sam"]).post(url, reason))
        assert "within the first month" in text_of(page)
    assert client_for(world.people["sam"]).post(url, reason).status_code == 302
    sar.refresh_from_db()
    assert (sar.due_on, sar.extended_on) == (dt.date(2027, 2, 22), today)
    assert AuditEvent.objects.filter(detail__was_due_on="2026-12-22").exists()


def test_an_erasure_refused_must_say_under_which_ground(world: World, client_for, today):
    erasure = rights_request("ErasureRequest", child=world.tom.child)
    client = client_for(world.people["sam"])
    url = reverse("dataprotection:erasure_outcome", kwargs={"erasure_id": erasure.pk})
    form = {"outcome": "refused", "outcome_reason": "The plan is maintained",
            **dated("decided_on", today)}
    page = check_page(client.post(url, form))
    assert "Select why records must be kept" in text_of(page)
    assert client.post(url, {**form, "kept_because": "legal_obligation"}).status_code == 302
    erasure.refresh_from_db()
    assert (erasure.outcome, erasure.kept_because) == ("refused", "legal_obligation")
    shown = check_page(client.get(reverse("dataprotection:erasure",
                                          kwargs={"erasure_id": erasure.pk})))
    assert "Art. 17(3)(b)" in text_of(shown.find(".//main"))


def test_an_erasure_request_is_logged_with_its_due_date(world: World, client_for, today):
    url = reverse("dataprotection:erasure_new", kwargs={"child_id": world.tom.child.pk})
    form = request_form("child", today, what_to_erase="My old address")
    assert client_for(world.people["sam"]).post(url, form).status_code == 302
    assert ErasureRequest.objects.get().due_on == dt.date(2026, 12, 22)


def test_the_requests_page_finds_a_child_to_log_a_request_for(world: World, client_for, today):
    page = check_page(client_for(world.people["sam"]).get(
        reverse("dataprotection:requests"), {"q": world.tom.child.legal_surname}))
    links = [a.get("href") for a in page.iter("a")]
    assert reverse("dataprotection:access_new", kwargs={"child_id": world.tom.child.pk}) in links
