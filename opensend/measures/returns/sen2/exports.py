"""Entry points for the SEN2 return: scoped to a user (pages) or an area (the command),
and audited: every export of person-level data writes an audit row naming the children."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from opensend.casework.models import Case
from opensend.core.audit import audit
from opensend.core.models import AuditAction
from opensend.measures.returns.sen2.collect import sen2_return
from opensend.measures.returns.sen2.records import Return
from opensend.measures.returns.sen2.validation import Failure, validate
from opensend.measures.returns.sen2.xml_writer import return_xml
from opensend.people.models import Organisation, OrganisationKind, Role, User
from opensend.people.rules import visible_children

__all__ = [
    "Sen2Export",
    "area_cases",
    "local_authority_by_code",
    "managed_areas",
    "sen2_build",
    "sen2_download",
    "user_cases",
]


@dataclass(frozen=True)
class Sen2Export:
    sen2: Return
    failures: list[Failure]

    def xml(self) -> bytes:
        return return_xml(self.sen2)

    @property
    def file_name(self) -> str:
        header = self.sen2.header
        return f"SEN2_{header.la_code or 'LA'}_{header.census_date:%Y%m%d}.xml"


def local_authority_by_code(code: str | None) -> Organisation:
    """The local authority with that DfE code; with no code, the only one that has
    children. LookupError (with a message to show) otherwise."""
    areas = Organisation.objects.filter(kind=OrganisationKind.LOCAL_AUTHORITY)
    if code:
        found = list(areas.filter(la_code=code))
    else:
        found = list(areas.filter(children__isnull=False).distinct())
    if len(found) != 1:
        what = f"with LA code {code}" if code else "with children (give --local-authority)"
        raise LookupError(f"found {len(found)} local authorities {what}")
    return found[0]


def managed_areas(user: User) -> list[Organisation]:
    """The local authorities where the user is an SEN manager."""
    ids = user.memberships.filter(role=Role.SEN_MANAGER).values_list("organisation_id", flat=True)
    areas = Organisation.objects.filter(pk__in=list(ids), kind=OrganisationKind.LOCAL_AUTHORITY)
    return list(areas.order_by("name", "pk"))


def area_cases(local_authority: Organisation) -> QuerySet[Case]:
    return Case.objects.filter(local_authority=local_authority)


def user_cases(user: User, local_authority: Organisation, today: dt.date) -> QuerySet[Case]:
    return area_cases(local_authority).filter(child__in=visible_children(user, today))


def sen2_build(
    *, cases: QuerySet[Case], local_authority: Organisation, census_date: dt.date, today: dt.date
) -> Sen2Export:
    """The return and its validation failures (no person-level data leaves: no audit)."""
    sen2 = sen2_return(
        cases=cases,
        local_authority=local_authority,
        census_date=census_date,
        today=today,
        generated_at=timezone.now().replace(microsecond=0).isoformat(),
    )
    return Sen2Export(sen2=sen2, failures=validate(sen2.persons))


def sen2_download(*, export: Sen2Export, actor: object, why: str, request: object = None) -> bytes:
    """The XML file, after writing the audit row for it."""
    header = export.sen2.header
    audit(
        actor=actor,
        action=AuditAction.EXPORT,
        why=why,
        request=request,
        detail={
            "export": "SEN2",
            "census_date": header.census_date.isoformat(),
            "local_authority": header.la_code,
            "children": sorted({person.child_id for person in export.sen2.persons}),
        },
    )
    return export.xml()
