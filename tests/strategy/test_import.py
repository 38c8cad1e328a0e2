"""Importing a plan: the preview names every bad row by its place, the rest is saved in one
transaction, nothing is saved when saving fails, and a re-import changes nothing."""

import datetime as dt
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from opensend.strategy.imports import services
from opensend.strategy.models import Action, Priority, ProgressUpdate, SuccessMeasure
from tests.strategy.plan_files import HEADER, docx_bytes

TODAY = dt.date(2026, 12, 7)

# A Word plan: a title table, then the plan with two sections and two bad rows.
PLAN_TABLES = [
    [("Version", "Date"), ("3", "1 May 2025")],
    [
        HEADER,
        ("Priority 1: Inclusion in local schools",) * 6,
        ("", "Audit inclusion in every school", "D. Roy", "Autumn 2025",
         "90% of schools audited\nFindings shared with the forum", "On track: 40 audits done"),
        ("", "Publish the inclusion toolkit", "E. Fox", "Winter 2025", "", ""),
        ("Priority 2: Preparing for adulthood",) * 6,
        ("", "Map post-16 routes", "A. Khan", "survive: years 1-2", "", "Achieved"),
        ("", "", "B. Ode", "2025", "", "Developing SEND dashboard"),
        ("", "Train SENCOs in transition planning", "B. Ode", "by end of March 2026",
         "80% of SENCOs trained", "Amber: two sessions cancelled"),
    ],
]  # fmt: skip


def _pending(strategy, sam, contents=None):
    upload = SimpleUploadedFile("plan.docx", contents or docx_bytes(PLAN_TABLES))
    pending = services.pending_import_create(strategy=strategy, actor=sam, upload=upload)
    services.pending_table_choose(pending=pending, table_number=2)
    return pending


def _plan(strategy):
    return sorted(
        (
            priority.title,
            action.title,
            action.owner_name,
            action.timescale_start,
            action.timescale_end,
            tuple(action.success_measures.order_by("id").values_list("title", flat=True)),
            tuple(action.progress_updates.values_list("status", "narrative")),
        )
        for action in Action.objects.filter(strategy=strategy)
        for priority in action.priorities.all()
    )


def test_the_preview_names_each_bad_row_by_table_and_row(strategy, sam):
    pending = _pending(strategy, sam)
    assert pending.mapping["action"] == 1 and pending.mapping["priority"] == 0
    bad = [(row.place, row.problems) for row in services.pending_preview(pending) if row.problems]
    assert bad == [
        ("Table 2, row 4", ("timescale: “Winter 2025”: winter straddles two years; "
                            "write the months or a school term",)),
        ("Table 2, row 7", ("there is no action", "progress “Developing SEND dashboard” "
                            "does not start with a status such as Achieved")),
    ]  # fmt: skip


def test_the_readable_rows_are_saved_and_a_reimport_changes_nothing(strategy, sam):
    report = services.plan_import(pending=_pending(strategy, sam), actor=sam, today=TODAY)
    assert (report.rows_imported, report.rows_left_out) == (3, 2)
    assert (report.priorities_created, report.actions_created, report.measures_created) == (2, 3, 3)
    saved = _plan(strategy)
    assert saved == [
        ("Priority 1: Inclusion in local schools", "Audit inclusion in every school", "D. Roy",
         dt.date(2025, 9, 1), dt.date(2025, 12, 31),
         ("90% of schools audited", "Findings shared with the forum"),
         (("on_track", "40 audits done"),)),
        ("Priority 2: Preparing for adulthood", "Map post-16 routes", "A. Khan",
         dt.date(2025, 4, 1), dt.date(2027, 3, 31), (), (("achieved", ""),)),
        ("Priority 2: Preparing for adulthood", "Train SENCOs in transition planning", "B. Ode",
         None, dt.date(2026, 3, 31), ("80% of SENCOs trained",),
         (("at_risk", "two sessions cancelled"),)),
    ]  # fmt: skip
    again = services.plan_import(pending=_pending(strategy, sam), actor=sam, today=TODAY)
    assert again.changed_nothing and again.rows_imported == 3
    assert _plan(strategy) == saved


def test_nothing_is_saved_when_saving_fails_part_way(strategy, sam):
    pending = _pending(strategy, sam)
    failing = mock.patch.object(services, "_progress", side_effect=[None, RuntimeError("disk")])
    with failing, pytest.raises(RuntimeError):
        services.plan_import(pending=pending, actor=sam, today=TODAY)
    assert not Priority.objects.filter(strategy=strategy).exists()
    assert not Action.objects.exists() and not SuccessMeasure.objects.exists()
    assert not ProgressUpdate.objects.exists()
    pending.refresh_from_db()  # the pending import is still there to try again


def test_the_pending_import_keeps_the_chosen_columns(strategy, sam):
    pending = _pending(strategy, sam)
    services.pending_columns_map(pending=pending, mapping={"action": 1, "owner": 2})
    pending.refresh_from_db()
    assert pending.mapping == {"priority": None, "action": 1, "owner": 2, "timescale": None,
                               "success_measure": None, "progress": None}  # fmt: skip
    assert next(row.problems for row in services.pending_preview(pending)) == ()
