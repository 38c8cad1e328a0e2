"""The board pack for one meeting (issue 12 item 3, docs/strategy-board.md): progress since
the previous meeting, an exception for every red item and every measure behind its
trajectory with its explanation, the measures against their targets (a chart and a
table each, from the stored snapshots up to the meeting day), and the board's decisions
and action log. As HTML in the page and as a PDF through core/documents.py.

"Red" is a latest progress update of Off track or Not achieved, on or before the meeting
day. "Behind" is the trajectory rule of strategy/trajectory.py on the meeting day, read by
strategy/readings.py measure_reading as on the plan's own pages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.template.loader import render_to_string
from markupsafe import Markup

from opensend.core.documents import pdf_from_html
from opensend.measures.dashboard import wording
from opensend.statutory.indicators import INDICATORS
from opensend.strategy.board.models import BoardMeeting
from opensend.strategy.chart import trajectory_chart
from opensend.strategy.models import Action, MeasureKind, ProgressStatus, SuccessMeasure
from opensend.strategy.readings import MeasureReading, indicator_name, measure_reading, unit_suffix
from opensend.strategy.trajectory import Course

RED = (ProgressStatus.OFF_TRACK, ProgressStatus.NOT_ACHIEVED)
NO_EXPLANATION = "No explanation has been recorded."


@dataclass(frozen=True)
class PackUpdate:
    action: str
    reported_on: dt.date
    status: str
    narrative: str
    by: str


@dataclass(frozen=True)
class PackException:
    item: str
    why: str
    explanation: str


@dataclass(frozen=True)
class PackMeasure:
    title: str
    action: str
    indicator: str
    baseline: str
    target: str
    expected: str
    latest: str
    course: str
    behind: bool
    chart: Markup | None
    points: tuple[tuple[str, str], ...]  # (month, value) for the table beside the chart


@dataclass
class BoardPack:
    meeting: BoardMeeting
    previous: BoardMeeting | None
    since: dt.date
    updates: list[PackUpdate] = field(default_factory=list)
    exceptions: list[PackException] = field(default_factory=list)
    measures: list[PackMeasure] = field(default_factory=list)


def _previous(meeting: BoardMeeting) -> BoardMeeting | None:
    return (
        BoardMeeting.objects.filter(strategy=meeting.strategy_id, held_on__lt=meeting.held_on)
        .order_by("-held_on")
        .first()
    )


def _updates(meeting: BoardMeeting, since: dt.date) -> list[PackUpdate]:
    from opensend.strategy.models import ProgressUpdate

    rows = ProgressUpdate.objects.filter(
        action__strategy=meeting.strategy_id,
        reported_on__gt=since,
        reported_on__lte=meeting.held_on,
    ).select_related("action", "reported_by")
    return [
        PackUpdate(u.action.title, u.reported_on, u.get_status_display(), u.narrative,
                   u.reported_by.full_name)
        for u in sorted(rows, key=lambda u: (u.reported_on, u.pk))
    ]  # fmt: skip


def _latest_updates(meeting: BoardMeeting) -> dict[int, object]:
    """Each action's latest update on or before the meeting day."""
    from opensend.strategy.models import ProgressUpdate

    latest: dict[int, object] = {}
    rows = ProgressUpdate.objects.filter(
        action__strategy=meeting.strategy_id, reported_on__lte=meeting.held_on
    ).order_by("action_id", "reported_on", "id")
    for update in rows:
        latest[update.action_id] = update
    return latest


def _value_text(code: str, value: Decimal | None) -> str:
    indicator = INDICATORS.get(code)
    if value is None:
        return "None yet"
    return wording.format_value(indicator, value) if indicator else f"{value:.1f}"


def _chart(found: MeasureReading, meeting: BoardMeeting, index: int) -> Markup | None:
    """The figures against the trajectory, as on the success-measure page."""
    if found.trajectory is None or not found.series:
        return None
    code = found.measure.indicator_code
    return trajectory_chart(
        series=found.series, trajectory=found.trajectory, chart_id=f"measure-{index}",
        title=f"{indicator_name(code)}: figures to {meeting.held_on:%B %Y} against the trajectory",
        desc=f"{len(found.series)} monthly figures, the trajectory from the baseline (square) "
        "to the target (diamond); the table beside it has each figure",
        suffix=unit_suffix(code),
    )  # fmt: skip


def _measure(measure: SuccessMeasure, meeting: BoardMeeting, index: int) -> PackMeasure:
    code = measure.indicator_code
    found = measure_reading(measure, today=meeting.held_on)
    assert found is not None  # the pack reads only the measures linked to an indicator
    trajectory, reading = found.trajectory, found.reading
    latest = reading.latest if reading else None
    return PackMeasure(
        title=measure.title,
        action=measure.action.title if measure.action else "",
        indicator=indicator_name(code),
        baseline=_value_text(code, trajectory.baseline.value) if trajectory else "Not set",
        target=(f"{_value_text(code, measure.target_value)} by {measure.target_date:%B %Y}"
                if trajectory else "Not set"),
        # the line on the day of the latest figure: what the figure is judged against
        expected=_value_text(code, reading.expected_at_latest) if latest and reading else "",
        latest=_value_text(code, latest.value) if latest else "None yet",
        course=reading.words if reading else f"No trajectory: {found.missing.lower()}",
        behind=bool(reading and reading.course == Course.BEHIND),
        chart=_chart(found, meeting, index),
        points=tuple((f"{p.on:%b %y}", _value_text(code, p.value)) for p in found.series),
    )  # fmt: skip


def _exceptions(meeting: BoardMeeting, measures: list[PackMeasure]) -> list[PackException]:
    latest = _latest_updates(meeting)
    actions = Action.objects.filter(strategy=meeting.strategy_id).order_by("reference", "id")
    found = []
    for action in actions:
        update = latest.get(action.pk)
        if update is not None and update.status in RED:  # type: ignore[attr-defined]
            found.append(
                PackException(
                    action.title,
                    update.get_status_display(),  # type: ignore[attr-defined]
                    update.narrative or NO_EXPLANATION,
                )
            )  # type: ignore[attr-defined]
    narratives = {a.title: getattr(latest.get(a.pk), "narrative", "") for a in actions}
    for measure in measures:
        if measure.behind:
            why = f"Behind trajectory: {measure.latest} against {measure.expected} expected"
            found.append(
                PackException(measure.title, why, narratives.get(measure.action) or NO_EXPLANATION)
            )
    return found  # fmt: skip


def board_pack(meeting: BoardMeeting) -> BoardPack:
    previous = _previous(meeting)
    since = previous.held_on if previous else meeting.strategy.period_start - dt.timedelta(days=1)
    linked = (
        SuccessMeasure.objects.filter(strategy=meeting.strategy_id, kind=MeasureKind.INDICATOR)
        .select_related("action")
        .order_by("id")
    )
    measures = [_measure(measure, meeting, index) for index, measure in enumerate(linked, 1)]
    return BoardPack(
        meeting=meeting,
        previous=previous,
        since=since,
        updates=_updates(meeting, since),
        exceptions=_exceptions(meeting, measures),
        measures=measures,
    )


def board_pack_html(pack: BoardPack, *, document: bool) -> str:
    """The pack's body (document=False, inside the page) or the whole PDF document."""
    template = "strategy/board/pack_document.html" if document else "strategy/board/_pack.html"
    context = {
        "pack": pack,
        "meeting": pack.meeting,
        "strategy": pack.meeting.strategy,
        "decisions": list(pack.meeting.decisions.all()),
        "action_log": list(pack.meeting.action_log.select_related("action")),
    }
    return render_to_string(template, context, using="jinja2")


def board_pack_pdf(pack: BoardPack) -> bytes:
    return pdf_from_html(board_pack_html(pack, document=True))
