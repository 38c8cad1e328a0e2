"""The editors' import page: upload a file, see what was imported and every rejected row."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from opensend.core.permissions import permission_required
from opensend.core.render import render_page
from opensend.core.today import today
from opensend.directory.editorial.forms import ImportForm
from opensend.directory.editorial.import_read import CSV_COLUMNS, UnreadableFileError
from opensend.directory.editorial.importer import import_directory


@permission_required("directory.import_listings")
def import_file(request: HttpRequest) -> HttpResponse:
    posted = request.method == "POST"
    form = ImportForm(request.POST if posted else None, request.FILES if posted else None)
    report = None
    limit = settings.LOCAL_OFFER_IMPORT_MAX_BYTES
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > limit:
            form.add_error(
                "file",
                f"The file must be smaller than {limit // (1024 * 1024)} MB: "
                "import larger files with the import_directory command",
            )
        else:
            try:
                report = import_directory(
                    upload.name, upload.read(), editor=request.user, today=today()
                )
            except UnreadableFileError as error:
                form.add_error("file", str(error))
    return render_page(
        request,
        "directory/editorial/import.html",
        {
            "form": form,
            "report": report,
            "csv_columns": CSV_COLUMNS,
        },
    )
