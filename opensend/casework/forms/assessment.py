"""The assessment: panel decisions (Reg 4-5, 10) and exceptions to the time limits
(Reg 5(4), 8(2), 10(4), 13(3)). Advice (Reg 6-8): forms/advice.py."""

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from opensend.casework.forms.common import (
    CaseChangeForm,
    date_field,
    radios,
    text_area,
    yes_no,
)
from opensend.casework.models import (
    Case,
    ExceptionReason,
    PanelQuestion,
    Stage,
)

# Panel attendance: one name per agency (blank when the agency did not attend).
AGENCIES = (
    ("education", "Education"),
    ("health", "Health"),
    ("social_care", "Social care"),
    ("psychology", "Educational psychology"),
    ("forum", "Parent carer forum"),
)


def _request_date(case: Case) -> dt.date:
    request = getattr(case, "request", None)
    return request.received_on if request is not None else case.opened_on


class PanelDecisionForm(CaseChangeForm):
    question = radios("What did the panel decide on?", PanelQuestion.choices,
                      error_messages={"required": "Select what the panel decided on"})
    agreed = yes_no("Did the panel agree?", "Select yes if the panel agreed",
                    hint="Yes if the panel agreed to assess, or to issue a plan")
    met_on = date_field("When did the panel meet?", "the date of the panel")
    reasons = text_area("The panel's reasons", required=True, rows=6,
                        hint="Parents and young people are told these reasons with the decision")

    past_dates = ("met_on",)

    def __init__(self, data: Any = None, **kwargs: Any) -> None:
        case: Case = kwargs["case"]
        question = PanelQuestion.ISSUE if case.stage == Stage.ASSESSING else PanelQuestion.ASSESS
        kwargs.setdefault("initial", {})["question"] = question
        super().__init__(data, **kwargs)
        self.fields["reasons"].error_messages["required"] = "Enter the panel's reasons"
        for agency, label in AGENCIES:
            self.fields[f"attended_{agency}"] = forms.CharField(
                label=label, required=False, max_length=150)

    def attendance_fields(self) -> list[forms.BoundField]:
        return [self[f"attended_{agency}"] for agency, _ in AGENCIES]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        self.not_before("met_on", _request_date(self.case), "the date the request was received")
        return cleaned

    def service_arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        attendance = [(agency, data[f"attended_{agency}"].strip()) for agency, _ in AGENCIES
                      if data[f"attended_{agency}"].strip()]
        return {"met_on": data["met_on"], "question": data["question"], "agreed": data["agreed"],
                "reasons": data["reasons"], "attendance": attendance}


class ClockExceptionForm(CaseChangeForm):
    reason = radios("Why might a time limit be missed?", ExceptionReason.choices,
                    error_messages={"required": "Select why a time limit might be missed"})
    start = date_field("When did it start?", "the start date")
    end = date_field("When did it end, or when is it expected to end?", "the end date",
                     required=False,
                     hint="Leave blank for a missed appointment. For example, 27 3 2026")
    note = text_area("Note (optional)", hint="What happened, and how you know")

    past_dates = ("start",)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        reason = cleaned.get("reason")
        if end is None and "end" not in self.errors:
            if reason == ExceptionReason.MISSED_APPOINTMENT:
                cleaned["end"] = start
            elif reason:
                self.add_error("end", ValidationError("Enter the end date", code="required"))
        if start and end and end < start:
            self.add_error("end", ValidationError(
                "The end date must be the same as or after the start date", code="before_start"))
        return cleaned

    def service_arguments(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in ("reason", "start", "end", "note")}
