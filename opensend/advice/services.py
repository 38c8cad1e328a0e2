"""Writes for advice givers: submitting structured advice (issue 11, item 2), and the
caseworker pulling it into the plan section by section.

Submitting advice (or a reasoned "no advice to give") records the advice received ON
THE DAY OF SUBMISSION through casework's own service (advice_receive), so the clock's
advice step (Reg 8(1)) is met that day and chasing stops; "need to see the child first"
tells the caseworker and leaves the 6 weeks running.
"""

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from opensend.advice.models import AdviceSubmission, Answer
from opensend.casework.models import AdviceFile, AdviceFileDirection, AdviceRequest, Plan
from opensend.casework.notifications import (
    case_link,
    caseworker_emails,
    first_name,
    next_open_step,
)
from opensend.casework.plan_sections import SECTION_BY_CODE
from opensend.casework.presenters.steps import step_name
from opensend.casework.services.advice import (
    AdviceError,
    advice_files_add,
    advice_receive,
    plan_target_kind,
)
from opensend.casework.services.plans import plan_version_save, working_version
from opensend.core.audit import audit
from opensend.core.models import AuditAction
from opensend.core.notifications import Message, notification_create
from opensend.people.models import AdviceService, User
from opensend.statutory.advice import advice_sections, answer_meets_step

SUBMITTED_WORDS = {
    Answer.ADVICE: "The advice you asked for was sent",
    Answer.NO_ADVICE: "An adviser answered that they have no advice to give, with reasons",
    Answer.SEE_CHILD_FIRST: "An adviser needs to see the child before giving advice",
}


def advice_summary(*, answer: str, reasons: str, needs: Sequence[dict[str, str]],
                   outcomes: Sequence[dict[str, str]],
                   provision: Sequence[dict[str, str]]) -> str:
    """The advice as text, for the case page (casework keeps one summary per request)."""
    if answer != Answer.ADVICE:
        return f"{Answer(answer).label}: {reasons.strip()}"
    lines = [f"Need: {row['description']}" for row in needs]
    lines += [f"Outcome: {row['outcome']}" for row in outcomes]
    lines += [f"Provision ({row['section']}): {provision_text(row)}" for row in provision]
    return "\n".join(lines)


def provision_text(row: dict[str, str]) -> str:
    """One provision with its quantity: what, how much, how often, by whom."""
    parts = [row["provision"], row.get("how_much", ""), row.get("how_often", "")]
    text = ", ".join(part.strip() for part in parts if part and part.strip())
    by = row.get("delivered_by", "").strip()
    return f"{text} (by {by})" if by else text


def _next_version(advice: AdviceRequest) -> int:
    AdviceRequest.objects.select_for_update().filter(pk=advice.pk).first()  # one at a time
    latest = advice.submissions.order_by("-version").values_list("version", flat=True).first()
    return (latest or 0) + 1


def _received_files(
    actor: User, advice: AdviceRequest, answer: str, summary: str,
    files: Sequence[UploadedFile], today: dt.date,
) -> list[AdviceFile]:
    """Record the advice received today when this answer meets the step for the first
    time; otherwise only keep the files with the request."""
    if answer_meets_step(answer) and advice.received_on is None:
        before = set(advice.files.values_list("pk", flat=True))
        advice_receive(actor=actor, advice=advice, received_on=today, summary=summary,
                       files=files, today=today, expected_version=None)
        return list(advice.files.filter(direction=AdviceFileDirection.RECEIVED)
                    .exclude(pk__in=before))
    if files:
        return advice_files_add(actor=actor, advice=advice, files=files, today=today)
    return []


def _notify_caseworker(advice: AdviceRequest, submission: AdviceSubmission,
                       today: dt.date) -> None:
    case = advice.case
    step = next_open_step(case, today)
    notification_create(
        key=f"advice-submission:{submission.pk}",
        recipients=caseworker_emails(case),
        message=Message(
            child_first_name=first_name(case.child),
            event=SUBMITTED_WORDS[Answer(submission.answer)],
            link=case_link(case),
            next_step=step_name(step.step) if step else "",
            next_step_due=step.due if step else None,
        ),
    )


@transaction.atomic
def advice_submit(
    *,
    actor: User,
    advice: AdviceRequest,
    answer: str,
    reasons: str,
    needs: Sequence[dict[str, str]],
    outcomes: Sequence[dict[str, str]],
    provision: Sequence[dict[str, str]],
    files: Sequence[UploadedFile],
    today: dt.date,
) -> AdviceSubmission:
    """Keep a new version of the adviser's answer; advice or "no advice to give" is the
    advice received today (Reg 8(1)); the caseworker is told either way."""
    allowed = advice_sections(advice.service).provision
    if any(row["section"] not in allowed for row in provision):
        raise AdviceError(f"Provision can only be for section {' or '.join(allowed)}")
    version = _next_version(advice)
    summary = advice_summary(answer=answer, reasons=reasons, needs=needs,
                             outcomes=outcomes, provision=provision)
    received = _received_files(actor, advice, answer, summary, files, today)
    submission = AdviceSubmission.objects.create(
        advice_request=advice, version=version, answer=answer, reasons=reasons,
        needs=list(needs), outcomes=list(outcomes), provision=list(provision),
        submitted_by=actor, submitted_on=today)
    submission.files.set(received)
    audit(actor=actor, action=AuditAction.CHANGE, obj=submission, child_id=advice.case.child_id,
          why="submit advice", detail={"advice_request": advice.pk, "version": version,
                                       "answer": answer, "files": len(received)})
    _notify_caseworker(advice, submission, today)
    return submission


# --- into the plan ---------------------------------------------------------------------


def latest_advice(advice: AdviceRequest) -> AdviceSubmission | None:
    """The latest version that is advice (a later "no advice" does not hide it)."""
    return advice.submissions.filter(answer=Answer.ADVICE).order_by("-version").first()


def _source(advice: AdviceRequest, submission: AdviceSubmission) -> str:
    kind = AdviceService(advice.service).label
    return (f"{kind} advice from {advice.organisation.name} "
            f"(version {submission.version}, {submission.submitted_on:%d %B %Y})")


def section_content(advice: AdviceRequest, submission: AdviceSubmission) -> dict[str, Any]:
    """What the advice adds to each plan section it informs (CoP 9.62), shaped as that
    section is stored (casework/plan_sections.py): rows for B, E and F, text otherwise."""
    sections = advice_sections(advice.service)
    source = _source(advice, submission)
    content: dict[str, Any] = {}
    needs = [row["description"] for row in submission.needs]
    if needs:
        content[sections.needs] = needs
    if submission.outcomes:
        content[sections.outcomes] = [dict(row) for row in submission.outcomes]
    for code in sections.provision:
        rows = [row for row in submission.provision if row["section"] == code]
        if rows:
            content[code] = rows
    return {code: _shaped(code, rows, source) for code, rows in content.items()}


def _shaped(code: str, rows: list[Any], source: str) -> Any:
    shape = SECTION_BY_CODE[code].shape
    if shape == "needs":  # the caseworker chooses each need's SEN2 type in the editor
        return [{"need": "", "description": text} for text in rows]
    if shape == "outcomes":
        return [{"outcome": row["outcome"], "by": row.get("by", "")} for row in rows]
    if shape == "provision":  # and which need in B each provision meets
        return [{"need": "", "provision": row["provision"],
                 "amount": ", ".join(p for p in (row.get("how_much", ""),
                                                 row.get("how_often", "")) if p),
                 "delivered_by": row.get("delivered_by", "")} for row in rows]
    lines = [text if isinstance(text, str) else provision_text(text) for text in rows]
    return f"{source}:\n" + "\n".join(f"- {line}" for line in lines)


def _merged(current: Any, added: Any) -> Any | None:
    """The section with the advice added, or None when it is there already."""
    if isinstance(added, str):
        text = str(current or "")
        if added in text:
            return None
        return f"{text.rstrip()}\n\n{added}" if text.strip() else added
    rows = list(current or [])
    new = [row for row in added if row not in rows]
    return rows + new if new else None


@transaction.atomic
def plan_advice_sections_pull(
    *, actor: User, advice: AdviceRequest, sections: Sequence[str], today: dt.date,
    expected_version: int | None,
) -> list[str]:
    """Add the latest structured advice to the chosen plan sections of the version being
    written (a new draft, or proposed amendments, when none is). Returns the sections
    changed; a section already holding this advice is left as it is."""
    submission = latest_advice(advice)
    if submission is None:
        raise AdviceError("No structured advice has been submitted for this request")
    offered = section_content(advice, submission)
    plan, _ = Plan.objects.get_or_create(case=advice.case)
    working = working_version(plan)
    source = working or plan.versions.order_by("-number").first()
    stored = source.sections if source else {}
    changed = {code: merged for code in sections if code in offered
               if (merged := _merged(stored.get(code), offered[code])) is not None}
    if not changed:
        raise AdviceError("This advice is already in the sections chosen")
    plan_version_save(actor=actor, case=advice.case, kind=plan_target_kind(plan, working),
                      sections=changed, today=today, expected_version=expected_version)
    return sorted(changed)
