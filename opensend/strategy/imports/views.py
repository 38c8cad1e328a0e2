"""Import an action plan: upload, choose the table, map the columns, preview, import
(docs/strategy-import.md). Each step is saved on the pending import and redirects (so a
reload repeats nothing and finds the choices made); nothing reaches the plan until
"Import" is pressed, and then in one transaction.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from opensend.core.permissions import permission_required
from opensend.core.render import render_page
from opensend.core.today import today
from opensend.core.uploads import UploadRefused
from opensend.strategy.imports import services
from opensend.strategy.imports.forms import ColumnsForm, PlanFileForm, TableForm, columns_initial
from opensend.strategy.imports.mapping import FIELDS
from opensend.strategy.imports.selectors import (
    pending_import_for_user,
    pending_imports_of,
    strategy_for_user,
)
from opensend.strategy.imports.tables import UnreadablePlanFile
from opensend.strategy.models import ProgressStatus

EDIT = "strategy.edit_strategy"


@permission_required(EDIT)
def upload(request: HttpRequest, strategy_id: int) -> HttpResponse:
    strategy = strategy_for_user(request.user, strategy_id)  # type: ignore[arg-type]
    posted = request.method == "POST"
    form = PlanFileForm(request.POST if posted else None, request.FILES if posted else None)
    if posted and form.is_valid():
        try:
            pending = services.pending_import_create(
                strategy=strategy, actor=request.user, upload=form.cleaned_data["file"]
            )
        except (UploadRefused, UnreadablePlanFile) as refusal:
            form.add_error("file", str(refusal))
        else:
            return redirect("strategy_import:preview", strategy.pk, pending.pk)
    context = {
        "strategy": strategy,
        "form": form,
        "pending_imports": pending_imports_of(request.user, strategy),  # type: ignore[arg-type]
    }
    refused = posted and form.errors and "file" in request.FILES  # as the Local Offer import
    return render_page(
        request, "strategy/imports/upload.html", context, status=400 if refused else 200
    )


@permission_required(EDIT)
def table(request: HttpRequest, strategy_id: int, pending_id: int) -> HttpResponse:
    strategy = strategy_for_user(request.user, strategy_id)  # type: ignore[arg-type]
    pending = pending_import_for_user(request.user, strategy, pending_id)  # type: ignore[arg-type]
    tables = services.pending_tables(pending)
    posted = request.method == "POST"
    form = TableForm(
        request.POST if posted else None,
        tables=tables,
        initial={"table": pending.table_number},
    )
    if posted and form.is_valid():
        services.pending_table_choose(pending=pending, table_number=form.cleaned_data["table"])
        return redirect("strategy_import:preview", strategy.pk, pending.pk)
    context = {"strategy": strategy, "pending": pending, "form": form}
    return render_page(request, "strategy/imports/table.html", context)


@permission_required(EDIT)
def preview(request: HttpRequest, strategy_id: int, pending_id: int) -> HttpResponse:
    strategy = strategy_for_user(request.user, strategy_id)  # type: ignore[arg-type]
    pending = pending_import_for_user(request.user, strategy, pending_id)  # type: ignore[arg-type]
    chosen = services.pending_table(pending)
    if chosen is None:
        return redirect("strategy_import:table", strategy.pk, pending.pk)
    posted = request.method == "POST"
    form = ColumnsForm(
        request.POST if posted else None,
        header=chosen.header,
        initial=columns_initial(pending.mapping),
    )
    if posted and form.is_valid():
        services.pending_columns_map(pending=pending, mapping=form.mapping())
        return redirect("strategy_import:preview", strategy.pk, pending.pk)
    rows = services.pending_preview(pending)
    context = {
        "strategy": strategy,
        "pending": pending,
        "table": chosen,
        "several_tables": len(pending.tables) > 1,
        "form": form,
        "readable": [row for row in rows if not row.problems],
        "unreadable": [row for row in rows if row.problems],
        "field_names": list(FIELDS),
        "statuses": dict(ProgressStatus.choices),
    }
    return render_page(request, "strategy/imports/preview.html", context)


@permission_required(EDIT)
@require_POST
def confirm(request: HttpRequest, strategy_id: int, pending_id: int) -> HttpResponse:
    strategy = strategy_for_user(request.user, strategy_id)  # type: ignore[arg-type]
    pending = pending_import_for_user(request.user, strategy, pending_id)  # type: ignore[arg-type]
    if services.pending_table(pending) is None:
        return redirect("strategy_import:table", strategy.pk, pending.pk)
    file_name = pending.file_name
    report = services.plan_import(pending=pending, actor=request.user, today=today())
    context = {"strategy": strategy, "report": report, "file_name": file_name}
    return render_page(request, "strategy/imports/done.html", context)


@permission_required(EDIT)
@require_POST
def discard(request: HttpRequest, strategy_id: int, pending_id: int) -> HttpResponse:
    strategy = strategy_for_user(request.user, strategy_id)  # type: ignore[arg-type]
    pending = pending_import_for_user(request.user, strategy, pending_id)  # type: ignore[arg-type]
    services.pending_import_discard(pending=pending)
    return redirect("strategy_import:upload", strategy.pk)
