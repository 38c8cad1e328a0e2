"""Daily screens (issue 9, item 7): the work queue a page at a time, filtered by step
kind, status and caseworker; "my cases"; finding a child despite a misspelling.

The cast and the queue's cases are tests/casework/test_views_pages.py's: Cara's queue
holds 9 open steps (Olly overdue, Wendy due this week, Adam's health advice, Lara later,
and each case's later steps); Colin has Cole's case.
"""

import datetime as dt

import pytest

from opensend.casework.views import queue as queue_view
from tests.casework import test_views_pages as cast
from tests.pages import check_page, text_of

# The cast's fixtures, shared with test_views_pages.py.
_on_today, people, client_of = cast._on_today, cast.people, cast.client_of
ava, ava_case, queue_cases = cast.ava, cast.ava_case, cast.queue_cases
row_children, url = cast.row_children, cast.url


def rows_of(page) -> list[list[str]]:
    return [[text_of(cell) for cell in row.findall("./td")] for row in page.findall(".//tbody/tr")]


def page_links(page) -> dict[str, str]:
    nav = page.find(".//nav[@class='govuk-pagination']")
    return {text_of(a): a.get("href") for a in nav.iter("a")} if nav is not None else {}


def test_the_queue_is_read_a_page_at_a_time(client_of, people, queue_cases, monkeypatch):
    monkeypatch.setattr(queue_view, "QUEUE_PAGE_SIZE", 4)
    client = client_of(people.cara)
    whole = []
    for number in (1, 2, 3):
        page = check_page(client.get(url("casework:queue"), {"page": number}))
        whole += rows_of(page)
        assert "of 9 steps" in text_of(page.find(".//p[@id='queue-showing']"))
    assert len(whole) == 9
    first = check_page(client.get(url("casework:queue")))
    assert text_of(first.find(".//p[@id='queue-showing']")).startswith("Showing 1 to 4 of 9")
    assert page_links(first)["Next page"] == "/cases/?page=2"
    assert rows_of(first) == whole[:4]  # the same order as one long list: soonest first
    # A page past the end shows the last page, not an error.
    last = check_page(client.get(url("casework:queue"), {"page": 99}))
    assert rows_of(last) == whole[8:]
    assert "(page 3 of 3)" in text_of(last.find(".//title"))


def test_filter_by_step_kind_and_status(client_of, people, queue_cases) -> None:
    client = client_of(people.cara)
    page = check_page(client.get(url("casework:queue"), {"step": "decision_to_assess"}))
    assert row_children(page) == ["Olly Overdue", "Wendy Week", "Lara Later"]
    counts = [text_of(a) for a in page.findall(".//nav[@aria-label='Filter your work queue']//a")]
    assert counts == ["3 All", "1 Overdue", "1 Due this week", "1 Due later"]
    both = check_page(
        client.get(url("casework:queue"), {"step": "decision_to_assess", "status": "later"})
    )
    assert row_children(both) == ["Lara Later"]
    advice = check_page(client.get(url("casework:queue"), {"step": "advice"}))
    assert rows_of(advice) == [
        ["Adam Advice", "Health advice", "13 December 2026 21 days left", "Due"]
    ]


def test_the_status_links_and_pages_keep_the_step_chosen(client_of, people, queue_cases,
                                                        monkeypatch) -> None:  # fmt: skip
    monkeypatch.setattr(queue_view, "QUEUE_PAGE_SIZE", 2)
    client = client_of(people.cara)
    page = check_page(client.get(url("casework:queue"), {"step": "decision_to_assess"}))
    links = page.findall(".//nav[@aria-label='Filter your work queue']//a")
    assert links[1].get("href") == "/cases/?step=decision_to_assess&status=overdue"
    assert page_links(page)["Next page"] == "/cases/?step=decision_to_assess&page=2"
    selected = page.find(".//select[@name='step']/option[@selected]")
    assert selected.get("value") == "decision_to_assess"


def test_a_manager_filters_by_caseworker(client_of, people, queue_cases) -> None:
    client = client_of(people.mona)
    page = check_page(client.get(url("casework:queue"), {"caseworker": people.colin.pk}))
    assert row_children(page) == ["Cole Other"] * len(row_children(page))
    assert {text_of(o) for o in page.findall(".//select[@name='caseworker']/option")} == {
        "All caseworkers", "Cara Jones", "Colin Reed", "Not allocated",
    }  # fmt: skip
    nobody = check_page(client.get(url("casework:queue"), {"caseworker": "none"}))
    assert "Nothing here: no steps match these filters." in text_of(nobody)


def test_a_coordinator_sees_only_their_own_steps_whatever_the_address(
    client_of, people, queue_cases
) -> None:
    client = client_of(people.cara)
    page = check_page(client.get(url("casework:queue"), {"caseworker": people.colin.pk}))
    assert "Cole Other" not in row_children(page)
    assert len(row_children(page)) == 9
    assert page.find(".//select[@name='caseworker']") is None


def test_the_queue_table_scrolls_in_its_own_focusable_region(client_of, people, queue_cases):
    page = check_page(client_of(people.cara).get(url("casework:queue")))
    region = page.find(".//div[@class='opensend-table-scroll']")
    assert region.get("role") == "region" and region.get("tabindex") == "0"
    assert region.get("aria-label") and region.find("./table") is not None


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("Smyth", True),  # one letter wrong
        ("Smiht", True),  # two letters swapped
        ("Avaa Smith", True),
        ("ava smi", True),  # the start of each name
        ("Brown", False),
        ("A999100012002", False),  # a UPN is exact: one digit off finds no one
        ("A999100012001", True),
    ],
)
def test_search_tolerates_misspelt_names_but_not_wrong_upns(
    client_of, people, ava_case, typed, found
) -> None:
    page = check_page(client_of(people.cara).get(url("casework:search"), {"text": typed}))
    heading = text_of(page.find(".//h2[@id='results']"))
    assert heading == ("1 child found" if found else "No children found")


def test_search_with_date_of_birth_is_exact(client_of, people, ava_case) -> None:
    client = client_of(people.cara)
    query = {"text": "Smyth", "date_of_birth-day": "4", "date_of_birth-month": "5"}
    right = check_page(client.get(url("casework:search"), {**query, "date_of_birth-year": "2016"}))
    wrong = check_page(client.get(url("casework:search"), {**query, "date_of_birth-year": "2015"}))
    assert text_of(right.find(".//h2[@id='results']")) == "1 child found"
    assert text_of(wrong.find(".//h2[@id='results']")) == "No children found"


def test_the_closest_name_comes_first(client_of, people) -> None:
    for surname in ("Smithson", "Smith", "Smyth"):
        people.case(people.child("Ava", surname, dt.date(2016, 1, 1)), dt.date(2026, 11, 1))
    page = check_page(client_of(people.cara).get(url("casework:search"), {"text": "Smith"}))
    names = [text_of(h3) for h3 in page.findall(".//main//h3")]
    assert names[0] == "Ava Smith"
    assert set(names) == {"Ava Smith", "Ava Smithson", "Ava Smyth"}
