"""The calendar's filters: read from the query string, so every view is a plain link."""

import datetime as dt
import uuid

from django import forms

from opensend.directory import models as m
from opensend.directory.calendar.selectors import CalendarFilters
from opensend.statutory import codes

CATEGORY_TAXONOMY = "Local Offer categories"
OLDEST = 25  # the SEND system covers 0 to 25


def category_choices() -> list[tuple[str, str]]:
    """The top-level terms of the Local Offer category taxonomy."""
    terms = m.TaxonomyTerm.objects.filter(taxonomy__name=CATEGORY_TAXONOMY, parent__isnull=True)
    return [("", "Any category")] + [(str(term.id), term.name) for term in terms]


class CalendarFilterForm(forms.Form):
    age = forms.IntegerField(
        label="Age of the child or young person",
        required=False,
        min_value=0,
        max_value=OLDEST,
        error_messages={
            "invalid": "Enter an age as a number, like 9",
            "min_value": "Enter an age from 0 to 25",
            "max_value": "Enter an age from 0 to 25",
        },
    )
    need = forms.ChoiceField(
        label="Need",
        required=False,
        choices=[("", "Any need")] + [(need.value, need.label) for need in codes.NeedType],
    )
    category = forms.ChoiceField(label="Category", required=False)
    week = forms.DateField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["category"].choices = category_choices()  # type: ignore[attr-defined]

    def filters(self) -> CalendarFilters:
        """The valid filters (an invalid one is ignored, and its error shown)."""
        data = self.cleaned_data if self.is_bound else {}
        category = data.get("category")
        return CalendarFilters(
            age=data.get("age"),
            need=data.get("need") or "",
            category=uuid.UUID(category) if category else None,
        )

    def first_day(self) -> dt.date | None:
        return self.cleaned_data.get("week") if self.is_bound else None

    def query(self) -> dict[str, str]:
        """The valid filters as query parameters, for links that keep them."""
        filters = self.filters()
        query = {"age": filters.age, "need": filters.need, "category": filters.category}
        return {key: str(value) for key, value in query.items() if value not in (None, "")}
