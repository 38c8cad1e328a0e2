"""Family accounts (issue 11, item 1): the caseworker's invitation, choosing a password,
"Your account" and the young person's decisions about their parents' access."""

from django import forms

from opensend.casework.forms.common import yes_no
from opensend.core.auth_forms import NewPasswordForm

EMAIL_ERRORS = {
    "required": "Enter the email address to send the invitation to",
    "invalid": "Enter an email address in the correct format, like name@example.com",
}


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label="Email address", max_length=254, error_messages=EMAIL_ERRORS,
        help_text="We will email a link to make an account. It works once, for 14 days.",
    )


class ChoosePasswordForm(NewPasswordForm):
    """A new account's password (the user does not exist yet: validated against the
    invited address)."""

    def __init__(self, *args: object, email: str, **kwargs: object) -> None:
        super().__init__(*args, user=_Named(email), **kwargs)


class _Named:
    """What UserAttributeSimilarityValidator compares the password with."""

    def __init__(self, email: str) -> None:
        self.email = email
        self.full_name = ""


class ParentAccessForm(forms.Form):
    member = forms.IntegerField(widget=forms.HiddenInput)
    keeps_access = yes_no(
        "Can this person see your EHC record?", "Choose yes or no",
    )
