"""Bulk import of listings from ORUK 3.0 JSON, NDJSON or CSV (docs/local-offer-editorial.md).

Each record is checked on its own: JSON against the official ORUK 3.0 `service` schema,
then (JSON and CSV alike) the listing's fields with the editing form's checks. A record
that passes creates or updates the listing with its id, goes live at once and is
recorded in the listing's version history; one that fails is reported (where, field,
reason) and changes nothing. Importing the same file twice changes nothing the second
time: a record whose listing would not change is counted "unchanged" and not saved.
"""

import datetime as dt
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from django.db import transaction
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from opensend.directory import models as m
from opensend.directory.editorial import services
from opensend.directory.editorial.apply import listing_apply
from opensend.directory.editorial.fields import FIELD_NAMES, fields_from_oruk
from opensend.directory.editorial.forms import ListingForm
from opensend.directory.editorial.import_read import Record, read_records
from opensend.people.models import User

SCHEMA_DIR = Path(__file__).parent / "oruk_schema"
SCHEMA_PREFIX = "https://openreferraluk.org/specifications/3.0/schema/"
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Rejection:
    where: str
    field: str
    reason: str


@dataclass
class ImportReport:
    file_format: str = ""
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejection] = field(default_factory=list)

    @property
    def rejected_records(self) -> int:
        return len({rejection.where for rejection in self.rejected})

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged + self.rejected_records


class RecordRejectedError(Exception):
    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__(problems)
        self.problems = problems


@cache
def service_validator() -> Draft202012Validator:
    resources = [
        (
            SCHEMA_PREFIX + path.name,
            Resource.from_contents(
                json.loads(path.read_text("utf-8")), default_specification=DRAFT202012
            ),
        )
        for path in SCHEMA_DIR.glob("*.json")
    ]
    registry = Registry().with_resources(resources)
    schema = registry.contents(SCHEMA_PREFIX + "service.json")
    return Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())


def import_directory(
    filename: str,
    data: bytes,
    *,
    editor: User | None,
    today: dt.date,
    progress: Progress | None = None,
) -> ImportReport:
    """Import every record of the file; raises UnreadableFileError if none can be read."""
    report = ImportReport()
    report.file_format, records = read_records(filename, data)
    for done, record in enumerate(records, start=1):
        try:
            with transaction.atomic():
                outcome = _import_record(record, editor=editor, today=today)
        except RecordRejectedError as error:
            report.rejected += [Rejection(record.where, f, reason) for f, reason in error.problems]
        else:
            setattr(report, outcome, getattr(report, outcome) + 1)
        if progress:
            progress(done, len(records))
    return report


def _import_record(record: Record, *, editor: User | None, today: dt.date) -> str:
    if record.problem:
        raise RecordRejectedError([("(record)", record.problem)])
    if record.kind == "json":
        schema_problems = [
            ("/".join(map(str, e.absolute_path)) or "(service)", e.message)
            for e in service_validator().iter_errors(record.data)
        ]
        if schema_problems:
            raise RecordRejectedError(schema_problems)
        incoming = _from_json(record.data)
    else:
        incoming = _from_csv(record.data)
    return _save(incoming, editor=editor)


@dataclass
class Incoming:
    id: uuid.UUID
    organization: m.Organization
    fields: dict[str, Any]
    assured_date: dt.date | None


def _uuid(value: Any, name: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise RecordRejectedError(
            [(name, "must be a UUID, like 4f1c2a8e-0000-4000-8000-000000000000")]
        ) from None


def _date(value: Any, name: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise RecordRejectedError([(name, "must be a date as YYYY-MM-DD")]) from None


def _organization(org_id: uuid.UUID, name: str, details: dict[str, Any]) -> m.Organization:
    found = m.Organization.objects.filter(pk=org_id).first()
    if found:
        return found
    if not name:
        raise RecordRejectedError(
            [
                (
                    "organization_id",
                    "no such organisation: give its name "
                    "too (organization_name, or an organization object)",
                )
            ]
        )
    return m.Organization.objects.create(
        id=org_id,
        name=name,
        description=details.get("description") or name,
        email=details.get("email", ""),
        website=details.get("website", ""),
    )


def _from_json(data: dict[str, Any]) -> Incoming:
    nested = data.get("organization") or {}
    raw_org = data.get("organization_id") or nested.get("id")
    if not raw_org:
        raise RecordRejectedError([("organization_id", "is missing")])
    organization = _organization(_uuid(raw_org, "organization_id"), nested.get("name", ""), nested)
    return Incoming(
        _uuid(data["id"], "id"),
        organization,
        _checked(fields_from_oruk(data)),
        _date(data.get("assured_date"), "assured_date"),
    )


def _from_csv(cells: dict[str, str]) -> Incoming:
    for name in ("id", "organization_id", "name"):
        if not cells.get(name):
            raise RecordRejectedError([(name, "is empty")])
    organization = _organization(
        _uuid(cells["organization_id"], "organization_id"), cells.get("organization_name", ""), {}
    )
    given = {name: cells.get(name, "") for name in FIELD_NAMES}
    given["needs_supported"] = [c.strip() for c in given["needs_supported"].split(";") if c.strip()]
    given["status"] = given["status"] or m.ServiceStatus.ACTIVE.value
    return Incoming(
        _uuid(cells["id"], "id"),
        organization,
        _checked(given),
        _date(cells.get("assured_date"), "assured_date"),
    )


def _checked(fields: dict[str, Any]) -> dict[str, Any]:
    """The listing's fields through the editing form's checks."""
    data = {k: ("" if v is None else v) for k, v in fields.items() if k != "needs_supported"}
    form = ListingForm(_FormData(data, fields.get("needs_supported") or []))
    if not form.is_valid():
        raise RecordRejectedError(
            [
                (name if name != "__all__" else "(service)", " ".join(errors))
                for name, errors in form.errors.items()
            ]
        )
    return form.listing_fields()


class _FormData(dict):
    """Form data whose needs_supported is a list (what a QueryDict's getlist gives)."""

    def __init__(self, data: dict[str, Any], needs: list[str]) -> None:
        super().__init__({k: str(v) for k, v in data.items()})
        self.needs = [str(code) for code in needs]

    def getlist(self, key: str) -> list[str]:
        return self.needs if key == "needs_supported" else [self[key]] if key in self else []


def _unchanged(service: m.Service, live: dict[str, Any], incoming: Incoming) -> bool:
    """Whether the import would leave the listing as it is (then nothing is saved, so
    last_modified stays): the import only writes these fields, the organisation and the
    assured date."""
    return (
        fields_from_oruk(live) == incoming.fields
        and service.organization_id == incoming.organization.pk
        and incoming.assured_date in (None, service.assured_date)
    )


def _save(incoming: Incoming, *, editor: User | None) -> str:
    service = m.Service.objects.select_for_update().filter(pk=incoming.id).first()
    created = service is None
    if created:
        service = m.Service(id=incoming.id, organization=incoming.organization)
    else:
        live = services.snapshot(service)
        if _unchanged(service, live, incoming):
            return "unchanged"
        services.baseline_ensure(service, live)
    service.organization = incoming.organization
    if incoming.assured_date:
        service.assured_date = incoming.assured_date
    listing_apply(service, incoming.fields)
    services.version_record(
        service,
        source=m.VersionSource.IMPORTED,
        submitted_by=editor,
        approved_by=editor,
        note="Imported from a file",
    )
    return "created" if created else "updated"
