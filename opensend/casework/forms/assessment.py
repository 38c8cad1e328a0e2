"""The assessment: panel decisions (Reg 4-5, 10), advice (Reg 6-8) and exceptions to the
time limits (Reg 5(4), 8(2), 10(4), 13(3))."""

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet

from opensend.casework.forms.common import (
    CaseChangeForm,
    PastDatesMixin,
    date_field,
    radios,
    text_area,
    yes_no,
)
from opensend.casework.models import (
    AdviceRequest,
    Case,
    ExceptionReason,
    PanelQuestion,
    Stage,
)
from opensend.core.forms import GovukForm
from opensend.people.models import AdviceService, Organisation, OrganisationKind

# Panel attendance: one name per agency (blank when the agency did not attend).
AGENCIES = (
    ("education", "Education"),
    ("health", "Health"),
    ("social_care", "Social care"),
    ("psychology", "Educational psychology"),
    ("forum", "Parent carer forum"),
)

_K = OrganisationKind
# Who can give each kind of advice (Reg 6(1)): "other" may come from anyone.
ADVICE_GIVERS: dict[str, tuple[str, ...]] = {
    AdviceService.EDUCATION: (_K.SCHOOL, _K.EARLY_YEARS, _K.COLLEGE, _K.LOCAL_AUTHORITY),
    AdviceService.HEALTH: (_K.NHS_TRUST, _K.ICB),
    AdviceService.SOCIAL_CARE: (_K.SOCIAL_CARE, _K.LOCAL_AUTHORITY),
    AdviceService.PSYCHOLOGY: (_K.EP_SERVICE, _K.LOCAL_AUTHORITY),
    AdviceService.OTHER: tuple(kind.value for kind in OrganisationKind),
}
ADVICE_GIVER_KINDS = sorted({kind for kinds in ADVICE_GIVERS.values() for kind in kinds}
                            - {_K.PARENT_CARER_FORUM})


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


class AdviceGiverField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Organisation) -> str:
        return f"{obj.name} ({obj.get_kind_display()})"


def advice_givers(case: Case) -> QuerySet[Organisation]:
    """Organisations in the case's local authority area that can give advice."""
    area = case.local_authority_id
    return Organisation.objects.filter(Q(pk=area) | Q(local_authority_id=area),
                                       kind__in=ADVICE_GIVER_KINDS).order_by("name")


class AdviceRequestForm(CaseChangeForm):
    service = radios("What advice are you asking for?", AdviceService.choices,
                     error_messages={"required": "Select what advice you are asking for"})
    organisation = AdviceGiverField(
        label="Who are you asking?", queryset=Organisation.objects.none(),
        empty_label="Choose an organisation",
        error_messages={"required": "Choose who you are asking for advice"})
    requested_on = date_field("When did you ask?", "the date you asked",
                              hint="Advice is due 6 weeks after this date (Reg 8(1)). "
                                   "For example, 27 3 2026")

    past_dates = ("requested_on",)

    def __init__(self, data: Any = None, **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        self.fields["organisation"].queryset = advice_givers(self.case)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        self.not_before("requested_on", _request_date(self.case),
                        "the date the request was received")
        service, organisation = cleaned.get("service"), cleaned.get("organisation")
        if service and organisation and organisation.kind not in ADVICE_GIVERS[service]:
            self.add_error("organisation", ValidationError(
                f"{organisation.name} cannot give {AdviceService(service).label.lower()} "
                "advice: choose another organisation", code="wrong_kind"))
        return cleaned

    def service_arguments(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name]
                for name in ("service", "organisation", "requested_on")}


class AdviceReceivedForm(PastDatesMixin, GovukForm):
    received_on = date_field("When was the advice received?", "the date the advice was received")
    summary = text_area("Summary of the advice", required=True, rows=8,
                        hint="The main points, and where the full advice is kept")

    past_dates = ("received_on",)

    def __init__(self, data: Any = None, *, advice: AdviceRequest, today: dt.date,
                 **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        self.advice, self.today = advice, today
        self.fields["summary"].error_messages["required"] = "Enter a summary of the advice"

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        self.check_past_dates(cleaned)
        if self.advice.received_on is not None:
            self.add_error(None, "This advice has already been recorded as received")
        received = cleaned.get("received_on")
        if received and received < self.advice.requested_on:
            self.add_error("received_on", ValidationError(
                "The date the advice was received must be the same as or after the date it "
                f"was asked for ({self.advice.requested_on.day} "
                f"{self.advice.requested_on:%B %Y})", code="too_early"))
        return cleaned


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
