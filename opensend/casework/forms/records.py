"""Complete records (issue 9): the child's details, the people with parental
responsibility, and where the child is placed when the plan names no setting with a URN.

Identifiers are checked with opensend.statutory.identifiers (check digits included), so
the SEN2 validation (P01-P03) cannot fail on a value typed here.
"""

from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from opensend.casework.forms.common import CaseChangeForm, date_field, radios, text_area, yes_no
from opensend.people.models import Child, FamilyMember
from opensend.statutory import codes
from opensend.statutory.identifiers import (
    IdentifierError,
    validate_nhs_number,
    validate_postcode,
    validate_uln,
    validate_upn,
)

NEED_CHOICES = [("", "Not recorded"), *codes.choices(codes.NeedType)]
ETHNICITY_CHOICES = [("", "Not recorded"), *codes.choices(codes.Ethnicity)]
UPN_REASON_CHOICES = [("", "Choose a reason"), *codes.choices(codes.UpnUnknownReason)]


def _checked(value: str, validate: Callable[[str], str]) -> str:
    if not value.strip():
        return ""
    try:
        return validate(value)
    except IdentifierError as error:
        raise ValidationError(str(error), code="invalid") from None


class ChildDetailsForm(CaseChangeForm):
    legal_forename = forms.CharField(label="Legal first name", max_length=100,
                                     error_messages={"required": "Enter the legal first name"})
    legal_surname = forms.CharField(label="Legal last name", max_length=100,
                                    error_messages={"required": "Enter the legal last name"})
    preferred_name = forms.CharField(label="Preferred first name (optional)", required=False,
                                     max_length=100)
    date_of_birth = date_field("Date of birth", "the date of birth", hint="For example, 27 3 2015")
    sex = radios("Sex", codes.choices(codes.Sex),
                 error_messages={"required": "Select the child's sex"})
    ethnicity = forms.ChoiceField(
        label="Ethnicity", choices=ETHNICITY_CHOICES,
        error_messages={"required": "Select the child's ethnicity, or 'Refused' or "
                                    "'Information not yet obtained'"},
        help_text="As the family describes it. Choose 'Refused' if they would rather not say")
    postcode = forms.CharField(label="Home postcode", max_length=20,
                               error_messages={"required": "Enter the child's home postcode"})
    upn = forms.CharField(label="UPN (unique pupil number)", required=False, max_length=20,
                          help_text="13 characters, like A123456789012. Leave blank if the "
                                    "child does not have one")
    upn_unknown_reason = forms.ChoiceField(
        label="Why the child has no UPN", choices=UPN_REASON_CHOICES, required=False,
        help_text="Only if the UPN is blank")
    uln = forms.CharField(label="ULN (unique learner number, optional)", required=False,
                          max_length=20, help_text="10 numbers, for learners aged 14 and over")
    nhs_number = forms.CharField(label="NHS number (optional)", required=False, max_length=20,
                                 help_text="10 numbers, like 485 777 3456")
    primary_need = forms.ChoiceField(label="Primary need", choices=NEED_CHOICES, required=False,
                                     help_text="The child's main special educational need")
    secondary_need = forms.ChoiceField(label="Secondary need (optional)", choices=NEED_CHOICES,
                                       required=False)

    past_dates = ("date_of_birth",)

    def __init__(self, data: Any = None, *, child: Child, needs: dict[str, str],
                 **kwargs: Any) -> None:
        initial = {name: getattr(child, name) for name in (
            "legal_forename", "legal_surname", "preferred_name", "date_of_birth", "sex",
            "ethnicity", "postcode", "upn", "upn_unknown_reason", "uln", "nhs_number")}
        super().__init__(data, initial={**initial, **needs}, **kwargs)
        self.child = child

    def clean_upn(self) -> str:
        upn = _checked(self.cleaned_data["upn"], validate_upn)
        if upn and Child.objects.filter(upn=upn).exclude(pk=self.child.pk).exists():
            raise ValidationError("Another child or young person already has this UPN: "
                                  "check it against the school's record", code="duplicate")
        return upn

    def clean_uln(self) -> str:
        return _checked(self.cleaned_data["uln"], validate_uln)

    def clean_nhs_number(self) -> str:
        return _checked(self.cleaned_data["nhs_number"], validate_nhs_number)

    def clean_postcode(self) -> str:
        return _checked(self.cleaned_data["postcode"], validate_postcode)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if "upn" in cleaned and not cleaned["upn"] and not cleaned.get("upn_unknown_reason"):
            # SEN2 P01: a child without a UPN needs the reason it is unknown.
            self.add_error("upn_unknown_reason", ValidationError(
                "Enter the UPN, or choose why the child has no UPN", code="required"))
        primary, secondary = cleaned.get("primary_need"), cleaned.get("secondary_need")
        if secondary and not primary:
            self.add_error("primary_need", ValidationError(
                "Choose the primary need before a secondary need", code="required"))
        elif secondary and secondary == primary:
            self.add_error("secondary_need", ValidationError(
                "The secondary need must be different from the primary need", code="same"))
        return cleaned

    def service_arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        details = {name: data[name] for name in self.initial if name not in (
            "version", "primary_need", "secondary_need")}
        return {"details": details, "primary_need": data["primary_need"],
                "secondary_need": data["secondary_need"]}


class FamilyFieldsMixin:
    """The questions about a person with parental responsibility, asked on the request
    form and on the family member's own page (Reg 6(1)(a)-(b): the LA consults the
    child's parent; CoP 9.21: in a way they can take part in)."""

    @staticmethod
    def family_fields(prefix: str = "") -> dict[str, forms.Field]:
        return {
            f"{prefix}name": forms.CharField(
                label="Full name", required=False, max_length=150),
            f"{prefix}relationship": forms.CharField(
                label="Relationship to the child", required=False, max_length=60,
                help_text="For example, mother, father, special guardian, foster carer"),
            f"{prefix}email": forms.EmailField(
                label="Email address (optional)", required=False,
                error_messages={"invalid": "Enter an email address in the correct format, "
                                           "like name@example.com"}),
            f"{prefix}phone": forms.CharField(
                label="Phone number (optional)", required=False, max_length=30),
            f"{prefix}address": text_area("Postal address (optional)", rows=3),
            f"{prefix}preferred_language": forms.CharField(
                label="Preferred language", required=False, max_length=60,
                help_text="For example, English, Polish, British Sign Language"),
            f"{prefix}interpreter_needed": forms.TypedChoiceField(
                label="Do they need an interpreter?", required=False, widget=forms.RadioSelect,
                choices=[("yes", "Yes"), ("no", "No")], coerce=lambda value: value == "yes",
                empty_value=None),
        }

    def check_family(self, cleaned: dict[str, Any], prefix: str = "") -> None:
        """Name, relationship, a way to reach them and their language are needed."""
        needed = {
            "name": "Enter the full name of the person with parental responsibility",
            "relationship": "Enter their relationship to the child",
            "preferred_language": "Enter the language they prefer, for example English",
        }
        for name, message in needed.items():
            field = f"{prefix}{name}"
            if not str(cleaned.get(field) or "").strip() and field not in self.errors:  # type: ignore[attr-defined]
                self.add_error(field, ValidationError(message, code="required"))  # type: ignore[attr-defined]
        if cleaned.get(f"{prefix}interpreter_needed") is None:
            self.add_error(f"{prefix}interpreter_needed", ValidationError(  # type: ignore[attr-defined]
                "Select whether they need an interpreter", code="required"))
        contacts = ("email", "phone", "address")
        if not any(str(cleaned.get(f"{prefix}{name}") or "").strip() for name in contacts) \
                and f"{prefix}email" not in self.errors:  # type: ignore[attr-defined]
            self.add_error(f"{prefix}email", ValidationError(  # type: ignore[attr-defined]
                "Enter an email address, a phone number or a postal address, so the "
                "local authority can reach them", code="required"))

    @staticmethod
    def family_values(cleaned: dict[str, Any], prefix: str = "") -> dict[str, Any]:
        names = ("name", "relationship", "email", "phone", "address", "preferred_language")
        values: dict[str, Any] = {name: str(cleaned.get(f"{prefix}{name}") or "").strip()
                                  for name in names}
        values["interpreter_needed"] = bool(cleaned.get(f"{prefix}interpreter_needed"))
        return values


class FamilyMemberForm(FamilyFieldsMixin, CaseChangeForm):
    holds_parental_responsibility = yes_no(
        "Do they hold parental responsibility for the child?",
        "Select whether they hold parental responsibility",
        hint="Someone who no longer holds it stays in the record, marked as such")

    def __init__(self, data: Any = None, *, member: FamilyMember | None, **kwargs: Any) -> None:
        initial: dict[str, Any] = {"holds_parental_responsibility": "yes"}
        if member is not None:
            initial = {name: getattr(member, name) for name in (
                "name", "relationship", "email", "phone", "address", "preferred_language")}
            initial["interpreter_needed"] = "yes" if member.interpreter_needed else "no"
            initial["holds_parental_responsibility"] = (
                "yes" if member.holds_parental_responsibility else "no")
        super().__init__(data, initial=initial, **kwargs)
        self.fields.update(self.family_fields())
        last = "holds_parental_responsibility"
        self.fields[last] = self.fields.pop(last)
        self.member = member

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        self.check_family(cleaned)
        return cleaned

    def service_arguments(self) -> dict[str, Any]:
        return {**self.family_values(self.cleaned_data),
                "holds_parental_responsibility": self.cleaned_data[
                    "holds_parental_responsibility"]}


class PlanSettingCodeForm(CaseChangeForm):
    setting_code = radios(
        "Where does the child or young person go instead?", codes.choices(codes.SettingCode),
        hint="For the SEN2 return, when the plan names no school, college or other setting "
             "with a URN or UKPRN",
        error_messages={"required": "Select where the child or young person goes"})
