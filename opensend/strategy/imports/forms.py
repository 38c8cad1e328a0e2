"""The import's forms: the file, the table, and which column fills each field."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms

from opensend.core.forms import GovukForm
from opensend.strategy.imports.mapping import FIELDS
from opensend.strategy.imports.tables import SourceTable

NOT_IN_FILE = ""


class PlanFileForm(GovukForm):
    file = forms.FileField(
        label="Upload the action plan",
        help_text="An Excel workbook (.xlsx) or a Word document (.docx) with the plan in a table",
        error_messages={"required": "Choose the file of the action plan"},
    )


class TableForm(GovukForm):
    table = forms.TypedChoiceField(
        label="Which table holds the action plan?",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the table that holds the action plan"},
    )

    def __init__(self, *args: Any, tables: Sequence[SourceTable], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["table"].choices = [(table.number, table.label) for table in tables]  # type: ignore[attr-defined]


class ColumnsForm(GovukForm):
    """One select per field, listing the table's headers ("Not in the file": none)."""

    def __init__(self, *args: Any, header: Sequence[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(NOT_IN_FILE, "Not in the file")] + [
            (str(column), heading or f"Column {column + 1}")
            for column, heading in enumerate(header)
        ]
        for name, label in FIELDS.items():
            self.fields[name] = forms.ChoiceField(label=label, choices=choices, required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        chosen = [cleaned.get(name) for name in FIELDS if cleaned.get(name)]
        if len(chosen) != len(set(chosen)):
            raise forms.ValidationError("Each column can fill only one field")
        if not cleaned.get("action"):
            self.add_error("action", "Choose the column that holds the actions")
        return cleaned

    def mapping(self) -> dict[str, int | None]:
        return {
            name: int(self.cleaned_data[name]) if self.cleaned_data.get(name) else None
            for name in FIELDS
        }


def columns_initial(mapping: dict[str, int | None]) -> dict[str, str]:
    return {
        name: NOT_IN_FILE if mapping.get(name) is None else str(mapping[name]) for name in FIELDS
    }
