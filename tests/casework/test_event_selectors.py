"""The reads the measures make of the stored case events (casework/event_selectors.py):
they return what the services wrote, in the clock's terms or as plain columns."""

import datetime as dt

import pytest

from opensend.casework import event_selectors
from opensend.casework.models import Case
from opensend.people.models import AdviceService
from tests import factories as f

D = dt.date
RECEIVED = D(2026, 1, 5)
DECIDED = RECEIVED + 5 * f.WEEK


@pytest.fixture
def assessing(db: None) -> Case:
    """Request received 5 January 2026, panel agreed on 9 February, advice asked the
    next day of the school (education) and of the NHS trust (health)."""
    la = f.LocalAuthorityFactory()
    school = f.SchoolFactory(local_authority=la)
    trust = f.NhsTrustFactory(local_authority=la)
    child = f.ChildFactory(local_authority=la)
    return f.case_assessing(
        child=child,
        received_on=RECEIVED,
        advice_from=[(AdviceService.EDUCATION, school), (AdviceService.HEALTH, trust)],
    )


def test_decisions_to_assess_read_the_outcome_the_services_wrote(assessing: Case) -> None:
    rows = event_selectors.decisions_to_assess(
        assessing.local_authority_id, since=RECEIVED, until=None
    )
    assert list(rows) == [(assessing.pk, DECIDED, "assess")]


def test_decisions_after_the_cutoff_are_left_out(assessing: Case) -> None:
    before = DECIDED - dt.timedelta(days=1)
    rows = event_selectors.decisions_to_assess(
        assessing.local_authority_id, since=RECEIVED, until=before
    )
    assert list(rows) == []
    decided = event_selectors.decided_to_assess(assessing.local_authority_id, RECEIVED, before)
    assert list(decided) == []


def test_only_advice_asked_of_the_educational_setting_is_read(assessing: Case) -> None:
    asked = event_selectors.advice_asked_of_education([assessing.pk])
    assert list(asked) == [(assessing.pk, DECIDED + dt.timedelta(days=1))]


def test_an_exception_reaches_the_measures_as_the_clock_reads_it(assessing: Case) -> None:
    f.clock_exception(assessing, start=D(2026, 3, 2), end=D(2026, 3, 20))
    [(case_id, clock)] = list(event_selectors.exception_events(assessing.local_authority_id))
    assert case_id == assessing.pk
    assert (clock.event, clock.reason) == ("exception", "personal_circumstances")
    assert (clock.start, clock.end) == (D(2026, 3, 2), D(2026, 3, 20))


def test_the_outcome_events_are_the_decision_and_the_exception(assessing: Case) -> None:
    f.clock_exception(assessing, start=D(2026, 3, 2), end=D(2026, 3, 20))
    cases = Case.objects.filter(pk=assessing.pk).values("pk")
    events = event_selectors.outcome_events(cases)
    assert [e.event for e in events[assessing.pk]] == ["decision_to_assess", "exception"]
    # No final plan issued yet: no history where an exception could apply to a plan.
    assert event_selectors.excepted_issued_histories(cases) == {}
