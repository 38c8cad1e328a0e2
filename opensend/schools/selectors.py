"""Reads for the school's pages, always scoped to the SENCO asking (people/rules.py
visible_children, narrowed to the pupils on their own roll today) and audited."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from opensend.casework.issued_documents import DocumentKind, IssuedDocument
from opensend.casework.models import Case, Stage
from opensend.core.audit import audit, audit_list
from opensend.core.models import AuditAction
from opensend.people.models import Child, Enrolment, Organisation, Role, User
from opensend.people.rules import visible_children
from opensend.schools.models import ReviewContributionFile, SchoolReview

PUPIL_STAGES = (Stage.REQUESTED, Stage.ASSESSING, Stage.DRAFTING, Stage.PLAN)
PLAN_DOCUMENTS = (DocumentKind.FINAL_PLAN, DocumentKind.AMENDED_PLAN)


def senco_settings(user: User) -> list[int]:
    return list(
        user.memberships.filter(role=Role.SENCO).values_list("organisation_id", flat=True)
    )


def pupils_on_roll_q(user: User, today: dt.date) -> QuerySet[Child]:
    """The children the SENCO may see who are on their school's roll today."""
    on_roll = Enrolment.objects.filter(
        child=OuterRef("pk"), setting_id__in=senco_settings(user), start__lte=today
    ).filter(Q(end__isnull=True) | Q(end__gte=today))
    return visible_children(user, today).filter(Exists(on_roll))


@dataclass(frozen=True)
class PupilRow:
    child: Child
    case: Case
    plan_document: IssuedDocument | None
    review: SchoolReview | None


def school_pupils(*, user: User, today: dt.date, request: object = None) -> list[PupilRow]:
    """Pupils on roll today with an EHC plan or a request, each with the latest plan as
    issued and the school's latest review."""
    cases = (
        Case.objects.filter(child__in=pupils_on_roll_q(user, today), stage__in=PUPIL_STAGES)
        .select_related("child")
        .order_by("child__legal_surname", "child__legal_forename", "pk")
    )
    rows = [_pupil_row(case) for case in cases]
    audit_list(actor=user, child_ids=[row.child.pk for row in rows], why="school pupils",
               request=request)
    return rows


def _pupil_row(case: Case) -> PupilRow:
    document = (
        IssuedDocument.objects.filter(case=case, kind__in=PLAN_DOCUMENTS)
        .defer("pdf", "docx")
        .order_by("-issued_on", "-pk")
        .first()
    )
    review = case.school_reviews.select_related("annual_review").first()
    return PupilRow(child=case.child, case=case, plan_document=document, review=review)


def _denied(user: User, why: str, request: object, **detail: object) -> Http404:
    audit(actor=user, action=AuditAction.DENIED, why=why, detail=detail, request=request)
    return Http404()


def pupil_case_get(
    *, user: User, case_id: int, today: dt.date, why: str, request: object = None
) -> Case:
    """A case of a pupil on the SENCO's roll today, or an audited 404."""
    case = (
        Case.objects.filter(pk=case_id, child__in=pupils_on_roll_q(user, today))
        .select_related("child", "caseworker")
        .first()
    )
    if case is None:
        raise _denied(user, why, request, case=case_id)
    audit(actor=user, action=AuditAction.READ, obj=case, child_id=case.child_id, why=why,
          request=request)
    return case


def school_review_get(
    *, user: User, review_id: int, today: dt.date, why: str, request: object = None
) -> SchoolReview:
    """A review of a pupil on the SENCO's roll today, or an audited 404."""
    review = (
        SchoolReview.objects.filter(
            pk=review_id, case__child__in=pupils_on_roll_q(user, today)
        )
        .select_related("case__child", "case__caseworker", "annual_review", "setting")
        .first()
    )
    if review is None:
        raise _denied(user, why, request, school_review=review_id)
    audit(actor=user, action=AuditAction.READ, obj=review, child_id=review.case.child_id,
          why=why, request=request)
    return review


def contribution_file_get(
    *, user: User, file_id: int, today: dt.date, request: object = None
) -> ReviewContributionFile:
    found = (
        ReviewContributionFile.objects.filter(
            pk=file_id,
            contribution__review__case__child__in=pupils_on_roll_q(user, today),
        )
        .select_related("upload", "contribution__review__case")
        .first()
    )
    if found is None:
        raise _denied(user, "download review file", request, file=file_id)
    return found


def pupil_setting(user: User, case: Case, today: dt.date) -> Organisation:
    """The SENCO's school where the pupil is on roll today (the school running the review)."""
    return pupil_enrolment_setting(user, case.child, today)


def pupils_without_request(user: User, today: dt.date) -> list[Child]:
    """Pupils on the SENCO's roll today with no open request or plan (who a school may
    ask an assessment for)."""
    open_case = Case.objects.filter(child=OuterRef("pk"), stage__in=PUPIL_STAGES)
    return list(
        pupils_on_roll_q(user, today)
        .exclude(Exists(open_case))
        .order_by("legal_surname", "legal_forename", "pk")
    )


def pupil_get(*, user: User, child_id: int, today: dt.date, request: object = None) -> Child:
    child = pupils_on_roll_q(user, today).filter(pk=child_id).first()
    if child is None:
        raise _denied(user, "school request for assessment", request, child=child_id)
    return child


def pupil_enrolment_setting(user: User, child: Child, today: dt.date) -> Organisation:
    enrolment = (
        Enrolment.objects.filter(child=child, setting_id__in=senco_settings(user),
                                 start__lte=today)
        .filter(Q(end__isnull=True) | Q(end__gte=today))
        .select_related("setting")
        .order_by("-start")
        .first()
    )
    if enrolment is None:
        raise Http404
    return enrolment.setting
