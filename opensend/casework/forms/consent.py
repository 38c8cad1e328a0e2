"""Recording a consent given or withdrawn, or a Reg 17 ground (SEND Regulations 2014
reg 17(1); CFA 2014 s80)."""

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from opensend.casework.forms.common import PastDatesMixin, date_field, radios
from opensend.core.forms import GovukForm
from opensend.people.models import Organisation
from opensend.statutory import disclosure

EVERY_ORGANISATION = "all"
CONSENT_DECISIONS = (disclosure.Decision.GIVEN, disclosure.Decision.WITHDRAWN)


class ConsentForm(PastDatesMixin, GovukForm):
    past_dates = ("decided_on",)

    decision = radios(
        "What are you recording?",
        list(disclosure.DECISION_LABELS.items()),
        error_messages={"required": "Select what you are recording"},
    )
    scope = radios(
        "What does it cover?",
        list(disclosure.SCOPE_LABELS.items()),
        error_messages={"required": "Select what it covers"},
    )
    organisation = radios(
        "Who may receive it?", [], error_messages={"required": "Select who may receive it"}
    )
    given_by = radios(
        "Whose decision is it?",
        list(disclosure.GIVEN_BY_LABELS.items()),
        required=False,
        hint="For a young person, only their own decision counts (or their "
        "representative's if they lack capacity to decide)",
    )
    ground = radios(
        "Which Reg 17 ground?",
        [(key.value, f"{g.label} ({g.citation})") for key, g in disclosure.GROUNDS.items()],
        required=False,
    )
    decided_on = date_field("When was it decided?", "the date it was decided")
    note = forms.CharField(
        label="Note (optional)",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "The note must be 500 characters or fewer"},
    )

    def __init__(
        self, data: Any = None, *, today: dt.date, organisations: list[Organisation]
    ) -> None:
        super().__init__(data)
        self.today = today
        self.organisations = {str(org.pk): org for org in organisations}
        field = self.fields["organisation"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [
            (EVERY_ORGANISATION, "Every organisation on the case"),
            *((pk, org.name) for pk, org in self.organisations.items()),
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        self.check_past_dates(cleaned)
        decision = cleaned.get("decision")
        if decision in CONSENT_DECISIONS and not cleaned.get("given_by"):
            self.add_error("given_by", ValidationError("Select whose decision it is"))
        if decision and decision not in CONSENT_DECISIONS and not cleaned.get("ground"):
            self.add_error("ground", ValidationError("Select the Reg 17 ground"))
        return cleaned

    def service_arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "decision": data["decision"],
            "scope": data["scope"],
            "organisation": self.organisations.get(data["organisation"]),
            "given_by": data.get("given_by") or "",
            "ground": data.get("ground") or "",
            "decided_on": data["decided_on"],
            "note": data.get("note") or "",
        }
