"""The board's pages: its meetings, one meeting with its decisions and action log, and
the pack for a meeting as a page and as a PDF (docs/strategy-board.md)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET
from markupsafe import Markup

from opensend.core.audit import audit
from opensend.core.models import AuditAction
from opensend.core.permissions import has_perm, permission_required
from opensend.core.render import render_page
from opensend.strategy.board import pack as board_pack
from opensend.strategy.board import services
from opensend.strategy.board.forms import ActionLogForm, DecisionForm, MeetingForm
from opensend.strategy.board.models import BoardMeeting
from opensend.strategy.imports.selectors import strategy_for_user
from opensend.strategy.models import Strategy

VIEW, EDIT = "strategy.view_strategy", "strategy.edit_strategy"


def _meeting(strategy: Strategy, meeting_id: int) -> BoardMeeting:
    meeting = BoardMeeting.objects.filter(pk=meeting_id, strategy=strategy).first()
    if meeting is None:
        raise Http404("No such meeting")
    meeting.strategy = strategy
    return meeting


@permission_required(VIEW)
@require_GET
def meetings(request: HttpRequest, strategy_id: int) -> HttpResponse:
    strategy = strategy_for_user(request.user, strategy_id)  # type: ignore[arg-type]
    context = {
        "strategy": strategy,
        "meetings": list(strategy.board_meetings.all()),  # type: ignore[attr-defined]
        "can_edit": has_perm(request.user, EDIT),
    }
    return render_page(request, "strategy/board/meetings.html", context)


@permission_required(EDIT)
def meeting_new(request: HttpRequest, strategy_id: int) -> HttpResponse:
    strategy = strategy_for_user(request.user, strategy_id)  # type: ignore[arg-type]
    form = MeetingForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        held_on = form.cleaned_data["held_on"]
        if strategy.board_meetings.filter(held_on=held_on).exists():  # type: ignore[attr-defined]
            form.add_error("held_on", "There is already a meeting on that day")
        else:
            meeting = services.board_meeting_create(
                strategy=strategy, held_on=held_on, title=form.cleaned_data["title"],
                actor=request.user,
            )  # fmt: skip
            return redirect("strategy_board:meeting", strategy.pk, meeting.pk)
    context = {"strategy": strategy, "form": form, "page_heading": "Add a board meeting"}
    return render_page(request, "strategy/board/form.html", context)


@permission_required(VIEW)
@require_GET
def meeting(request: HttpRequest, strategy_id: int, meeting_id: int) -> HttpResponse:
    strategy = strategy_for_user(request.user, strategy_id)  # type: ignore[arg-type]
    found = _meeting(strategy, meeting_id)
    context = {
        "strategy": strategy,
        "meeting": found,
        "decisions": list(found.decisions.all()),
        "action_log": list(found.action_log.select_related("action")),
        "can_edit": has_perm(request.user, EDIT),
    }
    return render_page(request, "strategy/board/meeting.html", context)


@permission_required(EDIT)
def decision_new(request: HttpRequest, strategy_id: int, meeting_id: int) -> HttpResponse:
    strategy = strategy_for_user(request.user, strategy_id)  # type: ignore[arg-type]
    found = _meeting(strategy, meeting_id)
    form = DecisionForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        services.board_decision_record(
            meeting=found, decision=form.cleaned_data["decision"], actor=request.user
        )
        return redirect("strategy_board:meeting", strategy.pk, found.pk)
    context = {"strategy": strategy, "meeting": found, "form": form,
               "page_heading": "Record a decision"}  # fmt: skip
    return render_page(request, "strategy/board/form.html", context)


@permission_required(EDIT)
def action_log_new(request: HttpRequest, strategy_id: int, meeting_id: int) -> HttpResponse:
    strategy = strategy_for_user(request.user, strategy_id)  # type: ignore[arg-type]
    found = _meeting(strategy, meeting_id)
    form = ActionLogForm(request.POST if request.method == "POST" else None, strategy=strategy)
    if form.is_valid():
        services.board_action_log(
            meeting=found, title=form.cleaned_data["title"],
            owner_name=form.cleaned_data["owner_name"], due_date=form.cleaned_data["due_date"],
            priority=form.chosen_priority(), actor=request.user,
        )  # fmt: skip
        return redirect("strategy_board:meeting", strategy.pk, found.pk)
    context = {"strategy": strategy, "meeting": found, "form": form,
               "page_heading": "Log an action for the plan"}  # fmt: skip
    return render_page(request, "strategy/board/form.html", context)


def _pack(request: HttpRequest, strategy_id: int, meeting_id: int) -> board_pack.BoardPack:
    strategy = strategy_for_user(request.user, strategy_id)  # type: ignore[arg-type]
    found = _meeting(strategy, meeting_id)
    return board_pack.board_pack(found)


@permission_required(VIEW)
@require_GET
def pack(request: HttpRequest, strategy_id: int, meeting_id: int) -> HttpResponse:
    built = _pack(request, strategy_id, meeting_id)
    html = Markup(board_pack.board_pack_html(built, document=False))  # noqa: S704 (escaped by the template)
    context = {"strategy": built.meeting.strategy, "meeting": built.meeting, "pack_html": html}
    return render_page(request, "strategy/board/pack.html", context)


@permission_required(VIEW)
@require_GET
def pack_pdf(request: HttpRequest, strategy_id: int, meeting_id: int) -> HttpResponse:
    built = _pack(request, strategy_id, meeting_id)
    audit(actor=request.user, action=AuditAction.DOWNLOAD, obj=built.meeting,
          why="Downloaded a board pack", request=request)  # fmt: skip
    response = HttpResponse(board_pack.board_pack_pdf(built), content_type="application/pdf")
    name = f"board-pack-{built.meeting.held_on.isoformat()}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response
