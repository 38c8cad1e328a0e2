"""Downloading what was sent: the stored bytes of an issued document, checked against
their SHA-256, or (for a version not yet issued) a working copy rendered now.

Every download is audited, and a family downloads only what was issued (Reg 17: the
plan sent to them); an unissued version is a 404 for them (documents.py).
"""

from django.http import Http404

from opensend.casework import documents
from opensend.casework.models import Case, IssuedDocument, PlanVersion
from opensend.casework.services.issued import sha256_of
from opensend.core.audit import audit
from opensend.core.models import AuditAction
from opensend.people.models import User

CONTENT_TYPES = {"pdf": "application/pdf", "docx": documents.DOCX_CONTENT_TYPE}


class IssuedDocumentAltered(RuntimeError):
    """The stored bytes no longer match the SHA-256 taken when they were issued."""


def stored_bytes(document: IssuedDocument, file_format: str) -> bytes:
    """The file exactly as issued; refuses to serve one that has been altered since."""
    content = bytes(getattr(document, file_format))
    if sha256_of(content) != getattr(document, f"{file_format}_sha256"):
        raise IssuedDocumentAltered(f"issued document {document.pk} ({file_format}) has changed")
    return content


def plan_version_bytes(version: PlanVersion, file_format: str) -> bytes:
    """An issued version's files as sent; a working copy (or a version issued before
    the files were kept) rendered now."""
    stored = IssuedDocument.objects.filter(plan_version=version).first()
    if stored is not None:
        return stored_bytes(stored, file_format)
    render = documents.plan_pdf if file_format == "pdf" else documents.plan_docx
    return render(version)


def issued_document_for_download(*, user: User, case: Case, document_id: int, file_format: str,
                                 request: object = None) -> IssuedDocument:
    """Document `document_id` of the case, audited as a download (`case` from case_get:
    the user may see it). Everything here was sent to the family, so they may have it."""
    document = IssuedDocument.objects.filter(case=case, pk=document_id).first()
    detail = {"case": case.pk, "issued_document": document_id, "format": file_format}
    if document is None:
        audit(actor=user, action=AuditAction.DENIED, child_id=case.child_id, request=request,
              why="download a document sent", detail=detail)
        raise Http404
    audit(actor=user, action=AuditAction.DOWNLOAD, obj=document, child_id=case.child_id,
          why="download a document sent", request=request, detail=detail)
    return document


def document_filename(document: IssuedDocument, extension: str) -> str:
    """No personal data in the name: downloads folders and email subjects leak."""
    return f"{document.kind.replace('_', '-')}-case-{document.case_id}-{document.pk}.{extension}"
