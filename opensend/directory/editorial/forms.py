"""The editorial forms. ListingForm checks a listing's editable fields; the CSV importer
checks each row with it too, so a row is accepted exactly when the form would be."""

from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from opensend.core.forms import GovukForm
from opensend.directory import models as m
from opensend.directory.editorial.fields import CHOICES, FIELDS, Fields
from opensend.statutory import codes

NEED_CHOICES = [(need.value, need.label) for need in codes.NeedType]
NONE = "none"  # the "Not given" radio (GOV.UK radios show no empty-valued choice)
OUT_OF_DATE = "This page is out of date: go back to the listing and try again"


def _optional(name: str) -> list[tuple[str, str]]:
    """A field's choices, with "Not given" as a radio that clears the answer."""
    return [(value or NONE, label) for value, label in CHOICES[name]]


def _text(label: str, *, required: bool = False, area: bool = False, **kwargs: Any):
    widget = forms.Textarea(attrs={"rows": 4}) if area else forms.TextInput
    return forms.CharField(label=label, required=required, widget=widget, **kwargs)


class ListingForm(GovukForm):
    name = _text(
        "Name",
        required=True,
        max_length=255,
        error_messages={"required": "Enter the name of the service"},
    )
    description = _text(
        "Description", area=True, help_text="What the service does, for families, in plain words"
    )
    status = forms.ChoiceField(label="Status", choices=CHOICES["status"])
    url = forms.URLField(
        label="Website",
        required=False,
        assume_scheme="https",
        error_messages={"invalid": "Enter a website address, like https://www.example.org"},
    )
    email = forms.EmailField(
        label="Email address",
        required=False,
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com"
        },
    )
    minimum_age = forms.IntegerField(
        label="Youngest age",
        required=False,
        min_value=0,
        max_value=25,
        help_text="In years, from 0 to 25",
    )
    maximum_age = forms.IntegerField(
        label="Oldest age",
        required=False,
        min_value=0,
        max_value=25,
        help_text="In years, from 0 to 25",
    )
    needs_supported = forms.MultipleChoiceField(
        label="Needs supported",
        required=False,
        choices=NEED_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply",
    )
    needs_description = _text("Needs supported, in plain words", area=True)
    eligibility = _text("Who can use it", area=True)
    referral_route = forms.ChoiceField(
        label="How to get a place",
        required=False,
        choices=_optional("referral_route"),
        widget=forms.RadioSelect,
    )
    short_break_tier = forms.ChoiceField(
        label="Short break tier",
        required=False,
        choices=_optional("short_break_tier"),
        widget=forms.RadioSelect,
    )
    fees = _text("Cost", area=True, help_text="For example, free, or £5 a session")
    cost_amount = forms.CharField(
        label="Price in pounds",
        required=False,
        help_text="Leave empty if there is no set price; 0 if free",
    )
    cost_description = _text("What the price covers", max_length=255)
    contact_name = _text(
        "Contact (team or role)", max_length=255, help_text="A team or role, not a person's name"
    )
    contact_email = forms.EmailField(
        label="Contact email address",
        required=False,
        error_messages={
            "invalid": "Enter the contact email address "
            "in the correct format, like "
            "name@example.com"
        },
    )
    contact_phone = _text("Contact phone number", max_length=30)
    delivery = forms.ChoiceField(
        label="How it is delivered",
        required=False,
        choices=_optional("delivery"),
        widget=forms.RadioSelect,
    )
    schedule_description = _text(
        "When it runs", area=True, help_text="For example, Saturdays 10am to 12pm in term time"
    )
    location_name = _text("Place name", max_length=255)
    address_1 = _text("Address line 1", max_length=255)
    city = _text("Town or city", max_length=100)
    postal_code = _text("Postcode", max_length=10)
    alert = _text(
        "Notice to families", area=True, help_text="For example, closed for the summer holidays"
    )

    def clean_cost_amount(self) -> str | None:
        value = self.cleaned_data["cost_amount"].strip().lstrip("£")
        if not value:
            return None
        try:
            amount = Decimal(value)
        except InvalidOperation:
            raise ValidationError("Enter the price as a number, like 5 or 12.50") from None
        if not amount.is_finite():  # "NaN", "sNaN", "Infinity" parse but are no price
            raise ValidationError("Enter the price as a number, like 5 or 12.50")
        if amount < 0 or amount >= Decimal("10000000"):
            raise ValidationError("Enter a price from 0 to 9999999")
        return f"{amount:.2f}"

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        for name in ("referral_route", "short_break_tier", "delivery"):
            if cleaned.get(name) == NONE:
                cleaned[name] = ""
        youngest, oldest = cleaned.get("minimum_age"), cleaned.get("maximum_age")
        if youngest is not None and oldest is not None and youngest > oldest:
            self.add_error(
                "maximum_age", "The oldest age must be the same as or more than the youngest age"
            )
        if cleaned.get("address_1") or cleaned.get("city") or cleaned.get("postal_code"):
            for name, what in (
                ("address_1", "address line 1"),
                ("city", "town or city"),
                ("postal_code", "postcode"),
            ):
                if not cleaned.get(name):
                    self.add_error(name, f"Enter the {what} of the place, or clear the address")
        return cleaned

    def listing_fields(self) -> Fields:
        """The cleaned answers, in the shape editorial/fields.py reads from ORUK JSON."""
        data = self.cleaned_data
        fields = {spec.name: data.get(spec.name) for spec in FIELDS}
        for spec in FIELDS:
            if spec.kind in ("text", "choice") and fields[spec.name] is None:
                fields[spec.name] = ""
        fields["needs_supported"] = sorted(data.get("needs_supported") or [])
        fields["postal_code"] = (data.get("postal_code") or "").upper()
        fields["status"] = data.get("status") or m.ServiceStatus.ACTIVE.value
        return fields


class ListingEditForm(ListingForm):
    """A provider's (or editor's) change, carrying the version the form was opened on."""

    base_version = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=0,
        error_messages={"required": OUT_OF_DATE, "invalid": OUT_OF_DATE},
    )
    replacing = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ListingCreateForm(ListingForm):
    organization = forms.ModelChoiceField(
        label="Organisation",
        queryset=m.Organization.objects.order_by("name"),
        empty_label="Choose an organisation",
        error_messages={"required": "Choose the organisation that runs the service"},
    )

    field_order = ["organization"]


class RejectForm(GovukForm):
    reason = forms.CharField(
        label="Why is this change rejected?",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="The provider sees this. Say what they need to change.",
        error_messages={"required": "Enter why the change is rejected"},
    )


class ImportForm(GovukForm):
    file = forms.FileField(
        label="Upload a file",
        help_text="ORUK 3.0 JSON (a /services page or a list of services), NDJSON, or CSV",
        error_messages={"required": "Choose a file to import", "empty": "The file is empty"},
    )
