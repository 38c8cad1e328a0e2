"""Writes to people: atomic, named `<entity>_<action>`, keyword-only, audited."""

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Q

from opensend.core.audit import audit
from opensend.core.models import AuditAction
from opensend.people import selectors
from opensend.people.models import (
    Child,
    ChildNeed,
    ChildRecordChange,
    Consent,
    Enrolment,
    FamilyMember,
    Organisation,
    RecordChangeKind,
    User,
)
from opensend.statutory import disclosure


@transaction.atomic
def child_create(
    *, actor: User, local_authority: Organisation, legal_forename: str, legal_surname: str,
    date_of_birth: dt.date, sex: str, upn: str = "", postcode: str = "", primary_need: str = "",
    preferred_name: str = "",
) -> Child:
    """Record a child newly known to the SEND service, with their primary need if known."""
    child = Child.objects.create(
        local_authority=local_authority, legal_forename=legal_forename,
        legal_surname=legal_surname, preferred_name=preferred_name, date_of_birth=date_of_birth,
        sex=sex, upn=upn, postcode=postcode)
    if primary_need:
        ChildNeed.objects.create(child=child, need=primary_need, rank=1)
    audit(actor=actor, action=AuditAction.CREATE, obj=child, child_id=child.pk,
          why="record a new child")
    return child


# --- complete records (issue 9): the child's details, the family, the setting ----------

# What staff may change on a child's record (the identifiers are validated by the form,
# with opensend.statutory.identifiers; needs are ranked 1 = primary, as SEN2 reports).
CHILD_DETAIL_FIELDS = (
    "legal_forename", "legal_surname", "preferred_name", "date_of_birth", "sex", "ethnicity",
    "postcode", "upn", "upn_unknown_reason", "uln", "nhs_number",
)
FAMILY_MEMBER_FIELDS = (
    "name", "relationship", "holds_parental_responsibility", "email", "phone", "address",
    "preferred_language", "interpreter_needed",
)


def _shown(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def _differences(record: object, values: dict[str, Any]) -> dict[str, list[object]]:
    return {
        name: [_shown(getattr(record, name)), _shown(value)]
        for name, value in values.items()
        if getattr(record, name) != value
    }


def _needs_now(child: Child) -> dict[str, str]:
    ranked = dict(child.needs.values_list("rank", "need"))
    return {"primary_need": ranked.get(1, ""), "secondary_need": ranked.get(2, "")}


def _needs_set(child: Child, primary: str, secondary: str) -> None:
    """Rank 1 and 2 as given; a rank left blank is removed (SEN2 A01, A02)."""
    child.needs.filter(rank__in=(1, 2)).delete()
    for rank, need in ((1, primary), (2, secondary)):
        if need:
            ChildNeed.objects.create(child=child, need=need, rank=rank)


def _record_change(
    *, actor: User | None, child: Child, kind: str, changes: dict[str, list[object]],
    family_member: FamilyMember | None = None,
) -> ChildRecordChange:
    change = ChildRecordChange.objects.create(
        child=child, kind=kind, family_member=family_member, changes=changes, changed_by=actor)
    audit(actor=actor, action=AuditAction.CHANGE, obj=child, child_id=child.pk,
          why=f"child record: {kind}", detail={"record_change": change.pk, "changes": changes})
    return change


@transaction.atomic
def child_details_change(
    *, actor: User, child: Child, details: dict[str, Any], primary_need: str = "",
    secondary_need: str = "",
) -> ChildRecordChange | None:
    """Change the child's details; the change is an event saying who changed what from
    what to what. Nothing changed: nothing recorded (None)."""
    values = {name: details[name] for name in CHILD_DETAIL_FIELDS if name in details}
    if values.get("upn"):
        values["upn_unknown_reason"] = ""  # SEN2 writes UPNunknown only without a UPN
    changes = _differences(child, values)
    needs = {"primary_need": primary_need, "secondary_need": secondary_need}
    changes.update({name: [before, needs[name]] for name, before in _needs_now(child).items()
                    if before != needs[name]})
    if not changes:
        return None
    for name, value in values.items():
        setattr(child, name, value)
    child.version += 1
    child.save(update_fields=[*values, "version"])
    _needs_set(child, primary_need, secondary_need)
    return _record_change(actor=actor, child=child, kind=RecordChangeKind.DETAILS,
                          changes=changes)


@transaction.atomic
def family_member_add(*, actor: User, child: Child, **fields: Any) -> FamilyMember:
    """Record a person with parental responsibility (or another family contact)."""
    values = {name: fields[name] for name in FAMILY_MEMBER_FIELDS if name in fields}
    member = FamilyMember.objects.create(child=child, **values)
    _record_change(actor=actor, child=child, kind=RecordChangeKind.FAMILY_ADDED,
                   family_member=member,
                   changes={name: ["", _shown(value)] for name, value in values.items()})
    return member


@transaction.atomic
def family_member_change(
    *, actor: User, member: FamilyMember, **fields: Any
) -> ChildRecordChange | None:
    values = {name: fields[name] for name in FAMILY_MEMBER_FIELDS if name in fields}
    changes = _differences(member, values)
    if not changes:
        return None
    for name, value in values.items():
        setattr(member, name, value)
    member.save(update_fields=list(values))
    return _record_change(actor=actor, child=member.child, kind=RecordChangeKind.FAMILY_CHANGED,
                          family_member=member, changes=changes)


@transaction.atomic
def enrolment_start(
    *, actor: User | None, child: Child, setting: Organisation, start: dt.date
) -> Enrolment | None:
    """The child attends `setting` from `start`: the setting they attend until then is
    left the day before. Already on its roll from `start` or earlier: nothing to do."""
    current = list(child.enrolments.filter(Q(end__isnull=True) | Q(end__gte=start)))
    if any(e.setting_id == setting.pk and e.start <= start for e in current):
        return None
    for enrolment in current:
        if enrolment.setting_id != setting.pk and enrolment.start < start:
            Enrolment.objects.filter(pk=enrolment.pk).update(end=start - dt.timedelta(days=1))
    enrolment = Enrolment.objects.create(child=child, setting=setting, start=start)
    _record_change(actor=actor, child=child, kind=RecordChangeKind.ENROLMENT,
                   changes={"setting": ["", setting.name], "start": ["", start.isoformat()]})
    return enrolment


# --- consent and Reg 17 grounds (issue 13, finding 5) ----------------------------------


class ConsentRefused(ValueError):
    """A consent decision that cannot be recorded as given (whose consent it is)."""


def _check_giver(child: Child, given_by: str, today: dt.date) -> None:
    # CFA 2014 s80: a young person's consent is their own (or their representative's
    # under the Mental Capacity Act 2005); a child's is a parent's (Reg 17(1)).
    young = selectors.is_young_person(child, today)
    allowed = (
        {disclosure.GivenBy.YOUNG_PERSON, disclosure.GivenBy.REPRESENTATIVE}
        if young
        else {disclosure.GivenBy.PARENT}
    )
    if given_by not in allowed:
        who = "the young person or their representative" if young else "a parent"
        raise ConsentRefused(f"For {child.full_name}, consent is given or withdrawn by {who}.")


@transaction.atomic
def consent_record(
    *, actor: User, child: Child, scope: str, decision: str, decided_on: dt.date,
    today: dt.date, organisation: Organisation | None = None, given_by: str = "",
    family_member: FamilyMember | None = None, ground: str = "", note: str = "",
) -> Consent:
    """Record a consent given or withdrawn, or a Reg 17 ground recorded or ended: a new
    row each time (the table is append-only), read by the very next request."""
    is_ground = decision in (disclosure.Decision.GROUND, disclosure.Decision.GROUND_ENDED)
    if not is_ground:
        _check_giver(child, given_by, today)
    row = Consent.objects.create(
        child=child, scope=scope, decision=decision, organisation=organisation,
        given_by="" if is_ground else given_by,
        family_member=None if is_ground else family_member,
        ground=ground if is_ground else "", note=note, decided_on=decided_on,
        recorded_by=actor,
    )
    audit(actor=actor, action=AuditAction.CHANGE, obj=row, child_id=child.pk,
          why="record consent or a Reg 17 ground",
          detail={"scope": scope, "decision": decision, "ground": row.ground,
                  "organisation": organisation.pk if organisation else None})
    return row
