"""Consulting a setting on a draft plan, and the setting's answer (CFA 2014 s39(2)-(4))."""

from typing import Any

from django import forms

from opensend.casework.forms.common import radios
from opensend.casework.models import AdviceFile
from opensend.core.forms import TEXT_MAX_LENGTH, GovukForm
from opensend.people.models import Organisation
from opensend.statutory.consultation import ANSWER_LABELS, Answer


class ConsultForm(GovukForm):
    organisation = forms.ChoiceField(
        label="Which school or college are you consulting?",
        error_messages={"required": "Select the school or college to consult",
                        "invalid_choice": "Select the school or college to consult"},
    )
    advice_files = forms.MultipleChoiceField(
        label="Which advice will you share with it?",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Only advice the family agreed to share. The setting sees the draft plan "
        "and these files, nothing else on the case",
        error_messages={"invalid_choice": "Select advice from the list"},
    )

    def __init__(self, data: Any = None, *, settings: list[Organisation],
                 advice_files: list[AdviceFile]) -> None:
        super().__init__(data)
        self.settings = {str(org.pk): org for org in settings}
        self.files = {str(a.pk): a for a in advice_files}
        organisation = self.fields["organisation"]
        assert isinstance(organisation, forms.ChoiceField)
        organisation.choices = [("", "Choose a setting"),
                                *((pk, org.name) for pk, org in self.settings.items())]
        files = self.fields["advice_files"]
        assert isinstance(files, forms.MultipleChoiceField)
        files.choices = [
            (pk, f"{a.upload.original_name} ({a.advice_request.get_service_display()} advice)")
            for pk, a in self.files.items()
        ]
        if not self.files:
            del self.fields["advice_files"]

    def service_arguments(self) -> dict[str, Any]:
        chosen = self.cleaned_data.get("advice_files", [])
        return {
            "organisation": self.settings[self.cleaned_data["organisation"]],
            "advice_files": [self.files[pk] for pk in chosen],
        }


class ConsultationAnswerForm(GovukForm):
    answer = radios(
        "Can your setting meet the needs set out in the draft plan?",
        [(k.value, v) for k, v in ANSWER_LABELS.items()],
        error_messages={"required": "Select whether your setting can meet the needs",
                        "invalid_choice": "Select whether your setting can meet the needs"},
    )
    reasons = forms.CharField(
        label="Your reasons",
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="The council reads them when deciding which setting to name. If you cannot "
        "meet the needs, say why (CFA 2014 s39(4))",
        error_messages={"required": "Enter your reasons",
                        "max_length": f"Your reasons must be {TEXT_MAX_LENGTH:,} characters or "
                        "fewer"},
    )

    def answer_value(self) -> Answer:
        return Answer(self.cleaned_data["answer"])
