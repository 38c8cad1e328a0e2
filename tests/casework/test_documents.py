"""The plan as a document: the outline both formats share, the PDF, the Word file, and
who may download which version."""

import datetime as dt
import io

import docx
import pytest
from django.http import Http404

from opensend.casework import documents
from opensend.casework.models import Case, Plan, PlanVersion, Stage, VersionKind
from opensend.core.models import AuditAction, AuditEvent
from tests.factories import TODAY, WEEK
from tests.pdf_text import pdf_text

# What a plan or letter says, and that it never changes: WeasyPrint renders it here.
pytestmark = pytest.mark.real_documents

SECTIONS = {
    "A": "Tom loves trains and drawing.\n\nHe wants to make friends.",
    "B": [
        {"need": "SLCN", "description": "Limited expressive language."},
        {"need": "ASD", "description": "Finds changes of routine hard.\nNeeds warning."},
    ],
    "C": "",
    "D": "",
    "E": [{"outcome": "Uses his visual timetable on his own", "by": "July 2027"}],
    "F": [
        {
            "need": "ASD",
            "provision": "Visual timetable",
            "amount": "10 minutes daily",
            "delivered_by": "Teaching assistant",
        },
        {
            "need": "SLCN",
            "provision": "Speech therapy",
            "amount": "30 minutes weekly",
            "delivered_by": "Speech and language therapist",
        },
        {
            "need": "PD",
            "provision": "Adapted chair",
            "amount": "All lessons",
            "delivered_by": "School",
        },
    ],
    "G": "",
    "H1": "",
    "H2": "",
    "I": {"setting_id": 1, "setting_name": "Hillside First School"},
    "J": "",
    "K": "EP advice (May 2026).",
}


@pytest.fixture
def version(tom, cara, area) -> PlanVersion:
    case = Case.objects.create(
        child=tom,
        local_authority=area.northshire,
        caseworker=cara,
        stage=Stage.PLAN,
        opened_on=TODAY - 30 * WEEK,
    )
    plan = Plan.objects.create(case=case, named_setting=area.hillside)
    return PlanVersion.objects.create(
        plan=plan,
        number=3,
        kind=VersionKind.FINAL,
        issued_on=dt.date(2026, 3, 3),
        sections=SECTIONS,
        created_by=cara,
    )


def test_the_outline_ranks_needs_and_groups_provision_by_need(version):
    outline = documents.plan_document(version)

    assert outline.footer == "Tom Baker · Version 3 · Issued 3 March 2026"
    assert not outline.is_draft
    by_code = {section.code: section for section in outline.sections}
    assert [s.code for s in outline.sections] == [
        "A",
        "B",
        "C",
        "D",
        "E",
        "F",
        "G",
        "H1",
        "H2",
        "I",
        "J",
        "K",
    ]
    assert by_code["A"].paragraphs == [
        ["Tom loves trains and drawing."],
        ["He wants to make friends."],
    ]
    assert [(n["rank"], n["code"]) for n in by_code["B"].needs] == [(1, "SLCN"), (2, "ASD")]
    assert [g.need for g in by_code["F"].provision] == [
        "Speech, language and communication needs",
        "Autistic spectrum disorder",
        "Physical disability (not a need in section B)",
    ]  # B's order, then the others
    assert by_code["I"].placement == "Hillside First School"
    assert by_code["C"].is_empty


def test_an_unissued_version_says_so(version):
    version.issued_on = None
    outline = documents.plan_document(version)
    assert outline.is_draft
    assert outline.footer.endswith("Not issued: working copy")


def test_the_pdf(version):
    pdf = documents.plan_pdf(version)
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    assert "Section B: Special educational needs" in text
    assert "1. Speech, language and communication needs (primary need)" in text
    assert "Provision for: Autistic spectrum disorder" in text
    assert "Tom Baker · Version 3 · Issued 3 March 2026 · Page 1 of" in text


def test_the_pdf_html_loads_nothing_from_anywhere(version):
    html = documents.plan_html(version)
    for reference in ("http:", "https:", "src=", "href=", "@import", "url("):
        assert reference not in html


def test_user_text_is_escaped_in_the_pdf_html(version):
    version.sections = {**SECTIONS, "A": '<img src="https://example.org/x.png">'}
    html = documents.plan_html(version)
    assert "&lt;img" in html and "<img" not in html
    assert documents.plan_pdf(version).startswith(b"%PDF")


def test_the_word_document(version):
    document = docx.Document(io.BytesIO(documents.plan_docx(version)))

    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "Education, health and care plan"
    for section in documents.SECTIONS:
        assert f"Section {section.code}: {section.title}" in headings
    assert "1. Speech, language and communication needs (primary need)" in headings
    provision = document.tables[1]  # after the details table
    assert [cell.text for cell in provision.rows[0].cells] == [
        "Provision",
        "How much and how often",
        "Delivered by",
    ]
    assert [cell.text for cell in provision.rows[1].cells] == [
        "Speech therapy",
        "30 minutes weekly",
        "Speech and language therapist",
    ]
    footer = document.sections[0].footer.paragraphs[0].text
    assert footer.startswith("Tom Baker · Version 3 · Issued 3 March 2026")


def test_the_file_name_has_no_personal_data(version):
    assert documents.plan_filename(version, "pdf") == (
        f"ehc-plan-case-{version.plan.case_id}-version-3.pdf"
    )


def test_downloads_are_audited(version, cara):
    case = version.plan.case
    found = documents.plan_version_for_download(user=cara, case=case, number=3, file_format="docx")
    assert found == version
    audit = AuditEvent.objects.get(action=AuditAction.DOWNLOAD)
    assert (audit.actor, audit.child_id, audit.detail["format"]) == (cara, case.child_id, "docx")


def test_families_cannot_download_unissued_versions(version, paula):
    version.issued_on = None
    version.save()
    with pytest.raises(Http404):
        documents.plan_version_for_download(
            user=paula, case=version.plan.case, number=3, file_format="pdf"
        )
    assert AuditEvent.objects.filter(action=AuditAction.DENIED, actor=paula).count() == 1
    assert not AuditEvent.objects.filter(action=AuditAction.DOWNLOAD).exists()
