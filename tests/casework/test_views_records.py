"""The child's record from the case page (issue 9): details with validated identifiers,
people with parental responsibility, the setting code, and the final plan's setting
becoming an enrolment. Every change is an append-only, user-attributed event, audited,
and taken under the case's optimistic lock."""

import datetime as dt

import pytest
from django.db import ProgrammingError, transaction
from django.urls import reverse

from opensend.casework.models import Case, PhaseTransfer, Plan, TransferKind, VersionKind
from opensend.core.models import AuditAction, AuditEvent
from opensend.people.models import Child, ChildRecordChange, Enrolment, FamilyMember
from opensend.statutory import codes
from opensend.statutory.identifiers import make_upn
from tests import factories as f
from tests.casework.test_views_actions import assert_saved, error_summary, on
from tests.factories import TODAY, WEEK
from tests.pages import check_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def tom_case(tom: Child, cara) -> Case:
    return f.case_with_request(child=tom, caseworker=cara)


def details_form(case: Case, **changes: str) -> dict[str, str]:
    child = Child.objects.get(pk=case.child_id)
    case.refresh_from_db()
    needs = dict(child.needs.values_list("rank", "need"))
    data = {
        "version": str(case.version), "legal_forename": child.legal_forename,
        "legal_surname": child.legal_surname, "preferred_name": child.preferred_name,
        **on("date_of_birth", child.date_of_birth), "sex": child.sex,
        "ethnicity": child.ethnicity, "postcode": child.postcode, "upn": child.upn,
        "upn_unknown_reason": child.upn_unknown_reason, "uln": child.uln,
        "nhs_number": child.nhs_number, "primary_need": needs.get(1, ""),
        "secondary_need": needs.get(2, ""),
    }
    return {**data, **changes}


def test_a_caseworker_changes_the_childs_details_as_an_audited_event(
    staff_client, cara, tom_case
):
    url = reverse("casework:child_details", args=[tom_case.pk])
    check_page(staff_client(cara).get(url))
    upn = make_upn(929, 2001, 2023, 40)

    response = staff_client(cara).post(url, details_form(
        tom_case, ethnicity="MWBC", upn=upn.lower(), secondary_need="SEMH"))

    assert_saved(response, tom_case, "The child's details were saved")
    child = Child.objects.get(pk=tom_case.child_id)
    assert (child.ethnicity, child.upn, child.upn_unknown_reason) == ("MWBC", upn, "")
    assert list(child.needs.values_list("rank", "need")) == [(1, "ASD"), (2, "SEMH")]
    change = ChildRecordChange.objects.get(child=child)
    before = Child.objects.get(pk=child.pk)
    assert change.changed_by == cara and change.kind == "details"
    assert change.changes["ethnicity"][1] == "MWBC" and change.changes["upn"][1] == upn
    assert change.changes["secondary_need"] == ["SLCN", "SEMH"]
    assert before.version == 2  # the child's own version is bumped too
    audit = AuditEvent.objects.get(action=AuditAction.CHANGE, why="child record: details")
    assert (audit.actor_id, audit.child_id) == (cara.pk, child.pk)
    page = staff_client(cara).get(reverse("casework:case", args=[tom_case.pk])).content.decode()
    assert "Changes to the child&#39;s record (1)" in page
    ethnicity_before = dict(codes.choices(codes.Ethnicity)).get(change.changes["ethnicity"][0])
    assert f"Ethnicity: {ethnicity_before or 'Not recorded'} to White and Black Caribbean" in page


def test_identifiers_are_checked_and_a_missing_upn_needs_a_reason(staff_client, cara, tom_case):
    upn = make_upn(929, 2001, 2023, 41)
    wrong = ("B" if upn[0] != "B" else "C") + upn[1:]
    url = reverse("casework:child_details", args=[tom_case.pk])

    summary = error_summary(staff_client(cara).post(url, details_form(
        tom_case, upn=wrong, uln="1234567890", nhs_number="1234567890", ethnicity="")))
    assert "UPN check letter does not match" in summary
    assert "ULN" in summary and "NHS number" in summary
    assert "Select the child's ethnicity" in summary

    summary = error_summary(staff_client(cara).post(url, details_form(tom_case, upn="")))
    assert "Enter the UPN, or choose why the child has no UPN" in summary
    assert not ChildRecordChange.objects.exists()


def test_a_upn_of_another_child_is_refused(staff_client, cara, tom_case, area):
    other = f.ChildFactory(local_authority=area.northshire)
    url = reverse("casework:child_details", args=[tom_case.pk])
    summary = error_summary(staff_client(cara).post(url, details_form(tom_case, upn=other.upn)))
    assert "Another child or young person already has this UPN" in summary


def test_a_stale_form_is_a_conflict_not_a_lost_update(staff_client, cara, sam, tom_case):
    stale = details_form(tom_case, ethnicity="WBRI")
    url = reverse("casework:child_details", args=[tom_case.pk])
    assert staff_client(sam).post(url, details_form(tom_case, ethnicity="AIND")).status_code == 302
    summary = error_summary(staff_client(cara).post(url, stale))
    assert "Someone else changed this case" in summary
    assert Child.objects.get(pk=tom_case.child_id).ethnicity == "AIND"


def test_people_with_parental_responsibility_are_added_and_changed(
    staff_client, cara, tom_case, paula
):
    new_url = reverse("casework:family_member_new", args=[tom_case.pk])
    check_page(staff_client(cara).get(new_url))
    tom_case.refresh_from_db()
    person = {"version": str(tom_case.version), "name": "Gareth Baker",
              "relationship": "Father", "email": "", "phone": "", "address": "1 High Street",
              "preferred_language": "Welsh", "interpreter_needed": "yes",
              "holds_parental_responsibility": "yes"}

    assert_saved(staff_client(cara).post(new_url, person), tom_case,
                 "Gareth Baker's details were saved")

    gareth = FamilyMember.objects.get(name="Gareth Baker")
    assert (gareth.preferred_language, gareth.interpreter_needed) == ("Welsh", True)
    change_url = reverse("casework:family_member_change", args=[tom_case.pk, gareth.pk])
    tom_case.refresh_from_db()
    response = staff_client(cara).post(change_url, {
        **person, "version": str(tom_case.version), "holds_parental_responsibility": "no"})
    assert_saved(response, tom_case, "Gareth Baker's details were saved")
    gareth.refresh_from_db()
    assert not gareth.holds_parental_responsibility
    kinds = list(ChildRecordChange.objects.values_list("kind", "changed_by"))
    assert kinds == [("family_added", cara.pk), ("family_changed", cara.pk)]
    assert ChildRecordChange.objects.last().changes == {
        "holds_parental_responsibility": [True, False]}
    page = staff_client(cara).get(reverse("casework:case", args=[tom_case.pk])).content.decode()
    assert "Gareth Baker" in page and "Welsh" in page


def test_a_family_member_of_another_child_is_not_found(staff_client, cara, tom_case, area):
    stranger = f.FamilyMemberFactory(child=f.ChildFactory(local_authority=area.northshire))
    url = reverse("casework:family_member_change", args=[tom_case.pk, stranger.pk])
    assert staff_client(cara).get(url).status_code == 404


def test_the_case_page_offers_changes_only_to_those_who_may_make_them(
    staff_client, cara, sue, tom_case
):
    case_url = reverse("casework:case", args=[tom_case.pk])
    details_url = reverse("casework:child_details", args=[tom_case.pk])
    assert details_url in staff_client(cara).get(case_url).content.decode()
    assert details_url not in staff_client(sue).get(case_url).content.decode()
    assert staff_client(sue).get(details_url).status_code == 404


def test_record_changes_are_append_only(cara, tom_case):
    change = ChildRecordChange.objects.create(child=tom_case.child, kind="details",
                                              changes={}, changed_by=cara)
    with pytest.raises(ProgrammingError), transaction.atomic():
        ChildRecordChange.objects.filter(pk=change.pk).update(changes={"upn": ["", "x"]})


# --- where the child is placed ----------------------------------------------------------


def test_a_setting_code_is_asked_when_the_plan_names_no_setting_with_a_urn(staff_client, cara,
                                                                           tom):
    case = f.case_with_final_plan(child=tom, caseworker=cara)
    url = reverse("casework:plan_setting_code", args=[case.pk])
    case_page = staff_client(cara).get(reverse("casework:case", args=[case.pk])).content.decode()
    assert url in case_page
    response = staff_client(cara).post(url, {"version": str(case.version), "setting_code": "EHE"})
    assert_saved(response, case, "Where the child is placed was saved")
    assert Plan.objects.get(case=case).setting_code == "EHE"


def test_no_setting_code_when_the_plan_names_a_school(staff_client, cara, tom, area):
    case = f.case_with_final_plan(child=tom, caseworker=cara, named_setting=area.hillside)
    url = reverse("casework:plan_setting_code", args=[case.pk])
    case.refresh_from_db()
    summary = error_summary(staff_client(cara).post(url, {"version": str(case.version),
                                                          "setting_code": "EHE"}))
    assert "which has a URN or UKPRN" in summary
    assert Plan.objects.get(case=case).setting_code == ""


# --- the setting named in a final plan becomes an enrolment -----------------------------


def test_the_setting_named_in_a_final_plan_becomes_the_childs_setting(cara, tom, area):
    special = f.SchoolFactory(local_authority=area.northshire, name="Oak Special School")
    case = f.case_with_draft_plan(child=tom, caseworker=cara)
    issued = TODAY - WEEK
    f.plan_issue(case, kind=VersionKind.FINAL, issued_on=issued, named_setting=special)

    spells = list(Enrolment.objects.filter(child=tom).order_by("start")
                  .values_list("setting__name", "start", "end"))
    assert spells == [("Hillside First School", dt.date(2022, 9, 1), issued - dt.timedelta(1)),
                      ("Oak Special School", issued, None)]
    change = ChildRecordChange.objects.get(child=tom, kind="enrolment")
    assert change.changed_by == cara


def test_a_draft_names_no_enrolment_and_a_coming_transfer_starts_on_its_date(cara, tom, area):
    secondary = f.SchoolFactory(local_authority=area.northshire, name="Northshire High")
    case = f.case_with_final_plan(child=tom, caseworker=cara, named_setting=area.hillside)
    move = dt.date(TODAY.year + 1, 9, 1)
    PhaseTransfer.objects.create(case=case, transfer_date=move, kind=TransferKind.SCHOOL,
                                 from_setting=area.hillside, to_setting=secondary)
    f.plan_issue(case, kind=VersionKind.PROPOSED_AMENDMENT, issued_on=TODAY - 3 * WEEK,
                 named_setting=secondary)
    assert not Enrolment.objects.filter(setting=secondary).exists()

    f.plan_issue(case, kind=VersionKind.AMENDED_FINAL, issued_on=TODAY, named_setting=secondary)

    enrolment = Enrolment.objects.get(setting=secondary)
    assert (enrolment.child, enrolment.start, enrolment.end) == (tom, move, None)
    hillside = Enrolment.objects.get(child=tom, setting=area.hillside)
    assert hillside.end == move - dt.timedelta(1)
