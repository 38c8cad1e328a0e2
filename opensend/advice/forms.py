"""The adviser's structured advice (issue 11, item 2) and the caseworker's choice of the
plan sections to add it to. GOV.UK forms; no JavaScript needed: a fixed number of rows,
blank rows ignored."""

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from opensend.advice.models import Answer
from opensend.casework.forms.common import CaseChangeForm, radios, text_area
from opensend.casework.models import AdviceRequest
from opensend.casework.plan_sections import SECTION_BY_CODE
from opensend.core.forms import GovukForm, UploadsField
from opensend.core.uploads import ALLOWED_DESCRIPTION, megabytes
from opensend.statutory.advice import advice_sections

NEED_ROWS = OUTCOME_ROWS = PROVISION_ROWS = 3
PROVISION_PARTS = ("provision", "how_much", "how_often", "delivered_by")
QUANTITY_LABELS = {"how_much": "How much", "how_often": "How often",
                   "delivered_by": "By whom"}
ANSWER_HINT = ("If you need to see the child first, the council is told and your advice is "
               "still due by the date above")


def _line(label: str) -> forms.CharField:
    return forms.CharField(label=label, required=False)


def section_label(code: str) -> str:
    return f"{code}: {SECTION_BY_CODE[code].title}"


class AdviceForm(GovukForm):
    answer = radios("What is your answer?", list(Answer.choices), hint=ANSWER_HINT,
                    error_messages={"required": "Choose your answer"})
    reasons = text_area("Reasons", rows=4, hint="Needed if you have no advice to give or need "
                                                "to see the child first")
    files = UploadsField(label="Attach your report (optional)")

    def __init__(self, *args: Any, advice: AdviceRequest, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sections = advice_sections(advice.service)
        limit = megabytes(settings.UPLOAD_MAX_BYTES)
        self.fields["files"].help_text = (
            f"Each file must be {ALLOWED_DESCRIPTION}, smaller than {limit}"
        )
        for n in range(1, NEED_ROWS + 1):
            self.fields[f"need_{n}"] = text_area(f"Need {n}", rows=3)
        for n in range(1, OUTCOME_ROWS + 1):
            self.fields[f"outcome_{n}"] = text_area(f"Outcome {n}", rows=2)
            self.fields[f"outcome_{n}_by"] = _line(f"Outcome {n}: by when")
        for n in range(1, PROVISION_ROWS + 1):
            self._provision_fields(n)
        self.bound_text_fields()

    def _provision_fields(self, n: int) -> None:
        codes = self.sections.provision
        if len(codes) > 1:
            self.fields[f"provision_{n}_section"] = forms.ChoiceField(
                label=f"Provision {n}: section of the plan", required=False,
                choices=[(code, section_label(code)) for code in codes],
                widget=forms.RadioSelect)
        self.fields[f"provision_{n}"] = text_area(f"Provision {n}", rows=3)
        for part, label in QUANTITY_LABELS.items():
            self.fields[f"provision_{n}_{part}"] = _line(f"Provision {n}: {label.lower()}")

    def need_fields(self) -> list[forms.BoundField]:
        return [self[f"need_{n}"] for n in range(1, NEED_ROWS + 1)]

    def outcome_rows(self) -> list[list[forms.BoundField]]:
        return [[self[f"outcome_{n}"], self[f"outcome_{n}_by"]]
                for n in range(1, OUTCOME_ROWS + 1)]

    def provision_rows(self) -> list[list[forms.BoundField]]:
        return [[self[name] for name in self.fields if name.startswith(f"provision_{n}")]
                for n in range(1, PROVISION_ROWS + 1)]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        answer = cleaned.get("answer")
        if answer and answer != Answer.ADVICE and not cleaned.get("reasons", "").strip():
            self.add_error("reasons", ValidationError(
                f"Enter your reasons for answering '{Answer(answer).label.lower()}'",
                code="required"))
        if answer == Answer.ADVICE:
            self._check_provision()
            if not (self.needs() or self.outcomes() or self.provision()) and not self.errors:
                self.add_error("need_1", ValidationError(
                    "Enter at least one need, outcome or provision", code="required"))
        return cleaned

    def _check_provision(self) -> None:
        for n in range(1, PROVISION_ROWS + 1):
            if not self._text(f"provision_{n}"):
                continue
            for part, label in QUANTITY_LABELS.items():
                if not self._text(f"provision_{n}_{part}"):
                    self.add_error(f"provision_{n}_{part}", ValidationError(
                        f"Enter {label.lower()} for provision {n}", code="required"))
            if len(self.sections.provision) > 1 and not self._text(f"provision_{n}_section"):
                self.add_error(f"provision_{n}_section", ValidationError(
                    f"Choose the section of the plan for provision {n}", code="required"))

    def _text(self, name: str) -> str:
        return str(self.cleaned_data.get(name) or "").strip()

    def needs(self) -> list[dict[str, str]]:
        return [{"description": self._text(f"need_{n}")} for n in range(1, NEED_ROWS + 1)
                if self._text(f"need_{n}")]

    def outcomes(self) -> list[dict[str, str]]:
        return [{"outcome": self._text(f"outcome_{n}"), "by": self._text(f"outcome_{n}_by")}
                for n in range(1, OUTCOME_ROWS + 1) if self._text(f"outcome_{n}")]

    def provision(self) -> list[dict[str, str]]:
        single = self.sections.provision[0]
        return [{"section": self._text(f"provision_{n}_section") or single,
                 **{part: self._text(f"provision_{n}" if part == "provision"
                                     else f"provision_{n}_{part}") for part in PROVISION_PARTS}}
                for n in range(1, PROVISION_ROWS + 1) if self._text(f"provision_{n}")]

    def service_arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        advice = data["answer"] == Answer.ADVICE
        return {"answer": data["answer"], "reasons": data["reasons"].strip(),
                "needs": self.needs() if advice else [],
                "outcomes": self.outcomes() if advice else [],
                "provision": self.provision() if advice else [],
                "files": data["files"]}


class AdvicePullSectionsForm(CaseChangeForm):
    """Which plan sections the structured advice goes into (all offered, by default)."""

    sections = forms.MultipleChoiceField(
        label="Which sections of the plan should the advice go into?",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one section of the plan"},
        help_text="Each is added at the end of the section. Needs and provision added to "
                  "sections B and F ask you to choose the type of need in the plan editor.")

    def __init__(self, data: Any = None, *args: Any, advice: AdviceRequest,
                 offered: list[str], **kwargs: Any) -> None:
        kwargs.setdefault("initial", {})["sections"] = offered
        super().__init__(data, *args, case=advice.case, **kwargs)
        self.fields["sections"].choices = [(code, section_label(code)) for code in offered]
