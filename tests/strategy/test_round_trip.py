"""Export a plan to Excel or Word, import the file into an empty plan: the same plan."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from opensend.strategy.exports import plan_docx, plan_table_rows, plan_xlsx
from opensend.strategy.imports import services
from opensend.strategy.models import Action, Priority, ProgressUpdate, Strategy, SuccessMeasure

TODAY = dt.date(2026, 12, 7)


def _plan_written(strategy, sam):
    inclusion = Priority.objects.create(strategy=strategy, order=1, title="Inclusion")
    adulthood = Priority.objects.create(strategy=strategy, order=2, title="Adulthood")
    audit = Action.objects.create(
        strategy=strategy, title="Audit inclusion", owner_name="D. Roy", timescale="Autumn 2025",
        timescale_start=dt.date(2025, 9, 1), timescale_end=dt.date(2025, 12, 31),
    )  # fmt: skip
    audit.priorities.add(inclusion, adulthood)  # one action serving two priorities
    routes = Action.objects.create(
        strategy=strategy, title="=Map post-16 routes", owner_name="A. Khan",
        start_date=dt.date(2025, 4, 1), due_date=dt.date(2026, 3, 31),
    )  # fmt: skip
    routes.priorities.add(adulthood)
    SuccessMeasure.objects.create(
        strategy=strategy, action=audit, title="90% audited", kind="qualitative"
    )
    SuccessMeasure.objects.create(
        strategy=strategy, action=audit, title="Forum told", kind="qualitative"
    )
    ProgressUpdate.objects.create(action=audit, reported_on=dt.date(2026, 1, 5), reported_by=sam,
                                  status="on_track", narrative="40 audits done")  # fmt: skip
    ProgressUpdate.objects.create(action=routes, reported_on=dt.date(2026, 1, 5), reported_by=sam,
                                  status="achieved", narrative="")  # fmt: skip


def _empty_plan(area):
    return Strategy.objects.create(
        local_authority=area.northshire, title="Copy", kind="strategy",
        period_start=dt.date(2025, 4, 1), period_end=dt.date(2028, 3, 31),
    )  # fmt: skip


@pytest.mark.parametrize(("write", "name"), [(plan_xlsx, "plan.xlsx"), (plan_docx, "plan.docx")])
def test_an_import_of_the_export_is_the_same_plan(strategy, area, sam, write, name):
    _plan_written(strategy, sam)
    exported = plan_table_rows(strategy)
    assert len(exported) == 3  # the shared action once under each priority
    copy = _empty_plan(area)
    upload = SimpleUploadedFile(name, write(strategy.title, exported))
    pending = services.pending_import_create(strategy=copy, actor=sam, upload=upload)
    assert all(not row.problems for row in services.pending_preview(pending))
    services.plan_import(pending=pending, actor=sam, today=TODAY)
    assert plan_table_rows(copy) == exported
    assert list(copy.priorities.values_list("order", "title")) == [
        (1, "Inclusion"),
        (2, "Adulthood"),
    ]
