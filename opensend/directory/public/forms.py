"""The search form (a GET form: every search is a link a family can bookmark or share)."""

from typing import Any

from django import forms

from opensend.core.forms import GovukForm
from opensend.directory import models as m
from opensend.directory.public import geography, needs
from opensend.directory.public.search import Origin, SearchQuery, normalise_words

DELIVERY = [("in_person", "In person"), ("online", "Online"), ("phone", "By phone")]
DAYS = [
    ("MO", "Monday"),
    ("TU", "Tuesday"),
    ("WE", "Wednesday"),
    ("TH", "Thursday"),
    ("FR", "Friday"),
    ("SA", "Saturday"),
    ("SU", "Sunday"),
]
DISTANCES = [("", "Any distance"), ("1", "1 mile"), ("3", "3 miles"), ("5", "5 miles"),
             ("10", "10 miles"), ("20", "20 miles")]  # fmt: skip


def category_choices() -> list[tuple[str, str]]:
    """The Local Offer's categories, "Parent: child" (read as plain values: this runs on
    every search page)."""
    terms = m.TaxonomyTerm.objects.filter(taxonomy__name__icontains="local offer")
    rows = terms.order_by("parent__name", "name").values_list("id", "name", "parent__name")
    return [("", "All categories")] + [
        (str(term_id), f"{parent}: {name}" if parent else name) for term_id, name, parent in rows
    ]


class SearchForm(GovukForm):
    q = forms.CharField(
        label="Search for",
        required=False,
        max_length=100,
        help_text="For example, swimming, speech therapy or youth club",
    )
    place = forms.CharField(label="Postcode or town", required=False, max_length=60,
                            help_text="For example, NM3 4AB or Millbrook")  # fmt: skip
    within = forms.ChoiceField(label="Distance", required=False, choices=DISTANCES)
    age = forms.IntegerField(label="Child’s age", required=False, min_value=0, max_value=25,
                             help_text="In years, from 0 to 25")  # fmt: skip
    need = forms.MultipleChoiceField(
        label="Needs", required=False, widget=forms.CheckboxSelectMultiple,
        choices=[(code, needs.plain_need(code)) for code in needs.ORDER],
    )  # fmt: skip
    category = forms.ChoiceField(label="Category", required=False, choices=[])
    free = forms.BooleanField(label="Free services only", required=False)
    delivery = forms.MultipleChoiceField(
        label="How it is given", required=False, widget=forms.CheckboxSelectMultiple,
        choices=DELIVERY,
    )  # fmt: skip
    day = forms.MultipleChoiceField(
        label="Days", required=False, widget=forms.CheckboxSelectMultiple, choices=DAYS
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = category_choices()
        self.fields["age"].error_messages.update(
            invalid="Enter the child’s age as a number, like 9",
            min_value="Enter an age from 0 to 25",
            max_value="Enter an age from 0 to 25",
        )
        self.origin: Origin | None = None

    def clean_place(self) -> str:
        text = " ".join(self.cleaned_data.get("place", "").split())
        if text:
            self.origin = _find_place(text)
        return text

    def query(self) -> SearchQuery:
        data = self.cleaned_data
        within = data.get("within")
        return SearchQuery(
            words=normalise_words(data.get("q", "")),
            needs=tuple(data.get("need") or ()),
            age=data.get("age"),
            category=data.get("category") or None,
            free=bool(data.get("free")),
            delivery=tuple(data.get("delivery") or ()),
            days=tuple(data.get("day") or ()),
            origin=self.origin,
            within_miles=float(within) if within and self.origin else None,
        )


def _find_place(text: str) -> Origin:
    """The centre of a postcode or town; a ValidationError that says what to do if not."""
    if geography.looks_like_postcode(text):
        if not geography.is_postcode(text):
            raise forms.ValidationError(
                "Enter a full postcode, like NM3 4AB, or the name of a town",
                code="badly_formed",
            )
        code = geography.normalise_postcode(text)
        found = m.PostcodeCentroid.objects.filter(postcode=code).first()
        if found is None:
            raise forms.ValidationError(
                f"We do not know the postcode {geography.pretty_postcode(code)}. Check it, "
                "or enter the name of a town instead",
                code="unknown_postcode",
            )
        return Origin(geography.pretty_postcode(code), found.latitude, found.longitude)
    town = m.Place.objects.filter(name__iexact=text).first()
    if town is None:
        raise forms.ValidationError(
            f"We do not know a town called {text}. Check the spelling, or enter a postcode",
            code="unknown_town",
        )
    return Origin(town.name, town.latitude, town.longitude)
