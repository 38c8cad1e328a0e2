"""Bulk import: ORUK 3.0 JSON (a /services page, a list), NDJSON and CSV, with a report
of every rejected record, idempotent by id, recorded in the version history."""

import io
import json
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from opensend.directory import models as m
from opensend.directory.editorial.import_read import CSV_COLUMNS, UnreadableFileError
from opensend.directory.editorial.importer import Rejection, import_directory
from tests.directory import editorial as setup
from tests.directory.editorial import Editorial
from tests.directory.schemas import assert_valid
from tests.pages import check_page, text_of

ORG = "7a0e5c1e-0000-4000-8000-000000000001"
SWIM = "7a0e5c1e-0000-4000-8000-000000000011"
ART = "7a0e5c1e-0000-4000-8000-000000000012"

editorial = setup.editorial  # the fixture


def oruk_service(service_id: str, **fields) -> dict:
    return {
        "id": service_id,
        "organization_id": ORG,
        "organization": {"id": ORG, "name": "River Trust", "description": "A charity."},
        "name": "Riverside Swim",
        "description": "Quiet swimming sessions.",
        "status": "active",
        "minimum_age": 5,
        "maximum_age": 12,
        "assured_date": "2026-10-01",
        "eligibility_description": "Children with a disability.",
        "contacts": [
            {
                "id": str(uuid.uuid4()),
                "name": "Bookings team",
                "phones": [{"id": str(uuid.uuid4()), "number": "01632 960111"}],
            }
        ],
        "cost_options": [{"id": str(uuid.uuid4()), "amount": 3.5, "currency": "GBP"}],
        "local_offer": {
            "needs_supported": [{"code": "ASD", "label": "Autism"}],
            "referral_route": "self",
        },
        **fields,
    }


def without_organization(service: dict, organization_id: str) -> dict:
    return {k: v for k, v in service.items() if k != "organization"} | {
        "organization_id": organization_id
    }


def page(*services) -> bytes:
    return json.dumps({"total_items": len(services), "contents": list(services)}).encode()


def run(name: str, data: bytes, editor=None, today=None):
    return import_directory(name, data, editor=editor, today=today)


def test_a_services_page_imports_the_good_and_reports_the_bad(editorial: Editorial, today):
    report = run(
        "feed.json",
        page(
            oruk_service(SWIM),
            oruk_service(ART, name="Art Club", status="open"),
            oruk_service(str(uuid.uuid4()), minimum_age=12, maximum_age=5),
            without_organization(oruk_service(str(uuid.uuid4())), str(uuid.uuid4())),
            oruk_service("not-a-uuid"),
        ),
        editor=editorial.editor,
        today=today,
    )
    assert (report.created, report.updated, report.rejected_records) == (1, 0, 4)
    assert report.rejected[0] == Rejection(
        "service 2",
        "status",
        "'open' is not one of ['active', 'inactive', 'defunct', 'temporarily closed']",
    )
    assert report.rejected[1] == Rejection(
        "service 3",
        "maximum_age",
        "The oldest age must be the same as or more than the youngest age",
    )
    assert report.rejected[2] == Rejection(
        "service 4",
        "organization_id",
        "no such organisation: give its name too (organization_name, or an organization object)",
    )
    assert report.rejected[3].where == "service 5"
    swim = m.Service.objects.get(pk=SWIM)
    assert (swim.name, swim.organization.name, str(swim.assured_date)) == (
        "Riverside Swim",
        "River Trust",
        "2026-10-01",
    )
    assert swim.local_offer.needs_supported == ["ASD"]
    assert swim.local_offer.eligibility == "Children with a disability."
    version = swim.versions.get()
    assert (version.source, version.approved_by) == ("imported", editorial.editor)
    assert_valid("service", version.snapshot)
    assert not m.Service.objects.filter(name="Art Club").exists()


def test_importing_the_same_file_twice_changes_nothing(editorial: Editorial, today):
    data = page(oruk_service(SWIM), oruk_service(ART, name="Art Club"))
    assert run("feed.json", data, today=today).created == 2
    modified = dict(m.Service.objects.values_list("pk", "last_modified"))
    again = run("feed.json", data, today=today)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert dict(m.Service.objects.values_list("pk", "last_modified")) == modified
    assert m.ListingVersion.objects.count() == 2
    changed = run(
        "feed.json", page(oruk_service(SWIM, name="Riverside Swim (Fridays)")), today=today
    )
    assert (changed.updated, changed.unchanged) == (1, 0)
    assert list(
        m.ListingVersion.objects.filter(service=SWIM)
        .values_list("number", "source")
        .order_by("number")
    ) == [(1, "imported"), (2, "imported")]


def test_an_import_records_the_listing_as_it_was_first(editorial: Editorial, today):
    own = without_organization(
        oruk_service(str(editorial.own.pk), name="Splash Club (imported)"),
        str(editorial.own.organization_id),
    )
    assert run("one.json", json.dumps([own]).encode(), today=today).updated == 1
    assert list(
        editorial.own.versions.values_list("source", "snapshot__name").order_by("number")
    ) == [("baseline", "Splash Club"), ("imported", "Splash Club (imported)")]


def test_ndjson_reports_line_numbers(editorial: Editorial, today):
    lines = [
        json.dumps(oruk_service(SWIM)),
        "",
        "{not json",
        json.dumps(["a list"]),
        json.dumps(oruk_service(ART, name="")),
    ]
    report = run("feed.ndjson", "\n".join(lines).encode(), today=today)
    assert report.created == 1
    assert [(r.where, r.field) for r in report.rejected] == [
        ("line 3", "(record)"),
        ("line 4", "(record)"),
        ("line 5", "name"),
    ]


def _csv(*rows: dict) -> bytes:
    out = io.StringIO()
    out.write(",".join(CSV_COLUMNS) + "\n")
    for row in rows:
        out.write(",".join(f'"{row.get(c, "")}"' for c in CSV_COLUMNS) + "\n")
    return out.getvalue().encode()


def test_csv_rows_are_checked_field_by_field(editorial: Editorial, today):
    good = {
        "id": SWIM,
        "organization_id": ORG,
        "organization_name": "River Trust",
        "name": "Riverside Swim",
        "needs_supported": "ASD; SLCN",
        "cost_amount": "£4",
        "address_1": "1 Mill Lane",
        "city": "Northtown",
        "postal_code": "NT1 2AB",
        "assured_date": "2026-09-30",
        "description": "Line one,\nline two",
    }
    report = run(
        "listings.csv",
        _csv(
            good,
            {**good, "id": ART, "email": "not an email", "needs_supported": "XYZ"},
            {**good, "id": "", "name": "No id"},
            {**good, "id": str(uuid.uuid4()), "assured_date": "30/09/2026"},
        ),
        today=today,
    )
    assert report.created == 1
    assert [(r.where, r.field) for r in report.rejected] == [
        # the quoted descriptions run over two lines: rows start on lines 2, 4, 6 and 8
        ("line 4", "email"),
        ("line 4", "needs_supported"),
        ("line 6", "id"),
        ("line 8", "assured_date"),
    ]
    swim = m.Service.objects.get(pk=SWIM)
    assert swim.local_offer.needs_supported == ["ASD", "SLCN"]
    assert swim.cost_options.get().amount == 4
    assert swim.description == "Line one,\nline two"
    assert run("listings.csv", _csv(good), today=today).unchanged == 1


def test_an_unreadable_file_is_refused_whole(editorial: Editorial, today):
    with pytest.raises(UnreadableFileError, match="no column"):
        run("listings.csv", b"title,summary\nA,B\n", today=today)
    with pytest.raises(UnreadableFileError, match="not valid JSON"):
        run("feed.json", b"[{", today=today)
    with pytest.raises(UnreadableFileError, match="UTF-8"):
        run("feed.csv", "id\n\xe9".encode("latin-1"), today=today)


def test_the_import_page_shows_the_report(editorial: Editorial, staff_client, today):
    client = staff_client(editorial.editor)
    check_page(client.get(reverse("editorial:import")))
    empty = check_page(client.post(reverse("editorial:import"), {}))
    assert "Choose a file to import" in text_of(empty)
    upload = SimpleUploadedFile(
        "feed.json", page(oruk_service(SWIM), oruk_service(ART, status="open"))
    )
    result = check_page(client.post(reverse("editorial:import"), {"file": upload}))
    text = text_of(result)
    assert "New listings: 1" in text and "Rejected: 1" in text
    assert "service 2 status 'open' is not one of" in text
    bad = SimpleUploadedFile("x.csv", b"title\nA\n")
    assert "The CSV has no column" in text_of(
        check_page(client.post(reverse("editorial:import"), {"file": bad}))
    )


def test_the_command_prints_progress_rejections_and_totals(editorial: Editorial, today, tmp_path):
    path = tmp_path / "feed.json"
    path.write_bytes(page(oruk_service(SWIM), oruk_service(ART, status="open")))
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as exited:
        call_command(
            "import_directory", str(path), "--by", editorial.editor.email, stdout=out, stderr=err
        )
    assert exited.value.code == 1
    assert "REJECTED service 2: status:" in out.getvalue()
    assert "2 records (json): 1 created, 0 updated, 0 unchanged, 1 rejected" in out.getvalue()
    assert "2/2" in err.getvalue()  # the progress bar
    assert m.ListingVersion.objects.get(service=SWIM).submitted_by == editorial.editor
    path.write_bytes(page(oruk_service(SWIM)))
    call_command("import_directory", str(path), "--no-progress", stdout=out)
    assert "1 records (json): 0 created, 0 updated, 1 unchanged, 0 rejected" in out.getvalue()
