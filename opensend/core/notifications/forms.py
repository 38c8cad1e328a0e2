"""The form where a person chooses how they are told (issue 11, item 4)."""

from django import forms

from opensend.core.notifications.models import NotificationFrequency


class NotificationFrequencyForm(forms.Form):
    frequency = forms.ChoiceField(
        label="How do you want us to tell you when something changes?",
        choices=NotificationFrequency.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose how you want us to tell you",
            "invalid_choice": "Choose how you want us to tell you",
        },
    )
