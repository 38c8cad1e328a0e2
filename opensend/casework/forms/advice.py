"""Advice for an EHC needs assessment (Reg 6-8): asking several advisers on one form,
recording the advice received, chasing, and pulling the advice into the plan."""

import datetime as dt
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from opensend.casework.advice_givers import advice_givers
from opensend.casework.forms.common import CaseChangeForm, date_field, radios, text_area
from opensend.casework.models import AdviceRequest, Case
from opensend.casework.plan_sections import SECTIONS
from opensend.casework.services.advice import Adviser
from opensend.core.formatting import govuk_date
from opensend.core.forms import UploadsField
from opensend.core.uploads import ALLOWED_DESCRIPTION, megabytes
from opensend.people.models import AdviceService, Organisation

ADVISER_PREFIX = "adviser_"
# Where each kind of advice usually belongs in the plan (Reg 12(1)); the caseworker chooses.
SUGGESTED_SECTION = {
    AdviceService.HEALTH: "C",
    AdviceService.SOCIAL_CARE: "D",
}
TEXT_SECTIONS = [(s.code, f"{s.code}: {s.title}") for s in SECTIONS if s.shape == "text"]


def _request_date(case: Case) -> dt.date:
    request = getattr(case, "request", None)
    return request.received_on if request is not None else case.opened_on


def _uploads_hint() -> str:
    limit = megabytes(settings.UPLOAD_MAX_BYTES)
    return f"Each file must be {ALLOWED_DESCRIPTION}, smaller than {limit}"


class AdviserField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Organisation) -> str:
        return f"{obj.name} ({obj.get_kind_display()})"


class AdviceRequestForm(CaseChangeForm):
    """One form for every adviser asked at once: one list per kind of advice, each listing
    only the organisations that can give it (casework/advice_givers.py)."""

    requested_on = date_field("When did you ask?", "the date you asked",
                              hint="Advice is due 6 weeks after this date (Reg 8(1)). "
                                   "For example, 27 3 2026")
    message = text_area("Message to the advisers (optional)", rows=5,
                        hint="Kept with each request: what you would like them to look at")
    attachments = UploadsField(label="Attach files (optional)")

    past_dates = ("requested_on",)

    def __init__(self, data: Any = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(data, *args, **kwargs)
        self.fields["attachments"].help_text = _uploads_hint()
        for service, label in AdviceService.choices:
            self.fields[ADVISER_PREFIX + service] = AdviserField(
                label=f"{label} advice", required=False,
                queryset=advice_givers(self.case, service),
                empty_label=f"Not asking for {label.lower()} advice")
        self.order_fields([ADVISER_PREFIX + s for s in AdviceService.values])

    def adviser_fields(self) -> list[forms.BoundField]:
        return [self[ADVISER_PREFIX + service] for service in AdviceService.values]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        self.not_before("requested_on", _request_date(self.case),
                        "the date the request was received")
        if not self.advisers() and not any(
            name.startswith(ADVISER_PREFIX) for name in self.errors
        ):
            self.add_error(ADVISER_PREFIX + AdviceService.EDUCATION, ValidationError(
                "Choose at least one adviser to ask", code="required"))
        return cleaned

    def advisers(self) -> list[Adviser]:
        return [Adviser(service, self.cleaned_data[ADVISER_PREFIX + service])
                for service in AdviceService.values
                if self.cleaned_data.get(ADVISER_PREFIX + service)]

    def service_arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {"advisers": self.advisers(), "requested_on": data["requested_on"],
                "message": data["message"].strip(), "attachments": data["attachments"]}


class AdviceReceivedForm(CaseChangeForm):
    received_on = date_field("When was the advice received?", "the date the advice was received")
    summary = text_area("Summary of the advice", required=True, rows=8,
                        hint="The main points: this is what can be copied into the plan")
    files = UploadsField(label="Attach the advice (optional)")

    past_dates = ("received_on",)

    def __init__(self, data: Any = None, *args: Any, advice: AdviceRequest,
                 **kwargs: Any) -> None:
        super().__init__(data, *args, case=advice.case, **kwargs)
        self.advice = advice
        self.fields["summary"].error_messages["required"] = "Enter a summary of the advice"
        self.fields["files"].help_text = _uploads_hint()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self.advice.received_on is not None:
            self.add_error(None, "This advice has already been recorded as received")
        received = cleaned.get("received_on")
        if received and received < self.advice.requested_on:
            self.add_error("received_on", ValidationError(
                "The date the advice was received must be the same as or after the date it "
                f"was asked for ({govuk_date(self.advice.requested_on)})", code="too_early"))
        return cleaned

    def service_arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {"received_on": data["received_on"], "summary": data["summary"],
                "files": data["files"]}


class AdviceChaseForm(CaseChangeForm):
    """Only the case version: a chase records that someone chased, nothing more."""


class AdvicePullForm(CaseChangeForm):
    section = radios("Which section of the plan should the advice go into?", TEXT_SECTIONS,
                     error_messages={"required": "Choose a section of the plan"},
                     hint="The summary is added at the end of the section, saying where it "
                          "came from. You can edit it in the plan afterwards.")

    def __init__(self, data: Any = None, *args: Any, advice: AdviceRequest,
                 **kwargs: Any) -> None:
        kwargs.setdefault("initial", {})["section"] = SUGGESTED_SECTION.get(advice.service, "K")
        super().__init__(data, *args, case=advice.case, **kwargs)
        self.advice = advice

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self.advice.received_on is None:
            self.add_error(None, "This advice has not been received yet: record it first")
        return cleaned
