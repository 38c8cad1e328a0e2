"""Allocating a case to an EHC coordinator (caseworker)."""

import datetime as dt
from typing import Any

from django import forms

from opensend.casework.forms.common import CaseChangeForm, radios
from opensend.casework.models import Case
from opensend.people.models import User


class AllocateForm(CaseChangeForm):
    """Choose the coordinator from the caseworkers of the case's local authority."""

    caseworker = radios("Who should coordinate this case?", [],
                        error_messages={"required": "Select who should coordinate this case",
                                        "invalid_choice": "Select one of the coordinators listed"})

    def __init__(self, data: Any = None, *, case: Case, today: dt.date,
                 caseworkers: list[User]) -> None:
        super().__init__(data, case=case, today=today,
                         initial={"caseworker": case.caseworker_id and str(case.caseworker_id)})
        self.caseworkers = {str(user.pk): user for user in caseworkers}
        field = self.fields["caseworker"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(pk, user.full_name) for pk, user in self.caseworkers.items()]

    def service_arguments(self) -> dict[str, Any]:
        return {"caseworker": self.caseworkers[self.cleaned_data["caseworker"]]}
