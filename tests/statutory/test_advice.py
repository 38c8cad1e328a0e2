"""The adviser's answers, the plan sections each kind of advice informs (CoP 9.62) and
the timeliness of advice (Reg 8(1)): table-driven."""

from datetime import date

import pytest

from opensend.statutory.advice import (
    AdviceAnswer,
    advice_sections,
    advice_timeliness,
    answer_meets_step,
    timeliness_of,
)


@pytest.mark.parametrize(
    ("service", "needs", "provision"),
    [
        ("education", "B", ("F",)),
        ("psychology", "B", ("F",)),
        ("other", "B", ("F",)),
        ("health", "C", ("G",)),
        ("social_care", "D", ("H1", "H2")),
    ],
)
def test_each_kind_of_advice_informs_its_plan_sections(service, needs, provision):
    sections = advice_sections(service)
    assert (sections.needs, sections.outcomes, sections.provision) == (needs, "E", provision)


@pytest.mark.parametrize(
    ("answer", "meets"),
    [
        (AdviceAnswer.ADVICE, True),
        (AdviceAnswer.NO_ADVICE, True),
        (AdviceAnswer.SEE_CHILD_FIRST, False),
    ],
)
def test_which_answers_meet_the_advice_step(answer, meets):
    assert answer_meets_step(answer) is meets


def test_an_unknown_answer_is_refused():
    with pytest.raises(ValueError, match="unknown advice answer"):
        answer_meets_step("maybe")


DUE = date(2026, 12, 7)


@pytest.mark.parametrize(
    ("received", "today", "status"),
    [
        (date(2026, 12, 7), date(2026, 12, 7), "met"),  # on the due day
        (date(2026, 11, 30), date(2026, 12, 20), "met"),
        (date(2026, 12, 8), date(2026, 12, 8), "late"),
        (None, date(2026, 12, 7), "open"),  # due today, not yet late
        (None, date(2026, 12, 8), "overdue"),
    ],
)
def test_timeliness_of_one_request(received, today, status):
    assert advice_timeliness(due=DUE, received=received, today=today) == status


@pytest.mark.parametrize(
    ("statuses", "percent", "decided"),
    [
        ([], None, 0),
        (["open", "open"], None, 0),
        (["met"], 100, 1),
        (["met", "late", "overdue", "open"], 33, 3),
        (["met", "met", "late"], 67, 3),
        (["overdue"], 0, 1),
    ],
)
def test_share_within_6_weeks_counts_only_settled_requests(statuses, percent, decided):
    counted = timeliness_of(statuses)
    assert counted.percent_within_6_weeks == percent
    assert counted.decided == decided
