"""The lead's confirmation that the co-production evidence is strong enough (ADR 0034)."""

from django import forms

from opensend.core.forms import GovukForm

CONFIRM = "confirmed"


class PublishForm(GovukForm):
    confirm = forms.MultipleChoiceField(
        label="Is the co-production evidence strong enough to publish this plan?",
        choices=[
            (
                CONFIRM,
                "I have read the co-production evidence above and it is strong enough to "
                "publish this plan",
            )
        ],
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Confirm that the co-production evidence is strong enough, or cancel"
        },
    )
