"""The forms of a plan's risks, dependencies and co-production evidence (GOV.UK patterns)."""

import datetime as dt
from typing import Any

from django import forms

from opensend.casework.forms.common import date_field, radios, text_area
from opensend.core.forms import GovukForm
from opensend.strategy.forms import line
from opensend.strategy.models import Action, CoProducer, RiskLevel, Strategy

WHOLE_PLAN = ""


def _past(day: dt.date, today: dt.date, what: str) -> dt.date:
    if day > today:
        raise forms.ValidationError(f"The date {what} must be today or in the past")
    return day


class RiskForm(GovukForm):
    description = text_area("What is the risk?", required=True, rows=3)
    action = forms.ModelChoiceField(
        label="Is it the risk of one action?",
        queryset=Action.objects.none(),
        required=False,
        empty_label="No, of the whole plan",
    )
    likelihood = radios(
        "How likely is it?",
        RiskLevel.choices,
        error_messages={"required": "Select how likely it is"},
    )
    impact = radios(
        "How much would it matter?",
        RiskLevel.choices,
        error_messages={"required": "Select how much it would matter"},
    )
    mitigation = text_area("What is being done about it?")
    owner_name = line("Who owns the risk?", hint="The person's name", required=False)
    raised_on = date_field("When was it raised?", "the date it was raised")

    def __init__(self, data: Any = None, *, strategy: Strategy, today: dt.date, **kwargs: Any):
        super().__init__(data, **kwargs)
        self.today = today
        self.fields["description"].error_messages["required"] = "Enter the risk"
        self.fields["action"].queryset = strategy.actions.all()  # type: ignore[attr-defined]

    def clean_raised_on(self) -> dt.date:
        return _past(self.cleaned_data["raised_on"], self.today, "it was raised")


class DependencyForm(GovukForm):
    depends_on = forms.ModelChoiceField(
        label="Which action must finish first?",
        queryset=Action.objects.none(),
        empty_label="Choose an action",
        error_messages={"required": "Choose the action it depends on"},
    )
    note = line("Why (optional)", required=False, max_length=300)

    def __init__(self, data: Any = None, *, action: Action, **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        others = action.strategy.actions.exclude(pk=action.pk)
        self.fields["depends_on"].queryset = others  # type: ignore[attr-defined]
        self.fields["depends_on"].label_from_instance = _action_label  # type: ignore[attr-defined]


def _action_label(action: Action) -> str:
    return f"{action.reference} {action.title[:100]}".strip()


class CoProductionForm(GovukForm):
    about = forms.ChoiceField(label="What did it shape?", required=False)
    who = forms.MultipleChoiceField(
        label="Who was involved?",
        choices=CoProducer.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply",
        error_messages={"required": "Select who was involved"},
    )
    happened_on = date_field("When did it happen?", "the date it happened")
    activity = text_area(
        "What was done with them?", required=True, hint="For example, a workshop, a survey"
    )
    what_changed = text_area("What changed because of it?", required=True)

    def __init__(self, data: Any = None, *, strategy: Strategy, today: dt.date, **kwargs: Any):
        super().__init__(data, **kwargs)
        self.strategy, self.today = strategy, today
        self.fields["activity"].error_messages["required"] = "Enter what was done"
        self.fields["what_changed"].error_messages["required"] = "Enter what changed because of it"
        choices = [(WHOLE_PLAN, "The whole plan")]
        choices += [
            (f"priority-{p.pk}", f"Priority {p.order}: {p.title}")
            for p in strategy.priorities.all()
        ]
        choices += [
            (f"action-{a.pk}", f"Action {_action_label(a)}") for a in strategy.actions.all()
        ]
        self.fields["about"].choices = choices  # type: ignore[attr-defined]

    def clean_happened_on(self) -> dt.date:
        return _past(self.cleaned_data["happened_on"], self.today, "it happened")

    def service_arguments(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        kind, _, pk = data.pop("about").partition("-")
        found: dict[str, Any] = {"action": None, "priority": None}
        if kind:
            owners = self.strategy.actions if kind == "action" else self.strategy.priorities
            found[kind] = owners.get(pk=int(pk))
        return {**found, **data}


def coproduction_initial(evidence: Any) -> dict[str, Any]:
    about = WHOLE_PLAN
    if evidence.action_id:
        about = f"action-{evidence.action_id}"
    elif evidence.priority_id:
        about = f"priority-{evidence.priority_id}"
    fields = ("who", "happened_on", "activity", "what_changed")
    return {"about": about, **{name: getattr(evidence, name) for name in fields}}
