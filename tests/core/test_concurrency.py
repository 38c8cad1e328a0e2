"""Two people saving the same case (security.md goal 13): no lost update.

Each save carries the Case.version its form was opened with (`expected_version`). The
first save bumps it; the second, made at the same moment on its OWN database
connection, waits for the first's row lock, then finds the version moved and raises
ConflictError, whose message the form shows. A form submitted twice saves once.

The threaded tests commit for real (`transaction=True`), each thread on its own
connection; a short pause inside the first save's transaction makes sure the second
arrives while the first still holds the lock.
"""

import datetime as dt
import threading
import time
import uuid
from collections.abc import Callable
from unittest import mock

import pytest
from django.db import connection, connections
from django.urls import reverse

from opensend.casework.models import (
    AdviceRequest,
    AnnualReview,
    Case,
    CaseEvent,
    ClockException,
    Dispute,
    EventKind,
)
from opensend.casework.services import common
from opensend.casework.services.advice import advice_receive
from opensend.casework.services.assessment import clock_exception_record
from opensend.casework.services.common import ConflictError
from opensend.casework.services.disputes import dispute_record
from opensend.casework.services.reviews import review_meeting_record
from opensend.people.models import AdviceService, Child, User
from tests import factories as f
from tests.pages import check_page, elements_with_class, text_of
from tests.personas import Area

WEEK = dt.timedelta(weeks=1)
PAUSE = 0.3  # seconds the first save holds the case's row lock


def race(*saves: Callable[[], object]) -> list[object]:
    """Run the saves at the same moment, each in its own thread with its own database
    connection; return what each returned or raised."""
    barrier = threading.Barrier(len(saves))
    results: list[object] = [None] * len(saves)

    def run(index: int, save: Callable[[], object]) -> None:
        try:
            barrier.wait(timeout=10)
            results[index] = save()
        except Exception as error:
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, save)) for i, save in enumerate(saves)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not any(thread.is_alive() for thread in threads), "a save never finished"
    return results


@pytest.fixture
def slow_saves():
    """Hold each save's transaction open a moment after it has locked the case."""
    real = common.case_steps_refresh

    def slowly(**kwargs):
        time.sleep(PAUSE)
        return real(**kwargs)

    with mock.patch.object(common, "case_steps_refresh", side_effect=slowly):
        yield


@pytest.fixture
def tom_case(area: Area, tom: Child, cara: User, today: dt.date) -> Case:
    return f.case_with_final_plan(
        child=tom,
        caseworker=cara,
        named_setting=area.hillside,
        advice_from=[(AdviceService.HEALTH, area.health)],
    )


def exception_save(user: User, case_id: int, version: int, today: dt.date, days: int):
    def save() -> ClockException:
        case = Case.objects.select_related("child").get(pk=case_id)
        return clock_exception_record(
            actor=user,
            case=case,
            reason="personal_circumstances",
            start=today - dt.timedelta(days=days),
            end=today - dt.timedelta(days=days - 7),
            note=f"saved by {user}",
            today=today,
            expected_version=version,
        )

    return save


def winners_and_losers(results: list[object]) -> tuple[list[object], list[object]]:
    errors = [r for r in results if isinstance(r, Exception)]
    unexpected = [e for e in errors if not isinstance(e, ConflictError)]
    assert not unexpected, unexpected
    return [r for r in results if not isinstance(r, Exception)], errors


@pytest.mark.django_db(transaction=True)
def test_two_caseworkers_saving_at_once_one_wins(
    tom_case: Case, cara: User, sam: User, today: dt.date, slow_saves
):
    version = tom_case.version
    events_before = CaseEvent.objects.filter(case=tom_case).count()
    results = race(
        exception_save(cara, tom_case.pk, version, today, 30),
        exception_save(sam, tom_case.pk, version, today, 20),
    )
    won, lost = winners_and_losers(results)
    assert len(won) == 1 and len(lost) == 1, results
    assert str(lost[0]) == ConflictError.message
    # No lost update, and nothing half-written by the loser.
    tom_case.refresh_from_db()
    assert tom_case.version == version + 1
    assert ClockException.objects.filter(case=tom_case).count() == 1
    exception_events = CaseEvent.objects.filter(case=tom_case, kind=EventKind.EXCEPTION)
    assert exception_events.count() == 1
    assert CaseEvent.objects.filter(case=tom_case).count() == events_before + 1
    assert exception_events.get().recorded_by == (cara if won[0] is results[0] else sam)


@pytest.mark.django_db(transaction=True)
def test_different_changes_to_one_case_at_once_one_wins(
    tom_case: Case, cara: User, sam: User, today: dt.date, slow_saves
):
    version = tom_case.version

    def review() -> AnnualReview:
        case = Case.objects.select_related("child").get(pk=tom_case.pk)
        return review_meeting_record(
            actor=cara,
            case=case,
            meeting_on=today - WEEK,
            notes="",
            today=today,
            expected_version=version,
        )

    def mediation() -> Dispute:
        case = Case.objects.select_related("child").get(pk=tom_case.pk)
        return dispute_record(
            actor=sam,
            case=case,
            kind="mediation",
            decision="contents",
            started_on=today - WEEK,
            today=today,
            expected_version=version,
        )

    won, lost = winners_and_losers(race(review, mediation))
    assert len(won) == 1 and len(lost) == 1
    assert AnnualReview.objects.count() + Dispute.objects.count() == 1
    tom_case.refresh_from_db()
    assert tom_case.version == version + 1


@pytest.mark.django_db(transaction=True)
def test_many_saves_at_once_exactly_one_wins(
    tom_case: Case, cara: User, sam: User, today: dt.date, slow_saves
):
    version = tom_case.version
    saves = [
        exception_save(cara if n % 2 else sam, tom_case.pk, version, today, 20 + n)
        for n in range(4)
    ]
    won, lost = winners_and_losers(race(*saves))
    assert (len(won), len(lost)) == (1, 3)
    assert ClockException.objects.count() == 1
    tom_case.refresh_from_db()
    assert tom_case.version == version + 1


@pytest.mark.django_db(transaction=True)
def test_the_conflict_message_is_shown_to_the_second_person(
    tom_case: Case, cara: User, sam: User, today: dt.date, staff_client, slow_saves
):
    url = reverse("casework:exception", args=[tom_case.pk])
    start = today - 3 * WEEK
    form = {
        "version": str(tom_case.version),
        "reason": "absent_from_area",
        "start-day": start.day,
        "start-month": start.month,
        "start-year": start.year,
        "end-day": today.day,
        "end-month": today.month,
        "end-year": today.year,
    }
    clients = [staff_client(cara), staff_client(sam)]
    responses = race(*[lambda c=client: c.post(url, form) for client in clients])
    statuses = sorted(response.status_code for response in responses)
    assert statuses == [200, 302], statuses
    conflict = next(response for response in responses if response.status_code == 200)
    page = check_page(conflict)
    summary = text_of(elements_with_class(page, "govuk-error-summary")[0])
    assert ConflictError.message in summary
    assert ClockException.objects.count() == 1
    # The form now carries the latest version: sending it again saves on top.
    tom_case.refresh_from_db()
    assert page.find(".//input[@name='version']").get("value") == str(tom_case.version)


@pytest.mark.django_db(transaction=True)
def test_advice_received_twice_at_once_is_recorded_once(
    area: Area, tom: Child, cara: User, sam: User, today: dt.date, slow_saves
):
    case = f.case_assessing(
        child=tom, caseworker=cara, advice_from=[(AdviceService.HEALTH, area.health)]
    )
    advice = AdviceRequest.objects.get(case=case)
    opened_at = case.version  # both opened the form on the same version

    def receive(user: User) -> Callable[[], AdviceRequest]:
        def save() -> AdviceRequest:
            fresh = AdviceRequest.objects.select_related("case__child").get(pk=advice.pk)
            return advice_receive(
                actor=user,
                advice=fresh,
                received_on=today - WEEK,
                summary=f"typed by {user}",
                today=today,
                expected_version=opened_at,
            )

        return save

    results = race(receive(cara), receive(sam))
    # Advice received is saved under the case's optimistic lock like every other write:
    # the second waits for the first, then finds the version moved on and is told so.
    assert sum(isinstance(result, AdviceRequest) for result in results) == 1, results
    assert sum(isinstance(result, ConflictError) for result in results) == 1, results
    received = CaseEvent.objects.filter(case=case, kind=EventKind.ADVICE_RECEIVED)
    assert received.count() == 1


@pytest.mark.django_db(transaction=True)
def test_advice_received_four_times_at_once_keeps_one_event_and_its_summary(
    area: Area, tom: Child, cara: User, sam: User, today: dt.date, slow_saves
):
    """Issue 13, finding 4: four simultaneous posts of "advice received" recorded two
    events and silently overwrote one summary. Under the case's optimistic lock one
    wins, three are told of the conflict, and the summary kept is the winner's."""
    case = f.case_assessing(
        child=tom, caseworker=cara, advice_from=[(AdviceService.HEALTH, area.health)]
    )
    advice = AdviceRequest.objects.get(case=case)
    opened_at = case.version

    def receive(user: User, summary: str) -> Callable[[], AdviceRequest]:
        def save() -> AdviceRequest:
            fresh = AdviceRequest.objects.select_related("case__child").get(pk=advice.pk)
            return advice_receive(actor=user, advice=fresh, received_on=today - WEEK,
                                  summary=summary, today=today, expected_version=opened_at)

        return save

    summaries = [f"summary {n}" for n in range(4)]
    results = race(*(receive(cara if n % 2 else sam, summaries[n]) for n in range(4)))
    won = [n for n, result in enumerate(results) if isinstance(result, AdviceRequest)]
    assert len(won) == 1, results
    assert sum(isinstance(result, ConflictError) for result in results) == 3, results
    received = CaseEvent.objects.filter(case=case, kind=EventKind.ADVICE_RECEIVED)
    assert received.count() == 1
    assert AdviceRequest.objects.get(pk=advice.pk).summary == summaries[won[0]]
    assert Case.objects.get(pk=case.pk).version == opened_at + 1


# --- a form submitted twice (not threaded) -----------------------------------------------


def test_the_same_version_saved_twice_creates_one_record(
    tom_case: Case, cara: User, today: dt.date
):
    version = tom_case.version
    save = exception_save(cara, tom_case.pk, version, today, 30)
    save()
    with pytest.raises(ConflictError):
        save()
    assert ClockException.objects.count() == 1
    assert Case.objects.get(pk=tom_case.pk).version == version + 1


def test_a_form_posted_twice_saves_once(tom_case: Case, cara: User, today: dt.date, staff_client):
    client = staff_client(cara)
    url = reverse("casework:review_meeting", args=[tom_case.pk])
    meeting = today - WEEK
    form = {
        "version": str(tom_case.version),
        "meeting_on-day": meeting.day,
        "meeting_on-month": meeting.month,
        "meeting_on-year": meeting.year,
        "notes": "Fine",
    }
    first = client.post(url, form)
    assert first.status_code == 302, first.content[:2000]
    second = client.post(url, form)
    assert second.status_code == 200
    assert ConflictError.message in text_of(check_page(second))
    assert AnnualReview.objects.filter(case=tom_case).count() == 1
    assert connection.in_atomic_block  # the test's own transaction, still usable


def test_a_new_request_posted_twice_records_one_case(
    area: Area, cara: User, today: dt.date, staff_client
):
    client = staff_client(cara)
    received = today - WEEK
    form = {
        "child": "new",
        "legal_forename": "Nia",
        "legal_surname": "Jones",
        "date_of_birth-day": 3,
        "date_of_birth-month": 4,
        "date_of_birth-year": 2019,
        "sex": "F",
        "postcode": "NR2 3AB",
        "parent_name": "Rhys Jones",
        "parent_relationship": "Father",
        "parent_email": "rhys.jones@example.net",
        "parent_preferred_language": "Welsh",
        "parent_interpreter_needed": "no",
        "received_on-day": received.day,
        "received_on-month": received.month,
        "received_on-year": received.year,
        "source": "1",
        # The page's one-time token: the same page posted twice carries the same one.
        "submission": str(uuid.uuid4()),
    }
    first = client.post(reverse("casework:request_new"), form)
    assert first.status_code == 302, first.content[:3000]
    assert Case.objects.filter(child__legal_surname="Jones").count() == 1
    client.post(reverse("casework:request_new"), form)
    assert Case.objects.filter(child__legal_surname="Jones").count() == 1
