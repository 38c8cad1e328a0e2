"""Records of family contributions for tests (the route matrix fills ids with these)."""

from django.core.files.uploadedfile import SimpleUploadedFile

from opensend.casework.models import Case
from opensend.contributions.about_me import all_about_me_save
from opensend.contributions.models import AllAboutMeFile, FamilyRequest, FamilyRequestFile
from opensend.core.uploads import upload_store
from opensend.people.models import Child, User
from tests.factories import parent_of


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


def about_me_file(child: Child) -> AllAboutMeFile:
    """A version of the child's "All about me" with a picture (one per child is enough)."""
    found = AllAboutMeFile.objects.filter(version__child=child).first()
    if found is not None:
        return found
    user = (child.young_person_user or User.objects.filter(family_links__child=child).first()
            or parent_of(child))
    saved = all_about_me_save(actor=user, child=child, words={"interests": "Trains"}, files=[
        SimpleUploadedFile("me.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)])
    return saved.files.get()
