"""Editing and issuing the EHC plan (Reg 11-14, 22; sections as in CoP 9.62).

The working (unissued) version is edited in one form: text areas for the narrative
sections, rows for the ranked needs (B), outcomes (E) and provision (F), and the named
setting (I). Vague wording in section F is a warning, never an error: only the
caseworker can judge whether "regular" is quantified elsewhere (CoP 9.69).
"""

from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from opensend.casework.forms.common import CaseChangeForm, date_field, radios, text_area
from opensend.casework.forms.requests import SettingChoiceField, settings_in_area
from opensend.casework.models import Case, Plan, PlanVersion, Stage, VersionKind
from opensend.casework.plan_sections import SECTIONS, empty_sections
from opensend.people.models import Organisation
from opensend.statutory import codes
from opensend.statutory.plan_quality import vague_phrases

NEED_ROWS, OUTCOME_ROWS, PROVISION_ROWS = 6, 6, 8
NEED_CHOICES = [("", "Choose a need"), *codes.choices(codes.NeedType)]
TEXT_SECTIONS = tuple(section for section in SECTIONS if section.shape == "text")
# Rows: section code -> (how many rows the form has, the fields of a row).
ROWS: dict[str, tuple[int, tuple[str, ...]]] = {
    "B": (NEED_ROWS, ("need", "description")),
    "E": (OUTCOME_ROWS, ("outcome", "by")),
    "F": (PROVISION_ROWS, ("need", "provision", "amount", "delivered_by")),
}


@dataclass(frozen=True)
class PlanState:
    plan: Plan | None
    working: PlanVersion | None
    last_issued: PlanVersion | None

    @property
    def latest(self) -> PlanVersion | None:
        return self.working or self.last_issued


def plan_state(case: Case) -> PlanState:
    plan = Plan.objects.filter(case=case).select_related("named_setting").first()
    if plan is None:
        return PlanState(None, None, None)
    versions = list(plan.versions.order_by("number"))
    working = next((v for v in reversed(versions) if v.issued_on is None), None)
    issued = [v for v in versions if v.issued_on is not None]
    return PlanState(plan, working, issued[-1] if issued else None)


def default_kind(case: Case, state: PlanState) -> str:
    """The kind of version the case's stage calls for next."""
    if state.working is not None:
        return state.working.kind
    last = state.last_issued.kind if state.last_issued else None
    if case.stage in (Stage.PLAN, Stage.CEASED) or last in (VersionKind.FINAL,
                                                           VersionKind.AMENDED_FINAL):
        if last == VersionKind.PROPOSED_AMENDMENT:
            return VersionKind.AMENDED_FINAL
        return VersionKind.PROPOSED_AMENDMENT
    return VersionKind.FINAL if last == VersionKind.DRAFT else VersionKind.DRAFT


def _row_name(code: str, index: int, part: str) -> str:
    return f"{code.lower()}_{index}_{part}"


def _initial(sections: dict[str, Any]) -> dict[str, Any]:
    initial: dict[str, Any] = {}
    for section in TEXT_SECTIONS:
        initial[f"section_{section.code}"] = sections.get(section.code) or ""
    for code, (count, parts) in ROWS.items():
        for index, row in enumerate((sections.get(code) or [])[:count], start=1):
            for part in parts:
                initial[_row_name(code, index, part)] = row.get(part, "")
    setting = sections.get("I") or {}
    if setting.get("setting_id"):
        initial["named_setting"] = setting["setting_id"]
    return initial


class PlanForm(CaseChangeForm):
    kind = radios("Which version of the plan is this?", VersionKind.choices,
                  error_messages={"required": "Select which version of the plan this is"})
    named_setting = SettingChoiceField(
        label="Setting named in section I", required=False, empty_label="Not named yet",
        queryset=Organisation.objects.none())

    def __init__(self, data: Any = None, *, state: PlanState, **kwargs: Any) -> None:
        case: Case = kwargs["case"]
        sections = state.latest.sections if state.latest else empty_sections()
        kwargs["initial"] = {"kind": default_kind(case, state), **_initial(sections),
                             **kwargs.get("initial", {})}
        super().__init__(data, **kwargs)
        self.state = state
        self.fields["named_setting"].queryset = settings_in_area(case.local_authority)
        for section in TEXT_SECTIONS:
            self.fields[f"section_{section.code}"] = text_area(
                f"Section {section.code}: {section.title}", rows=6)
        self._add_row_fields()

    def _add_row_fields(self) -> None:
        for index in range(1, NEED_ROWS + 1):
            self.fields[_row_name("B", index, "need")] = forms.ChoiceField(
                label=f"Need {index}", choices=NEED_CHOICES, required=False)
            self.fields[_row_name("B", index, "description")] = text_area(
                f"Description of need {index}", rows=3)
        for index in range(1, OUTCOME_ROWS + 1):
            self.fields[_row_name("E", index, "outcome")] = text_area(f"Outcome {index}", rows=3)
            self.fields[_row_name("E", index, "by")] = forms.CharField(
                label=f"By when (outcome {index})", required=False, max_length=100,
                help_text="For example, end of Key Stage 2")
        for index in range(1, PROVISION_ROWS + 1):
            self.fields[_row_name("F", index, "need")] = forms.ChoiceField(
                label=f"Need this provision {index} meets", choices=NEED_CHOICES, required=False)
            self.fields[_row_name("F", index, "provision")] = text_area(
                f"Provision {index}", rows=3)
            self.fields[_row_name("F", index, "amount")] = forms.CharField(
                label=f"How much and how often (provision {index})", required=False,
                max_length=200, help_text="For example, 3 sessions of 30 minutes a week")
            self.fields[_row_name("F", index, "delivered_by")] = forms.CharField(
                label=f"Delivered by (provision {index})", required=False, max_length=200)

    # Rows shown: every row up to the last filled one, plus two empty ones to add to.
    def rows(self, code: str) -> list[dict[str, forms.BoundField]]:
        count, parts = ROWS[code]
        filled = [index for index in range(1, count + 1)
                  if any(str(self[_row_name(code, index, part)].value() or "").strip()
                         for part in parts)]
        shown = min(count, max((filled[-1] if filled else 0) + 2, 3))
        return [{"index": index, **{part: self[_row_name(code, index, part)] for part in parts}}
                for index in range(1, shown + 1)]

    def text_sections(self, *codes_: str) -> list[forms.BoundField]:
        return [self[f"section_{code}"] for code in codes_]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        for index in range(1, NEED_ROWS + 1):
            self._require(cleaned, "B", index, "need", "description",
                          f"Choose the type of need {index}")
        for index in range(1, OUTCOME_ROWS + 1):
            self._require(cleaned, "E", index, "outcome", "by", f"Enter outcome {index}")
        for index in range(1, PROVISION_ROWS + 1):
            self._require(cleaned, "F", index, "need", "provision",
                          f"Choose which need provision {index} meets")
            self._require(cleaned, "F", index, "provision", "need",
                          f"Describe provision {index}", also=("amount", "delivered_by"))
        return cleaned

    def _require(self, cleaned: dict[str, Any], code: str, index: int, field: str,
                 partner: str, message: str, also: tuple[str, ...] = ()) -> None:
        """A row that has `partner` (or any of `also`) filled in must have `field` too."""
        name = _row_name(code, index, field)
        others = [cleaned.get(_row_name(code, index, part)) for part in (partner, *also)]
        if any(str(value or "").strip() for value in others) and not cleaned.get(name):
            self.add_error(name, ValidationError(message, code="required"))

    def _row_values(self, code: str) -> list[dict[str, str]]:
        count, parts = ROWS[code]
        rows = []
        for index in range(1, count + 1):
            row = {part: str(self.cleaned_data.get(_row_name(code, index, part)) or "").strip()
                   for part in parts}
            if any(row.values()):
                rows.append(row)
        return rows

    def sections(self) -> dict[str, Any]:
        """The plan's sections as stored (see opensend/casework/plan_sections.py)."""
        data = self.cleaned_data
        sections: dict[str, Any] = {section.code: data[f"section_{section.code}"].strip()
                                    for section in TEXT_SECTIONS}
        sections.update({code: self._row_values(code) for code in ROWS})
        setting = data.get("named_setting")
        sections["I"] = ({"setting_id": setting.pk, "setting_name": setting.name}
                         if setting else {})
        return sections

    def service_arguments(self) -> dict[str, Any]:
        return {"kind": self.cleaned_data["kind"], "sections": self.sections(),
                "named_setting": self.cleaned_data.get("named_setting")}

    def vague_wording(self) -> dict[int, list[str]]:
        """Vague phrases in each provision row (row number -> phrases), as typed now."""
        found = {}
        for index in range(1, PROVISION_ROWS + 1):
            text = " ".join(str(self[_row_name("F", index, part)].value() or "")
                            for part in ("provision", "amount"))
            phrases = vague_phrases(text)
            if phrases:
                found[index] = phrases
        return found


def vague_wording_summary(sections: dict[str, Any]) -> list[str]:
    """Every vague phrase in section F of saved sections, for the message after saving."""
    text = " ".join(f"{row.get('provision', '')} {row.get('amount', '')}"
                    for row in sections.get("F") or [])
    return vague_phrases(text)


class PlanIssueForm(CaseChangeForm):
    issued_on = date_field("Date of issue", "the date of issue",
                           hint="The date the plan is sent to the family. For example, 27 3 2026")

    past_dates = ("issued_on",)

    def __init__(self, data: Any = None, *, working: PlanVersion | None, **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        self.working = working

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self.working is None:
            self.add_error(None, "There is no unissued version of the plan to issue: "
                                 "edit the plan first")
        request = getattr(self.case, "request", None)
        if request is not None:
            self.not_before("issued_on", request.received_on, "the date the request was received")
        return cleaned
