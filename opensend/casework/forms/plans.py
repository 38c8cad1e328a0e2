"""Writing and issuing the EHC plan (Reg 11-14, 22; sections as in CoP 9.62).

The working (unissued) version is written one section at a time (A to K), each saved as
you go. Needs (B), outcomes (E) and provision (F) are lists a caseworker adds to one at a
time (GOV.UK "add another"); each provision says which need in section B it meets (the
"golden thread", CoP 9.69). Vague wording and unexplained abbreviations are warnings,
never errors: only the caseworker can judge whether "regular" is quantified elsewhere.
What a version is issued as (draft, final...) is chosen by the issue action.
"""

from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from opensend.casework.forms.common import CaseChangeForm, date_field, radios, text_area
from opensend.casework.forms.requests import SettingChoiceField, settings_in_area
from opensend.casework.models import Case, Plan, PlanVersion, Stage, VersionKind
from opensend.casework.plan_sections import Section
from opensend.people.models import Organisation
from opensend.statutory import codes
from opensend.statutory.plan_quality import WordingCheck, wording_check

NEED_LABELS = dict(codes.choices(codes.NeedType))
MAX_ROWS = 30
# A plan section's limit (issue 13, finding 7): about eight pages, rendered as a PDF in
# well under a second; a 100 KB section took 5.7 seconds on one of two workers. Rows
# (needs, outcomes, provision) have the 10,000 of every text field.
PLAN_SECTION_MAX_LENGTH = 20_000


@dataclass(frozen=True)
class RowShape:
    noun: str  # "need", "outcome", "provision"
    parts: tuple[str, ...]
    labels: tuple[str, ...]
    key: str  # the part a row cannot be without
    missing: str  # its error, with {index}


ROW_SHAPES = {
    "needs": RowShape("need", ("need", "description"), ("Type of need", "Description"),
                      "need", "Choose the type of need {index}"),
    "outcomes": RowShape("outcome", ("outcome", "by"), ("Outcome", "By when"),
                         "outcome", "Enter outcome {index}"),
    "provision": RowShape("provision", ("need", "provision", "amount", "delivered_by"),
                          ("Need it meets", "Provision", "How much and how often",
                           "Delivered by"),
                          "provision", "Describe provision {index}"),
}
PART_HINTS = {
    ("outcomes", "by"): "For example, end of Key Stage 2",
    ("provision", "amount"): "For example, 3 sessions of 30 minutes a week",
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


def issue_kinds(state: PlanState) -> list[str]:
    """What the working version may be issued as, by what has been issued before: a
    draft first (CFA s38(1); Reg 13), then the final (or a new draft); once a plan is
    made, proposed amendments, then the final amended plan (Reg 22)."""
    issued = set(state.plan.versions.filter(issued_on__isnull=False)
                 .values_list("kind", flat=True)) if state.plan else set()
    if not issued & {VersionKind.FINAL, VersionKind.AMENDED_FINAL}:
        if VersionKind.DRAFT in issued:
            return [VersionKind.FINAL, VersionKind.DRAFT]
        return [VersionKind.DRAFT]
    if state.last_issued is not None and state.last_issued.kind == VersionKind.PROPOSED_AMENDMENT:
        return [VersionKind.AMENDED_FINAL, VersionKind.PROPOSED_AMENDMENT]
    return [VersionKind.PROPOSED_AMENDMENT]


def plan_text(sections: dict[str, Any]) -> str:
    """Every word of the plan, for finding where an abbreviation is spelled out."""
    words: list[str] = []
    for value in sections.values():
        if isinstance(value, str):
            words.append(value)
        elif isinstance(value, list):
            words += [str(part) for row in value for part in row.values()]
    return " ".join(words)


def section_wording(section: Section, value: Any, sections: dict[str, Any]) -> WordingCheck:
    """What the wording check finds in one section's stored value."""
    if section.shape == "text":
        return wording_check(value or "", explained_in=plan_text(sections))
    if section.shape in ROW_SHAPES:
        text = " ".join(str(part) for row in value or [] for key, part in row.items()
                        if key != "need")
        return wording_check(text, explained_in=plan_text(sections),
                             provision=section.shape == "provision")
    return WordingCheck((), ())


def need_choices(sections: dict[str, Any]) -> list[tuple[str, str]]:
    """The needs of section B, ranked, for a provision to say which it meets."""
    choices = [("", "Choose the need it meets")]
    for rank, row in enumerate(sections.get("B") or [], start=1):
        code = row.get("need", "")
        if code and code not in dict(choices):
            choices.append((code, f"{rank}. {NEED_LABELS.get(code, code)}"))
    return choices


class PlanSectionForm(CaseChangeForm):
    """One section of the working version."""

    rows = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=MAX_ROWS,
                              required=False)

    def __init__(self, data: Any = None, *, section: Section, sections: dict[str, Any],
                 add_row: bool = False, **kwargs: Any) -> None:
        self.section, self.stored = section, sections
        value = sections.get(section.code)
        self.shape = ROW_SHAPES.get(section.shape)
        count = len(value or []) if self.shape else 0
        if self.shape and (add_row or count == 0):
            count += 1
        posted = _posted_rows(data)
        self.row_count = min(MAX_ROWS, posted if posted is not None else count)
        kwargs["initial"] = {"rows": self.row_count, **self._initial(value)}
        super().__init__(data, **kwargs)
        self._add_fields()

    def _initial(self, value: Any) -> dict[str, Any]:
        if self.section.shape == "text":
            return {"text": value or ""}
        if self.section.shape == "placement":
            return {"setting": (value or {}).get("setting_id")}
        assert self.shape is not None
        return {f"{part}_{index}": row.get(part, "")
                for index, row in enumerate(value or [], start=1) for part in self.shape.parts}

    def _add_fields(self) -> None:
        title = f"Section {self.section.code}: {self.section.title}"
        if self.section.shape == "text":
            self.fields["text"] = text_area(title, rows=12, max_length=PLAN_SECTION_MAX_LENGTH)
        elif self.section.shape == "placement":
            self.fields["setting"] = SettingChoiceField(
                label="The school, college or other setting named", required=False,
                empty_label="Not named yet",
                queryset=settings_in_area(self.case.local_authority))
        else:
            for index in range(1, self.row_count + 1):
                self._add_row(index)

    def _add_row(self, index: int) -> None:
        assert self.shape is not None
        for part, label in zip(self.shape.parts, self.shape.labels, strict=True):
            name = f"{part}_{index}"
            hint = PART_HINTS.get((self.section.shape, part), "")
            if part == "need":
                choices = (need_choices(self.stored) if self.section.shape == "provision"
                           else [("", "Choose a need"), *codes.choices(codes.NeedType)])
                self.fields[name] = forms.ChoiceField(label=label, choices=choices,
                                                      required=False, help_text=hint)
            elif part in ("description", "outcome", "provision"):
                self.fields[name] = text_area(label, rows=4, hint=hint)
            else:
                self.fields[name] = forms.CharField(label=label, required=False,
                                                    max_length=200, help_text=hint)

    def row_fields(self) -> list[dict[str, Any]]:
        """The rows as the page shows them, each with its wording check."""
        if self.shape is None:
            return []
        explained = plan_text(self.stored)
        rows = []
        for index in range(1, self.row_count + 1):
            fields = {part: self[f"{part}_{index}"] for part in self.shape.parts}
            text = " ".join(str(field.value() or "") for part, field in fields.items()
                            if part != "need")
            rows.append({"index": index, "fields": fields, "wording": wording_check(
                text, explained_in=explained, provision=self.section.shape == "provision")})
        return rows

    def text_wording(self) -> WordingCheck:
        if self.section.shape != "text":
            return WordingCheck((), ())
        return wording_check(str(self["text"].value() or ""), explained_in=plan_text(self.stored))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        for index in range(1, self.row_count + 1):
            self._check_row(cleaned, index)
        return cleaned

    def _check_row(self, cleaned: dict[str, Any], index: int) -> None:
        assert self.shape is not None
        row = {part: str(cleaned.get(f"{part}_{index}") or "").strip() for part in self.shape.parts}
        if not any(row.values()):
            return
        if not row[self.shape.key]:
            self.add_error(f"{self.shape.key}_{index}", ValidationError(
                self.shape.missing.format(index=index), code="required"))
        if self.section.shape == "provision" and not row["need"]:
            self.add_error(f"need_{index}", ValidationError(
                f"Choose which need in section B provision {index} meets", code="required"))

    def value(self, *, without: int | None = None) -> Any:
        """The section as stored (see plan_sections.py), leaving out row `without`."""
        data = self.cleaned_data
        if self.section.shape == "text":
            return data["text"].strip()
        if self.section.shape == "placement":
            setting: Organisation | None = data.get("setting")
            return {"setting_id": setting.pk, "setting_name": setting.name} if setting else {}
        assert self.shape is not None
        rows = []
        for index in range(1, self.row_count + 1):
            row = {part: str(data.get(f"{part}_{index}") or "").strip()
                   for part in self.shape.parts}
            if any(row.values()) and index != without:
                rows.append(row)
        return rows


def _posted_rows(data: Any) -> int | None:
    try:
        return int(data["rows"]) if data is not None else None
    except (KeyError, TypeError, ValueError):
        return None


# SEN2 items a final plan settles (issue 10): asked when it, or an amended final plan, is
# issued, because sections I and J are fixed then (docs/sen2-return.md).
PLACEMENT_CHOICES = [
    ("sen_unit", "In the setting's SEN unit"),
    ("resourced_provision", "In the setting's resourced provision"),
    ("work_based_learning", "Work-based learning (for example a supported internship)"),
]
BUDGET_CHOICES = [
    ("organised_arrangement", "Organised arrangement (the local authority arranges it)"),
    ("direct_payment", "Direct payment"),
]
# GOV.UK radios render no empty choice, so "not residential" needs a value of its own
# (stored as "": the SEN2 PlanRes item is left out).
NOT_RESIDENTIAL = "not_residential"
RESIDENTIAL_CHOICES = [(NOT_RESIDENTIAL, "Not residential"),
                       *codes.choices(codes.ResidentialPlacement)]
FINAL_KINDS = (VersionKind.FINAL, VersionKind.AMENDED_FINAL)


class PlanIssueForm(CaseChangeForm):
    issued_on = date_field("Date of issue", "the date of issue",
                           hint="The date the plan is sent to the family. For example, 27 3 2026")
    kind = forms.ChoiceField(widget=forms.HiddenInput, choices=VersionKind.choices,
                             error_messages={"invalid_choice": "This version cannot be issued "
                                             "as that: go back to the plan and choose again"})
    placement = forms.MultipleChoiceField(
        label="How the named setting provides for them", choices=PLACEMENT_CHOICES,
        required=False, widget=forms.CheckboxSelectMultiple, help_text="Select all that apply")
    residential = radios("Is the placement residential?", RESIDENTIAL_CHOICES, required=False)
    personal_budget = forms.MultipleChoiceField(
        label="Personal budget (section J)", choices=BUDGET_CHOICES, required=False,
        widget=forms.CheckboxSelectMultiple, help_text="Leave empty if there is no personal budget")
    transferred_from_la = forms.RegexField(
        label="If the plan was transferred from another local authority, its LA code",
        regex=r"^\d{3}$", required=False, max_length=3, help_text="3 digits, for example 926",
        error_messages={"invalid": "Enter the LA code as 3 digits, like 926"})

    past_dates = ("issued_on",)

    def __init__(self, data: Any = None, *, working: PlanVersion | None, kinds: list[str],
                 **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        self.working = working
        self.fields["kind"].choices = [(kind, VersionKind(kind).label) for kind in kinds]
        if working is not None and working.plan_id is not None:
            self.initial.update(_provision_initial(working.plan))

    @property
    def asks_provision(self) -> bool:
        """The SEN2 items are asked when a final or amended final plan is issued."""
        return self.working is not None and self["kind"].value() in FINAL_KINDS

    def provision(self) -> dict[str, Any] | None:
        """The SEN2 provision items as the service takes them (None: not asked)."""
        if not self.asks_provision:
            return None
        data = self.cleaned_data
        chosen = {*data.get("placement", []), *data.get("personal_budget", [])}
        flags = {name: name in chosen for name, _ in [*PLACEMENT_CHOICES, *BUDGET_CHOICES]}
        residential = data.get("residential") or ""
        return {**flags, "residential": "" if residential == NOT_RESIDENTIAL else residential,
                "transferred_from_la": data.get("transferred_from_la") or ""}

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self.working is None:
            self.add_error(None, "There is no unissued version of the plan to issue: "
                                 "write the plan first")
        request = getattr(self.case, "request", None)
        if request is not None:
            self.not_before("issued_on", request.received_on, "the date the request was received")
        return cleaned


def _provision_initial(plan: Plan) -> dict[str, Any]:
    placement = [name for name, _ in PLACEMENT_CHOICES if getattr(plan, name)]
    budget = [name for name, _ in BUDGET_CHOICES if getattr(plan, name)]
    return {"placement": placement, "personal_budget": budget,
            "residential": plan.residential or NOT_RESIDENTIAL,
            "transferred_from_la": plan.transferred_from_la}
