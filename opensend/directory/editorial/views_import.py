"""The editors' import page: upload a file, see what was imported and every rejected row.

The file goes through the one upload gate (core/uploads.py): allowed by extension and
content (CSV, JSON or NDJSON only), and no more than LOCAL_OFFER_IMPORT_MAX_BYTES of
it is kept while the request streams in (`upload_limit`). A refused file, or one that
cannot be read, is a 400 with the reason on the form (issue 13, findings 6 and 7).
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from opensend.core.permissions import permission_required
from opensend.core.render import render_page
from opensend.core.today import today
from opensend.core.uploads import (
    IMPORT_FILES,
    UploadRefused,
    UploadTooLarge,
    upload_check,
    upload_limit,
)
from opensend.directory.editorial.forms import ImportForm
from opensend.directory.editorial.import_read import CSV_COLUMNS, UnreadableFileError
from opensend.directory.editorial.importer import ImportReport, import_directory

LIMIT_SETTING = "LOCAL_OFFER_IMPORT_MAX_BYTES"


def _too_large() -> str:
    limit = getattr(settings, LIMIT_SETTING)
    return (f"The file must be smaller than {limit // (1024 * 1024)} MB: "
            "import larger files with the import_directory command")  # fmt: skip


def _import(request: HttpRequest, form: ImportForm) -> ImportReport | None:
    """The report, or None with the reason added to the form."""
    upload = form.cleaned_data["file"]
    try:
        upload_check(upload, allowed=IMPORT_FILES, limit=getattr(settings, LIMIT_SETTING))
        return import_directory(upload.name, upload.read(), editor=request.user, today=today())
    except UploadTooLarge:
        form.add_error("file", _too_large())
    except UploadRefused as refusal:
        form.add_error("file", str(refusal))
    except UnreadableFileError as error:
        form.add_error("file", str(error))
    return None


@permission_required("directory.import_listings")
@upload_limit(LIMIT_SETTING)
def import_file(request: HttpRequest) -> HttpResponse:
    posted = request.method == "POST"
    form = ImportForm(request.POST if posted else None, request.FILES if posted else None)
    report = _import(request, form) if posted and form.is_valid() else None
    context = {"form": form, "report": report, "csv_columns": CSV_COLUMNS}
    status = 400 if posted and form.errors and "file" in request.FILES else 200
    return render_page(request, "directory/editorial/import.html", context, status=status)
