"""Who is told what when a case changes (issue 11, item 4), through the one notification
service in opensend.core.notifications.

Each message names the child's first name, what happened, and the next step with its
date from the statutory clock (the stored CaseSteps), with a link: never health details.
The key "case-event:<id>" makes each event tell each person at most once.
"""

import datetime as dt
from collections.abc import Iterable

from django.db.models import Q
from django.urls import reverse

from opensend.casework.models import AdviceRequest, Case, CaseEvent, CaseStep, EventKind
from opensend.casework.presenters.steps import WINDOW_STEPS, step_name
from opensend.core.notifications import Message, notification_create
from opensend.people.models import (
    Child,
    Enrolment,
    Membership,
    Organisation,
    Role,
)
from opensend.people.rules import family_members_told

FAMILY, SCHOOL, CASEWORKER = "family", "school", "caseworker"
EVERYONE = (FAMILY, SCHOOL, CASEWORKER)

# The events that tell people, and whom (the adviser is told of advice_requested).
NOTIFYING_EVENTS: dict[str, tuple[str, ...]] = {
    EventKind.REQUEST_RECEIVED: EVERYONE,
    EventKind.DECISION_TO_ASSESS: EVERYONE,
    EventKind.ADVICE_REQUESTED: (),
    EventKind.DRAFT_PLAN_ISSUED: EVERYONE,
    EventKind.FINAL_PLAN_ISSUED: EVERYONE,
    EventKind.REVIEW_REPORT_RECEIVED: (CASEWORKER,),  # the decision is due: Reg 20(10)
    EventKind.REVIEW_DECISION: EVERYONE,
}

EVENT_WORDS = {
    EventKind.REQUEST_RECEIVED: "The council received a request for an EHC needs assessment",
    EventKind.ADVICE_REQUESTED: "The council asked for your advice for an EHC needs assessment",
    EventKind.DRAFT_PLAN_ISSUED: "The draft EHC plan was sent",
    EventKind.FINAL_PLAN_ISSUED: "The final EHC plan was issued",
    EventKind.REVIEW_REPORT_RECEIVED: "The school sent the annual review report",
    EventKind.REVIEW_DECISION: "The council decided the outcome of the annual review",
}


def event_words(event: CaseEvent) -> str:
    if event.kind == EventKind.DECISION_TO_ASSESS:
        if event.data.get("outcome") == "not_assess":
            return "The council decided not to carry out an EHC needs assessment"
        return "The council decided to carry out an EHC needs assessment"
    return EVENT_WORDS[EventKind(event.kind)]


def first_name(child: Child) -> str:
    return child.preferred_name or child.legal_forename


def case_link(case: Case) -> str:
    return reverse("casework:case", args=[case.pk])


def adviser_link(advice: AdviceRequest) -> str:
    """The adviser's own page of the request (issue 11 item 2, opensend/advice: only
    what the advice needs), named by its route: casework does not import advice."""
    return reverse("advice:request", args=[advice.pk])


def family_link(case: Case) -> str:
    return reverse("family:case", args=[case.pk])


def next_open_step(case: Case, today: dt.date) -> CaseStep | None:
    """The first step not yet done; a family's window that has closed is not next."""
    return (
        CaseStep.objects.filter(case=case, done__isnull=True)
        .exclude(step__in=WINDOW_STEPS, due__lt=today)
        .order_by("due", "step")
        .first()
    )


def _active(emails: Iterable[str]) -> set[str]:
    return {email.strip().lower() for email in emails if email and email.strip()}


def family_emails(child: Child, today: dt.date) -> set[str]:
    """The family recorded on the case (the address they sign in with when they have an
    account, else the one recorded), and the young person's own account. Once the child
    is a young person, a parent is told only while the young person's consent keeps
    their access (people.rules.family_members_told: the rule visible_children reads)."""
    emails = {
        member.user.email if member.user and member.user.is_active else member.email
        for member in family_members_told(child, today)
    }
    if child.young_person_user is not None and child.young_person_user.is_active:
        emails.add(child.young_person_user.email)
    return _active(emails)


def setting_emails(organisation: Organisation) -> set[str]:
    """The SENCOs of a setting (one consulted on a draft plan, CFA 2014 s39(2))."""
    return _active(
        Membership.objects.filter(
            role=Role.SENCO, organisation=organisation, user__is_active=True
        ).values_list("user__email", flat=True)
    )


def school_emails(child: Child, today: dt.date) -> set[str]:
    """The SENCOs of the settings where the child is on roll today."""
    settings = (
        Enrolment.objects.filter(child=child, start__lte=today)
        .filter(Q(end__isnull=True) | Q(end__gte=today))
        .values("setting_id")
    )
    return _active(
        Membership.objects.filter(
            role=Role.SENCO, organisation_id__in=settings, user__is_active=True
        ).values_list("user__email", flat=True)
    )


def caseworker_emails(case: Case) -> set[str]:
    worker = case.caseworker
    return {worker.email} if worker is not None and worker.is_active else set()


def adviser_emails(advice: AdviceRequest) -> set[str]:
    """The advice giver organisation's users for this kind of advice (or for any)."""
    return _active(
        Membership.objects.filter(
            role=Role.ADVICE_GIVER, organisation=advice.organisation, user__is_active=True
        )
        .filter(Q(advice_service="") | Q(advice_service=advice.service))
        .values_list("user__email", flat=True)
    )


def audience_emails(case: Case, audience: str, today: dt.date) -> set[str]:
    if audience == FAMILY:
        return family_emails(case.child, today)
    if audience == SCHOOL:
        return school_emails(case.child, today)
    return caseworker_emails(case)


def _step_message(case: Case, words: str, link: str, today: dt.date) -> Message:
    step = next_open_step(case, today)
    return Message(
        child_first_name=first_name(case.child),
        event=words,
        link=link,
        next_step=step_name(step.step) if step else "",
        next_step_due=step.due if step else None,
    )


def _actor_email(event: CaseEvent) -> str:
    return event.recorded_by.email.lower() if event.recorded_by else ""


def advice_requested_notify(event: CaseEvent) -> int:
    advice = AdviceRequest.objects.select_related("organisation", "case__child").get(
        pk=event.data["advice_request"]
    )
    message = Message(
        child_first_name=first_name(advice.case.child),
        event=event_words(event),
        link=adviser_link(advice),
        next_step="Send your advice",
        next_step_due=advice.due_on,
    )
    recipients = adviser_emails(advice) - {_actor_email(event)}
    return len(
        notification_create(key=f"case-event:{event.pk}", recipients=recipients, message=message)
    )


def case_event_notify(*, event_id: int, today: dt.date) -> int:
    """Tell everyone the event concerns; the person who recorded it is not told. Returns
    how many notifications were created (0 when everyone was told already)."""
    event = CaseEvent.objects.select_related("case__child", "case__caseworker", "recorded_by").get(
        pk=event_id
    )
    if event.corrections.filter(kind=EventKind.EVENT_WITHDRAWN).exists():
        return 0  # recorded in error and withdrawn before anyone was told
    if event.kind == EventKind.ADVICE_REQUESTED:
        return advice_requested_notify(event)
    case, words, made = event.case, event_words(event), 0
    for audience in NOTIFYING_EVENTS[event.kind]:
        link = family_link(case) if audience == FAMILY else case_link(case)
        recipients = audience_emails(case, audience, today) - {_actor_email(event)}
        made += len(
            notification_create(
                key=f"case-event:{event.pk}",
                recipients=recipients,
                message=_step_message(case, words, link, today),
            )
        )
    return made


def advice_remind(*, advice: AdviceRequest, key: str, words: str) -> int:
    """Remind the adviser that their advice is due (a chase, or the daily reminders at
    4 and 5 weeks and on the due day: Reg 8(1), advice within 6 weeks). The key says
    which reminder, so each is sent once."""
    message = Message(
        child_first_name=first_name(advice.case.child),
        event=words,
        link=adviser_link(advice),
        next_step="Send your advice",
        next_step_due=advice.due_on,
    )
    return len(
        notification_create(
            key=f"advice:{advice.pk}:{key}", recipients=adviser_emails(advice), message=message
        )
    )


# --- telling the council (issue 11: the family's contributions, a school's request) ----


def council_emails(case: Case) -> set[str]:
    """Who at the council is told: the case's caseworker; a case no one is allocated to
    yet (a new request from a family or a school) tells the SEN managers of its local
    authority, whose queue it waits in."""
    worker = case.caseworker
    if worker is not None and worker.is_active:
        return {worker.email.lower()}
    managers = Membership.objects.filter(
        role=Role.SEN_MANAGER, organisation=case.local_authority_id, user__is_active=True
    ).values_list("user__email", flat=True)
    return {email.lower() for email in managers if email}


def council_notify(*, case: Case, key: str, today: dt.date, words: str) -> int:
    """Tell the council (sent after the change commits; once per key and recipient);
    returns how many were created. The message names the next step of the case and its
    date, never what the family or the school wrote."""
    step = next_open_step(case, today)
    message = Message(
        child_first_name=first_name(case.child),
        event=words,
        link=case_link(case),
        next_step=step_name(step.step) if step else "",
        next_step_due=step.due if step else None,
    )
    return len(notification_create(key=key, recipients=council_emails(case), message=message))
