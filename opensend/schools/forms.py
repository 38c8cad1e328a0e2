"""The SENCO's forms for the annual review (GOV.UK forms: opensend/core/forms.py)."""

import datetime as dt
from typing import Any

from django import forms

from opensend.casework.forms.common import date_field, radios, text_area
from opensend.core.forms import LINE_MAX_LENGTH, GovukForm, UploadsField, too_long_message
from opensend.schools.models import InviteeRole


def _email(label: str, hint: str) -> forms.EmailField:
    return forms.EmailField(label=label, required=False, help_text=hint, max_length=254,
                            error_messages={"invalid": f"Enter {label.lower()} in the correct "
                                            "format, like name@example.org"})


def _line(label: str, *, required: bool = True, hint: str = "") -> forms.CharField:
    return forms.CharField(label=label, required=required, help_text=hint,
                           max_length=LINE_MAX_LENGTH,
                           error_messages={"required": f"Enter {label.lower()}",
                                           "max_length": too_long_message(label,
                                                                          LINE_MAX_LENGTH)})


class _Dated(GovukForm):
    """A form whose dates are checked against today (past or future)."""

    past: tuple[str, ...] = ()
    future: tuple[str, ...] = ()

    def __init__(self, data: Any = None, files: Any = None, *, today: dt.date,
                 **kwargs: Any) -> None:
        super().__init__(data, files, **kwargs)
        self.today = today

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for name in self.past:
            if cleaned.get(name) and cleaned[name] > self.today:
                self.add_error(name, "The date must be today or in the past")
        for name in self.future:
            if cleaned.get(name) and cleaned[name] < self.today:
                self.add_error(name, "The date must be today or in the future")
        return cleaned


class ReviewStartForm(_Dated):
    meeting_on = date_field("When is the review meeting?", "the date of the meeting",
                            hint="Give at least 2 weeks' notice (Regulation 20(4)). "
                                 "For example, 27 3 2027")
    health = _email("Health care professional's email address (optional)",
                    "Leave blank if no health professional is involved with the pupil")
    social_care = _email("Social care representative's email address (optional)",
                         "Leave blank if social care is not involved with the pupil")
    future = ("meeting_on",)


CONTRIBUTOR_ROLES = [(role.value, role.label) for role in InviteeRole]


class ContributionForm(_Dated):
    role = radios("Who sent the views or advice?", CONTRIBUTOR_ROLES,
                  error_messages={"required": "Select who sent the views or advice"})
    from_name = _line("Their name")
    received_on = date_field("When did you receive them?", "the date you received them")
    text = text_area("What they said (optional)", rows=6,
                     hint="Their views, advice or information, or a summary of the files")
    files = UploadsField(label="Attach their files (optional)")
    past = ("received_on",)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if not cleaned.get("text") and not cleaned.get("files") and not self.errors:
            self.add_error("text", "Enter what they said, or attach their files")
        return cleaned


class CirculateForm(_Dated):
    circulated_on = date_field("When did you send them to everyone invited?",
                               "the date you sent them")
    past = ("circulated_on",)


class MeetingForm(_Dated):
    held_on = date_field("When was the meeting held?", "the date of the meeting")
    attended_by = text_area("Who attended?", required=True, rows=3,
                            hint="Names and roles, one on each line")
    views = text_area("Views given at the meeting", required=True, rows=6,
                      hint="Including the pupil's own views and the family's")
    late_reason = text_area("Why were the views and advice sent out late? (if they were)",
                            rows=3, hint="Needed when they went out less than 2 weeks "
                                         "before the meeting (Regulation 20(3) and (4))")
    past = ("held_on",)


class ReportForm(GovukForm):
    report = text_area("The review report", required=True, rows=10,
                       hint="What the meeting recommends: keep the plan as it is, amend it "
                            "(and which sections) or cease it, with the reasons and any "
                            "difference of view (Regulation 20(7) and (8))")


def _cycle_fields(number: int, required: bool) -> dict[str, forms.Field]:
    def text(label: str) -> forms.CharField:
        return text_area(label, required=required, rows=3)

    return {
        f"cycle{number}_started_on": date_field("When did the cycle start?",
                                                "the date the cycle started",
                                                required=required),
        f"cycle{number}_reviewed_on": date_field("When was it reviewed?",
                                                 "the date it was reviewed", required=required),
        f"cycle{number}_assessed": text("Assess: what was assessed, and what it found"),
        f"cycle{number}_planned": text("Plan: the outcomes sought and the support planned"),
        f"cycle{number}_provision": text("Do: the provision made"),
        f"cycle{number}_cost": forms.IntegerField(
            label="Its cost, in pounds", required=required, min_value=0, max_value=1_000_000,
            error_messages={"required": "Enter the cost of the provision, in pounds",
                            "invalid": "Enter the cost as a whole number of pounds"}),
        f"cycle{number}_outcomes": text("Review: the outcomes and the progress made"),
    }


CYCLE_PARTS = ("started_on", "reviewed_on", "assessed", "planned", "provision", "cost",
               "outcomes")
CYCLES = 2  # the first is required; "add another" without JavaScript: a second, optional


class SchoolRequestForm(_Dated):
    pupil = forms.TypedChoiceField(label="Which pupil is the request for?", coerce=int,
                                   error_messages={"required": "Select the pupil"})
    child_views = text_area("The pupil's views", required=True, rows=4,
                            hint="In their own words where you can")
    family_views = text_area("The family's views", required=True, rows=4)
    files = UploadsField(label="Attach evidence (optional)",
                         help_text="For example, reports from specialists or the support plan")

    def __init__(self, data: Any = None, files: Any = None, *, pupils: list[Any],
                 today: dt.date) -> None:
        super().__init__(data, files, today=today)
        self.fields["pupil"].choices = [("", "Choose a pupil")] + [
            (child.pk, f"{child.full_name} (born {child.date_of_birth:%d/%m/%Y})")
            for child in pupils
        ]
        for number in range(1, CYCLES + 1):
            self.fields.update(_cycle_fields(number, required=number == 1))
        self.bound_text_fields()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        second = [cleaned.get(f"cycle2_{part}") for part in CYCLE_PARTS]
        if any(value not in (None, "") for value in second) and not all(
            value not in (None, "") for value in second
        ):
            self.add_error("cycle2_assessed", "Complete every part of the second cycle, or "
                           "leave it all blank")
        for number in range(1, CYCLES + 1):
            start, review = (cleaned.get(f"cycle{number}_started_on"),
                             cleaned.get(f"cycle{number}_reviewed_on"))
            if start and review and review < start:
                self.add_error(f"cycle{number}_reviewed_on",
                               "The review must be on or after the start of the cycle")
            if review and review > self.today:
                self.add_error(f"cycle{number}_reviewed_on",
                               "The review date must be today or in the past")
        return cleaned

    def cycles(self) -> list[dict[str, Any]]:
        data = self.cleaned_data
        return [
            {part: data[f"cycle{number}_{part}"] for part in CYCLE_PARTS}
            for number in range(1, CYCLES + 1)
            if data.get(f"cycle{number}_started_on")
        ]
