"""Records of family contributions for tests (the route matrix fills ids with these)."""

from django.core.files.uploadedfile import SimpleUploadedFile

from opensend.casework.models import Case
from opensend.contributions.models import FamilyRequest, FamilyRequestFile
from opensend.core.uploads import upload_store
from opensend.people.models import User


def family_request_file(case: Case, *, by: User | None = None) -> FamilyRequestFile:
    """A file the family sent with the case's request (a request a caseworker recorded
    gets the family's words added, as if the family had sent them)."""
    made_by = by or case.caseworker
    request, _ = FamilyRequest.objects.get_or_create(
        ehc_request=case.request,
        defaults={"made_by": made_by, "reasons": "Not coping at school",
                  "needs": "Reading and writing"})
    sent = request.files.first()
    if sent is not None:  # one file per request is enough for the route matrix
        return sent
    upload = upload_store(actor=made_by, upload=SimpleUploadedFile(
        "letter from the GP.pdf", b"%PDF-1.7\n%%EOF\n"))
    return FamilyRequestFile.objects.create(family_request=request, upload=upload)
