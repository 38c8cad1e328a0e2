"""Phase transfers derived from the setting and the year group (services/transfers.py)."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from opensend.casework.models import CaseEvent, CaseStep, EventKind, PhaseTransfer
from opensend.casework.services import transfers
from opensend.casework.services.reviews import phase_transfer_record, plan_cease
from opensend.casework.services.transfers import phase_transfers_derive
from opensend.core.models import AuditEvent
from opensend.people.models import Organisation
from opensend.statutory import codes
from opensend.statutory.school_year import nc_year, school_year_start
from tests import factories as f

SP = codes.SettingPhase
TODAY = f.TODAY  # 22 November 2026: school year 2026/27


def born_in_year(nc: int, on: dt.date = TODAY) -> dt.date:
    """A date of birth that puts the child in NC year ``nc`` in the school year of ``on``."""
    born = dt.date(school_year_start(on).year - 5 - nc, 12, 1)
    assert nc_year(born, on) == nc
    return born


def school(la: Organisation, phase: str, first: int | None, last: int | None) -> Organisation:
    return f.SchoolFactory(local_authority=la, phase=phase, first_nc_year=first, last_nc_year=last)


def case_at(setting: Organisation | None, nc: int, *, la: Organisation | None = None):
    """A child in Year ``nc`` with a maintained plan, on roll at ``setting`` (if any)."""
    la = la or (setting.local_authority if setting else f.LocalAuthorityFactory())
    child = f.ChildFactory(local_authority=la, date_of_birth=born_in_year(nc))
    if setting is not None:
        f.EnrolmentFactory(child=child, setting=setting, start=dt.date(2025, 9, 1))
    return f.case_with_final_plan(child=child, today=TODAY)


@pytest.fixture
def la(db: None) -> Organisation:
    return f.LocalAuthorityFactory(name="Northumbria County Council")


# (setting phase, first NC year, last NC year, child's NC year, transfer, kind, due, rule)
TRANSFERS = [
    pytest.param(
        SP.FIRST,
        0,
        4,
        4,
        dt.date(2027, 9, 1),
        "school",
        dt.date(2027, 2, 15),
        "Reg 18(1)(b)",
        id="Year 4 first school to middle",
    ),
    pytest.param(
        SP.PRIMARY,
        0,
        6,
        6,
        dt.date(2027, 9, 1),
        "school",
        dt.date(2027, 2, 15),
        "Reg 18(1)(b)",
        id="Year 6 primary to secondary",
    ),
    pytest.param(
        SP.MIDDLE,
        5,
        8,
        8,
        dt.date(2027, 9, 1),
        "school",
        dt.date(2027, 2, 15),
        "Reg 18(1)(b)",
        id="Year 8 middle to high",
    ),
    pytest.param(
        SP.SECONDARY,
        7,
        11,
        11,
        dt.date(2027, 9, 1),
        "post16",
        dt.date(2027, 3, 31),
        "Reg 18(1)(a)",
        id="Year 11 secondary to post-16",
    ),
    pytest.param(
        SP.HIGH,
        9,
        13,
        13,
        dt.date(2027, 9, 1),
        "post16",
        dt.date(2027, 3, 31),
        "Reg 18(1)(a)",
        id="Year 13 high school (with sixth form) to post-16",
    ),
    pytest.param(
        SP.EARLY_YEARS,
        None,
        None,
        -1,
        dt.date(2027, 9, 1),
        "school",
        dt.date(2027, 2, 15),
        "Reg 18(1)(b)",
        id="nursery year to Reception",
    ),
    pytest.param(
        SP.FIRST,
        0,
        None,
        4,
        dt.date(2027, 9, 1),
        "school",
        dt.date(2027, 2, 15),
        "Reg 18(1)(b)",
        id="last NC year not recorded: the first school's usual 4",
    ),
    pytest.param(
        SP.PRIMARY,
        0,
        6,
        5,
        None,
        None,
        None,
        None,
        id="Year 5 primary: September 2028 is more than 18 months away",
    ),
    pytest.param(
        SP.FIRST,
        0,
        4,
        3,
        None,
        None,
        None,
        None,
        id="Year 3 first school in 2026/27: no transfer within the window",
    ),
    pytest.param(SP.MIDDLE, 5, 8, 6, None, None, None, None, id="Year 6 middle school"),
]


@pytest.mark.parametrize(
    ("phase", "first", "last", "nc", "transfer_on", "kind", "due", "rule"), TRANSFERS
)
def test_derives_the_next_transfer_and_its_reg_18_step(
    today,
    la,
    phase,
    first,
    last,
    nc,
    transfer_on,
    kind,
    due,
    rule,
):
    case = case_at(school(la, phase, first, last), nc)

    report = phase_transfers_derive(actor=None, today=today)

    assert report.checked == 1
    transfer = PhaseTransfer.objects.filter(case=case).first()
    if transfer_on is None:
        assert transfer is None
        assert report.recorded == 0
        assert report.skipped == {transfers.NOT_YET: 1}
        assert not CaseStep.objects.filter(case=case, step="phase_transfer").exists()
        return
    assert report.recorded == 1
    assert (transfer.transfer_date, transfer.kind) == (transfer_on, kind)
    assert transfer.from_setting == case.child.enrolments.get().setting
    step = CaseStep.objects.get(case=case, step="phase_transfer")
    assert (step.due, step.rule, step.status) == (due, rule, "open")
    assert step.rule.startswith("Reg 18")


def test_the_window_reaches_a_transfer_18_months_ahead(today, la):
    """The Year 3 pupil at a first school comes into the window on 1 March 2027."""
    case = case_at(school(la, SP.FIRST, 0, 4), 3)
    assert phase_transfers_derive(actor=None, today=dt.date(2027, 2, 28)).recorded == 0

    report = phase_transfers_derive(actor=None, today=dt.date(2027, 3, 1))

    assert report.recorded == 1
    transfer = PhaseTransfer.objects.get(case=case)
    assert (transfer.transfer_date, transfer.kind) == (dt.date(2028, 9, 1), "school")
    step = CaseStep.objects.get(case=case, step="phase_transfer")
    assert step.due == dt.date(2028, 2, 15)


def test_a_second_run_records_nothing_new(today, la):
    cases = [case_at(school(la, SP.PRIMARY, 0, 6), 6), case_at(school(la, SP.FIRST, 0, 4), 4)]
    first = phase_transfers_derive(actor=None, today=today)
    events = CaseEvent.objects.filter(kind=EventKind.PHASE_TRANSFER).count()

    second = phase_transfers_derive(actor=None, today=today)

    assert (first.recorded, second.recorded) == (2, 0)
    assert second.skipped == {transfers.ALREADY_RECORDED: 2}
    assert PhaseTransfer.objects.filter(case__in=cases).count() == 2
    assert CaseEvent.objects.filter(kind=EventKind.PHASE_TRANSFER).count() == events == 2


def test_a_transfer_a_caseworker_recorded_with_the_schools_own_date_counts(today, la):
    case = case_at(school(la, SP.PRIMARY, 0, 6), 6)
    phase_transfer_record(
        actor=case.caseworker,
        case=case,
        transfer_date=dt.date(2027, 9, 3),
        kind="school",
        from_setting=None,
        today=today,
    )

    report = phase_transfers_derive(actor=None, today=today)

    assert report.skipped == {transfers.ALREADY_RECORDED: 1}
    assert PhaseTransfer.objects.filter(case=case).count() == 1


def test_a_ceased_plan_is_not_checked(today, la):
    case = case_at(school(la, SP.PRIMARY, 0, 6), 6)
    plan_cease(
        actor=case.caseworker,
        case=case,
        ceased_on=today,
        reason="B",
        today=today,
        expected_version=None,
    )

    report = phase_transfers_derive(actor=None, today=today)

    assert (report.checked, report.recorded) == (0, 0)
    assert not PhaseTransfer.objects.filter(case=case).exists()


def test_a_case_without_a_plan_yet_is_not_checked(today, la):
    child = f.ChildFactory(local_authority=la, date_of_birth=born_in_year(6))
    f.EnrolmentFactory(child=child, setting=school(la, SP.PRIMARY, 0, 6))
    f.case_with_draft_plan(child=child, today=today)

    assert phase_transfers_derive(actor=None, today=today).checked == 0


def test_children_not_on_roll_are_skipped_and_counted(today, la):
    nowhere = case_at(None, 6, la=la)
    left = case_at(None, 6, la=la)
    f.EnrolmentFactory(
        child=left.child,
        setting=school(la, SP.PRIMARY, 0, 6),
        start=dt.date(2022, 9, 1),
        end=dt.date(2026, 7, 22),
    )
    starts_later = case_at(None, 6, la=la)
    f.EnrolmentFactory(
        child=starts_later.child, setting=school(la, SP.PRIMARY, 0, 6), start=dt.date(2027, 1, 4)
    )

    report = phase_transfers_derive(actor=None, today=today)

    assert report.checked == 3
    assert report.skipped == {transfers.NOT_ON_ROLL: 3}
    assert not PhaseTransfer.objects.filter(case__in=[nowhere, left, starts_later]).exists()


def test_other_reasons_to_skip_are_counted(today, la):
    case_at(f.CollegeFactory(local_authority=la), 12)  # post-16: no derived transfer
    case_at(school(la, SP.PRIMARY, 0, 6), 7)  # the record says Year 7 at a primary
    case_at(school(la, "", None, None), 6)  # a setting with no phase recorded

    report = phase_transfers_derive(actor=None, today=today)

    assert report.checked == report.recorded + sum(report.skipped.values()) == 3
    assert report.skipped == {
        transfers.POST16_SETTING: 1,
        transfers.PAST_LAST_YEAR: 1,
        transfers.NO_PHASE: 1,
    }


def test_the_latest_current_enrolment_decides_when_dual_registered(today, la):
    case = case_at(school(la, SP.PRIMARY, 0, 6), 6)
    f.EnrolmentFactory(
        child=case.child, setting=school(la, SP.SPECIAL, 0, 13), start=dt.date(2026, 9, 1)
    )

    report = phase_transfers_derive(actor=None, today=today)

    assert report.skipped == {transfers.NOT_YET: 1}  # Year 13 at the special school


def test_only_the_local_authority_asked_for(today, la):
    ours = case_at(school(la, SP.PRIMARY, 0, 6), 6)
    elsewhere = f.LocalAuthorityFactory()
    theirs = case_at(school(elsewhere, SP.PRIMARY, 0, 6), 6)

    report = phase_transfers_derive(actor=None, today=today, local_authority=la)

    assert (report.checked, report.recorded) == (1, 1)
    assert PhaseTransfer.objects.filter(case=ours).exists()
    assert not PhaseTransfer.objects.filter(case=theirs).exists()


def test_the_system_records_with_no_user_and_says_why(today, la):
    case = case_at(school(la, SP.SECONDARY, 7, 11), 11)

    phase_transfers_derive(actor=None, today=today)

    event = CaseEvent.objects.get(case=case, kind=EventKind.PHASE_TRANSFER)
    assert event.recorded_by is None
    assert event.data == {"transfer_date": "2027-09-01", "kind": "post16"}
    change = AuditEvent.objects.get(
        object_type="Case", object_id=str(case.pk), why="record phase transfer"
    )
    assert change.actor is None
    run = AuditEvent.objects.get(why=transfers.NIGHTLY_WHY)
    assert run.actor is None
    assert run.detail["recorded"] == 1
    assert run.detail["cases"] == [case.pk]


def test_a_person_running_the_check_is_the_actor(today, la):
    case = case_at(school(la, SP.PRIMARY, 0, 6), 6)

    phase_transfers_derive(actor=case.caseworker, today=today)

    event = CaseEvent.objects.get(case=case, kind=EventKind.PHASE_TRANSFER)
    assert event.recorded_by == case.caseworker
    assert AuditEvent.objects.get(why=transfers.MANUAL_WHY).actor == case.caseworker


def test_gathering_the_candidates_costs_the_same_few_queries_for_any_number(
    today,
    la,
    django_assert_max_num_queries,
):
    primary = school(la, SP.PRIMARY, 0, 6)
    for nc in (1, 2, 3, 4, 5):  # none due within the window: nothing to record
        case_at(primary, nc)
    case_at(None, 6, la=la)

    # the candidates, the settings, the audit row
    with django_assert_max_num_queries(3):
        report = phase_transfers_derive(actor=None, today=today)

    assert report.checked == 6


def test_the_command_prints_the_report(today, la):
    case_at(school(la, SP.PRIMARY, 0, 6), 6)
    case_at(None, 6, la=la)
    out = StringIO()

    call_command("derive_phase_transfers", "--today", "2026-11-22", stdout=out)

    text = out.getvalue()
    assert "as of 22 November 2026: checked 2 cases with a plan, recorded 1" in text
    assert f"skipped, {transfers.NOT_ON_ROLL}: 1" in text


def test_the_command_can_check_one_local_authority(today, la):
    la.la_code = "929"
    la.save()
    case_at(school(la, SP.PRIMARY, 0, 6), 6)
    case_at(school(f.LocalAuthorityFactory(la_code="931"), SP.PRIMARY, 0, 6), 6)
    out = StringIO()

    call_command("derive_phase_transfers", "--today", "2026-11-22", "--la-code", "929", stdout=out)

    assert "checked 1 cases with a plan, recorded 1" in out.getvalue()
