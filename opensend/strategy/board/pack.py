"""The board pack for one meeting (issue 12 item 3, docs/strategy-board.md): progress since
the previous meeting, an exception for every red item and every measure behind its
trajectory with its explanation, the measures against their targets (a chart and a
table each, from the stored snapshots up to the meeting day), and the board's decisions
and action log. As HTML in the page and as a PDF through core/documents.py.

"Red" is a latest progress update of Off track or Not achieved, on or before the meeting
day. "Behind" is the trajectory rule of strategy/trajectory.py on the meeting day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.template.loader import render_to_string
from markupsafe import Markup

from opensend.core.documents import pdf_from_html
from opensend.measures.dashboard import wording
from opensend.measures.dashboard.chart import ChartPoint, line_chart, nice_ceiling
from opensend.measures.snapshots.selectors import snapshot_series
from opensend.statutory.indicators import INDICATORS
from opensend.strategy.board.models import BoardMeeting
from opensend.strategy.models import Action, MeasureKind, ProgressStatus, SuccessMeasure
from opensend.strategy.trajectory import Course, Point, Reading, Trajectory, reading_on

RED = (ProgressStatus.OFF_TRACK, ProgressStatus.NOT_ACHIEVED)
SERIES_MONTHS = 24
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


def _indicator_name(code: str) -> str:
    indicator = INDICATORS.get(code)
    return indicator.name if indicator else code


def _value_text(code: str, value: Decimal | None) -> str:
    indicator = INDICATORS.get(code)
    if value is None:
        return "None yet"
    return wording.format_value(indicator, value) if indicator else f"{value:.1f}"


def _trajectory(measure: SuccessMeasure, series: list[Point]) -> Trajectory | None:
    """Baseline typed, or the figure stored on the baseline date; None without both ends."""
    baseline = measure.baseline_value
    if baseline is None and measure.baseline_date:
        taken = [p for p in series if p.on <= measure.baseline_date]
        baseline = taken[-1].value if taken else None
    if None in (baseline, measure.baseline_date, measure.target_value, measure.target_date):
        return None
    return Trajectory(
        baseline=Point(measure.baseline_date, baseline),  # type: ignore[arg-type]
        target=Point(measure.target_date, measure.target_value),  # type: ignore[arg-type]
        higher_is_better=measure.direction != "lower",
    )


def _ceiling(points: list[ChartPoint], trajectory: Trajectory | None) -> Decimal:
    """The axis reaches the target too, so the board sees how far there is to go."""
    values = [p.value for p in points if p.value is not None]
    if trajectory:
        values += [trajectory.baseline.value, trajectory.target.value]
    return nice_ceiling(max(values, default=Decimal(0)))


def _measure(measure: SuccessMeasure, meeting: BoardMeeting, index: int) -> PackMeasure:
    code = measure.indicator_code
    stored = snapshot_series(
        local_authority_id=meeting.strategy.local_authority_id,
        code=code,
        group=measure.group or None,
        breakdown=measure.breakdown or None,
        months=SERIES_MONTHS,
        period_kind=measure.period_kind,
        until=meeting.held_on,
    )
    series = [Point(p.taken_on, p.value) for p in stored if p.value is not None]
    trajectory = _trajectory(measure, series)
    reading: Reading | None = (
        reading_on(trajectory, series, meeting.held_on) if trajectory else None
    )
    latest = reading.latest if reading else None
    points = [ChartPoint(p.taken_on.strftime("%b %y"), p.value, _value_text(code, p.value))
              for p in stored]  # fmt: skip
    name = _indicator_name(code)
    chart = line_chart(
        points, chart_id=f"measure-{index}", title=f"{name}: figures to {meeting.held_on:%B %Y}",
        desc=f"{len(points)} monthly figures; the table beside it has each one",
        ceiling=_ceiling(points, trajectory),
    ) if points else None  # fmt: skip
    return PackMeasure(
        title=measure.title,
        action=measure.action.title if measure.action else "",
        indicator=name,
        baseline=_value_text(code, trajectory.baseline.value) if trajectory else "Not set",
        target=(f"{_value_text(code, measure.target_value)} by {measure.target_date:%B %Y}"
                if trajectory else "Not set"),
        # the line on the day of the latest figure: what the figure is judged against
        expected=_value_text(code, reading.expected_at_latest) if latest and reading else "",
        latest=_value_text(code, latest.value) if latest else "None yet",
        course=reading.words if reading else "No trajectory: a baseline or target is missing",
        behind=bool(reading and reading.course == Course.BEHIND),
        chart=chart,
        points=tuple((p.label, p.display) for p in points),
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
