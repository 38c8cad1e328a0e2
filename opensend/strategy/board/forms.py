"""The board's forms: a meeting, a decision, an action logged."""

from __future__ import annotations

from typing import Any

from django import forms

from opensend.core.forms import GovukDateField, GovukForm
from opensend.strategy.models import Priority, Strategy

NO_PRIORITY = ""


class MeetingForm(GovukForm):
    held_on = GovukDateField(label="Date of the meeting", help_text="For example, 27 3 2026")
    title = forms.CharField(label="Name of the meeting", max_length=200,
                            initial="SEND Partnership Board")  # fmt: skip


class DecisionForm(GovukForm):
    decision = forms.CharField(
        label="Decision", widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the board's decision"},
    )  # fmt: skip


class ActionLogForm(GovukForm):
    title = forms.CharField(
        label="Action",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Enter the action the board asked for"},
    )
    owner_name = forms.CharField(
        label="Owner", max_length=200, error_messages={"required": "Enter who owns the action"}
    )
    due_date = GovukDateField(label="Due date", help_text="For example, 30 6 2026")
    priority = forms.ChoiceField(label="Priority it serves", required=False)  # fmt: skip

    def __init__(self, *args: Any, strategy: Strategy, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.priorities = {str(p.pk): p for p in strategy.priorities.order_by("order", "id")}
        self.fields["priority"].choices = [(NO_PRIORITY, "None")] + [  # type: ignore[attr-defined]
            (pk, str(priority)) for pk, priority in self.priorities.items()
        ]

    def chosen_priority(self) -> Priority | None:
        return self.priorities.get(self.cleaned_data.get("priority") or NO_PRIORITY)
