"""What every casework form that changes a case shares.

A form opened on a case carries the case's version in a hidden field; the service
compares it (`expected_version`) so that a second person's save never silently
overwrites the first (security.md goal 13).
"""

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from opensend.casework.models import Case
from opensend.core.formatting import govuk_date
from opensend.core.forms import GovukDateField, GovukForm

DATE_HINT = "For example, 27 3 2026"
YES_NO = [("yes", "Yes"), ("no", "No")]


def date_field(label: str, error_name: str, *, required: bool = True,
               hint: str = DATE_HINT) -> GovukDateField:
    return GovukDateField(label=label, error_name=error_name, required=required, help_text=hint)


def text_area(label: str, *, required: bool = False, hint: str = "",
              rows: int = 5) -> forms.CharField:
    return forms.CharField(label=label, required=required, help_text=hint,
                           widget=forms.Textarea(attrs={"rows": rows}))


def radios(label: str, choices: list[tuple[str, str]], *, required: bool = True,
           hint: str = "", **kwargs: Any) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=choices, required=required, help_text=hint,
                             widget=forms.RadioSelect, **kwargs)


def yes_no(label: str, required_message: str, *, hint: str = "") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(label=label, choices=YES_NO, coerce=lambda value: value == "yes",
                                  widget=forms.RadioSelect, help_text=hint,
                                  error_messages={"required": required_message})


def capitalised(text: str) -> str:
    return text[0].upper() + text[1:]


class PastDatesMixin:
    """Refuse dates after today where the event cannot have happened yet.

    The statutory clock refuses events dated after today too, so a future date here
    would only fail later with a less helpful message.
    """

    past_dates: tuple[str, ...] = ()
    today: dt.date

    def check_past_dates(self, cleaned: dict[str, Any]) -> None:
        for name in self.past_dates:
            value = cleaned.get(name)
            if value is not None and value > self.today:
                field = self.fields[name]  # type: ignore[attr-defined]
                self.add_error(name, ValidationError(  # type: ignore[attr-defined]
                    f"{capitalised(field.error_name)} must be today or in the past",
                    code="future"))


class CaseChangeForm(PastDatesMixin, GovukForm):
    """A form that changes a case, carrying the Case.version it was opened with."""

    version = forms.IntegerField(
        widget=forms.HiddenInput, min_value=1,
        error_messages={"required": "This page is out of date: go back to the case and try again",
                        "invalid": "This page is out of date: go back to the case and try again"})

    def __init__(self, data: Any = None, *, case: Case, today: dt.date, **kwargs: Any) -> None:
        initial = {"version": case.version, **kwargs.pop("initial", {})}
        super().__init__(data, initial=initial, **kwargs)
        self.case = case
        self.today = today

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        self.check_past_dates(cleaned)
        return cleaned

    def not_before(self, name: str, earliest: dt.date | None, what: str) -> None:
        """`name` must be on or after `earliest` (for example the request's date)."""
        value = self.cleaned_data.get(name)
        if value is not None and earliest is not None and value < earliest:
            label = capitalised(self.fields[name].error_name)
            self.add_error(name, ValidationError(
                f"{label} must be the same as or after {what} ({govuk_date(earliest)})",
                code="too_early"))

    @property
    def expected_version(self) -> int:
        return self.cleaned_data["version"]

    def conflict(self, message: str, current_version: int) -> None:
        """Show a conflict in the error summary, and let a re-submission save on top of
        the latest version now that the user has seen it."""
        self.add_error(None, message)
        self.data = self.data.copy()
        self.data[self.add_prefix("version")] = str(current_version)
