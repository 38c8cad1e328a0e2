"""The measures pages for each role: the staff dashboard, an indicator page, downloads,
the drill-down to the cases behind a number, the board reports and the public pages.

The figures come from the matrix world (tests/personas.py): Northshire's cases for Tom,
Lily, Yasmin and Ben, plus, where a test needs numbers above 5, more final plans.
"""

import csv
import datetime as dt
import io
import re

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from openpyxl import load_workbook

from opensend.core.models import AuditAction, AuditEvent
from opensend.measures.snapshots.services import snapshots_take
from tests import factories as f
from tests.pages import check_page, elements_with_class, text_of
from tests.pdf_text import pdf_text

TWENTY_WEEKS = "plans_issued_within_20_weeks_excl_exceptions"
SVG = "{http://www.w3.org/2000/svg}"
NORTHSHIRE = "E10000020"


@pytest.fixture
def plans(world, today: dt.date):
    """Nine more Northshire final plans, all issued 18 weeks after the request."""
    return [
        f.case_with_final_plan(
            child=f.ChildFactory(local_authority=world.area.northshire),
            caseworker=world.people["cara"],
            today=today,
            received_on=today - (30 + number) * f.WEEK,
        )
        for number in range(9)
    ]


def _page(client: Client, name: str, **kwargs) -> tuple:
    response = client.get(reverse(name, kwargs=kwargs or None))
    assert response.status_code == 200, response.status_code
    return response, check_page(response)


# --- the staff dashboard ----------------------------------------------------------------


@pytest.mark.parametrize("persona", ["sam", "ann"])
def test_managers_and_analysts_see_every_section(persona, world, staff_client):
    client = staff_client(world.people[persona])
    _response, page = _page(client, "measures:dashboard")
    headings = [text_of(h) for h in page.iter("h2")]
    for title in (
        "Requests and assessments",
        "Timeliness",
        "Advice",
        "Reviews",
        "Transfers",
        "Ceased",
        "Needs",
        "Placements",
        "Disputes",
        "Caseload",
    ):
        assert title in headings
    tiles = elements_with_class(page, "opensend-tile")
    assert len(tiles) >= 40
    text = text_of(page)
    assert "Northshire County Council" in text
    nav = [
        text_of(a) for a in page.iter("a") if "govuk-service-navigation__link" in a.get("class", "")
    ]
    assert "Measures" in nav


@pytest.mark.parametrize("persona", ["cara", "sue", "dev", "ada", "nadia"])
def test_others_get_404_or_no_figures_of_northshire(persona, world, staff_client):
    response = staff_client(world.people[persona]).get(reverse("measures:dashboard"))
    if persona == "nadia":  # Southshire's manager sees Southshire, never Northshire
        assert response.status_code == 200
        assert b"Northshire County Council" not in response.content
    else:
        assert response.status_code == 404


# --- an indicator page ------------------------------------------------------------------


def _chart_values(page, chart_class: str) -> list[str]:
    svg = next(s for s in page.iter(f"{SVG}svg") if chart_class in s.get("class", ""))
    return [e.get("data-value") for e in svg.iter() if e.get("data-value")]


def _table_after(page, caption_start: str) -> list[list[str]]:
    table = next(
        t for t in page.iter("table") if text_of(t.find("caption")).startswith(caption_start)
    )
    return [[text_of(c) for c in row] for row in table.find("tbody").iter("tr")]


@pytest.mark.parametrize("persona", ["sam", "ann"])
def test_indicator_page_has_chart_table_breakdowns_and_definition(
    persona, world, plans, staff_client
):
    client = staff_client(world.people[persona])
    _response, page = _page(client, "measures:indicator", code=TWENTY_WEEKS)
    assert text_of(page.find(".//h1")) == "New plans issued within 20 weeks, excluding exceptions"
    svg = page.find(f".//{SVG}svg[@role='img']")
    assert svg is not None and svg.find(f"{SVG}title") is not None
    assert svg.find(f"{SVG}desc") is not None
    # the chart and its table show the same numbers
    rows = _table_after(page, "Compared with")
    drawn = _chart_values(page, "opensend-chart--bars")
    shown = [
        cells[1]
        for cells in rows
        if "not published" not in cells[1] and cells[1] != "Not published"
    ]
    assert drawn == shown
    assert rows[0][0] == "Northshire County Council"
    headline = text_of(page.find(".//*[@id='headline-value']"))
    assert rows[0][1] == headline
    for key in ("age", "primary_need", "sex", "ethnicity", "setting", "locality"):
        assert page.find(f".//table[@id='breakdown-{key}']") is not None
    definition = text_of(page.find(".//*[@class='opensend-definition']"))
    for part in ("Numerator", "Denominator", "Exclusions", "Reg 13(2)", "Higher is better"):
        assert part in definition


def test_drill_down_links_for_the_manager_only(world, plans, staff_client):
    sam_page = _page(staff_client(world.people["sam"]), "measures:indicator", code=TWENTY_WEEKS)[1]
    ann_page = _page(staff_client(world.people["ann"]), "measures:indicator", code=TWENTY_WEEKS)[1]
    cases_url = reverse("measures:cases", kwargs={"code": TWENTY_WEEKS})
    assert any(a.get("href", "").startswith(cases_url) for a in sam_page.iter("a"))
    assert not any(a.get("href", "").startswith(cases_url) for a in ann_page.iter("a"))


def test_drill_down_lists_the_cases_and_audits(world, plans, staff_client):
    client = staff_client(world.people["sam"])
    response = client.get(reverse("measures:cases", kwargs={"code": TWENTY_WEEKS}))
    page = check_page(response)
    case_links = {
        a.get("href") for a in page.iter("a") if re.match(r"^/cases/\d+/$", a.get("href", ""))
    }
    tom_case = reverse("casework:case", kwargs={"case_id": world.tom.case.pk})
    assert tom_case not in case_links  # Tom's plan had an exception: not in this figure
    yasmin_case = reverse("casework:case", kwargs={"case_id": world.yasmin.case.pk})
    assert yasmin_case in case_links
    assert len(case_links) == 1 + 9  # Yasmin and the nine others
    assert AuditEvent.objects.filter(actor=world.people["sam"]).exists()


def test_analysts_never_see_cases(world, staff_client):
    response = staff_client(world.people["ann"]).get(
        reverse("measures:cases", kwargs={"code": TWENTY_WEEKS})
    )
    assert response.status_code == 404
    assert AuditEvent.objects.filter(actor=world.people["ann"], action=AuditAction.DENIED).exists()


def test_unknown_indicator_is_404(world, staff_client):
    response = staff_client(world.people["sam"]).get(
        reverse("measures:indicator", kwargs={"code": "no_such_thing"})
    )
    assert response.status_code == 404


def test_period_choice(world, staff_client):
    url = reverse("measures:indicator", kwargs={"code": TWENTY_WEEKS})
    page = check_page(staff_client(world.people["sam"]).get(url, {"period": "2025"}))
    assert "2025 (calendar year)" in text_of(page.find(".//span[@class='govuk-caption-l']"))
    selected = page.find(".//option[@selected]")
    assert selected.get("value") == "2025"


# --- downloads --------------------------------------------------------------------------


def test_csv_and_excel_downloads_match_the_page(world, plans, staff_client):
    client = staff_client(world.people["ann"])
    page = _page(client, "measures:indicator", code=TWENTY_WEEKS)[1]
    headline = text_of(page.find(".//*[@id='headline-value']")).rstrip("%")
    response = client.get(reverse("measures:csv", kwargs={"code": TWENTY_WEEKS}))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    whole = rows[0]
    assert (whole["breakdown"], whole["group"]) == ("all", "all")
    assert whole["value"] == headline
    assert {row["breakdown"] for row in rows[1:]} == {
        "age",
        "primary_need",
        "sex",
        "ethnicity",
        "setting",
        "locality",
    }
    response = client.get(reverse("measures:xlsx", kwargs={"code": TWENTY_WEEKS}))
    sheet = load_workbook(io.BytesIO(response.content))["Figures"]
    assert [c.value for c in sheet[5]][:6] == [
        TWENTY_WEEKS,
        "all",
        "all",
        int(whole["numerator"]),
        int(whole["denominator"]),
        float(whole["value"]),
    ]


# --- the public pages -------------------------------------------------------------------


SMALL = re.compile(r"^[1-5]$")


def _small_numbers_shown(page) -> list[str]:
    """Every number 1 to 5 in a table cell or tile value (labels like "5 to 10" are not)."""
    cells = [text_of(td) for td in page.iter("td")]
    cells += [text_of(e) for e in elements_with_class(page, "opensend-tile__value")]
    counts = [text_of(e) for e in elements_with_class(page, "opensend-tile__words")]
    found = [c for c in cells if SMALL.match(c.replace(",", ""))]
    found += [c for c in counts if re.match(r"^[1-5] of ", c) or re.search(r" of [1-5]$", c)]
    return found


@override_settings(MEASURES_PUBLIC_AREA_ONS_CODE=NORTHSHIRE)
def test_public_dashboard_needs_no_sign_in_and_hides_small_numbers(world, client):
    _response, page = _page(client, "public_measures:dashboard")
    assert page.find(".//*[@id='suppression-note']") is not None
    assert not _small_numbers_shown(page)
    assert "c" in [text_of(e) for e in elements_with_class(page, "opensend-tile__value")]
    staff_links = [
        a.get("href") for a in page.iter("a") if a.get("href", "").startswith("/measures/")
    ]
    assert not staff_links


@override_settings(MEASURES_PUBLIC_AREA_ONS_CODE=NORTHSHIRE)
def test_public_indicator_page_has_no_drill_down_and_no_small_numbers(world, plans, client):
    response, page = _page(client, "public_measures:indicator", code=TWENTY_WEEKS)
    assert "/measures/" + TWENTY_WEEKS + "/cases/" not in response.content.decode()
    assert not _small_numbers_shown(page)
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(
                    reverse("public_measures:csv", kwargs={"code": TWENTY_WEEKS})
                ).content.decode()
            )
        )
    )
    numbers = [cell for row in rows[1:] for cell in row[3:5]]
    assert not [n for n in numbers if SMALL.match(n)]


def test_public_pages_are_404_when_no_area_is_chosen(world, client):
    assert client.get(reverse("public_measures:dashboard")).status_code == 404


# --- trends and board reports from stored snapshots -------------------------------------


@pytest.fixture
def snapshots(world, plans):
    """Snapshots at the end of September and October 2026 (whole area only)."""
    northshire = world.area.northshire.pk
    for day in (dt.date(2026, 9, 30), dt.date(2026, 10, 31)):
        snapshots_take(local_authority_id=northshire, taken_on=day, breakdowns=())


def test_indicator_trend_chart_and_table_agree(world, snapshots, staff_client):
    page = _page(staff_client(world.people["ann"]), "measures:indicator", code=TWENTY_WEEKS)[1]
    rows = _table_after(page, "Value stored at the end of each month")
    assert [cells[0] for cells in rows] == ["September 2026", "October 2026"]
    assert _chart_values(page, "opensend-chart--line") == [cells[1] for cells in rows]


def test_dashboard_tiles_say_the_trend(world, snapshots, staff_client):
    page = _page(staff_client(world.people["sam"]), "measures:dashboard")[1]
    words = [text_of(e) for e in elements_with_class(page, "opensend-tile__words")]
    assert any(w.endswith("since September 2026") or "since September 2026 (" in w for w in words)
    assert page.find(f".//{SVG}svg[@class='opensend-sparkline']") is not None


def test_board_reports_list_the_months_and_each_is_a_pdf(world, snapshots, staff_client):
    client = staff_client(world.people["ann"])
    page = _page(client, "measures:board_reports")[1]
    links = [a.get("href") for a in page.iter("a") if a.get("href", "").endswith(".pdf")]
    assert links == [
        reverse("measures:board_report", kwargs={"month": "2026-10"}),
        reverse("measures:board_report", kwargs={"month": "2026-09"}),
    ]
    response = client.get(links[0])
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    assert "31 October 2026" in text and "Northshire County Council" in text
    assert "New plans issued within 20 weeks, excluding exceptions" in text


def test_a_month_without_a_snapshot_has_no_report(world, snapshots, staff_client):
    client = staff_client(world.people["sam"])
    for month in ("2026-08", "2026-11", "2026-13"):
        response = client.get(f"/measures/board-report/{month}.pdf")
        assert response.status_code == 404, month


def test_a_count_links_to_its_cases_in_words(world, staff_client):
    url = reverse("measures:indicator", kwargs={"code": "ehc_requests_received"})
    page = check_page(staff_client(world.people["sam"]).get(url))
    links = [
        text_of(a)
        for a in page.iter("a")
        if "/cases/" in a.get("href", "") and a.get("href", "").startswith("/measures/")
    ]
    assert "See the cases behind this figure" in links
    assert "This is a count" in text_of(page)


@override_settings(MEASURES_PUBLIC_AREA_ONS_CODE=NORTHSHIRE)
def test_a_public_figure_made_from_one_plan_is_c_everywhere(world, client):
    """Only Yasmin's plan counts (Tom's had an exception): 1 of 1 is shown as c."""
    page = _page(client, "public_measures:indicator", code=TWENTY_WEEKS)[1]
    assert text_of(page.find(".//*[@id='headline-value']")) == "c"
    assert _table_after(page, "Compared with")[0][1] == "c"
    assert not _small_numbers_shown(page)
    response = client.get(reverse("public_measures:xlsx", kwargs={"code": TWENTY_WEEKS}))
    sheet = load_workbook(io.BytesIO(response.content))["Figures"]
    assert [c.value for c in sheet[5]][3:6] == ["c", "c", "c"]
    numbers = [c.value for row in sheet.iter_rows(min_row=5) for c in row[3:5]]
    assert not [n for n in numbers if isinstance(n, int) and 1 <= n <= 5]
