"""The casework forms on their own: what they accept, what they refuse and with which
GOV.UK message, and what they hand to the services."""

import datetime as dt

import pytest

from opensend.casework.forms import (
    AdviceReceivedForm,
    AdviceRequestForm,
    CeaseForm,
    ClockExceptionForm,
    DisputeForm,
    EhcRequestForm,
    PanelDecisionForm,
    PlanIssueForm,
    ReviewDecisionForm,
    ReviewMeetingForm,
)
from opensend.casework.forms.plans import PlanState, default_kind
from opensend.casework.models import (
    AdviceRequest,
    AnnualReview,
    Case,
    EhcRequest,
    Plan,
    PlanVersion,
    Stage,
    VersionKind,
)
from opensend.casework.services.common import ConflictError
from opensend.casework.services.corrections import case_event_withdraw
from opensend.statutory.identifiers import make_upn
from tests import factories as f
from tests.factories import TODAY, WEEK

DAY = dt.timedelta(days=1)


def on(name: str, day: dt.date | None) -> dict[str, str]:
    if day is None:
        return {f"{name}-day": "", f"{name}-month": "", f"{name}-year": ""}
    return {
        f"{name}-day": str(day.day),
        f"{name}-month": str(day.month),
        f"{name}-year": str(day.year),
    }


@pytest.fixture
def case(tom, cara, area) -> Case:
    """A case made directly (the services have their own tests): request 8 weeks ago."""
    case = Case.objects.create(
        child=tom,
        local_authority=area.northshire,
        caseworker=cara,
        stage=Stage.ASSESSING,
        opened_on=TODAY - 8 * WEEK,
        version=3,
    )
    EhcRequest.objects.create(case=case, received_on=TODAY - 8 * WEEK, source="1")
    return case


def errors(form) -> dict[str, list[str]]:
    assert not form.is_valid()
    return {name: [str(message) for message in messages] for name, messages in form.errors.items()}


# ---------------------------------------------------------------------------------------
# What every case form shares
# ---------------------------------------------------------------------------------------


def test_a_case_form_starts_with_the_case_version(case):
    form = ReviewMeetingForm(case=case, today=TODAY)
    assert form["version"].value() == 3


def test_a_case_form_without_its_version_is_out_of_date(case):
    form = ReviewMeetingForm({**on("meeting_on", TODAY)}, case=case, today=TODAY)
    assert errors(form)["version"] == [
        "This page is out of date: go back to the case and try again"
    ]


def test_a_conflict_goes_in_the_summary_and_takes_the_new_version(case):
    form = ReviewMeetingForm({"version": "2", **on("meeting_on", TODAY)}, case=case, today=TODAY)
    assert form.is_valid()
    form.conflict(ConflictError.message, 4)
    assert form.non_field_errors() == [ConflictError.message]
    assert form["version"].value() == "4"


def test_dates_in_the_future_are_refused_where_nothing_can_have_happened(case):
    form = ReviewMeetingForm(
        {"version": "3", **on("meeting_on", TODAY + DAY)}, case=case, today=TODAY
    )
    assert errors(form)["meeting_on"] == ["The date of the meeting must be today or in the past"]


# ---------------------------------------------------------------------------------------
# A new request
# ---------------------------------------------------------------------------------------


def request_form(data, user, area) -> EhcRequestForm:
    return EhcRequestForm(data, user=user, local_authority=area.northshire, today=TODAY)


REQUEST = {
    "source": "1",
    **on("received_on", TODAY),
    "requested_by": "",
    "requesting_setting": "",
    "graduated_approach_evidence": "",
}


def test_a_new_child_needs_name_birth_date_sex_and_postcode(cara, area):
    form = request_form({**REQUEST, "child": "new"}, cara, area)
    found = errors(form)
    assert found["legal_forename"] == ["Enter the child's first name"]
    assert found["legal_surname"] == ["Enter the child's last name"]
    assert found["date_of_birth"] == ["Enter the child's date of birth"]
    assert found["sex"] == ["Select the child's sex"]
    assert found["postcode"] == ["Enter the child's postcode"]


def test_a_new_childs_upn_and_postcode_are_checked_and_tidied(cara, area):
    upn = make_upn(929, 2001, 2024, 12)
    data = {
        **REQUEST,
        "child": "new",
        "legal_forename": "Maya",
        "legal_surname": "Okafor",
        **on("date_of_birth", dt.date(2019, 4, 3)),
        "sex": "F",
        "upn": f" {upn.lower()} ",
        "postcode": "sw1a1aa",
        "primary_need": "",
        "parent_name": "Ade Okafor",
        "parent_relationship": "Father",
        "parent_phone": "01632 960123",
        "parent_preferred_language": "English",
        "parent_interpreter_needed": "no",
    }
    form = request_form(data, cara, area)
    assert form.is_valid(), form.errors
    assert form.child_fields() == {
        "legal_forename": "Maya",
        "legal_surname": "Okafor",
        "date_of_birth": dt.date(2019, 4, 3),
        "sex": "F",
        "postcode": "SW1A 1AA",
        "upn": upn,
        "primary_need": "",
    }
    assert form.found_child is None
    assert form.family_member_fields() == {
        "name": "Ade Okafor", "relationship": "Father", "email": "", "phone": "01632 960123",
        "address": "", "preferred_language": "English", "interpreter_needed": False,
        "holds_parental_responsibility": True,
    }


def test_a_upn_already_recorded_cannot_be_given_to_a_new_child(cara, area, tom):
    data = {
        **REQUEST,
        "child": "new",
        "legal_forename": "Maya",
        "legal_surname": "Okafor",
        **on("date_of_birth", dt.date(2019, 4, 3)),
        "sex": "F",
        "upn": tom.upn,
        "postcode": "SW1A 1AA",
    }
    assert "already recorded" in errors(request_form(data, cara, area))["upn"][0]


def test_an_existing_child_is_found_by_upn_within_what_the_user_sees(sam, area, tom, paula):
    form = request_form({**REQUEST, "child": "existing", "existing_upn": tom.upn}, sam, area)
    assert form.is_valid(), form.errors
    assert form.found_child == tom
    assert form.family_member_fields() is None  # Paula, with parental responsibility, is recorded


def test_an_existing_child_with_no_one_recorded_needs_a_parent_or_carer(sam, area, tom):
    form = request_form({**REQUEST, "child": "existing", "existing_upn": tom.upn}, sam, area)
    assert "parent_name" in errors(form)


def test_an_existing_child_needs_a_valid_upn(sam, area):
    found = errors(request_form({**REQUEST, "child": "existing", "existing_upn": ""}, sam, area))
    assert found["existing_upn"] == ["Enter a UPN"]


def test_requesting_settings_are_those_of_the_area(cara, area):
    form = request_form(None, cara, area)
    offered = set(form.fields["requesting_setting"].queryset)
    assert {area.hillside, area.riverside, area.college} <= offered
    assert area.health not in offered and area.southshire not in offered


# ---------------------------------------------------------------------------------------
# The assessment
# ---------------------------------------------------------------------------------------


def test_panel_question_follows_the_corrected_history(tom, cara):
    """Assessing: the next question is whether to issue a plan; once the decision to
    assess is withdrawn, it is whether to assess again (the stage is not asked)."""
    case = f.case_assessing(child=tom, caseworker=cara)
    form = PanelDecisionForm(case=case, today=TODAY)
    assert form["question"].value() == "issue"
    assert form.fields["agreed"].label == "Did the panel agree that the child needs an EHC plan?"
    decision = case.events.get(kind="decision_to_assess")
    case_event_withdraw(actor=case.caseworker, case=case, event=decision, reason="wrong case",
                        today=TODAY, expected_version=None)
    form = PanelDecisionForm(case=case, today=TODAY)
    assert form["question"].value() == "assess"
    assert form.fields["agreed"].label == (
        "Did the panel agree to carry out an EHC needs assessment?")


def test_panel_attendance_leaves_out_agencies_that_did_not_attend(case):
    form = PanelDecisionForm(
        {
            "version": "3",
            "question": "issue",
            "agreed": "no",
            **on("met_on", TODAY),
            "reasons": "Needs met at SEN support.",
            "attended_health": " Dr Amir ",
            "attended_forum": "Jo",
        },
        case=case,
        today=TODAY,
    )
    assert form.is_valid(), form.errors
    arguments = form.service_arguments()
    assert arguments["agreed"] is False
    assert arguments["attendance"] == [("health", "Dr Amir"), ("forum", "Jo")]


def test_each_kind_of_advice_lists_only_organisations_that_can_give_it(case, area):
    form = AdviceRequestForm(case=case, today=TODAY)
    offered = {name: set(form.fields[f"adviser_{name}"].queryset) for name in (
        "education", "health", "social_care", "psychology", "other")}
    assert offered["health"] == {area.health}  # Reg 6(1)(c): health care professionals
    assert area.hillside in offered["education"] and area.hillside not in offered["health"]
    assert offered["psychology"] == {area.ep_service, area.northshire}
    assert offered["social_care"] == {area.social_care, area.northshire}
    assert area.southshire_health not in set().union(*offered.values())  # another area

    wrong = AdviceRequestForm(
        {"version": "3", "adviser_health": area.hillside.pk, **on("requested_on", TODAY)},
        case=case,
        today=TODAY,
    )
    assert errors(wrong)["adviser_health"] == [
        "Select a valid choice. That choice is not one of the available choices."
    ]


def test_several_advisers_on_one_form_and_at_least_one(case, area):
    several = AdviceRequestForm(
        {
            "version": "3",
            "adviser_education": area.hillside.pk,
            "adviser_health": area.health.pk,
            "adviser_psychology": area.ep_service.pk,
            "message": "  Please look at his speech and language.  ",
            **on("requested_on", TODAY),
        },
        case=case,
        today=TODAY,
    )
    assert several.is_valid(), several.errors
    arguments = several.service_arguments()
    assert [(a.service, a.organisation) for a in arguments["advisers"]] == [
        ("education", area.hillside),
        ("health", area.health),
        ("psychology", area.ep_service),
    ]
    assert arguments["message"] == "Please look at his speech and language."
    assert arguments["attachments"] == []

    none = AdviceRequestForm(
        {"version": "3", **on("requested_on", TODAY)}, case=case, today=TODAY
    )
    assert errors(none)["adviser_education"] == ["Choose at least one adviser to ask"]


def test_advice_cannot_be_asked_before_the_request(case, area):
    form = AdviceRequestForm(
        {
            "version": "3",
            "adviser_health": area.health.pk,
            **on("requested_on", TODAY - 9 * WEEK),
        },
        case=case,
        today=TODAY,
    )
    assert errors(form)["requested_on"] == [
        "The date you asked must be the same as or after the date the request was received "
        f"({(TODAY - 8 * WEEK).day} {TODAY - 8 * WEEK:%B %Y})"
    ]


def test_advice_received_checks_its_dates(case, area):
    advice = AdviceRequest(
        case=case,
        service="health",
        organisation=area.health,
        requested_on=TODAY - 2 * WEEK,
        due_on=TODAY + 4 * WEEK,
    )
    future = AdviceReceivedForm(
        {"version": "3", **on("received_on", TODAY + DAY), "summary": "x"},
        advice=advice,
        today=TODAY,
    )
    assert "must be today or in the past" in errors(future)["received_on"][0]
    early = AdviceReceivedForm(
        {"version": "3", **on("received_on", TODAY - 3 * WEEK), "summary": "x"},
        advice=advice,
        today=TODAY,
    )
    assert "same as or after the date it was asked for" in errors(early)["received_on"][0]
    ok = AdviceReceivedForm(
        {"version": "3", **on("received_on", TODAY), "summary": "x"}, advice=advice, today=TODAY
    )
    assert ok.is_valid()


def test_a_missed_appointment_is_one_day_other_exceptions_need_an_end(case):
    base = {"version": "3", **on("start", TODAY - WEEK), **on("end", None), "note": ""}
    missed = ClockExceptionForm({**base, "reason": "missed_appointment"}, case=case, today=TODAY)
    assert missed.is_valid(), missed.errors
    assert missed.service_arguments()["end"] == TODAY - WEEK
    closure = ClockExceptionForm({**base, "reason": "school_closure"}, case=case, today=TODAY)
    assert errors(closure)["end"] == ["Enter the end date"]


# ---------------------------------------------------------------------------------------
# The plan
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stage", "issued", "working", "expected"),
    [
        (Stage.ASSESSING, [], None, VersionKind.DRAFT),
        (Stage.DRAFTING, [VersionKind.DRAFT], None, VersionKind.FINAL),
        (Stage.DRAFTING, [VersionKind.DRAFT], VersionKind.DRAFT, VersionKind.DRAFT),
        (Stage.PLAN, [VersionKind.DRAFT, VersionKind.FINAL], None, VersionKind.PROPOSED_AMENDMENT),
        (
            Stage.PLAN,
            [VersionKind.FINAL, VersionKind.PROPOSED_AMENDMENT],
            None,
            VersionKind.AMENDED_FINAL,
        ),
        (Stage.PLAN, [VersionKind.AMENDED_FINAL], None, VersionKind.PROPOSED_AMENDMENT),
    ],
)
def test_the_kind_of_version_follows_the_case(stage, issued, working, expected):
    versions = [
        PlanVersion(number=n, kind=kind, issued_on=TODAY) for n, kind in enumerate(issued, start=1)
    ]
    state = PlanState(
        plan=None,
        working=PlanVersion(kind=working) if working else None,
        last_issued=versions[-1] if versions else None,
    )
    assert default_kind(Case(stage=stage), state) == expected


def test_a_plan_cannot_be_issued_before_the_request(case):
    form = PlanIssueForm(
        {"version": "3", **on("issued_on", TODAY - 9 * WEEK)},
        case=case,
        today=TODAY,
        working=PlanVersion(kind=VersionKind.DRAFT),
        kinds=[VersionKind.DRAFT],
    )
    assert "the date the request was received" in errors(form)["issued_on"][0]


# ---------------------------------------------------------------------------------------
# Reviews, ceasing, disputes
# ---------------------------------------------------------------------------------------


def test_a_review_decision_comes_after_its_meeting(case):
    review = AnnualReview(case=case, meeting_on=TODAY - WEEK)
    data = {"version": "3", "outcome": "C", **on("decision_on", TODAY - 2 * WEEK)}
    form = ReviewDecisionForm(data, case=case, review=review, today=TODAY)
    assert "after the date of the meeting" in errors(form)["decision_on"][0]
    labels = [label for _, label in form.fields["outcome"].choices]
    assert labels[0].startswith("Maintain")  # maintain, amend, cease


def test_only_a_plan_in_force_can_cease(case, cara):
    data = {"version": "3", "reason": "2", **on("ceased_on", TODAY)}
    assert CeaseForm(data, case=case, today=TODAY).errors["__all__"] == [
        "There is no plan in force to cease on this case"
    ]
    Plan.objects.create(case=case, first_issued_on=TODAY - 50 * WEEK)
    assert CeaseForm(data, case=case, today=TODAY).is_valid()


def test_a_mediation_certificate_is_not_before_the_mediation(case):
    form = DisputeForm(
        {
            "version": "3",
            "kind": "mediation",
            "decision": "contents",
            **on("started_on", TODAY - WEEK),
            **on("certificate_on", TODAY - 2 * WEEK),
        },
        case=case,
        today=TODAY,
    )
    assert "certificate_on" in errors(form)
    without = DisputeForm(
        {
            "version": "3",
            "kind": "tribunal",
            "decision": "cease",
            **on("started_on", TODAY),
            **on("certificate_on", None),
        },
        case=case,
        today=TODAY,
    )
    assert without.is_valid(), without.errors
    assert without.service_arguments()["certificate_on"] is None
