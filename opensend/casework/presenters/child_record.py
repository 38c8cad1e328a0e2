"""The child's record on the case page (issue 9): details, the people with parental
responsibility, where the child is placed, and the history of changes to the record."""

import datetime as dt
from dataclasses import dataclass

from opensend.casework.record_selectors import ChildRecord
from opensend.core.formatting import govuk_date, govuk_datetime
from opensend.people.models import Child, ChildRecordChange, FamilyMember, RecordChangeKind
from opensend.statutory import codes

NOT_RECORDED = "Not recorded"
# How each field is named in the history of changes.
FIELD_NAMES = {
    "legal_forename": "Legal first name", "legal_surname": "Legal last name",
    "preferred_name": "Preferred first name", "date_of_birth": "Date of birth", "sex": "Sex",
    "ethnicity": "Ethnicity", "postcode": "Home postcode", "upn": "UPN",
    "upn_unknown_reason": "Why there is no UPN", "uln": "ULN", "nhs_number": "NHS number",
    "primary_need": "Primary need", "secondary_need": "Secondary need", "name": "Name",
    "relationship": "Relationship", "holds_parental_responsibility": "Parental responsibility",
    "email": "Email", "phone": "Phone", "address": "Address",
    "preferred_language": "Preferred language", "interpreter_needed": "Interpreter needed",
    "setting": "Setting", "start": "From",
}
_LABELS = {
    **{f"sex:{c}": label for c, label in codes.choices(codes.Sex)},
    **{f"ethnicity:{c}": label for c, label in codes.choices(codes.Ethnicity)},
    **{f"upn_unknown_reason:{c}": label for c, label in codes.choices(codes.UpnUnknownReason)},
    **{f"primary_need:{c}": label for c, label in codes.choices(codes.NeedType)},
    **{f"secondary_need:{c}": label for c, label in codes.choices(codes.NeedType)},
}


def _label(field: str, value: object) -> str:
    if value in ("", None):
        return NOT_RECORDED
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if field in ("date_of_birth", "start"):
        return govuk_date(dt.date.fromisoformat(str(value)))
    return _LABELS.get(f"{field}:{value}", str(value))


@dataclass(frozen=True)
class Row:
    key: str
    value: str


@dataclass(frozen=True)
class FamilyCard:
    pk: int
    name: str
    rows: list[Row]
    holds_parental_responsibility: bool


@dataclass(frozen=True)
class ChangeRow:
    when: str
    what: str
    who: str
    changes: list[str]  # "UPN: Not recorded to A123..."


@dataclass(frozen=True)
class ChildRecordPage:
    details: list[Row]
    family: list[FamilyCard]
    no_parent: bool  # no one with parental responsibility is recorded
    changes: list[ChangeRow]
    setting_code: Row | None  # shown when the plan names no setting with a URN/UKPRN
    can_change: bool
    can_change_plan: bool


def _details(child: Child, needs: dict[str, str]) -> list[Row]:
    upn = child.upn or f"None: {_label('upn_unknown_reason', child.upn_unknown_reason)}"
    values = [
        ("Legal name", f"{child.legal_forename} {child.legal_surname}"),
        ("Preferred first name", child.preferred_name or NOT_RECORDED),
        ("Sex", _label("sex", child.sex)),
        ("Ethnicity", _label("ethnicity", child.ethnicity)),
        ("Home postcode", child.postcode or NOT_RECORDED),
        ("UPN", upn), ("ULN", child.uln or NOT_RECORDED),
        ("NHS number", child.nhs_number or NOT_RECORDED),
        ("Primary need", _label("primary_need", needs["primary_need"])),
        ("Secondary need", _label("secondary_need", needs["secondary_need"])),
    ]
    return [Row(key, value) for key, value in values]


def _family_card(member: FamilyMember) -> FamilyCard:
    contact = [value for value in (member.email, member.phone, member.address) if value]
    rows = [
        Row("Relationship", member.relationship or NOT_RECORDED),
        Row("Parental responsibility", "Yes" if member.holds_parental_responsibility else "No"),
        Row("Contact", ", ".join(contact) or NOT_RECORDED),
        Row("Preferred language", member.preferred_language or NOT_RECORDED),
        Row("Interpreter needed", "Yes" if member.interpreter_needed else "No"),
    ]
    return FamilyCard(member.pk, member.name, rows, member.holds_parental_responsibility)


def _change_row(change: ChildRecordChange) -> ChangeRow:
    what = RecordChangeKind(change.kind).label
    if change.family_member is not None:
        what = f"{what}: {change.family_member.name}"
    return ChangeRow(
        when=govuk_datetime(change.changed_at),
        what=what,
        who=change.changed_by.full_name if change.changed_by else "The system",
        changes=[f"{FIELD_NAMES.get(field, field)}: {_label(field, before)} to "
                 f"{_label(field, after)}" for field, (before, after) in change.changes.items()],
    )


def _setting_code(record: ChildRecord) -> Row | None:
    plan = record.plan
    if plan is None or (plan.named_setting and (plan.named_setting.urn
                                                or plan.named_setting.ukprn)):
        return None
    labels = dict(codes.choices(codes.SettingCode))
    return Row("Setting code (SEN2)", labels.get(plan.setting_code, NOT_RECORDED))


def child_record_page(child: Child, record: ChildRecord, *, can_change: bool,
                      can_change_plan: bool) -> ChildRecordPage:
    return ChildRecordPage(
        details=_details(child, record.needs),
        family=[_family_card(member) for member in record.family],
        no_parent=not any(m.holds_parental_responsibility for m in record.family),
        changes=[_change_row(change) for change in reversed(record.changes)],
        setting_code=_setting_code(record),
        can_change=can_change,
        can_change_plan=can_change_plan,
    )
