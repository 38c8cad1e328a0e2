"""The family's forms, in plain words (GOV.UK patterns; every page works without
JavaScript)."""

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from opensend.casework.forms.common import radios, text_area
from opensend.casework.plan_sections import SECTIONS
from opensend.core.forms import GovukForm, UploadsField
from opensend.core.uploads import ALLOWED_DESCRIPTION, megabytes
from opensend.people.models import Child, Organisation

NONE_OR_OTHER = "other"
GENERAL = "general"  # a comment about the whole draft (stored with section "")


def child_name(child: Child) -> str:
    return f"{child.preferred_name or child.legal_forename} {child.legal_surname}"


class SettingField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Organisation) -> str:
        return obj.name


class FamilyRequestForm(GovukForm):
    """A request for an EHC needs assessment (CFA 2014 s36(1), Reg 3) in one page with
    sections: who it is for, why, the needs as the family sees them, the setting, files."""

    child = radios("Who is the request for?", [], error_messages={
        "required": "Select who the request is for"})
    reasons = text_area("Why are you asking for an assessment?", required=True, rows=6,
                        hint="For example, what has been tried and what has not worked")
    needs = text_area("What do you think their needs are?", required=True, rows=6,
                      hint="In your own words: learning, communication, health, getting on "
                           "with others, anything else")
    setting = SettingField(
        label="Which school, college or nursery do they go to now?", required=False,
        queryset=Organisation.objects.none(), empty_label="None, or one not on this list")
    setting_other = forms.CharField(
        label="If it is not on the list, tell us where they go (optional)", required=False,
        max_length=200)
    files = UploadsField(label="Add reports or letters (optional)")

    def __init__(self, *args: Any, children: list[Child], settings_list: list[Organisation],
                 young_person: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.children = {str(child.pk): child for child in children}
        self.fields["child"].choices = [(pk, child_name(c)) for pk, c in self.children.items()]
        self.fields["setting"].queryset = Organisation.objects.filter(
            pk__in=[org.pk for org in settings_list]).order_by("name")
        self.fields["files"].help_text = (
            f"Each file must be {ALLOWED_DESCRIPTION}, smaller than "
            f"{megabytes(settings.UPLOAD_MAX_BYTES)}")
        if young_person:
            self.fields["child"].widget = forms.HiddenInput()
            self.fields["reasons"].label = "Why are you asking for an assessment?"
            self.fields["needs"].label = "What do you think your needs are?"
            self.fields["setting"].label = "Which school or college do you go to now?"

    def chosen_child(self) -> Child:
        return self.children[self.cleaned_data["child"]]


def _section_label(code: str, title: str) -> str:
    return f"Section {code}: {title}"


class DraftCommentsForm(GovukForm):
    """A box for each section of the draft plan (Reg 13(1)); write in the ones you want."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields[GENERAL] = text_area("About the draft as a whole (optional)", rows=3)
        for section in SECTIONS:
            if section.code == "I":
                continue  # the placement: named on its own page (CFA s38(2)(b))
            self.fields[section.code] = text_area(
                _section_label(section.code, section.title), rows=3)
        self.bound_text_fields()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if not self.errors and not any(str(v).strip() for v in cleaned.values()):
            self.add_error(GENERAL, ValidationError(
                "Write a comment in at least one box", code="required"))
        return cleaned

    def comments(self) -> dict[str, str]:
        return {("" if name == GENERAL else name): str(text).strip()
                for name, text in self.cleaned_data.items() if str(text).strip()}


class MeetingRequestForm(GovukForm):
    reasons = text_area("What would you like to talk about? (optional)", rows=4)


class PreferredSettingForm(GovukForm):
    organisation = SettingField(
        label="Which school or college would you like the plan to name?", required=False,
        queryset=Organisation.objects.none(), empty_label="One not on this list")
    other_name = forms.CharField(label="If it is not on the list, its name", required=False,
                                 max_length=200)
    reasons = text_area("Why this school or college? (optional)", rows=4)

    def __init__(self, *args: Any, settings_list: list[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            pk__in=[org.pk for org in settings_list]).order_by("name")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if not self.errors and not cleaned.get("organisation") and not cleaned.get(
                "other_name", "").strip():
            self.add_error("organisation", ValidationError(
                "Select the school or college, or write its name", code="required"))
        return cleaned




class AllAboutMeForm(GovukForm):
    """In the child's or young person's own words (Section A of the plan)."""

    views = text_area("What I think about school, home and my life", rows=4)
    interests = text_area("What I like doing", rows=4)
    aspirations = text_area("What I want to do in the future", rows=4)
    important = text_area("What is important to me", rows=4)
    support = text_area("How people can best help me", rows=4)
    files = UploadsField(label="Add pictures or a short recording (optional)")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text = (
            f"Each file must be {ALLOWED_DESCRIPTION}, smaller than "
            f"{megabytes(settings.UPLOAD_MAX_BYTES)}")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        words = [str(cleaned.get(name, "")).strip() for name in ABOUT_ME_PARTS]
        if not self.errors and not any(words) and not cleaned.get("files"):
            self.add_error("views", ValidationError(
                "Write something in at least one box, or add a file", code="required"))
        return cleaned

    def words(self) -> dict[str, str]:
        return {name: self.cleaned_data[name] for name in ABOUT_ME_PARTS}


ABOUT_ME_PARTS = ("views", "interests", "aspirations", "important", "support")
