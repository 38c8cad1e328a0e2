"""The subject access export as one zip file (UK GDPR Art. 15(3): a copy of the personal
data, in a commonly used electronic form when asked electronically):

    README.html              what is in it, with a link to each section
    summary.pdf              the request, the sections and how many records each holds
    sections/NN-name.html    one readable page per section, self-contained
    data.json                everything, machine-readable (Art. 20's spirit)
    files/ID-name            the files: advice reports, uploads, and the issued plans and
                             decision letters exactly as they were sent (PDF and Word)

The pages load nothing from anywhere (no links out, no scripts), so they open offline.
"""

import datetime as dt
import hashlib
import io
import json
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import IO, Any

from django.template.loader import render_to_string
from django.utils.text import slugify

from opensend.casework.models import IssuedDocument
from opensend.core.documents import pdf_from_html
from opensend.core.models import Upload
from opensend.core.uploads import upload_open, upload_servable
from opensend.dataprotection.export.records import Record, record_of
from opensend.dataprotection.export.sections import ALL_SECTIONS, SectionSpec, Subject
from opensend.dataprotection.models import SubjectAccessRequest, SubjectKind
from opensend.people.models import FamilyMember

MEMORY_BYTES = 16 * 1024 * 1024  # past this the zip is written to a temporary file
COLUMNS_AT_MOST = 8  # a table with more fields is shown record by record


@dataclass
class Group:
    title: str
    model: str
    records: list[Record]

    @property
    def as_table(self) -> bool:
        fields = len(self.records[0].values) if self.records else 0
        has_tree = any(value.nested for record in self.records for value in record.values)
        return fields <= COLUMNS_AT_MOST and not has_tree


@dataclass
class Section:
    number: int
    spec: SectionSpec
    groups: list[Group]
    uploads: list[Upload] = field(default_factory=list)
    issued: list[IssuedDocument] = field(default_factory=list)

    @property
    def path(self) -> str:
        return f"sections/{self.number:02d}-{self.spec.slug}.html"

    @property
    def count(self) -> int:
        return sum(len(group.records) for group in self.groups)


@dataclass(frozen=True)
class ExportFile:
    contents: IO[bytes]
    size: int
    sha256: str
    counts: dict[str, int]  # records per model, for the audit row

    @property
    def filename(self) -> str:
        return f"subject-access-request-{self.counts['request']}.zip"


def subject_of(sar: SubjectAccessRequest) -> Subject:
    if sar.subject_kind == SubjectKind.PARENT:
        member = sar.family_member
        assert member is not None  # the database's check constraint
        members = (
            tuple(FamilyMember.objects.filter(user=member.user).order_by("pk"))
            if member.user_id
            else (member,)
        )
        email = member.user.email if member.user_id else member.email
        return Subject(sar.subject_kind, None, members, member.user, email)
    user = sar.child.young_person_user
    return Subject(sar.subject_kind, sar.child, (), user, user.email if user else "")


def sections_for(subject: Subject) -> list[Section]:
    found = []
    for spec in (spec for spec in ALL_SECTIONS if spec.applies(subject)):
        groups, uploads, issued = [], [], []
        for source in spec.sources:
            model = source.model_class()
            rows = list(source.rows(subject, model))
            for row in rows:
                if source.redact:
                    source.redact(row, subject)
            uploads += [row for row in rows if isinstance(row, Upload)]
            issued += [row for row in rows if isinstance(row, IssuedDocument)]
            records = [record_of(row, leave_out=source.leave_out) for row in rows]
            title = str(model._meta.verbose_name_plural).capitalize()
            groups.append(Group(title, source.model, records))
        found.append(Section(len(found) + 1, spec, groups, uploads, issued))
    return found


@dataclass(frozen=True)
class PackedFile:
    """One file of the files folder: an upload, or an issued document's PDF or Word."""

    name: str
    when: dt.date | dt.datetime
    path: str
    open: Callable[[], AbstractContextManager[IO[bytes]]]


def _upload_path(upload: Upload) -> str:
    stem, dot, extension = upload.original_name.rpartition(".")
    name = f"{slugify(stem or extension)[:60]}{dot}{slugify(extension) if dot else ''}"
    return f"files/{upload.pk}-{name or 'file'}"


def _request_json(sar: SubjectAccessRequest, generated_at: dt.datetime) -> dict[str, Any]:
    return {
        "request": sar.pk,
        "about": sar.subject_name,
        "subject_kind": sar.subject_kind,
        "asked_by": sar.requester_name,
        "received_on": sar.received_on.isoformat(),
        "due_on": sar.due_on.isoformat(),
        "generated_at": generated_at.isoformat(),
    }


def _data_json(sar: SubjectAccessRequest, sections: list[Section], when: dt.datetime) -> bytes:
    document = {
        **_request_json(sar, when),
        "sections": [
            {
                "title": section.spec.title,
                "file": section.path,
                "records": [r.as_json() for g in section.groups for r in g.records],
            }
            for section in sections
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False, default=str).encode()


def _files(sections: list[Section]) -> Iterator[PackedFile]:
    seen: set[int] = set()
    for upload in (upload for section in sections for upload in section.uploads):
        if upload.pk not in seen and upload_servable(upload):
            seen.add(upload.pk)
            yield PackedFile(
                upload.original_name,
                upload.uploaded_at,
                _upload_path(upload),
                lambda upload=upload: upload_open(upload),
            )
    for document in (document for section in sections for document in section.issued):
        yield from _issued_files(document)


def _issued_files(document: IssuedDocument) -> Iterator[PackedFile]:
    """The bytes exactly as sent (ADR 0019), never re-rendered."""
    stem = f"files/issued-{document.pk}-{slugify(document.title)[:60] or 'document'}"
    for extension, contents in (("pdf", document.pdf), ("docx", document.docx)):
        if contents:
            yield PackedFile(
                f"{document.title} ({extension.upper()})",
                document.issued_on,
                f"{stem}.{extension}",
                lambda contents=contents: io.BytesIO(bytes(contents)),
            )


def _counts(sar: SubjectAccessRequest, sections: list[Section]) -> dict[str, int]:
    counts: dict[str, int] = {"request": sar.pk}
    for group in (group for section in sections for group in section.groups):
        counts[group.model] = counts.get(group.model, 0) + len(group.records)
    return counts


def export_build(sar: SubjectAccessRequest, *, generated_at: dt.datetime) -> ExportFile:
    """The zip of everything held about the request's subject."""
    sections = sections_for(subject_of(sar))
    files = list(_files(sections))
    context = {"sar": sar, "sections": sections, "files": files, "generated_at": generated_at}
    # Handed to the response, which closes it once sent.
    contents = tempfile.SpooledTemporaryFile(max_size=MEMORY_BYTES)  # noqa: SIM115
    with zipfile.ZipFile(contents, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "README.html", render_to_string("dataprotection/export_index.html", context)
        )
        summary = render_to_string("dataprotection/export_summary.html", context)
        archive.writestr("summary.pdf", pdf_from_html(summary))
        for section in sections:
            page = render_to_string(
                "dataprotection/export_section.html", {**context, "section": section}
            )
            archive.writestr(section.path, page)
        archive.writestr("data.json", _data_json(sar, sections, generated_at))
        for packed_file in files:
            with packed_file.open() as stored, archive.open(packed_file.path, "w") as packed:
                while chunk := stored.read(1024 * 1024):
                    packed.write(chunk)
    size = contents.tell()
    contents.seek(0)
    digest = hashlib.file_digest(contents, "sha256").hexdigest()  # type: ignore[arg-type]
    contents.seek(0)
    return ExportFile(contents, size, digest, _counts(sar, sections))
