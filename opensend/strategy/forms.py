"""The forms of the strategy pages (GOV.UK patterns; every page works without JavaScript)."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms

from opensend.casework.forms.common import date_field, radios, text_area
from opensend.core.forms import GovukForm, UploadsField
from opensend.people.models import Organisation, User
from opensend.statutory.indicators import INDICATORS
from opensend.strategy.models import (
    TITLE_MAX,
    ActionStatus,
    BaselineSource,
    Direction,
    MeasureKind,
    ProgressStatus,
    Strategy,
    StrategyKind,
    StrategyStatus,
    SuccessMeasure,
)
from opensend.strategy.selectors import possible_owners

NAME_MAX = 200


def line(
    label: str,
    required_message: str = "",
    *,
    hint: str = "",
    max_length: int = NAME_MAX,
    required: bool = True,
) -> forms.CharField:
    messages = {"required": required_message} if required_message else {}
    return forms.CharField(
        label=label,
        help_text=hint,
        max_length=max_length,
        required=required,
        error_messages=messages,
    )


def organisation_choice(
    label: str, organisations: Any, *, required: bool = False, hint: str = ""
) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=label,
        queryset=organisations,
        required=required,
        help_text=hint,
        empty_label="Not set",
    )


def area_organisations(strategy: Strategy) -> Any:
    """The local authority and the organisations serving its area: who can own or partner."""
    la = strategy.local_authority_id
    return Organisation.objects.filter(pk=la) | Organisation.objects.filter(local_authority=la)


class StrategyForm(GovukForm):
    title = line("Title", "Enter the title of the plan", max_length=TITLE_MAX)
    kind = radios(
        "What kind of plan is it?",
        StrategyKind.choices,
        error_messages={"required": "Select what kind of plan it is"},
    )
    period_start = date_field("When does the plan start?", "the start date")
    period_end = date_field("When does the plan end?", "the end date")
    vision = text_area(
        "Vision", hint="What the partnership wants for children and young people with SEND"
    )
    governance = text_area("Governance", hint="Who oversees the plan, and how often")
    status = radios("Status", StrategyStatus.choices, initial=StrategyStatus.DRAFT)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", "The end date must be on or after the start date")
        return cleaned


class PriorityForm(GovukForm):
    title = line("Priority", "Enter the priority", max_length=TITLE_MAX)
    owner_organisation = organisation_choice("Which partner owns it?", Organisation.objects.none())
    working_on = text_area("What we're working on")
    right_when = text_area("When we get this right")
    measured_by = text_area("How we will measure ourselves")

    def __init__(self, data: Any = None, *, strategy: Strategy, **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        self.fields["owner_organisation"].queryset = area_organisations(strategy)  # type: ignore[attr-defined]


class ActionForm(GovukForm):
    reference = line(
        "Reference", hint="As numbered in the plan, for example 2.3", max_length=20, required=False
    )
    title = text_area("Action", required=True, rows=3)
    priorities = forms.ModelMultipleChoiceField(
        label="Which priorities does it serve?",
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one priority"},
    )
    owner_name = line("Who owns it?", hint="The person's name", required=False)
    owner_organisation = organisation_choice("Their organisation", Organisation.objects.none())
    owner_user = forms.ModelChoiceField(
        label="Their OpenSEND account",
        help_text="They post the action's progress and are reminded when it is due",
        queryset=User.objects.none(),
        required=False,
        empty_label="No account",
    )
    partner_organisations = forms.ModelMultipleChoiceField(
        label="Partner agencies",
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    start_date = date_field("Start date", "the start date", required=False, hint="Optional")
    due_date = date_field(
        "Due date",
        "the due date",
        required=False,
        hint="Or give the plan's timescale in words below",
    )
    timescale = line(
        "Timescale in words", required=False, hint="For example, Spring 2027, or years 1 to 2"
    )
    status = radios("Status", ActionStatus.choices, initial=ActionStatus.NOT_STARTED)

    def __init__(self, data: Any = None, *, strategy: Strategy, **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        organisations = area_organisations(strategy)
        self.fields["priorities"].queryset = strategy.priorities.all()  # type: ignore[attr-defined]
        self.fields["owner_organisation"].queryset = organisations  # type: ignore[attr-defined]
        owners = self.fields["owner_user"]
        owners.queryset = possible_owners(strategy)  # type: ignore[attr-defined]
        owners.label_from_instance = lambda user: f"{user.full_name} ({user.email})"  # type: ignore[attr-defined]
        self.fields["partner_organisations"].queryset = organisations  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        start, due = cleaned.get("start_date"), cleaned.get("due_date")
        if start and due and due < start:
            self.add_error("due_date", "The due date must be on or after the start date")
        if not due and not cleaned.get("timescale") and "due_date" not in self.errors:
            self.add_error("due_date", "Enter a due date, or the timescale in words")
        return cleaned


class MilestoneForm(GovukForm):
    title = line("Milestone", "Enter the milestone", max_length=TITLE_MAX)
    due_date = date_field("When is it due?", "the due date")


class ProgressForm(GovukForm):
    status = radios(
        "How is it going?",
        ProgressStatus.choices,
        error_messages={"required": "Select how it is going"},
    )
    reported_on = date_field("Date of this update", "the date of this update")
    narrative = text_area(
        "What has happened since the last update?",
        required=True,
        hint="Say what was done, what changed and what is next",
    )
    files = UploadsField(label="Evidence (optional)")

    def __init__(self, data: Any = None, files: Any = None, *, today: dt.date) -> None:
        super().__init__(data, files)
        self.today = today
        self.fields["narrative"].error_messages["required"] = "Enter what has happened"

    def clean_reported_on(self) -> dt.date:
        day: dt.date = self.cleaned_data["reported_on"]
        if day > self.today:
            raise forms.ValidationError("The date of this update must be today or in the past")
        return day


def _indicator_choices() -> list[tuple[str, str]]:
    named = sorted((indicator.name, code) for code, indicator in INDICATORS.items())
    return [("", "Choose an indicator"), *((code, name) for name, code in named)]


class MeasureForm(GovukForm):
    belongs_to = forms.ChoiceField(
        label="What is it a measure of?",
        error_messages={"required": "Select an action or a priority"},
    )
    title = text_area(
        "Success measure", required=True, rows=2, hint="How will we know it has made a difference?"
    )
    kind = radios(
        "Kind of measure",
        MeasureKind.choices,
        error_messages={"required": "Select the kind of measure"},
    )
    indicator_code = forms.ChoiceField(label="Indicator", required=False, choices=())
    baseline_source = radios(
        "Where does the baseline come from?", BaselineSource.choices, required=False
    )
    baseline_date = date_field("Baseline date", "the baseline date", required=False)
    baseline_value = forms.DecimalField(
        label="Baseline value (if typed)", required=False, max_digits=12, decimal_places=1
    )
    baseline_note = line("Source of a typed baseline", required=False)
    target_value = forms.DecimalField(
        label="Target", required=False, max_digits=12, decimal_places=1
    )
    target_date = date_field("Target date", "the target date", required=False)
    direction = radios("Which way is better?", Direction.choices, required=False)
    evidence = text_area(
        "Evidence (qualitative measures)",
        hint="For example, a survey result, and the reviewer's judgement",
    )

    def __init__(self, data: Any = None, *, strategy: Strategy, **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        self.strategy = strategy
        choices = [("", "Choose")]
        choices += [
            (f"priority-{p.pk}", f"Priority {p.order}: {p.title}")
            for p in strategy.priorities.all()
        ]
        choices += [
            (f"action-{a.pk}", f"Action {a.reference or a.pk}: {a.title[:80]}")
            for a in strategy.actions.all()
        ]
        self.fields["belongs_to"].choices = choices  # type: ignore[attr-defined]
        self.fields["indicator_code"].choices = _indicator_choices()  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("kind") == MeasureKind.INDICATOR:
            self._require(cleaned, "indicator_code", "Choose the indicator")
            self._require(cleaned, "baseline_source", "Select where the baseline comes from")
            self._require(cleaned, "baseline_date", "Enter the baseline date")
            self._require(cleaned, "target_value", "Enter the target")
            self._require(cleaned, "target_date", "Enter the target date")
            self._require(cleaned, "direction", "Select which way is better")
            if cleaned.get("baseline_source") == BaselineSource.TYPED:
                self._require(cleaned, "baseline_value", "Enter the baseline value")
                self._require(cleaned, "baseline_note", "Enter where the baseline comes from")
        return cleaned

    def _require(self, cleaned: dict[str, Any], name: str, message: str) -> None:
        if cleaned.get(name) in (None, "") and name not in self.errors:
            self.add_error(name, message)

    def service_arguments(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        kind, _, pk = data.pop("belongs_to").partition("-")
        found = {"action": None, "priority": None}
        owners = self.strategy.actions if kind == "action" else self.strategy.priorities
        found[kind] = owners.get(pk=int(pk))
        for name in ("indicator_code", "baseline_source", "baseline_note", "direction"):
            data[name] = data[name] or ""
        return {**found, **data}


def measure_initial(measure: SuccessMeasure) -> dict[str, Any]:
    """A success measure's fields as MeasureForm's initial values, to change it."""
    initial = {
        name: getattr(measure, name) for name in MeasureForm.base_fields if name != "belongs_to"
    }
    owner = (
        f"action-{measure.action_id}" if measure.action_id else f"priority-{measure.priority_id}"
    )
    return {**initial, "belongs_to": owner}


def decimal_text(value: Decimal | None) -> str:
    return "" if value is None else f"{value:.1f}".removesuffix(".0")
