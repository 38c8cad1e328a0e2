"""Casework forms, one module per part of the statutory process."""

from opensend.casework.forms.allocation import AllocateForm
from opensend.casework.forms.assessment import (
    AdviceReceivedForm,
    AdviceRequestForm,
    ClockExceptionForm,
    PanelDecisionForm,
)
from opensend.casework.forms.plans import PlanForm, PlanIssueForm
from opensend.casework.forms.requests import EhcRequestForm
from opensend.casework.forms.reviews import (
    CeaseForm,
    DisputeConcludeForm,
    DisputeForm,
    ReviewDecisionForm,
    ReviewMeetingForm,
)

__all__ = [
    "AdviceReceivedForm", "AdviceRequestForm", "AllocateForm", "CeaseForm", "ClockExceptionForm",
    "DisputeConcludeForm", "DisputeForm", "EhcRequestForm", "PanelDecisionForm", "PlanForm",
    "PlanIssueForm", "ReviewDecisionForm", "ReviewMeetingForm",
]
