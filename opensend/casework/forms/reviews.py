"""Annual reviews (CFA s44; Reg 20), ceasing a plan (CFA s45) and disputes (CFA s51-57)."""

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from opensend.casework.forms.common import CaseChangeForm, date_field, radios, text_area
from opensend.casework.models import AnnualReview, AppealableDecision, Dispute, DisputeKind, Plan
from opensend.statutory import codes

# SEN2 codes, in the order a caseworker thinks of them: maintain, amend, cease.
REVIEW_OUTCOMES = [(outcome.value, outcome.label) for outcome in (
    codes.ReviewOutcome.MAINTAIN, codes.ReviewOutcome.AMEND, codes.ReviewOutcome.CEASE)]


class ReviewMeetingForm(CaseChangeForm):
    meeting_on = date_field("When was the review meeting?", "the date of the meeting")
    notes = text_area("Notes (optional)", rows=8,
                      hint="Who attended, what was discussed and what the meeting recommended")

    past_dates = ("meeting_on",)

    def service_arguments(self) -> dict[str, Any]:
        return {"meeting_on": self.cleaned_data["meeting_on"], "notes": self.cleaned_data["notes"]}


class ReviewDecisionForm(CaseChangeForm):
    outcome = radios("What did the local authority decide?", REVIEW_OUTCOMES,
                     error_messages={"required": "Select what the local authority decided"})
    decision_on = date_field("When was the decision made?", "the date of the decision",
                             hint="It is due within 4 weeks of the meeting (Reg 20(10)). "
                                  "For example, 27 3 2026")

    past_dates = ("decision_on",)

    def __init__(self, data: Any = None, *, review: AnnualReview, **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        self.review = review

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        self.not_before("decision_on", self.review.meeting_on, "the date of the meeting")
        return cleaned

    def service_arguments(self) -> dict[str, Any]:
        return {"decision_on": self.cleaned_data["decision_on"],
                "outcome": self.cleaned_data["outcome"]}


class CeaseForm(CaseChangeForm):
    ceased_on = date_field("When does the plan cease?", "the date the plan ceases",
                           hint="The date the local authority told the family of its decision. "
                                "For example, 27 3 2026")
    reason = radios("Why is the plan ceasing?", codes.choices(codes.CeaseReason),
                    error_messages={"required": "Select why the plan is ceasing"})

    # The clock counts the appeal windows from this date, so it cannot be in the future.
    past_dates = ("ceased_on",)

    def __init__(self, data: Any = None, **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        self.has_plan = Plan.objects.filter(case=self.case, first_issued_on__isnull=False,
                                            ceased_on__isnull=True).exists()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if not self.has_plan:
            self.add_error(None, "There is no plan in force to cease on this case")
        return cleaned

    def service_arguments(self) -> dict[str, Any]:
        return {"ceased_on": self.cleaned_data["ceased_on"], "reason": self.cleaned_data["reason"]}


class DisputeForm(CaseChangeForm):
    kind = radios("Is this mediation or an appeal to the tribunal?", DisputeKind.choices,
                  error_messages={"required": "Select mediation or tribunal appeal"})
    decision = radios("Which decision is disputed?", AppealableDecision.choices,
                      error_messages={"required": "Select which decision is disputed"})
    started_on = date_field("When did it start?", "the start date",
                            hint="The date mediation was arranged or the appeal was registered. "
                                 "For example, 27 3 2026")
    certificate_on = date_field("Date of the mediation certificate (optional)",
                                "the date of the mediation certificate", required=False,
                                hint="An appeal can be made up to 1 month after the certificate. "
                                     "For example, 27 3 2026")

    past_dates = ("started_on", "certificate_on")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        started, certificate = cleaned.get("started_on"), cleaned.get("certificate_on")
        if (cleaned.get("kind") == DisputeKind.MEDIATION and started and certificate
                and certificate < started):
            self.add_error("certificate_on", ValidationError(
                "The date of the mediation certificate must be the same as or after the start "
                "date", code="before_start"))
        return cleaned

    def service_arguments(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name]
                for name in ("kind", "decision", "started_on", "certificate_on")}


# What the family and the LA can be told at the end, by kind. The words are those the
# measures read back (opensend.statutory.indicators.disputes.outcome_of): a test keeps
# them in step.
DISPUTE_OUTCOMES = {
    DisputeKind.MEDIATION: [
        ("Agreement reached", "Agreement reached"),
        ("No agreement (certificate issued)", "No agreement: a certificate was issued"),
        ("Withdrawn by the family", "Withdrawn by the family"),
        ("Other", "Other"),
    ],
    DisputeKind.TRIBUNAL: [
        ("Appeal upheld, fully or in part", "Appeal upheld, fully or in part"),
        ("Appeal dismissed", "Appeal dismissed"),
        ("Conceded by the local authority before the hearing",
         "Conceded by the local authority before the hearing"),
        ("Withdrawn by the family", "Withdrawn by the family"),
        ("Settled by agreement", "Settled by agreement"),
        ("Other", "Other"),
    ],
}


class DisputeConcludeForm(CaseChangeForm):
    """The end of mediation or an appeal: when, and how it ended."""

    concluded_on = date_field("When did it end?", "the date it ended",
                              hint="The date of the mediation's outcome or the tribunal's "
                                   "decision. For example, 27 3 2026")
    outcome = radios("How did it end?", [],
                     error_messages={"required": "Select how it ended",
                                     "invalid_choice": "Select one of the outcomes listed"})

    past_dates = ("concluded_on",)

    def __init__(self, data: Any = None, *, dispute: Dispute, today: dt.date) -> None:
        super().__init__(data, case=dispute.case, today=today)
        self.dispute = dispute
        field = self.fields["outcome"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = DISPUTE_OUTCOMES[DisputeKind(dispute.kind)]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        self.not_before("concluded_on", self.dispute.started_on, "the date it started")
        return cleaned

    def service_arguments(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in ("concluded_on", "outcome")}
