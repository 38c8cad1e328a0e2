"""The import pages: upload, preview with every bad row by its place, a reload finds the
choices kept, import, and only the uploader (an editor of the plan's area) gets in."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from opensend.strategy.models import Action, PendingImport
from tests.strategy.plan_files import docx_bytes
from tests.strategy.test_import import PLAN_TABLES


def _start(client, strategy):
    upload = SimpleUploadedFile("plan.docx", docx_bytes(PLAN_TABLES))
    url = reverse("strategy_import:upload", args=[strategy.pk])
    response = client.post(url, {"file": upload})
    assert response.status_code == 302
    return response


def test_an_editor_uploads_chooses_the_table_maps_previews_and_imports(
    strategy,
    sam,
    staff_client,
):
    client = staff_client(sam)
    first_url = _start(client, strategy).url
    table_url = client.get(first_url).url  # two tables: choose one first
    assert table_url.endswith("/table/")
    page = client.get(table_url).content.decode()
    assert "Table 2 (5 rows)" in page
    preview_url = client.post(table_url, {"table": "2"}).url
    page = client.get(preview_url).content.decode()
    assert "Table 2, row 4" in page and "Table 2, row 7" in page
    assert "Timescale: “Winter 2025”: winter straddles two years" in page
    assert "Import 3 rows" in page
    # one column for two fields is refused; a good remap is kept for the next visit
    columns = {"priority": "0", "action": "1", "owner": "2", "timescale": "3",
               "success_measure": "5", "progress": "5"}  # fmt: skip
    assert (
        "Each column can fill only one field" in client.post(preview_url, columns).content.decode()
    )
    assert client.post(preview_url, {**columns, "success_measure": ""}).status_code == 302
    pending = PendingImport.objects.get()
    assert pending.mapping["success_measure"] is None and pending.mapping["progress"] == 5
    response = client.post(reverse("strategy_import:confirm", args=[strategy.pk, pending.pk]))
    assert "rows imported: 3" in response.content.decode()
    assert Action.objects.filter(strategy=strategy).count() == 3
    assert not PendingImport.objects.exists()


def test_a_refused_file_is_a_400_with_the_reason(strategy, sam, staff_client):
    url = reverse("strategy_import:upload", args=[strategy.pk])
    response = staff_client(sam).post(url, {"file": SimpleUploadedFile("plan.xlsx", b"hello")})
    assert response.status_code == 400
    assert "not a real Excel workbook" in response.content.decode()


def test_another_editor_cannot_open_someone_elses_import(
    strategy,
    sam,
    nadia,
    staff_client,
):
    pending_url = _start(staff_client(sam), strategy).url
    assert staff_client(nadia).get(pending_url).status_code == 404  # another area's editor
