"""The forms of the data protection pages: log a request, extend it, record its answer."""

import datetime as dt
from typing import Any

from django import forms

from opensend.casework.forms.common import PastDatesMixin, date_field, radios
from opensend.core.forms import GovukForm
from opensend.dataprotection.models import (
    ErasureOutcome,
    KeptBecause,
    RequesterCapacity,
    SubjectKind,
)
from opensend.people.models import Child, FamilyMember
from opensend.statutory.school_year import young_person_from

CHILD = "child"
MEMBER = "member-"
REQUIRED_CAPACITY = {"required": "Select who is asking"}
TEXT_MAX_LENGTH = 5000


def _child_kind(child: Child, today: dt.date) -> str:
    """A child becomes a young person after compulsory school age (CFA 2014 s83(2))."""
    is_young_person = young_person_from(child.date_of_birth) <= today
    return SubjectKind.YOUNG_PERSON if is_young_person else SubjectKind.CHILD


class RightsRequestForm(PastDatesMixin, GovukForm):
    """Who asked, about whom, when, and how their identity was checked."""

    subject = forms.ChoiceField(label="Whose information is it?", widget=forms.RadioSelect,
                                error_messages={"required": "Select whose information it is"})
    requester_name = forms.CharField(
        label="Who asked?", max_length=150, help_text="Their full name",
        error_messages={"required": "Enter the name of who asked"})
    requester_capacity = radios("Are they asking as", RequesterCapacity.choices,
                                error_messages=REQUIRED_CAPACITY)
    received_on = date_field("When was the request received?", "the date it was received")
    identity_verified_on = date_field(
        "When was their identity checked?", "the date their identity was checked",
        hint="If you had to ask for proof of identity, the month starts when it arrived. "
             "For example, 27 3 2026")
    identity_evidence = forms.CharField(
        label="How was their identity checked?", max_length=200,
        help_text="For example, passport seen at the office, or a known parent's signed-in "
                  "account", error_messages={"required": "Enter how their identity was checked"})
    past_dates = ("received_on", "identity_verified_on")

    def __init__(self, data: Any = None, *, child: Child, family: list[FamilyMember],
                 today: dt.date) -> None:
        super().__init__(data)
        self.child, self.today, self.family = child, today, {m.pk: m for m in family}
        kind = _child_kind(child, today)
        choices = [(CHILD, f"{child.full_name} ({SubjectKind(kind).label.lower()})")]
        choices += [(f"{MEMBER}{m.pk}", f"{m.name} ({m.relationship})") for m in family]
        self.fields["subject"].choices = choices

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        self.check_past_dates(cleaned)
        return cleaned

    def service_arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        chosen = data["subject"]
        member = self.family[int(chosen.removeprefix(MEMBER))] if chosen != CHILD else None
        kind = SubjectKind.PARENT if member else _child_kind(self.child, self.today)
        return {
            "child": self.child, "family_member": member, "subject_kind": kind,
            **{name: data[name] for name in ("requester_name", "requester_capacity",
                                             "received_on", "identity_verified_on",
                                             "identity_evidence")},
        }


def long_text(label: str, required_message: str, hint: str = "") -> forms.CharField:
    """A required text area, bounded so a page or PDF never has to show a book."""
    return forms.CharField(label=label, help_text=hint, max_length=TEXT_MAX_LENGTH,
                           widget=forms.Textarea(attrs={"rows": 5}),
                           error_messages={"required": required_message})


class ErasureRequestForm(RightsRequestForm):
    what_to_erase = long_text("What did they ask to be erased?",
                              "Enter what they asked to be erased",
                              hint="In their words, as far as you can")

    def service_arguments(self) -> dict[str, Any]:
        return {**super().service_arguments(), "what_to_erase": self.cleaned_data["what_to_erase"]}


class ExtendForm(GovukForm):
    extension_reason = long_text(
        "Why does answering need more time?", "Enter why answering needs more time",
        hint="Art. 12(3): for a complex request, or many requests. The person must be told "
             "the reason within the first month")


class DatedAnswerForm(PastDatesMixin, GovukForm):
    """A form recording what was done on a date that cannot be in the future."""

    def __init__(self, data: Any = None, *, today: dt.date) -> None:
        super().__init__(data)
        self.today = today

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        self.check_past_dates(cleaned)
        return cleaned


class AnsweredForm(DatedAnswerForm):
    completed_on = date_field("When was the person answered?", "the date they were answered")
    completion_note = long_text(
        "How was the information given?", "Enter how the information was given",
        hint="For example, sent by secure email to the address on the request")
    past_dates = ("completed_on",)


class OutcomeForm(DatedAnswerForm):
    outcome = radios("What was the outcome?", ErasureOutcome.choices,
                     error_messages={"required": "Select the outcome"})
    kept_because = radios(
        "Why must records be kept?", KeptBecause.choices, required=False,
        hint="UK GDPR Art. 17(3). Needed when anything is kept")
    outcome_reason = long_text(
        "What was done, and why?", "Enter what was done and why",
        hint="What was erased, what was kept and for how long: the person is told this")
    decided_on = date_field("When was it decided?", "the date it was decided")
    past_dates = ("decided_on",)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        kept = cleaned.get("outcome") not in (None, "", ErasureOutcome.ERASED)
        if kept and not cleaned.get("kept_because"):
            self.add_error("kept_because", "Select why records must be kept")
        return cleaned
