"""One-time form tokens: a form that creates records is acted on once, however often
it is posted."""

import uuid
from collections.abc import Callable

from django import forms
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import IntegrityError, transaction

from opensend.core.models import FormSubmission


class SubmissionTokenField(forms.UUIDField):
    """A hidden field holding a fresh token each time the form is shown."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs: object) -> None:
        super().__init__(initial=uuid.uuid4, required=False, **kwargs)  # type: ignore[arg-type]

    def clean(self, value: object) -> uuid.UUID:
        # A post without a token (not from our page) gets one of its own: it is still
        # saved, just without the protection against a repeat.
        return super().clean(value) or uuid.uuid4()


def submit_once(*, token: uuid.UUID, user: AbstractBaseUser, act: Callable[[], str]) -> str:
    """Run `act` (which returns the path of what it created) once per token.

    The token row is inserted in the same transaction as the records, so a concurrent
    second post waits on the first and then sees the token spent.
    """
    try:
        with transaction.atomic():
            submission = FormSubmission.objects.create(token=token, user=user)
            submission.result_path = act()
            submission.save(update_fields=["result_path"])
            return submission.result_path
    except IntegrityError:
        spent = FormSubmission.objects.filter(token=token, user=user).first()
        if spent is None:
            raise
        return spent.result_path
