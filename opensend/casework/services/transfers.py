"""Phase transfers derived from the child's setting and year group (Regs reg 2(1), reg 18).

A caseworker can record a coming transfer by hand (reviews.phase_transfer_record); this
service finds the ones nobody has recorded yet, so that the Reg 18 step (plan amended by
15 February, or 31 March for secondary to post-16) is in the work queue well ahead.

The nightly job (casework/tasks.py) and `manage.py derive_phase_transfers` call it.
The dates and kinds come from opensend.statutory.school_year.next_transfer: no rule is
re-implemented here. See docs/background-jobs.md.
"""

import datetime as dt
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import OuterRef, Q, Subquery

from opensend.casework.models import Case, PhaseTransfer, Stage
from opensend.casework.services.reviews import phase_transfer_record
from opensend.core.audit import audit
from opensend.core.models import AuditAction
from opensend.people.models import Enrolment, Organisation, User
from opensend.statutory.clock import ClockError
from opensend.statutory.codes import SettingPhase
from opensend.statutory.dates import add_calendar_months
from opensend.statutory.school_year import next_transfer

# How far ahead a transfer is recorded. 18 months puts a September transfer in the queue
# from 1 March of the school year before (e.g. Year 5 of a primary school), so the
# 15 February deadline is about 11 months away when it first shows: time to hold the
# review that names the next setting in the final year's autumn term (CoP 9.179).
WINDOW_MONTHS = 18

NIGHTLY_WHY = "nightly phase transfer check"
MANUAL_WHY = "phase transfer check"

# The usual last NC year of each kind of setting, used only when the organisation's own
# last_nc_year is not recorded. Secondary-type schools fall back to Year 11, the end of
# compulsory school age: a school with a sixth form records 13, and flagging a Year 11
# move that turns out not to happen costs a check, while missing one misses the
# 31 March deadline. Post-16 institutions have no derived transfer (next_transfer: None).
STANDARD_LAST_NC_YEAR: dict[str, int] = {
    SettingPhase.EARLY_YEARS: -1,  # the nursery year; Reception is in a school
    SettingPhase.INFANT: 2,
    SettingPhase.JUNIOR: 6,
    SettingPhase.PRIMARY: 6,
    SettingPhase.FIRST: 4,
    SettingPhase.MIDDLE: 8,
    SettingPhase.SECONDARY: 11,
    SettingPhase.HIGH: 11,
    SettingPhase.ALL_THROUGH: 11,
    SettingPhase.SPECIAL: 11,
    SettingPhase.POST16: 13,
    SettingPhase.FURTHER_EDUCATION: 14,
}

# Why a case was checked and nothing recorded (the keys of DeriveReport.skipped).
NOT_ON_ROLL = "not on roll at a setting"
NO_PHASE = "setting has no known phase"
POST16_SETTING = "at a post-16 institution"
PAST_LAST_YEAR = "past the setting's last year"
NOT_YET = f"transfer more than {WINDOW_MONTHS} months away"
ALREADY_RECORDED = "already recorded"
CLOCK_ERROR = "clock could not be computed"


@dataclass
class DeriveReport:
    """What one run did. Every checked case is either recorded or skipped for a reason."""

    today: dt.date
    checked: int = 0
    recorded: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    recorded_cases: list[int] = field(default_factory=list)
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "checked": self.checked,
            "recorded": self.recorded,
            "skipped": dict(sorted(self.skipped.items())),
            "seconds": round(self.seconds, 2),
        }


@dataclass(frozen=True)
class _Candidate:
    case_id: int
    date_of_birth: dt.date
    setting_id: int | None
    recorded_years: frozenset[int]


@dataclass(frozen=True)
class _Transfer:
    case_id: int
    setting: Organisation
    transfer_date: dt.date
    kind: str


def _candidates(today: dt.date, local_authority: Organisation | None) -> Iterable[_Candidate]:
    """Cases with a maintained plan, in one query: the child's date of birth, the setting of
    the current enrolment (the latest started if dual registered) and the calendar years
    of the transfers already recorded."""
    on_roll = (
        Enrolment.objects.filter(child=OuterRef("child_id"), start__lte=today)
        .filter(Q(end__isnull=True) | Q(end__gte=today))
        .order_by("-start", "-pk")
    )
    recorded = PhaseTransfer.objects.filter(case=OuterRef("pk")).values("transfer_date")
    cases = Case.objects.filter(stage=Stage.PLAN)
    if local_authority is not None:
        cases = cases.filter(local_authority=local_authority)
    rows = (
        cases.annotate(
            setting_id=Subquery(on_roll.values("setting_id")[:1]), recorded=ArraySubquery(recorded)
        )
        .order_by("pk")
        .values_list("pk", "child__date_of_birth", "setting_id", "recorded")
    )
    for case_id, date_of_birth, setting_id, dates in rows.iterator(chunk_size=5000):
        yield _Candidate(case_id, date_of_birth, setting_id, frozenset(d.year for d in dates))


def _settings(ids: set[int]) -> dict[int, Organisation]:
    found = Organisation.objects.filter(pk__in=ids).only("pk", "phase", "last_nc_year").order_by()
    return {organisation.pk: organisation for organisation in found}


def _transfer_for(
    candidate: _Candidate,
    setting: Organisation | None,
    today: dt.date,
) -> _Transfer | str:
    """The transfer to record, or why there is none."""
    if setting is None:
        return NOT_ON_ROLL
    if setting.phase not in STANDARD_LAST_NC_YEAR:  # blank, or not a phase we know
        return NO_PHASE
    last_year = setting.last_nc_year
    if last_year is None:
        last_year = STANDARD_LAST_NC_YEAR[setting.phase]
    try:
        found = next_transfer(
            candidate.date_of_birth, setting.phase, today, last_year_of_setting=last_year
        )
    except ValueError:
        return PAST_LAST_YEAR
    if found is None:
        return POST16_SETTING
    transfer_date, kind = found
    if transfer_date > add_calendar_months(today, WINDOW_MONTHS):
        return NOT_YET
    # One Reg 18 deadline per calendar year: a transfer a caseworker recorded with the
    # school's own first day (say 3 September) is the same transfer.
    if transfer_date.year in candidate.recorded_years:
        return ALREADY_RECORDED
    return _Transfer(candidate.case_id, setting, transfer_date, kind.value)


def _record(
    transfers: list[_Transfer], *, actor: User | None, today: dt.date, report: DeriveReport
) -> None:
    cases = Case.objects.select_related("child").in_bulk([t.case_id for t in transfers])
    for transfer in transfers:
        case = cases[transfer.case_id]
        try:
            phase_transfer_record(
                actor=actor,
                case=case,
                transfer_date=transfer.transfer_date,
                kind=transfer.kind,
                from_setting=transfer.setting,
                today=today,
            )
        except ClockError:
            report.skipped[CLOCK_ERROR] += 1  # the case's events need a caseworker's look
            continue
        report.recorded += 1
        report.recorded_cases.append(case.pk)


def phase_transfers_derive(
    *, actor: User | None, today: dt.date, local_authority: Organisation | None = None
) -> DeriveReport:
    """Record the coming phase transfer of every child with a maintained plan who is on
    roll at a setting, when it is within WINDOW_MONTHS and not yet recorded.

    Idempotent: a second run records nothing. ``actor`` None means the system (the
    nightly job): events and audit rows then have no user. Each transfer is recorded in
    its own transaction (phase_transfer_record), so one bad case does not stop the rest.
    """
    started = time.monotonic()
    report = DeriveReport(today=today)
    candidates = list(_candidates(today, local_authority))
    setting_by_id = _settings({c.setting_id for c in candidates if c.setting_id is not None})
    to_record: list[_Transfer] = []
    for candidate in candidates:
        report.checked += 1
        outcome = _transfer_for(candidate, setting_by_id.get(candidate.setting_id or 0), today)
        if isinstance(outcome, str):
            report.skipped[outcome] += 1
        else:
            to_record.append(outcome)
    _record(to_record, actor=actor, today=today, report=report)
    report.seconds = time.monotonic() - started
    why = NIGHTLY_WHY if actor is None else MANUAL_WHY
    audit(
        actor=actor,
        action=AuditAction.CHANGE,
        why=why,
        detail={**report.as_dict(), "cases": report.recorded_cases},
    )
    return report
