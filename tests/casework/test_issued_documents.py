"""Issued documents never change (issue 9, item 3).

When a draft, a final plan, proposed amendments, an amended plan or a decision letter is
issued, its exact PDF and Word files are stored with their SHA-256, and every later
download serves those bytes. A draft names no school or other institution, nor a type of
one (CFA 2014 s38(5)). PDFs are tagged (PDF/UA-1) with their language and title.
"""

import hashlib
import io
import re
import zlib

import docx
import pytest
from django.db import DatabaseError, transaction
from django.urls import reverse

from opensend.casework import issued_files
from opensend.casework.models import (
    DocumentKind,
    IssuedDocument,
    PanelQuestion,
    Plan,
    PlanVersion,
    VersionKind,
)
from opensend.casework.services.plans import plan_version_issue, plan_version_save
from opensend.core.models import AuditAction, AuditEvent
from tests import factories as f
from tests.factories import TODAY, WEEK

# What a plan or letter says, and that it never changes: WeasyPrint renders it here.
pytestmark = pytest.mark.real_documents


def pdf_objects(pdf: bytes) -> bytes:
    """The PDF with its compressed streams inflated, to look for tags and metadata."""
    parts = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(parts)


def docx_text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([paragraph.text for paragraph in document.paragraphs] + cells)


def save_sections(case, cara, sections):
    return plan_version_save(actor=cara, case=case, kind=VersionKind.DRAFT, sections=sections,
                             today=TODAY, expected_version=f._fresh(case).version)


def issue(case, cara, kind, on):
    return plan_version_issue(actor=cara, case=case, issued_on=on, today=TODAY,
                              expected_version=f._fresh(case).version, kind=kind)


@pytest.fixture
def issued_draft(cara, tom, area):
    """A draft issued from a working version whose section I already names Hillside."""
    received = TODAY - 19 * WEEK
    case = f.case_assessing(child=tom, caseworker=cara, received_on=received,
                            advice_received=True)
    case = f.panel_decide(case, question=PanelQuestion.ISSUE, met_on=received + 11 * WEEK)
    save_sections(case, cara, f.plan_sections(area.hillside))
    draft = issue(case, cara, VersionKind.DRAFT, received + 12 * WEEK)
    return case, draft


def test_issuing_stores_the_exact_files_with_their_sha256(issued_draft):
    case, draft = issued_draft
    stored = IssuedDocument.objects.get(plan_version=draft)

    assert (stored.kind, stored.title, stored.issued_on) == (
        DocumentKind.DRAFT_PLAN, "Draft plan, version 1", draft.issued_on)
    assert bytes(stored.pdf).startswith(b"%PDF-1.7")
    assert stored.pdf_sha256 == hashlib.sha256(bytes(stored.pdf)).hexdigest()
    assert stored.docx_sha256 == hashlib.sha256(bytes(stored.docx)).hexdigest()
    assert stored.issued_by == case.caseworker


def test_a_draft_names_no_setting_even_when_the_working_copy_does(issued_draft, area):
    case, draft = issued_draft
    stored = IssuedDocument.objects.get(plan_version=draft)

    text = docx_text(bytes(stored.docx))
    assert area.hillside.name not in text
    assert "Left blank in a draft plan" in text and "section 38(5)" in text
    assert Plan.objects.get(case=case).named_setting is None  # the school cannot see it yet


def test_a_draft_downloads_byte_for_byte_after_the_final_names_a_school(
    issued_draft, cara, area, staff_client
):
    """The defect: an issued draft's PDF changed to name a school chosen for the next
    version. Now the final names it, and the draft is still the file that was sent."""
    case, draft = issued_draft
    client = staff_client(cara)
    draft_url = reverse("casework:plan_pdf", args=[case.pk, draft.number])
    sent = client.get(draft_url).content
    sent_docx = client.get(reverse("casework:plan_docx", args=[case.pk, draft.number])).content

    save_sections(case, cara, {"A": "Changed after the draft.", **f.plan_sections(area.hillside)})
    final = issue(case, cara, VersionKind.FINAL, TODAY - WEEK)

    assert client.get(draft_url).content == sent
    assert client.get(
        reverse("casework:plan_docx", args=[case.pk, draft.number])).content == sent_docx
    assert sent == bytes(IssuedDocument.objects.get(plan_version=draft).pdf)
    final_files = IssuedDocument.objects.get(plan_version=final)
    assert final_files.kind == DocumentKind.FINAL_PLAN
    assert area.hillside.name in docx_text(bytes(final_files.docx))
    assert Plan.objects.get(case=case).named_setting == area.hillside


def test_the_database_refuses_to_change_an_issued_document(issued_draft):
    _, draft = issued_draft
    with pytest.raises(DatabaseError), transaction.atomic():
        IssuedDocument.objects.filter(plan_version=draft).update(pdf=b"%PDF-1.7 forged")


def test_altered_bytes_are_never_served(issued_draft):
    _, draft = issued_draft
    stored = IssuedDocument.objects.get(plan_version=draft)
    stored.pdf = bytes(stored.pdf) + b"\n% appended"  # in memory only: the row cannot change

    with pytest.raises(issued_files.IssuedDocumentAltered):
        issued_files.stored_bytes(stored, "pdf")


def test_pdfs_are_tagged_with_their_language_and_title(issued_draft):
    _, draft = issued_draft
    objects = pdf_objects(bytes(IssuedDocument.objects.get(plan_version=draft).pdf))

    for marker in (b"/StructTreeRoot", b"/MarkInfo", b"/Lang (en-GB)", b"pdfuaid:part",
                   b"/DisplayDocTitle true"):
        assert marker in objects, marker
    assert b"Education, health and care plan (draft plan)" in objects  # the <title>


def test_a_working_copy_is_rendered_now_and_not_stored(cara, tom, staff_client):
    case = f.case_assessing(child=tom, caseworker=cara, received_on=TODAY - 12 * WEEK)
    working = save_sections(case, cara, {"A": "Likes trains."})

    response = staff_client(cara).get(reverse("casework:plan_pdf", args=[case.pk, 1]))

    assert response.content.startswith(b"%PDF")
    assert response["Cache-Control"] == "no-store"
    assert not IssuedDocument.objects.filter(plan_version=working).exists()


# ---------------------------------------------------------------------------------------
# Decision letters
# ---------------------------------------------------------------------------------------


def test_a_decision_to_assess_is_sent_as_a_letter_and_kept(cara, tom, staff_client):
    received = TODAY - 5 * WEEK
    case = f.case_assessing(child=tom, caseworker=cara, received_on=received)
    letter = IssuedDocument.objects.get(case=case, kind=DocumentKind.DECISION_LETTER)

    text = docx_text(bytes(letter.docx))
    assert letter.title == "Decision letter: whether to carry out an EHC needs assessment"
    assert ("We will carry out an education, health and care needs assessment for "
            f"{tom.full_name}") in text
    assert "20 weeks from the request" in text
    assert "appeal" not in text  # an agreement is not appealable
    url = reverse("casework:issued_document_pdf", args=[case.pk, letter.pk])
    response = staff_client(cara).get(url)
    assert response.content == bytes(letter.pdf)
    assert response["Content-Disposition"] == (
        f'attachment; filename="decision-letter-case-{case.pk}-{letter.pk}.pdf"')
    assert AuditEvent.objects.filter(action=AuditAction.DOWNLOAD, actor=cara,
                                     why="download a document sent").exists()


def test_a_refusal_letter_gives_the_reasons_and_the_right_of_appeal(cara, tom, paula,
                                                                   family_client):
    case = f.case_with_request(child=tom, caseworker=cara, received_on=TODAY - 5 * WEEK)
    case = f.panel_decide(case, question=PanelQuestion.ASSESS, agreed=False,
                          met_on=TODAY - WEEK, reasons="The school's plan is meeting his needs.")
    letter = IssuedDocument.objects.get(case=case, kind=DocumentKind.DECISION_LETTER)

    text = docx_text(bytes(letter.docx))
    assert "We will not carry out" in text
    assert "The school's plan is meeting his needs." in text
    assert "within 2 months of the date of this letter" in text and "mediation" in text
    # The family may download what was sent to them.
    url = reverse("casework:issued_document_docx", args=[case.pk, letter.pk])
    assert family_client(paula).get(url).content == bytes(letter.docx)


def test_a_decision_to_issue_sends_no_letter_the_draft_is_sent(issued_draft):
    case, _ = issued_draft
    kinds = sorted(IssuedDocument.objects.filter(case=case).values_list("kind", flat=True))
    assert kinds == [DocumentKind.DECISION_LETTER, DocumentKind.DRAFT_PLAN]  # assess; draft


def test_a_refusal_to_issue_is_sent_as_a_letter(cara, tom):
    received = TODAY - 17 * WEEK
    case = f.case_assessing(child=tom, caseworker=cara, received_on=received,
                            advice_received=True)
    case = f.panel_decide(case, question=PanelQuestion.ISSUE, agreed=False,
                          met_on=received + 15 * WEEK)
    letters = IssuedDocument.objects.filter(case=case, kind=DocumentKind.DECISION_LETTER)

    assert [letter.title for letter in letters] == [
        "Decision letter: whether to carry out an EHC needs assessment",
        "Decision letter: whether to issue an EHC plan",
    ]
    assert "We will not issue" in docx_text(bytes(letters[1].docx))


def test_another_cases_document_is_a_404(issued_draft, cara, lily, staff_client):
    _, draft = issued_draft
    other = f.case_with_request(child=lily, caseworker=cara)
    document = IssuedDocument.objects.get(plan_version=draft)
    url = reverse("casework:issued_document_pdf", args=[other.pk, document.pk])

    assert staff_client(cara).get(url).status_code == 404
    assert AuditEvent.objects.filter(action=AuditAction.DENIED,
                                     why="download a document sent").exists()


def test_versions_issued_before_files_were_kept_are_rendered(cara, tom, staff_client):
    """A version issued before this change has no stored files: it is rendered as before."""
    case = f.case_with_draft_plan(child=tom, caseworker=cara)
    version = PlanVersion.objects.get(plan__case=case, number=1)
    IssuedDocument.objects.filter(plan_version=version).delete()

    response = staff_client(cara).get(reverse("casework:plan_pdf", args=[case.pk, 1]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_a_document_download_writes_one_audit_row(cara, tom, staff_client):
    """Issue 13, finding 7: one download, one row (not a "read" of the case as well)."""
    case = f.case_assessing(child=tom, caseworker=cara, received_on=TODAY - 5 * WEEK)
    letter = IssuedDocument.objects.get(case=case, kind=DocumentKind.DECISION_LETTER)
    client = staff_client(cara)
    last = AuditEvent.objects.order_by("pk").last()
    response = client.get(reverse("casework:issued_document_pdf", args=[case.pk, letter.pk]))
    assert response.status_code == 200
    rows = AuditEvent.objects.filter(pk__gt=last.pk if last else 0)
    assert [(row.action, row.why) for row in rows] == [
        (AuditAction.DOWNLOAD, "download a document sent")]
