"""'All about me': the child's or young person's own profile, each save a new version,
and the caseworker's copy of it into the plan's Section A (Reg 12(1)(a))."""

import datetime as dt
from collections.abc import Sequence

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max

from opensend.casework.forms.plans import default_kind, plan_state
from opensend.casework.models import Case
from opensend.casework.services.plans import plan_version_save
from opensend.contributions.models import AllAboutMe, AllAboutMeFile, AllAboutMeUse
from opensend.core.audit import audit
from opensend.core.models import AuditAction
from opensend.core.uploads import upload_store, uploads_delete
from opensend.people.models import Child, User

# The parts of the profile, in the order the plan shows them, with their headings.
PARTS = (
    ("views", "My views"),
    ("interests", "My interests"),
    ("aspirations", "What I want for the future"),
    ("important", "What is important to me"),
    ("support", "How best to support me"),
)


def latest_about_me(child: Child) -> AllAboutMe | None:
    return AllAboutMe.objects.filter(child=child).prefetch_related("files__upload").first()


@transaction.atomic
def all_about_me_save(
    *, actor: User, child: Child, words: dict[str, str], files: Sequence[UploadedFile]
) -> AllAboutMe:
    """A new version with these words, the files of the last version and the new ones."""
    last = latest_about_me(child)
    top = AllAboutMe.objects.filter(child=child).aggregate(top=Max("number"))["top"] or 0
    saved = AllAboutMe.objects.create(
        child=child, number=top + 1, saved_by=actor,
        **{name: words.get(name, "").strip() for name, _ in PARTS})
    kept = [linked.upload for linked in last.files.all()] if last else []
    added = [upload_store(actor=actor, upload=upload) for upload in files]
    for upload in [*kept, *added]:
        AllAboutMeFile.objects.create(version=saved, upload=upload)
    audit(actor=actor, action=AuditAction.CHANGE, obj=saved, child_id=child.pk,
          why="save All about me", detail={"version": saved.number, "files_added": len(added)})
    return saved


def removable(linked: AllAboutMeFile, user: User) -> bool:
    """A file its adder may take out again, while no version holding it has been used in
    a plan: what was copied into a plan stays as it was sent (ADR 0019)."""
    used = AllAboutMeFile.objects.filter(upload=linked.upload_id, version__uses__isnull=False)
    return linked.upload.uploaded_by_id == user.pk and not used.exists()


@transaction.atomic
def all_about_me_file_remove(*, actor: User, linked: AllAboutMeFile) -> None:
    """Take a picture or recording out of "All about me": from every (unused) version
    that holds it, and its bytes with it. Audited."""
    if not removable(linked, actor):
        raise ValueError("Only its adder may remove a file no plan has used")
    child_id, upload_id = linked.version.child_id, linked.upload_id
    name = linked.upload.original_name
    AllAboutMeFile.objects.filter(upload=upload_id).delete()
    uploads_delete([upload_id])
    audit(actor=actor, action=AuditAction.CHANGE, child_id=child_id,
          why="remove a file from All about me", detail={"upload": upload_id, "name": name})


def section_a_text(about_me: AllAboutMe) -> str:
    """The profile as Section A's text: each part under its heading, in their words."""
    parts = [(title, getattr(about_me, name)) for name, title in PARTS]
    return "\n\n".join(f"{title}\n{text}" for title, text in parts if text)


@transaction.atomic
def all_about_me_use(*, actor: User, case: Case, today: dt.date) -> AllAboutMeUse | None:
    """Copy the latest version into the working plan's Section A, recording which
    version; None when the family has not written one yet."""
    about_me = latest_about_me(case.child)
    if about_me is None:
        return None
    state = plan_state(case)
    version = plan_version_save(actor=actor, case=case, kind=default_kind(case, state),
                                sections={"A": section_a_text(about_me)}, today=today,
                                expected_version=None)
    return AllAboutMeUse.objects.create(all_about_me=about_me, plan_version=version,
                                        used_by=actor)
