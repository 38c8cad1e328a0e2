"""Download a plan as Excel or Word, in the table shape the import reads (audited)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from opensend.core.audit import audit
from opensend.core.models import AuditAction
from opensend.core.permissions import permission_required
from opensend.strategy.exports import plan_docx, plan_table_rows, plan_xlsx
from opensend.strategy.imports.selectors import strategy_for_user

FORMATS = {
    "xlsx": (plan_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "docx": (
        plan_docx,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
}


@permission_required("strategy.view_strategy")
@require_GET
def plan_download(request: HttpRequest, strategy_id: int, file_format: str) -> HttpResponse:
    strategy = strategy_for_user(request.user, strategy_id)  # type: ignore[arg-type]
    write, content_type = FORMATS[file_format]
    contents = write(strategy.title, plan_table_rows(strategy))
    audit(
        actor=request.user,
        action=AuditAction.EXPORT,
        obj=strategy,
        why=f"Downloaded the action plan ({file_format})",
        request=request,
    )
    response = HttpResponse(contents, content_type=content_type)
    name = slugify(strategy.title)[:80] or "action-plan"
    response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
    return response
