"""Advice requests, plan versions and the actions a caseworker can take next."""

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from opensend.casework.models import Case, Dispute, PlanVersion, Stage, VersionKind
from opensend.casework.presenters.steps import Tag, advice_label, days_left, status_tag
from opensend.core.models import ScanStatus
from opensend.statutory.clock.steps import duty_status


@dataclass(frozen=True)
class AdviceFileLink:
    pk: int
    name: str
    size: str  # "240 KB"
    received: bool  # came with the advice (else: sent with the request)
    scan_status: str  # "No virus found", "Waiting for a virus scan", ...
    scan: str  # the ScanStatus value
    uploader_id: int

    def openable_by(self, user_id: int | None) -> bool:
        """The same rule as the download view (opensend.core.uploads.upload_servable)."""
        if self.scan == ScanStatus.INFECTED:
            return False
        held = self.scan in (ScanStatus.PENDING, ScanStatus.FAILED)
        return not held or user_id == self.uploader_id

    def note_for(self, user_id: int | None) -> str:
        """What the person looking is told about the scan, the uploader most of all."""
        mine = user_id == self.uploader_id
        if self.scan == ScanStatus.INFECTED:
            return ("a virus was found: nobody can open it. Upload a clean copy"
                    if mine else "a virus was found: it cannot be opened")
        if self.scan == ScanStatus.PENDING:
            return ("waiting for a virus scan: only you can open it until then"
                    if mine else "waiting for a virus scan before it can be opened")
        if self.scan == ScanStatus.FAILED:
            return ("the virus scan failed: only you can open it; ask support to scan it again"
                    if mine else "the virus scan failed: it cannot be opened")
        return self.scan_status.lower()


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


def advice_file_links(advice: Any) -> list[AdviceFileLink]:
    """The advice request's files (prefetched with their uploads), sent ones first."""
    files = sorted(advice.files.all(), key=lambda f: (f.direction != "sent", f.pk))
    return [
        AdviceFileLink(pk=f.pk, name=f.upload.original_name, size=_size(f.upload.size),
                       received=f.direction == "received",
                       scan_status=f.upload.get_scan_status_display(),
                       scan=f.upload.scan_status, uploader_id=f.upload.uploaded_by_id)
        for f in files
    ]


@dataclass(frozen=True)
class AdviceRow:
    pk: int
    who: str
    organisation: str
    asked_on: dt.date
    due: dt.date
    received: dt.date | None
    tag: Tag
    days: str
    times_chased: int
    last_chased_on: dt.date | None
    message: str = ""
    summary: str = ""
    files: tuple[AdviceFileLink, ...] = ()

    @property
    def outstanding(self) -> bool:
        return self.received is None

    @property
    def sent_files(self) -> list[AdviceFileLink]:
        return [f for f in self.files if not f.received]

    @property
    def received_files(self) -> list[AdviceFileLink]:
        return [f for f in self.files if f.received]

    @property
    def can_pull(self) -> bool:
        """Received with a summary: it can be copied into the plan."""
        return self.received is not None and bool(self.summary.strip())


def advice_rows(advice_requests: Iterable[Any], today: dt.date) -> list[AdviceRow]:
    rows = []
    for advice in advice_requests:
        status = duty_status(due=advice.due_on, done=advice.received_on, today=today, excused=False)
        rows.append(
            AdviceRow(
                pk=advice.pk,
                who=advice_label(advice.service),
                organisation=advice.organisation.name,
                asked_on=advice.requested_on,
                due=advice.due_on,
                received=advice.received_on,
                tag=status_tag(status),
                times_chased=advice.times_chased,
                last_chased_on=advice.last_chased_on,
                days="" if advice.received_on else days_left(advice.due_on, today),
                message=advice.message,
                summary=advice.summary,
                files=tuple(advice_file_links(advice)),
            )
        )
    return rows


@dataclass(frozen=True)
class VersionRow:
    number: int
    kind: str
    issued_on: dt.date | None
    # False: an unissued version the user may not open (casework.see_unissued_documents).
    downloadable: bool = True


def version_rows(versions: Iterable[PlanVersion], *, issued_only: bool,
                 unissued_allowed: bool = True) -> list[VersionRow]:
    kinds = dict(VersionKind.choices)
    return [
        VersionRow(number=v.number, kind=kinds.get(v.kind, v.kind), issued_on=v.issued_on,
                   downloadable=v.issued_on is not None or unissued_allowed)
        for v in versions
        if v.issued_on is not None or not issued_only
    ]


@dataclass(frozen=True)
class DisputeRow:
    pk: int
    what: str  # "Mediation" or "Tribunal appeal"
    about: str  # the disputed decision
    started_on: dt.date
    concluded_on: dt.date | None
    outcome: str

    @property
    def open(self) -> bool:
        return self.concluded_on is None


def dispute_rows(disputes: list[Dispute]) -> list[DisputeRow]:
    return [
        DisputeRow(
            pk=d.pk,
            what=d.get_kind_display(),
            about=d.get_decision_display(),
            started_on=d.started_on,
            concluded_on=d.concluded_on,
            outcome=d.outcome,
        )
        for d in disputes
    ]


@dataclass(frozen=True)
class Action:
    url_name: str
    text: str


_ACTIONS = {
    "panel_decision": "Record a panel decision",
    "advice_request": "Ask for advice",
    "exception": "Record an exception to the time limits",
    "plan_edit": "Write or edit the plan",
    "plan_issue": "Issue the plan",
    "comment_period_end_early": (
        "Record the family\u2019s agreement to end the comment period early"
    ),
    "review_meeting": "Record an annual review meeting",
    "cease": "Cease the plan",
    "dispute": "Record mediation or an appeal",
}

# Each action, and the statutory events (opensend.statutory.order) one of which must be
# allowed today for it to be offered. Writing the plan records no event: it is offered
# once the LA has decided to assess, or while a plan is in force.
_NEEDS = {
    "panel_decision": ("decision_to_assess", "decision_not_to_issue"),
    "advice_request": ("advice_requested",),
    "exception": ("exception",),
    "plan_edit": (
        "advice_requested",
        "draft_plan_issued",
        "final_plan_issued",
        "amendment_proposed",
    ),
    "plan_issue": (
        "draft_plan_issued",
        "final_plan_issued",
        "amendment_proposed",
        "amended_plan_issued",
    ),
    "comment_period_end_early": ("comment_period_ended_early",),
    "review_meeting": ("review_meeting",),
    "cease": ("review_meeting",),  # a plan in force; the service notifies the decision first
    "dispute": ("mediation_certificate",),  # an appealable decision was notified
}

_ACTIONS_BY_STAGE = {
    Stage.REQUESTED: ("panel_decision", "advice_request", "exception"),
    Stage.ASSESSING: ("advice_request", "panel_decision", "exception", "plan_edit"),
    Stage.DRAFTING: ("plan_edit", "plan_issue", "advice_request", "exception"),
    Stage.PLAN: ("review_meeting", "plan_edit", "plan_issue", "cease", "dispute"),
    Stage.NOT_ASSESSED: ("dispute",),
    Stage.NOT_ISSUED: ("dispute",),
    Stage.CEASED: ("dispute",),
}

_ORDER = (
    "panel_decision",
    "advice_request",
    "plan_edit",
    "plan_issue",
    "comment_period_end_early",
    "review_meeting",
    "cease",
    "dispute",
    "exception",
)


def case_actions(case: Case, allowed: Collection[str] | None = None) -> list[Action]:
    """The actions the order of statutory steps allows today (``allowed``: the event kinds
    ``order.allowed_next`` returns). Without it (a history the clock cannot read), what a
    caseworker is likely to do at this stage."""
    if allowed is None:
        names: tuple[str, ...] = _ACTIONS_BY_STAGE.get(Stage(case.stage), tuple(_ACTIONS))
    else:
        names = tuple(name for name in _ORDER if set(_NEEDS[name]) & set(allowed))
    return [Action(url_name=f"casework:{name}", text=_ACTIONS[name]) for name in names]
