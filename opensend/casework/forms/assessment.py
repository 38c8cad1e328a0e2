"""The assessment: panel decisions (Reg 4-5, 10) and exceptions to the time limits
(Reg 5(4), 8(2), 10(4), 13(3)). Advice (Reg 6-8): forms/advice.py."""

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from opensend.casework.clock import clock_history
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
)
from opensend.statutory.order import effective_history
from opensend.statutory.order.history import CaseSoFar, process_order

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


def panel_question_for(case: Case) -> str:
    """The question the panel answers next: whether to assess, until the LA has decided to
    assess (Reg 4-5); then whether to issue a plan (Reg 10). Chosen from the corrected
    history, so a caseworker cannot record a decision against the wrong question."""
    history = effective_history(clock_history(case.events.all()))
    decided = CaseSoFar(process_order(history)).latest_decision()
    return PanelQuestion.ISSUE if decided == "assess" else PanelQuestion.ASSESS


# Each question in the words a new caseworker (and the family) would use.
PANEL_QUESTIONS = {
    PanelQuestion.ASSESS: "Did the panel agree to carry out an EHC needs assessment?",
    PanelQuestion.ISSUE: "Did the panel agree that the child needs an EHC plan?",
}
PANEL_HINTS = {
    PanelQuestion.ASSESS: "An assessment gathers advice about the child\u2019s needs. "
                          "The decision is due 6 weeks after the request (Reg 5(1))",
    PanelQuestion.ISSUE: "Yes means a draft EHC plan will be written and sent to the family. "
                         "No means the family is told a plan is not needed (Reg 10)",
}


class PanelDecisionForm(CaseChangeForm):
    """One decision at a time: the question comes from where the case stands, and is
    asked in plain words; then when the panel met, why, and who was there."""

    question = forms.ChoiceField(choices=PanelQuestion.choices, widget=forms.HiddenInput)
    agreed = yes_no("Did the panel agree?", "Select yes if the panel agreed")
    met_on = date_field("When did the panel meet?", "the date of the panel")
    reasons = text_area("The panel's reasons", required=True, rows=6,
                        hint="Parents and young people are told these reasons with the decision")

    past_dates = ("met_on",)

    def __init__(self, data: Any = None, **kwargs: Any) -> None:
        case: Case = kwargs["case"]
        self.panel_question = panel_question_for(case)
        kwargs.setdefault("initial", {})["question"] = self.panel_question
        super().__init__(data, **kwargs)
        self.fields["agreed"].label = PANEL_QUESTIONS[PanelQuestion(self.panel_question)]
        self.fields["agreed"].help_text = PANEL_HINTS[PanelQuestion(self.panel_question)]
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
        # The question is the one the case stands at now, whatever a stale page posted.
        return {"met_on": data["met_on"], "question": self.panel_question,
                "agreed": data["agreed"],
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
