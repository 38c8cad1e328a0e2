"""The work queue's filters, read from the address: step kind, status and caseworker.

They come from the filter form and the status links, not from typing, so a value that is
not one of the choices is ignored (that filter shows everything) rather than an error.
"""

from django import forms
from django.http import QueryDict

from opensend.casework.presenters.steps import STEP_NAMES
from opensend.casework.queue_selectors import ADVICE_STEPS, NOT_ALLOCATED, QueueFilter
from opensend.core.forms import GovukForm
from opensend.people.models import User

STEP_KINDS = {"": "All steps", ADVICE_STEPS: "Advice (any)", **STEP_NAMES}
STATUSES = {
    "": "All",
    "overdue": "Overdue",
    "due_this_week": "Due this week",
    "later": "Due later",
}
# The queue's older ?show= links (bookmarks, the benchmarks) mean the same filters.
SHOW = {
    "overdue": {"status": "overdue"},
    "due_this_week": {"status": "due_this_week"},
    "waiting_on_advice": {"step": ADVICE_STEPS},
}


class QueueFilterForm(GovukForm):
    step = forms.ChoiceField(label="Step", required=False, choices=list(STEP_KINDS.items()))
    status = forms.ChoiceField(label="Status", required=False, choices=list(STATUSES.items()))
    caseworker = forms.ChoiceField(label="Caseworker", required=False)

    def __init__(self, query: QueryDict, *, caseworkers: list[User]) -> None:
        data = {**SHOW.get(query.get("show", ""), {}), **query.dict()}
        super().__init__(data)
        self.fields["caseworker"].choices = [
            ("", "All caseworkers"),
            *((str(user.pk), user.full_name) for user in caseworkers),
            (NOT_ALLOCATED, "Not allocated"),
        ]
        if not caseworkers:  # a coordinator's queue is their own
            del self.fields["caseworker"]

    def chosen(self) -> QueueFilter:
        self.is_valid()
        found = {name: self.cleaned_data.get(name) or "" for name in self.fields}
        return QueueFilter(**found)
