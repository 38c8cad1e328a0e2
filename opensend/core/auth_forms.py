from django import forms
from django.contrib.auth import password_validation


class SignInForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )
    password = forms.CharField(
        label="Password",
        widget=forms.PasswordInput,
        max_length=200,
        strip=False,
        error_messages={"required": "Enter your password"},
    )


class SecurityCodeForm(forms.Form):
    code = forms.RegexField(
        label="Security code",
        regex=r"^\s*\d{6}\s*$",
        max_length=12,
        help_text="The 6-digit code shown in your authenticator app",
        error_messages={
            "required": "Enter the security code",
            "invalid": "Enter the 6-digit security code from your authenticator app",
        },
    )

    def clean_code(self) -> str:
        return self.cleaned_data["code"].strip()


class ForgottenPasswordForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="The email address you sign in with",
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )


class NewPasswordForm(forms.Form):
    """A new password, typed twice, checked by the project's password validators."""

    password = forms.CharField(
        label="New password",
        widget=forms.PasswordInput,
        max_length=200,
        strip=False,
        help_text="At least 12 characters. Avoid common words and anything about you.",
        error_messages={"required": "Enter a new password"},
    )
    confirm = forms.CharField(
        label="Type the new password again",
        widget=forms.PasswordInput,
        max_length=200,
        strip=False,
        error_messages={"required": "Type the new password again"},
    )

    def __init__(self, *args: object, user: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.user = user

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        try:
            password_validation.validate_password(password, self.user)  # type: ignore[arg-type]
        except forms.ValidationError as error:
            raise forms.ValidationError(error.messages[0]) from error
        return password

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        if cleaned.get("password") and cleaned.get("confirm") != cleaned["password"]:
            self.add_error("confirm", "The two passwords do not match")
        return cleaned
