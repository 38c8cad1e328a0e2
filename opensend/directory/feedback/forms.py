"""The public feedback form, the editors' triage form and the queue filters."""

from typing import Any

from django import forms

from opensend.core.forms import GovukForm
from opensend.core.submissions import SubmissionTokenField
from opensend.directory.feedback.models import (
    PUBLIC_MAX_LENGTH,
    TEXT_MAX_LENGTH,
    FeedbackStatus,
    FeedbackTheme,
)
from opensend.directory.models import Service

NOT_SURE = "not_sure"
ABOUT_SERVICE, ABOUT_PAGE, ABOUT_GENERAL = "service", "page", "general"


def _about_choices(service: Service | None, page: str) -> list[tuple[str, str]]:
    """On a service's page the service and the page are one: the page is not offered."""
    general = (ABOUT_GENERAL, "The Local Offer in general")
    if service is not None:
        return [(ABOUT_SERVICE, f"This service: {service.name}"), general]
    if page:
        return [(ABOUT_PAGE, "The page you came from"), general]
    return [general]


class FeedbackForm(GovukForm):
    """Feedback from anyone, signed in or not. `website` is a honeypot: people never see
    it (it is in a `hidden` block), so a value there means a form-filling robot."""

    about = forms.ChoiceField(
        label="What is your feedback about?",
        widget=forms.RadioSelect,
        error_messages={"required": "Select what your feedback is about"},
    )
    text = forms.CharField(
        label="Your feedback",
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea,
        help_text="Tell us what worked, what did not, or what is missing. Please do not "
        "include names or details that could identify your child.",
        error_messages={
            "required": "Enter your feedback",
            "max_length": f"Your feedback must be {TEXT_MAX_LENGTH} characters or fewer",
        },
    )
    theme = forms.ChoiceField(
        label="What is it mostly about? (optional)",
        choices=[*FeedbackTheme.choices, (NOT_SURE, "I’m not sure")],
        required=False,
        widget=forms.RadioSelect,
    )
    reply_email = forms.EmailField(
        label="Email address (optional)",
        required=False,
        max_length=254,
        help_text="Only if you would like a reply. We use it only to reply to this feedback. "
        "It is never published, and we delete it when we close your feedback.",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": False}),
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com"
        },
    )
    website = forms.CharField(label="Leave this box empty", required=False)
    token = SubmissionTokenField()

    def __init__(self, *args: Any, service: Service | None, page: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = _about_choices(service, page)
        self.fields["about"].choices = choices
        self.fields["about"].initial = choices[0][0]
        self.asks_about = len(choices) > 1
        if not self.asks_about:
            self.fields["about"].required = False

    def clean_theme(self) -> str:
        theme = self.cleaned_data.get("theme") or ""
        return "" if theme == NOT_SURE else theme

    def clean_about(self) -> str:
        return self.cleaned_data.get("about") or ABOUT_GENERAL

    def is_robot(self) -> bool:
        return bool(self.cleaned_data.get("website"))


class TriageForm(GovukForm):
    # How many events the editor saw: if someone else saved since, theirs is not overwritten.
    seen_events = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    theme = forms.ChoiceField(
        label="Theme", choices=[("", "No theme yet"), *FeedbackTheme.choices], required=False
    )
    status = forms.ChoiceField(
        label="Status",
        choices=FeedbackStatus.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select a status"},
    )
    public_summary = forms.CharField(
        label="“You said”: your summary for publication",
        max_length=PUBLIC_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Summarise the feedback in your own words. Leave out anything that could "
        "identify a child, a family or a member of staff. This is what is published, never "
        "the feedback as written.",
    )
    response = forms.CharField(
        label="“We did”: the response",
        max_length=PUBLIC_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What changed, or what we will do. Published with the summary if you "
        "choose to publish.",
    )
    published = forms.BooleanField(
        label="Publish on “You said, we did”",
        required=False,
        help_text="Shows your summary and response, the theme and the month. Never the "
        "feedback as written or the email address.",
    )


class QueueFilterForm(GovukForm):
    status = forms.ChoiceField(
        label="Status", choices=[("", "All"), *FeedbackStatus.choices], required=False
    )
    theme = forms.ChoiceField(
        label="Theme", choices=[("", "All themes"), *FeedbackTheme.choices], required=False
    )
    service = forms.UUIDField(label="Service", required=False, widget=forms.Select)

    def __init__(self, *args: Any, services: list[Service], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", "All services"), *((str(s.pk), s.name) for s in services)]
        self.fields["service"].widget.choices = choices
        self.fields["service"].choices = choices  # type: ignore[attr-defined]


class PublishedFilterForm(GovukForm):
    theme = forms.ChoiceField(
        label="Theme", choices=[("", "All themes"), *FeedbackTheme.choices], required=False
    )
