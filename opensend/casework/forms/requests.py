"""Recording a request for an EHC needs assessment (CFA s36), for a child already
recorded or for a child new to the service."""

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from opensend.casework.forms.common import PastDatesMixin, date_field, radios, text_area
from opensend.casework.selectors import OPEN_STAGES, children_search
from opensend.core.forms import GovukForm
from opensend.core.submissions import SubmissionTokenField
from opensend.people.models import Child, Organisation, OrganisationKind, Role, User
from opensend.statutory import codes
from opensend.statutory.identifiers import (
    POSTCODE_FORMAT_MESSAGE,
    IdentifierError,
    validate_postcode,
    validate_upn,
)

SETTING_KINDS = (OrganisationKind.SCHOOL, OrganisationKind.EARLY_YEARS, OrganisationKind.COLLEGE)
EXISTING, NEW = "existing", "new"
NEW_CHILD_FIELDS = ("legal_forename", "legal_surname", "date_of_birth", "sex", "postcode")
REQUIRED_MESSAGES = {
    "legal_forename": "Enter the child's first name",
    "legal_surname": "Enter the child's last name",
    "date_of_birth": "Enter the child's date of birth",
    "sex": "Select the child's sex",
    "postcode": "Enter the child's postcode",
}


def casework_local_authority(user: User) -> Organisation | None:
    """The local authority a caseworker or SEN manager works for (their membership)."""
    membership = (user.memberships.filter(role__in=[Role.CASEWORKER, Role.SEN_MANAGER])
                  .select_related("organisation").order_by("pk").first())
    return membership.organisation if membership else None


def settings_in_area(local_authority: Organisation) -> QuerySet[Organisation]:
    """Early years settings, schools and colleges in the local authority's area."""
    return Organisation.objects.filter(local_authority=local_authority,
                                       kind__in=SETTING_KINDS).order_by("name")


class SettingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Organisation) -> str:
        return f"{obj.name} (URN {obj.urn})" if obj.urn else obj.name


class EhcRequestForm(PastDatesMixin, GovukForm):
    submission = SubmissionTokenField()
    child = radios("Who is the request for?", [
        (EXISTING, "A child or young person already recorded"),
        (NEW, "A child or young person not yet recorded"),
    ], error_messages={"required": "Select whether the child is already recorded"})
    existing_upn = forms.CharField(label="Their UPN (unique pupil number)", required=False,
                                   max_length=20, help_text="13 characters, like A123456789012")
    legal_forename = forms.CharField(label="Legal first name", required=False, max_length=100)
    legal_surname = forms.CharField(label="Legal last name", required=False, max_length=100)
    date_of_birth = date_field("Date of birth", "the date of birth", required=False,
                               hint="For example, 27 3 2015")
    sex = radios("Sex", codes.choices(codes.Sex), required=False)
    upn = forms.CharField(label="UPN (optional)", required=False, max_length=20,
                          help_text="Leave blank if the child does not have one yet")
    postcode = forms.CharField(label="Postcode", required=False, max_length=20,
                               error_messages={"max_length": POSTCODE_FORMAT_MESSAGE})
    primary_need = forms.ChoiceField(
        label="Primary need (optional)", required=False,
        choices=[("", "Not known yet"), *codes.choices(codes.NeedType)])
    received_on = date_field("When did the local authority receive the request?",
                             "the date the request was received")
    source = radios("Who made the request?", codes.choices(codes.RequestSource),
                    error_messages={"required": "Select who made the request"})
    requested_by = forms.CharField(label="Name of the person who made the request (optional)",
                                   required=False, max_length=150)
    requesting_setting = SettingChoiceField(
        label="Setting that made or supports the request (optional)", required=False,
        queryset=Organisation.objects.none(), empty_label="None")
    graduated_approach_evidence = text_area(
        "The setting's evidence of the graduated approach (optional)", rows=6,
        hint="What the setting has tried so far: assess, plan, do, review "
             "(SEND Code of Practice 6.44)")

    past_dates = ("received_on", "date_of_birth")

    def __init__(self, data: Any = None, *, user: User, local_authority: Organisation,
                 today: dt.date, **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        self.user, self.local_authority, self.today = user, local_authority, today
        self.fields["requesting_setting"].queryset = settings_in_area(local_authority)
        self.found_child: Child | None = None

    def clean_existing_upn(self) -> str:
        return self._upn(self.cleaned_data["existing_upn"], required=self.data.get(
            self.add_prefix("child")) == EXISTING)

    def clean_upn(self) -> str:
        return self._upn(self.cleaned_data["upn"], required=False)

    def clean_postcode(self) -> str:
        postcode = self.cleaned_data["postcode"]
        if not postcode.strip():
            return ""
        try:
            return validate_postcode(postcode)
        except IdentifierError as error:
            raise ValidationError(str(error), code="postcode") from None

    def _upn(self, value: str, *, required: bool) -> str:
        if not value.strip() and not required:
            return ""
        try:
            return validate_upn(value)
        except IdentifierError as error:
            raise ValidationError(str(error), code="upn") from None

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        self.check_past_dates(cleaned)
        if cleaned.get("child") == EXISTING and cleaned.get("existing_upn"):
            self._find_existing(cleaned["existing_upn"])
        elif cleaned.get("child") == NEW:
            self._check_new_child(cleaned)
        return cleaned

    def _find_existing(self, upn: str) -> None:
        found = [child for child in children_search(user=self.user, today=self.today, text=upn)
                 if child.upn == upn]
        if not found:
            self.add_error("existing_upn", "No child or young person you can see has this UPN. "
                           "Check it, or record them as not yet recorded")
        elif any(case.stage in OPEN_STAGES for case in found[0].cases.all()):
            self.add_error("existing_upn", f"{found[0].full_name} already has an open EHC case: "
                           "record the request on that case instead")
        else:
            self.found_child = found[0]

    def _check_new_child(self, cleaned: dict[str, Any]) -> None:
        for name in NEW_CHILD_FIELDS:
            if not cleaned.get(name) and name not in self.errors:
                self.add_error(name, ValidationError(REQUIRED_MESSAGES[name], code="required"))
        upn = cleaned.get("upn")
        if upn and Child.objects.filter(upn=upn).exists():
            self.add_error("upn", "A child or young person with this UPN is already recorded. "
                           "Choose 'already recorded' and enter the UPN there, or ask a SEN "
                           "manager if you cannot find them")

    def child_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {name: data[name] for name in (*NEW_CHILD_FIELDS, "upn", "primary_need")}

    def request_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {name: data[name] for name in ("received_on", "source", "requested_by",
                                               "requesting_setting",
                                               "graduated_approach_evidence")}

