"""Storing what was sent: the exact PDF and Word files of an issued plan or decision.

A plan, its amendments and a decision letter are sent to the family, who may rely on
them at mediation or the Tribunal (CFA 2014 s51). What was sent must never change, so
the files are rendered once, when the document is issued, and their bytes are stored with
their SHA-256 in the same transaction as the statutory event. Every later download serves
those bytes (casework/issued_files.py).
"""

import datetime as dt
import hashlib

from opensend.casework import documents, letters
from opensend.casework.models import (
    Case,
    DocumentKind,
    IssuedDocument,
    PanelDecision,
    PlanVersion,
    VersionKind,
)
from opensend.people.models import User

_PLAN_DOCUMENT_KIND = {
    VersionKind.DRAFT: DocumentKind.DRAFT_PLAN,
    VersionKind.FINAL: DocumentKind.FINAL_PLAN,
    VersionKind.PROPOSED_AMENDMENT: DocumentKind.PROPOSED_AMENDMENT,
    VersionKind.AMENDED_FINAL: DocumentKind.AMENDED_PLAN,
}


def sha256_of(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def issued_document_store(
    *,
    case: Case,
    kind: str,
    title: str,
    issued_on: dt.date,
    actor: User | None,
    pdf: bytes,
    docx: bytes,
    plan_version: PlanVersion | None = None,
    panel_decision: PanelDecision | None = None,
) -> IssuedDocument:
    """Keep the files as sent. Called inside the service that issues them."""
    return IssuedDocument.objects.create(
        case=case,
        kind=kind,
        title=title,
        issued_on=issued_on,
        plan_version=plan_version,
        panel_decision=panel_decision,
        pdf=pdf,
        pdf_sha256=sha256_of(pdf),
        docx=docx,
        docx_sha256=sha256_of(docx),
        issued_by=actor,
    )


def plan_version_files_store(*, version: PlanVersion, actor: User | None) -> IssuedDocument:
    """The issued version's PDF and Word files, rendered now and kept for good."""
    assert version.issued_on is not None, "only an issued version is sent"
    kind = _PLAN_DOCUMENT_KIND[VersionKind(version.kind)]
    return issued_document_store(
        case=version.plan.case,
        kind=kind,
        title=f"{DocumentKind(kind).label}, version {version.number}",
        issued_on=version.issued_on,
        actor=actor,
        pdf=documents.plan_pdf(version),
        docx=documents.plan_docx(version),
        plan_version=version,
    )


def decision_letter_store(*, decision: PanelDecision, actor: User | None) -> IssuedDocument:
    """The letter telling the family the panel's decision (Reg 5(1), 10(1))."""
    letter = letters.decision_letter(decision)
    return issued_document_store(
        case=decision.case,
        kind=DocumentKind.DECISION_LETTER,
        title=letter.title,
        issued_on=decision.met_on,
        actor=actor,
        pdf=letters.letter_pdf(letter),
        docx=letters.letter_docx(letter),
        panel_decision=decision,
    )
