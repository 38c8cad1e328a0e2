"""The subject access export (UK GDPR Art. 15; security.md goal 10): a zip of readable
pages, a PDF summary, the files and everything as JSON, holding every table's rows about
the subject and nothing about anyone else's child."""

import datetime as dt
import io
import json
import zipfile

import pytest
from django.utils import timezone

from opensend.advice.models import AdviceSubmission
from opensend.casework.models import (
    Case,
    DocumentKind,
    IssuedDocument,
    PanelAttendance,
    PanelDecision,
    PhaseTransfer,
)
from opensend.core.notifications.models import Notification
from opensend.dataprotection.export.package import export_build
from opensend.dataprotection.export.sections import ACCOUNT_SECTIONS, CHILD_SECTIONS
from opensend.directory.feedback.models import Feedback
from opensend.measures.returns.sen2.models import Sen2Run
from opensend.people.models import ChildRecordChange, Consent, User, YoungPersonConsent
from opensend.statutory.disclosure import ConsentScope, Decision, GivenBy
from tests.dataprotection.factories import rights_request
from tests.personas import World

pytestmark = pytest.mark.django_db


def unzip(sar) -> dict[str, bytes]:
    export = export_build(sar, generated_at=timezone.now())
    with zipfile.ZipFile(io.BytesIO(export.contents.read())) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def exported_models(files: dict[str, bytes]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for section in json.loads(files["data.json"])["sections"]:
        for record in section["records"]:
            counts[record["model"]] = counts.get(record["model"], 0) + 1
    return counts


def fill_what_toms_world_lacks(world: World, today: dt.date) -> None:
    """A row of every table the child sections read, for Tom."""
    tom, area = world.tom, world.area
    decision = PanelDecision.objects.filter(case=tom.case).first() or PanelDecision.objects.create(
        case=tom.case, met_on=today, question="assess", agreed=True
    )
    PanelAttendance.objects.create(decision=decision, agency="health", name="Dr Example")
    PhaseTransfer.objects.create(
        case=tom.case, transfer_date=dt.date(2027, 9, 1), kind="school", from_setting=area.hillside
    )
    ChildRecordChange.objects.create(
        child=tom.child, kind="details", changes={"postcode": ["NM1 1AA", "NM1 2BB"]}
    )
    YoungPersonConsent.objects.create(
        child=tom.child, family_member=tom.family_member, given_on=today
    )
    Consent.objects.create(
        child=tom.child, scope=ConsentScope.UNISSUED_DOCUMENTS.value,
        decision=Decision.GIVEN.value, given_by=GivenBy.PARENT.value,
        family_member=tom.family_member, decided_on=today,
    )
    if not IssuedDocument.objects.filter(case=tom.case).exists():
        IssuedDocument.objects.create(
            case=tom.case,
            kind=DocumentKind.DECISION_LETTER,
            title="Decision to assess",
            issued_on=today,
            pdf=b"%PDF-1.7",
            pdf_sha256="0" * 64,
            docx=b"PK",
            docx_sha256="1" * 64,
        )
    Sen2Run.objects.create(
        local_authority=area.northshire,
        census_date=dt.date(2027, 1, 21),
        children=[tom.child.pk, world.lily.child.pk],
        status="done",
    )
    # issue 11 item 2: the advice as Tom's health adviser submitted it
    AdviceSubmission.objects.create(
        advice_request=tom.advice, version=1, answer="see_child_first",
        reasons="Clinic appointment first", submitted_by=world.people["aled"], submitted_on=today,
    )
    family_contributions_add(tom.case, world.people["paula"], today)
    family_accounts_add(world, today)
    school_records_add(world, today)


def family_accounts_add(world: World, today: dt.date) -> None:
    """An invitation to Tom's parent and a young person's access decision (issue 11
    item 1), written directly: Tom is not a young person, so the service would refuse."""
    from opensend.people.models import FamilyInvitation, ParentAccessDecision

    tom, paula = world.tom, world.people["paula"]
    member = tom.child.family.first()
    FamilyInvitation.objects.create(
        child=tom.child, family_member=member, email=paula.email, token_hash="0" * 64,
        expires_at=timezone.now() + dt.timedelta(days=14), invited_by=tom.case.caseworker)
    ParentAccessDecision.objects.create(child=tom.child, family_member=member,
                                        keeps_access=True, decided_on=today)


def school_records_add(world: World, today: dt.date) -> None:
    """The annual review Tom's school ran and its request with the graduated approach
    (issue 11 item 3)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from opensend.core.uploads import upload_store
    from opensend.schools.models import GraduatedApproachCycle, SchoolRequest, SchoolRequestFile
    from tests.schools.world import contribution_file_of, school_review_of

    school_review_of(world.tom).invitations.create(
        role="family", name="Paula", email=world.people["paula"].email, invited_on=today)
    contribution_file_of(world.tom)
    sue = world.people["sue"]
    request = SchoolRequest.objects.create(case=world.tom.case, setting=world.area.hillside,
                                           made_by=sue, child_views="I like maths",
                                           family_views="He is tired after school")
    GraduatedApproachCycle.objects.create(
        request=request, number=1, started_on=today - dt.timedelta(weeks=12),
        reviewed_on=today - dt.timedelta(weeks=6), assessed="Reading age", planned="Phonics",
        provision="Daily phonics group", cost=900, outcomes="Some progress")
    upload = upload_store(actor=sue, upload=SimpleUploadedFile("plan.pdf", b"%PDF-1.7\n%%EOF\n"))
    SchoolRequestFile.objects.create(request=request, upload=upload)


def family_contributions_add(case: Case, parent: User, today: dt.date) -> None:
    """What a family sends (issue 11 item 1): rows written directly, as Tom's draft is
    past its comment period (the services would refuse)."""
    from opensend.contributions.about_me import all_about_me_use
    from opensend.contributions.models import DraftComment, MeetingRequest, PreferredSetting
    from tests.contributions.factories import about_me_file, family_request_file

    family_request_file(case, by=parent)
    draft = case.plan.versions.filter(kind="draft").first()
    common = {"case": case, "plan_version": draft, "made_by": parent, "made_on": today}
    DraftComment.objects.create(section="A", text="Tom loves trains", **common)
    MeetingRequest.objects.create(reasons="About speech therapy", **common)
    PreferredSetting.objects.create(other_name="Hillside First School", **common)
    about_me_file(case.child)
    all_about_me_use(actor=case.caseworker, case=case, today=today)


def test_the_zip_holds_readable_pages_a_pdf_the_files_and_json(world: World, today: dt.date):
    files = unzip(rights_request("SubjectAccessRequest", child=world.tom.child))
    assert {"README.html", "summary.pdf", "data.json"} <= set(files)
    assert files["summary.pdf"].startswith(b"%PDF")
    pages = [name for name in files if name.startswith("sections/")]
    assert "sections/01-record.html" in pages and len(pages) >= 9
    for name in pages:
        assert b"<h1>" in files[name] and b"<script" not in files[name], name
        assert name.encode() in files["README.html"], f"{name} is not linked from README.html"
    # the advice file sent with the review's advice request is in the files folder
    uploads = [
        name for name in files if name.startswith("files/") and not name.startswith("files/issued-")
    ]
    assert uploads and all(files[name].startswith(b"%PDF") for name in uploads)
    record = files["sections/01-record.html"].decode()
    assert world.tom.child.legal_surname in record
    assert world.tom.child.date_of_birth.strftime("%-d %B %Y") in record


def test_issued_documents_are_exported_byte_for_byte_as_sent(world: World, today: dt.date):
    letter = IssuedDocument.objects.create(
        case=world.tom.case,
        kind=DocumentKind.DECISION_LETTER,
        title="Decision to assess",
        issued_on=today,
        pdf=b"%PDF-1.7 as sent",
        pdf_sha256="0" * 64,
        docx=b"PK\x03\x04 as sent",
        docx_sha256="1" * 64,
    )
    files = unzip(rights_request("SubjectAccessRequest", child=world.tom.child))
    stem = f"files/issued-{letter.pk}-decision-to-assess"
    assert files[f"{stem}.pdf"] == b"%PDF-1.7 as sent"
    assert files[f"{stem}.docx"] == b"PK\x03\x04 as sent"
    assert f"{stem}.pdf".encode() in files["README.html"]
    plans = next(s for s in json.loads(files["data.json"])["sections"] if s["title"] == "EHC plans")
    letters = [r for r in plans["records"] if r["model"] == "casework.IssuedDocument"]
    assert letters and all("Pdf" not in r["fields"] for r in letters)


def test_every_table_a_child_section_reads_has_the_childs_rows(world: World, today: dt.date):
    fill_what_toms_world_lacks(world, today)
    sar = rights_request("SubjectAccessRequest", child=world.tom.child)
    counts = exported_models(unzip(sar))
    expected = {source.model for spec in CHILD_SECTIONS for source in spec.sources}
    expected.add("dataprotection.SubjectAccessRequest")
    missing = sorted(model for model in expected if not counts.get(model))
    assert not missing, f"declared but nothing exported for Tom: {missing}"


def test_nothing_about_another_child_is_exported(world: World, today: dt.date):
    fill_what_toms_world_lacks(world, today)
    files = unzip(rights_request("SubjectAccessRequest", child=world.tom.child))
    lily = world.lily.child
    for name, contents in files.items():
        if name.endswith((".html", ".json")):
            text = contents.decode()
            assert lily.legal_surname not in text, name
    sections = json.loads(files["data.json"])["sections"]
    returns = next(s for s in sections if s["title"].startswith("Statutory returns"))
    assert "Children" not in returns["records"][0]["fields"]  # the other children's ids


def test_a_parents_export_holds_their_account_and_links_not_the_childs_record(
    world: World, today: dt.date, client_for
):
    paula_member = world.tom.family_member
    assert paula_member is not None and paula_member.user == world.people["paula"]
    client_for(world.people["paula"]).get("/family/")  # some activity of her own
    Feedback.objects.create(
        received_at=timezone.now(),
        text="The map was hard to use",
        reply_email=world.people["paula"].email.upper(),
    )
    Notification.objects.create(
        key="case-event:1", recipient=world.people["paula"].email, child_first_name="Tom",
        event="The council decided to assess", link="/family/")
    Notification.objects.create(
        key="case-event:1", recipient="someone-else@example.net", child_first_name="Ben",
        event="The council decided to assess", link="/family/")
    sar = rights_request("SubjectAccessRequest", child=world.tom.child, family_member=paula_member)
    files = unzip(sar)
    counts = exported_models(files)
    assert counts.get("core.Notification") == 1  # hers, not the other parent's
    for model in (
        "people.User",
        "people.FamilyMember",
        "core.AuditEvent",
        "directory.Feedback",
        "dataprotection.SubjectAccessRequest",
    ):
        assert counts.get(model), model
    assert "people.Child" not in counts and "casework.CaseEvent" not in counts
    data = files["data.json"].decode()
    assert "pbkdf2" not in data and "argon2" not in data  # no password hash
    account = {s.slug for s in ACCOUNT_SECTIONS}
    assert all(any(slug in name for name in files) for slug in account - {"sign-ins"})


def test_a_young_persons_export_holds_their_record_and_account(world: World, today: dt.date):
    yasmin = world.yasmin.child
    sar = rights_request(
        "SubjectAccessRequest",
        child=yasmin,
        subject_kind="young_person",
        requester_capacity="subject",
    )
    counts = exported_models(unzip(sar))
    assert counts["people.Child"] == 1 and counts["people.User"] == 1
    assert counts.get("otp_totp.TOTPDevice", 0) == 0  # families sign in without one
