"""Finding, fingerprinting and removing a generated demo area."""

import hashlib

from django.db import connection
from django.db.models import CharField, Model, Q, Value
from django.db.models.functions import Cast, Concat
from django_otp.plugins.otp_totp.models import TOTPDevice

from opensend.casework.models import (
    AdviceRequest,
    AnnualReview,
    Case,
    CaseEvent,
    CaseStep,
    ClockException,
    Dispute,
    EhcRequest,
    PanelAttendance,
    PanelDecision,
    PhaseTransfer,
    Plan,
    PlanVersion,
)
from opensend.core.database_roles import as_migration_owner
from opensend.core.models import AuditEvent
from opensend.measures.live.facts import FACT_MODELS
from opensend.measures.models import FactsVersion, IndicatorSnapshot, Sen2Run
from opensend.nonprod.generator import names
from opensend.people.models import (
    Child,
    ChildNeed,
    Enrolment,
    FamilyMember,
    Membership,
    Organisation,
    OrganisationKind,
    User,
    YoungPersonConsent,
)
from opensend.strategy.models import Strategy

GENERATED_WHY = "generate demo area"


def demo_la() -> Organisation | None:
    return Organisation.objects.filter(
        kind=OrganisationKind.LOCAL_AUTHORITY, la_code=names.LA_CODE
    ).first()


def demo_users():
    return User.objects.filter(email__endswith=f"@{names.EMAIL_DOMAIN}")


def generation_record(la: Organisation) -> dict[str, object] | None:
    """What the last completed generation of this area recorded (seed, children, today)."""
    event = (
        AuditEvent.objects.filter(
            why=GENERATED_WHY, object_type="Organisation", object_id=str(la.pk)
        )
        .order_by("-at")
        .first()
    )
    return event.detail if event else None


def area_reset() -> dict[str, int]:
    """Delete the demo area and its people, leaf tables first so every delete is one query.

    A user who appears in the audit log cannot be deleted (the log is append-only and keeps
    its foreign key): they are made inactive and renamed instead, so their demo email is
    free for the next generation.
    """
    removed: dict[str, int] = {}
    la = demo_la()
    if la is not None:
        # issue 12: the area's plans first (a few rows; the ORM cascades to their actions
        # and updates, whose authors are demo users deleted below)
        removed["Strategy"] = Strategy.objects.filter(local_authority=la).delete()[0]
        case = Q(case__local_authority=la)
        leaf_first = [
            (IndicatorSnapshot, Q(local_authority=la)),
            (Sen2Run, Q(local_authority=la)),
            *((model, case) for model in FACT_MODELS),  # the measures' projection
            (FactsVersion, Q(local_authority_id=la.pk)),
            (CaseStep, case),
            (CaseEvent, case),
            (PanelAttendance, Q(decision__case__local_authority=la)),
            (PanelDecision, case),
            (AdviceRequest, case),
            (ClockException, case),
            (PlanVersion, Q(plan__case__local_authority=la)),
            (Plan, case),
            (AnnualReview, case),
            (PhaseTransfer, case),
            (Dispute, case),
            (EhcRequest, case),
            (Case, Q(local_authority=la)),
            (YoungPersonConsent, Q(child__local_authority=la)),
            (FamilyMember, Q(child__local_authority=la)),
            (Enrolment, Q(child__local_authority=la)),
            (ChildNeed, Q(child__local_authority=la)),
            (Child, Q(local_authority=la)),
            (Membership, Q(organisation__local_authority=la) | Q(organisation=la)),
        ]
        for model, where in leaf_first:
            removed[model.__name__] = _delete(model, where)
    users = demo_users()
    in_audit = AuditEvent.objects.filter(actor__in=users).values("actor_id")
    TOTPDevice.objects.filter(user__in=users).delete()
    Membership.objects.filter(user__in=users).delete()
    retired = users.filter(pk__in=in_audit).update(
        is_active=False,
        email=Concat(
            Value("retired-"), Cast("pk", CharField()), Value(f"@retired.{names.EMAIL_DOMAIN}")
        ),
    )
    removed["User"] = users.exclude(pk__in=in_audit).delete()[0]
    removed["User (retired, in the audit log)"] = retired
    if la is not None:
        removed["Organisation"] = Organisation.objects.filter(local_authority=la).delete()[0]
        la.delete()
    return removed


def _delete(model: type[Model], where: Q) -> int:
    """One DELETE ... WHERE id IN (subquery): the ORM's delete() would load every row to
    look for cascades, and these tables are already emptied leaf first."""
    subquery, params = model.objects.filter(where).values("pk").query.sql_with_params()
    quote = connection.ops.quote_name
    # Names come from the model's metadata and values stay parameters: nothing user-typed.
    sql = (
        f"DELETE FROM {quote(model._meta.db_table)} "  # noqa: S608
        f"WHERE {quote(model._meta.pk.column)} IN ({subquery})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


ANALYZED = (
    Child,
    ChildNeed,
    Enrolment,
    FamilyMember,
    YoungPersonConsent,
    Case,
    CaseEvent,
    CaseStep,
    AdviceRequest,
    AnnualReview,
    Plan,
    PlanVersion,
    PanelDecision,
    PanelAttendance,
    EhcRequest,
    Dispute,
    PhaseTransfer,
    ClockException,
    User,
    Organisation,
    Membership,
)


def tables_analyze() -> None:
    """Refresh the planner's statistics after a bulk load.

    Until autovacuum gets round to it, PostgreSQL plans as if the new tables were empty
    and picks nested loops that take minutes on the queue's nested IN subqueries.
    """
    if connection.in_atomic_block:  # a test's transaction, which the owner cannot join
        _analyze()
        return
    # Only a table's owner may ANALYZE it; the application's role owns none (finding 2).
    with as_migration_owner(connection):
        _analyze()


def _analyze() -> None:
    with connection.cursor() as cursor:
        for model in ANALYZED:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def area_digest() -> str:
    """A fingerprint of the generated area's key fields (no database ids), for checking
    that the same seed gives the same data."""
    la = demo_la()
    if la is None:
        return ""
    digest = hashlib.sha256()
    key = "case__child__nhs_number"
    queries = [
        Organisation.objects.filter(local_authority=la)
        .order_by("kind", "urn", "name")
        .values_list("name", "kind", "urn", "ukprn", "phase", "first_nc_year", "last_nc_year"),
        demo_users().order_by("email").values_list("email", "full_name", "kind"),
        Child.objects.filter(local_authority=la)
        .order_by("nhs_number")
        .values_list(
            "nhs_number",
            "upn",
            "uln",
            "legal_forename",
            "legal_surname",
            "date_of_birth",
            "sex",
            "ethnicity",
            "postcode",
            "young_person_user__email",
        ),
        ChildNeed.objects.filter(child__local_authority=la)
        .order_by("child__nhs_number", "rank")
        .values_list("child__nhs_number", "need", "rank"),
        Enrolment.objects.filter(child__local_authority=la)
        .order_by("child__nhs_number", "start")
        .values_list("child__nhs_number", "setting__urn", "start", "end"),
        Case.objects.filter(local_authority=la)
        .order_by("child__nhs_number")
        .values_list("child__nhs_number", "stage", "opened_on", "caseworker__email"),
        CaseEvent.objects.filter(case__local_authority=la)
        .order_by(key, "occurred_on", "id")
        .values_list(key, "kind", "occurred_on"),
        CaseStep.objects.filter(case__local_authority=la)
        .order_by(key, "due", "step", "id")
        .values_list(key, "step", "due", "done", "status"),
        PlanVersion.objects.filter(plan__case__local_authority=la)
        .order_by("plan__case__child__nhs_number", "number")
        .values_list("plan__case__child__nhs_number", "number", "kind", "issued_on"),
    ]
    for query in queries:
        for row in query.iterator(chunk_size=5000):
            digest.update(repr(row).encode())
    return digest.hexdigest()
