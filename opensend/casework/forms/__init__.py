"""Casework forms, one module per part of the statutory process."""

from opensend.casework.forms.advice import (
    AdviceChaseForm,
    AdvicePullForm,
    AdviceReceivedForm,
    AdviceRequestForm,
)
from opensend.casework.forms.allocation import AllocateForm
from opensend.casework.forms.assessment import ClockExceptionForm, PanelDecisionForm
from opensend.casework.forms.plans import PlanIssueForm, PlanSectionForm
from opensend.casework.forms.requests import EhcRequestForm
from opensend.casework.forms.reviews import (
    CeaseForm,
    DisputeConcludeForm,
    DisputeForm,
    ReviewDecisionForm,
    ReviewMeetingForm,
)

__all__ = [
    "AdviceChaseForm", "AdvicePullForm", "AdviceReceivedForm", "AdviceRequestForm",
    "AllocateForm", "CeaseForm", "ClockExceptionForm",
    "DisputeConcludeForm", "DisputeForm", "EhcRequestForm", "PanelDecisionForm",
    "PlanIssueForm", "PlanSectionForm", "ReviewDecisionForm", "ReviewMeetingForm",
]
