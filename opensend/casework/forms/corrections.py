"""Withdrawing or correcting an event recorded in error, and the family's written
agreement to end a comment period early (Reg 13(1), Reg 22(2))."""

from typing import Any

from django.core.exceptions import ValidationError

from opensend.casework.forms.common import CaseChangeForm, date_field, radios, text_area
from opensend.casework.models import CaseEvent

WITHDRAW, CORRECT = "withdraw", "correct"

# What a decision may be corrected to: a panel decision recorded against the wrong
# question becomes the decision it was (docs/statutory-clock.md, Corrections).
PANEL_DECISIONS = {
    "assess": ("decision_to_assess", "assess", "The panel agreed to assess the child\u2019s needs"),
    "not_assess": (
        "decision_to_assess",
        "not_assess",
        "The panel did not agree to assess the child\u2019s needs",
    ),
    "not_to_issue": (
        "decision_not_to_issue",
        None,
        "The panel decided an EHC plan is not needed (not to issue one)",
    ),
}
REVIEW_DECISIONS = {
    "maintain": ("review_decision", "maintain", "Keep the plan as it is"),
    "amend": ("review_decision", "amend", "Amend the plan"),
    "cease": ("review_decision", "cease", "Stop maintaining the plan"),
}
# The clock's fields kept from the original when it is corrected.
KEPT_FIELDS = ("source", "reason", "start", "end", "transfer_date", "kind")


def _decisions_for(event: CaseEvent) -> dict[str, tuple[str, str | None, str]]:
    if event.kind in ("decision_to_assess", "decision_not_to_issue"):
        return PANEL_DECISIONS
    if event.kind == "review_decision":
        return REVIEW_DECISIONS
    return {}


def _current_decision(event: CaseEvent) -> str | None:
    outcome = (event.data or {}).get("outcome")
    if event.kind == "decision_not_to_issue":
        return "not_to_issue"
    return outcome


class EventCorrectionForm(CaseChangeForm):
    what = radios(
        "What was wrong?",
        [
            (WITHDRAW, "It did not happen: withdraw it"),
            (CORRECT, "It happened, but not as it was recorded: correct it"),
        ],
        error_messages={"required": "Select whether to withdraw or correct it"},
    )
    occurred_on = date_field("When did it really happen?", "the date it happened", required=False)
    reason = text_area(
        "Why was it recorded in error?",
        required=True,
        rows=3,
        hint="Staff see this reason beside the correction in the case history",
    )

    past_dates = ("occurred_on",)

    def __init__(self, data: Any = None, *, event: CaseEvent, **kwargs: Any) -> None:
        self.event = event
        decisions = _decisions_for(event)
        initial = kwargs.setdefault("initial", {})
        initial.setdefault("occurred_on", event.occurred_on)
        if decisions:
            initial.setdefault("decision", _current_decision(event))
        super().__init__(data, **kwargs)
        self.fields["reason"].error_messages["required"] = "Enter why it was recorded in error"
        if decisions:
            self.fields["decision"] = radios(
                "What was really decided?",
                [(key, label) for key, (_, _, label) in decisions.items()],
                required=False,
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("what") == CORRECT:
            if cleaned.get("occurred_on") is None and "occurred_on" not in self.errors:
                self.add_error(
                    "occurred_on", ValidationError("Enter the date it happened", code="required")
                )
            elif not self._changes(cleaned):
                self.add_error(
                    None,
                    "The correction is the same as what was recorded: change "
                    "the date or the decision, or withdraw it instead",
                )
        return cleaned

    def _changes(self, cleaned: dict[str, Any]) -> bool:
        decision = cleaned.get("decision") or _current_decision(self.event)
        return cleaned.get(
            "occurred_on"
        ) != self.event.occurred_on or decision != _current_decision(self.event)

    @property
    def withdraws(self) -> bool:
        return self.cleaned_data["what"] == WITHDRAW

    def corrected(self) -> dict[str, Any]:
        """The event as it should have been, in the clock's words."""
        data = self.event.data or {}
        kept = {name: data[name] for name in KEPT_FIELDS if data.get(name)}
        corrected = {
            "event": self.event.kind,
            **kept,
            "outcome": data.get("outcome"),
            "date": self.cleaned_data["occurred_on"],
        }
        choice = self.cleaned_data.get("decision")
        decisions = _decisions_for(self.event)
        if choice and choice in decisions:
            kind, outcome, _ = decisions[choice]
            corrected.update(event=kind, outcome=outcome)
        return corrected


class CommentPeriodEndedEarlyForm(CaseChangeForm):
    agreed_on = date_field("When did the family agree in writing?", "the date the family agreed")
    who_agreed = text_area(
        "Who agreed?",
        required=True,
        rows=2,
        hint="The parent, carer or young person, for example \u2018Sam Taylor (mother)\u2019",
    )
    how = text_area(
        "Where is their agreement in writing?",
        required=True,
        rows=3,
        hint="For example, \u2018email of 3 May 2026, saved in the case file\u2019. "
        "A phone call is not enough: the family must agree in writing",
    )

    past_dates = ("agreed_on",)

    def __init__(self, data: Any = None, **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        self.fields["who_agreed"].error_messages["required"] = "Enter who agreed"
        self.fields["how"].error_messages["required"] = (
            "Enter where the family\u2019s written agreement is kept"
        )

    def service_arguments(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in ("agreed_on", "who_agreed", "how")}
