"""The nightly background jobs (opensend/casework/tasks.py)."""

import datetime as dt
import logging

from procrastinate import testing
from procrastinate.contrib.django import app

from opensend.casework import tasks
from opensend.casework.models import CaseStep, PhaseTransfer
from opensend.core.models import AuditEvent
from opensend.statutory import codes
from tests import factories as f


def at(year: int, month: int, day: int, hour: int, minute: int = 0) -> int:
    """A job's scheduled time, as Procrastinate passes it: a Unix timestamp (UTC)."""
    return int(dt.datetime(year, month, day, hour, minute, tzinfo=dt.UTC).timestamp())


def test_the_worker_knows_both_jobs_and_when_they_run():
    schedules = {
        name: periodic.cron for (name, _), periodic in app.periodic_registry.periodic_tasks.items()
    }

    assert schedules["opensend.casework.tasks.nightly_phase_transfers"] == "0 2 * * *"
    assert schedules["opensend.casework.tasks.nightly_clock_refresh"] == "30 2 * * *"
    assert "opensend.casework.tasks.nightly_phase_transfers" in app.tasks


def test_deferring_a_job_queues_it_once():
    connector = testing.InMemoryConnector()
    with app.replace_connector(connector):
        tasks.nightly_phase_transfers.defer(timestamp=at(2026, 11, 22, 2))
        job = next(iter(connector.jobs.values()))

    assert job["task_name"] == "opensend.casework.tasks.nightly_phase_transfers"
    assert job["queueing_lock"] == "nightly_phase_transfers"
    assert job["lock"] == "nightly_phase_transfers"


def test_nightly_phase_transfers_records_the_coming_transfers(db, today):
    la = f.LocalAuthorityFactory()
    child = f.ChildFactory(local_authority=la, date_of_birth=dt.date(2015, 12, 1))  # Year 6
    f.EnrolmentFactory(child=child, setting=f.SchoolFactory(local_authority=la))
    case = f.case_with_final_plan(child=child, today=today)

    result = tasks.nightly_phase_transfers(timestamp=at(2026, 11, 22, 2))

    assert result["recorded"] == 1
    transfer = PhaseTransfer.objects.get(case=case)
    assert (transfer.transfer_date, transfer.kind) == (dt.date(2027, 9, 1), "school")
    assert AuditEvent.objects.filter(why="nightly phase transfer check", actor=None).exists()


def test_nightly_clock_refresh_makes_a_missed_deadline_overdue(db, today):
    case = f.case_with_request(today=today)  # received two weeks ago
    step = CaseStep.objects.get(case=case, step="decision_to_assess")
    assert step.status == "open"

    later = step.due + dt.timedelta(days=1)
    result = tasks.nightly_clock_refresh(timestamp=at(later.year, later.month, later.day, 2, 30))

    assert result == {"today": later.isoformat(), "refreshed": 1, "changed": 1, "failed": 0}
    assert CaseStep.objects.get(case=case, step="decision_to_assess").status == "overdue"


def test_steps_that_have_not_changed_are_not_rewritten(db, today):
    case = f.case_with_request(today=today)
    before = sorted(CaseStep.objects.filter(case=case).values_list("pk", "status"))

    report = tasks.clock_refresh_open_cases(today=today)

    assert (report.refreshed, report.changed) == (1, 0)
    assert sorted(CaseStep.objects.filter(case=case).values_list("pk", "status")) == before


def test_the_refresh_leaves_cases_whose_steps_are_all_done(db, today):
    done = f.case_with_request(today=today)
    CaseStep.objects.filter(case=done).update(done=today)  # nothing can change with the date
    never_computed = f.case_with_request(today=today)
    CaseStep.objects.filter(case=never_computed).delete()
    open_case = f.case_with_request(today=today)

    assert tasks.open_case_ids() == sorted([never_computed.pk, open_case.pk])


def test_the_refresh_works_in_batches_and_logs_progress(db, today, caplog):
    cases = [f.case_with_request(today=today) for _ in range(5)]

    with caplog.at_level(logging.INFO, logger="opensend.casework.tasks"):
        report = tasks.clock_refresh_open_cases(today=today, batch_size=2, log_every=2)

    assert report.refreshed == 5
    messages = [record.getMessage() for record in caplog.records]
    assert [m for m in messages if " of " in m] == [
        "Clock refresh: 2 of 5 cases",
        "Clock refresh: 4 of 5 cases",
    ]
    assert messages[-1].startswith("Clock refresh done: ")
    assert all(CaseStep.objects.filter(case=case).exists() for case in cases)


def test_a_case_the_clock_cannot_read_is_counted_and_the_rest_go_on(db, today):
    broken = f.case_with_request(today=today)
    # An event the clock rejects (a phase transfer with no kind), written as bad data would be.
    broken.events.create(
        kind="phase_transfer", occurred_on=today, data={"transfer_date": "2027-09-01"}
    )
    fine = f.case_with_request(today=today)

    report = tasks.clock_refresh_open_cases(today=today)

    assert (report.refreshed, report.failed) == (1, 1)
    assert CaseStep.objects.filter(case=fine).exists()
    assert CaseStep.objects.filter(case=broken).exists()  # its last good steps are kept


def test_a_secondary_school_child_in_year_11_gets_the_31_march_step(db, today):
    la = f.LocalAuthorityFactory()
    secondary = f.SchoolFactory(
        local_authority=la,
        phase=codes.SettingPhase.SECONDARY.value,
        first_nc_year=7,
        last_nc_year=11,
    )
    child = f.ChildFactory(local_authority=la, date_of_birth=dt.date(2010, 12, 1))  # Year 11
    f.EnrolmentFactory(child=child, setting=secondary)
    case = f.case_with_final_plan(child=child, today=today)

    tasks.nightly_phase_transfers(timestamp=at(2026, 11, 22, 2))
    tasks.nightly_clock_refresh(timestamp=at(2027, 4, 1, 2, 30))

    step = CaseStep.objects.get(case=case, step="phase_transfer")
    assert (step.due, step.rule, step.status) == (dt.date(2027, 3, 31), "Reg 18(1)(a)", "overdue")


def test_steps_with_the_same_name_and_due_date_compare_safely(db, today):
    """Two advice requests on one day: same step and due date, one done and one not."""
    case = f.case_assessing(today=today)
    CaseStep.objects.bulk_create(
        [
            CaseStep(
                case=case, step="advice_due", due=today, done=None, status="open", rule="Reg 8"
            ),
            CaseStep(
                case=case, step="advice_due", due=today, done=today, status="met", rule="Reg 8"
            ),
        ]
    )

    report = tasks.clock_refresh_open_cases(today=today)

    assert (report.refreshed, report.changed, report.failed) == (1, 1, 0)
    assert not CaseStep.objects.filter(case=case, rule="Reg 8").exists()
