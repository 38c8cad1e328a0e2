"""The plan editor (issue 9, item 6): sections A to K saved as you go, "add another" for
needs, outcomes and provision, provision linked to a need in section B, the wording check
on every save, and "issue as draft" / "issue as final" with a check-your-answers page.

Personas (tests/personas.py): Cara the caseworker of Tom's case.
"""

import datetime as dt

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from opensend.casework.models import Case, IssuedDocument, PlanVersion, Stage, VersionKind
from opensend.casework.services.plans import plan_version_save
from tests import factories as f
from tests.casework.test_views_actions import error_summary, fresh, on
from tests.factories import TODAY, WEEK
from tests.pages import check_page, elements_with_class, text_of

DAY = dt.timedelta(days=1)


@pytest.fixture(autouse=True)
def _on_today(today: dt.date) -> None:
    """Every test runs on TODAY (22 November 2026)."""


@pytest.fixture
def assessing(cara, tom) -> Case:
    return f.case_assessing(child=tom, caseworker=cara, received_on=TODAY - 8 * WEEK)


def section_url(case: Case, code: str) -> str:
    return reverse("casework:plan_section", args=[case.pk, code.lower()])


def overview_url(case: Case) -> str:
    return reverse("casework:plan_edit", args=[case.pk])


def banners(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def post(client, case: Case, code: str, action: str = "continue", **fields: str):
    data = {"version": str(fresh(case).version), "action": action, **fields}
    return client.post(section_url(case, code), data)


def working(case: Case) -> PlanVersion:
    return PlanVersion.objects.get(plan__case=case, issued_on__isnull=True)


def save(case: Case, cara, sections) -> None:
    plan_version_save(actor=cara, case=case, kind=VersionKind.DRAFT, sections=sections,
                      today=TODAY, expected_version=fresh(case).version)


# ---------------------------------------------------------------------------------------
# The sections, saved as you go
# ---------------------------------------------------------------------------------------


def test_the_plan_page_lists_sections_a_to_k(staff_client, cara, assessing):
    page = check_page(staff_client(cara).get(overview_url(assessing)))
    main = text_of(page.find(".//main"))

    assert "There is no plan yet" in main
    titles = [text_of(item) for item in elements_with_class(page, "govuk-task-list__name-and-hint")]
    codes = ("A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K")
    assert [title.split(":")[0] for title in titles] == [f"Section {code}" for code in codes]
    assert "Not started" in main
    assert "Issue as" not in main  # nothing written, nothing to issue


def test_a_text_section_saves_and_goes_on_to_the_next(staff_client, cara, assessing):
    client = staff_client(cara)
    check_page(client.get(section_url(assessing, "A")))

    response = post(client, assessing, "A", text="  Tom loves trains.  ")

    assert response.status_code == 302
    assert response["Location"] == section_url(assessing, "B")
    assert banners(response) == ["Section A saved"]
    version = working(assessing)
    assert (version.number, version.sections["A"]) == (1, "Tom loves trains.")
    page = check_page(client.get(overview_url(assessing)))
    assert "Written" in text_of(page.find(".//main"))


def test_save_and_return_goes_back_to_the_plan(staff_client, cara, assessing):
    response = post(staff_client(cara), assessing, "C", action="return", text="Asthma.")
    assert response["Location"] == overview_url(assessing)


def test_add_another_need_keeps_what_was_typed_and_adds_a_row(staff_client, cara, assessing):
    client = staff_client(cara)
    response = post(client, assessing, "B", action="add", rows="1", need_1="ASD",
                    description_1="Finds change hard.")

    assert response["Location"] == f"{section_url(assessing, 'B')}?add=1#row-2"
    assert working(assessing).sections["B"] == [
        {"need": "ASD", "description": "Finds change hard."}]
    page = check_page(client.get(response["Location"]))
    assert page.find(".//select[@name='need_2']") is not None
    assert page.find(".//select[@name='need_3']") is None
    # Enter in a box submits the first button: it saves, never removes a row.
    assert page.find(".//main//form//button").get("value") == "continue"

    post(client, assessing, "B", rows="2", need_1="ASD", description_1="Finds change hard.",
         need_2="SLCN", description_2="Few words.")
    assert [row["need"] for row in working(assessing).sections["B"]] == ["ASD", "SLCN"]


def test_remove_takes_one_row_out(staff_client, cara, assessing):
    save(assessing, cara, {"E": [{"outcome": "Reads", "by": "2027"},
                                 {"outcome": "Writes", "by": "2028"}]})
    response = post(staff_client(cara), assessing, "E", action="remove-1", rows="2",
                    outcome_1="Reads", by_1="2027", outcome_2="Writes", by_2="2028")

    assert response["Location"] == section_url(assessing, "E")
    assert banners(response) == ["Section E saved: row 1 removed"]
    assert working(assessing).sections["E"] == [{"outcome": "Writes", "by": "2028"}]


def test_a_row_needs_its_main_part(staff_client, cara, assessing):
    summary = error_summary(post(staff_client(cara), assessing, "B", rows="2",
                                 need_1="ASD", description_1="", need_2="",
                                 description_2="Anxious."))
    assert "Choose the type of need 2" in summary
    assert not PlanVersion.objects.exists()


def test_provision_says_which_need_in_section_b_it_meets(staff_client, cara, assessing):
    client = staff_client(cara)
    page = check_page(client.get(section_url(assessing, "F")))
    assert "Section B has no needs yet" in text_of(page.find(".//main"))

    save(assessing, cara, {"B": [{"need": "SLCN", "description": "Few words."},
                                 {"need": "ASD", "description": "Change is hard."}]})
    page = check_page(client.get(section_url(assessing, "F")))
    options = [text_of(o) for o in page.findall(".//select[@name='need_1']/option")]
    assert options == ["Choose the need it meets", "1. Speech, language and communication needs",
                       "2. Autistic spectrum disorder"]

    summary = error_summary(post(client, assessing, "F", rows="1", need_1="PD",
                                 provision_1="Adapted chair"))
    assert "Select a valid choice" in summary  # not a need of section B
    summary = error_summary(post(client, assessing, "F", rows="1", provision_1="Adapted chair"))
    assert "Choose which need in section B provision 1 meets" in summary


def test_every_save_shows_the_vague_words_and_abbreviations_it_found(staff_client, cara,
                                                                      assessing):
    """The defect: "sometimes" and "SaLT" in section F were accepted with no warning."""
    save(assessing, cara, {"B": [{"need": "SLCN", "description": "Few words."}]})
    client = staff_client(cara)

    response = post(client, assessing, "F", rows="1", need_1="SLCN",
                    provision_1="SaLT sometimes", amount_1="Weekly", delivered_by_1="NHS")

    assert response["Location"] == section_url(assessing, "F")  # stays, to fix the words
    assert "Check these words: \u2018sometimes\u2019, \u2018SaLT\u2019, \u2018NHS\u2019" in (
        banners(response)[0])
    assert working(assessing).sections["F"][0]["provision"] == "SaLT sometimes"  # saved
    page = check_page(client.get(section_url(assessing, "F")))
    warnings = [text_of(w) for w in elements_with_class(page, "govuk-warning-text")]
    assert any("\u2018sometimes\u2019, \u2018SaLT\u2019" in warning for warning in warnings)
    overview = text_of(check_page(client.get(overview_url(assessing))).find(".//main"))
    assert "Check the wording" in overview


def test_an_abbreviation_spelled_out_in_the_plan_is_not_flagged(staff_client, cara, assessing):
    save(assessing, cara, {"K": "Advice from speech and language therapy (SaLT), May 2026."})
    response = post(staff_client(cara), assessing, "A", text="He enjoys SaLT sessions.")
    assert banners(response) == ["Section A saved"]


def test_a_stale_save_keeps_what_was_typed(staff_client, cara, assessing):
    opened_with = str(assessing.version)
    f.clock_exception(fresh(assessing), start=TODAY - WEEK, end=TODAY)  # someone saves first

    response = staff_client(cara).post(section_url(assessing, "A"), {
        "version": opened_with, "action": "continue", "text": "Tom loves trains."})

    assert "Someone else changed this case" in error_summary(response)
    assert "Tom loves trains." in text_of(check_page(response).find(".//textarea[@name='text']"))
    assert not PlanVersion.objects.exists()


def test_section_i_names_a_setting_and_says_a_draft_leaves_it_blank(staff_client, cara,
                                                                     assessing, area):
    client = staff_client(cara)
    page = check_page(client.get(section_url(assessing, "I")))
    assert "section 38(5)" in text_of(page.find(".//main"))

    post(client, assessing, "I", setting=str(area.hillside.pk))

    assert working(assessing).sections["I"] == {"setting_id": area.hillside.pk,
                                                "setting_name": area.hillside.name}


def test_an_unknown_section_is_404(staff_client, cara, assessing):
    assert staff_client(cara).get(section_url(assessing, "Z")).status_code == 404


# ---------------------------------------------------------------------------------------
# Issue as draft, issue as final: check your answers first
# ---------------------------------------------------------------------------------------


@pytest.fixture
def written(cara, tom, area) -> Case:
    """Tom's case, the panel agreed to issue, a working plan naming Hillside in section I."""
    received = TODAY - 17 * WEEK
    case = f.case_assessing(child=tom, caseworker=cara, received_on=received,
                            advice_received=True)
    case = f.panel_decide(case, question="issue", met_on=received + 11 * WEEK)
    save(case, cara, f.plan_sections(area.hillside))
    return fresh(case)


def test_a_plan_never_issued_is_issued_as_a_draft_first(staff_client, cara, written):
    page = check_page(staff_client(cara).get(overview_url(written)))
    buttons = [text_of(b) for b in elements_with_class(page, "govuk-button")]
    assert buttons == ["Issue as draft"]


def test_check_your_answers_before_issuing_a_draft(staff_client, cara, written, area):
    url = reverse("casework:plan_issue", args=[written.pk])
    page = check_page(staff_client(cara).get(f"{url}?as=draft"))
    main = text_of(page.find(".//main"))

    assert text_of(page.find(".//h1")) == "Check the plan before you issue it as draft plan"
    assert "Section B: Special educational needs 1. Autistic spectrum disorder" in main
    assert "Section I: Placement Left blank in a draft plan" in main
    assert area.hillside.name not in main
    changes = [a.get("href") for a in page.iter("a") if text_of(a).startswith("Change")]
    assert changes[0] == section_url(written, "A") and len(changes) == 12
    assert "Family's comments close (Reg 13(1)) 6 December 2026" in main
    assert page.find(".//input[@name='kind']").get("value") == "draft"


def test_issue_as_draft_then_as_final(staff_client, cara, written, area):
    client = staff_client(cara)
    url = reverse("casework:plan_issue", args=[written.pk])
    response = client.post(url, {"version": fresh(written).version, "kind": "draft",
                                 **on("issued_on", TODAY - 20 * DAY)})
    assert response.status_code == 302
    draft = PlanVersion.objects.get(plan__case=written, number=1)
    assert (draft.kind, draft.issued_on) == (VersionKind.DRAFT, TODAY - 20 * DAY)
    assert IssuedDocument.objects.filter(plan_version=draft).exists()

    post(client, written, "A", text="Tom loves trains and buses.")  # starts version 2
    page = check_page(client.get(overview_url(written)))
    buttons = [text_of(b) for b in elements_with_class(page, "govuk-button")]
    assert buttons == ["Issue as final", "Issue as draft"]
    check_page(client.get(f"{url}?as=final"))

    response = client.post(url, {"version": fresh(written).version, "kind": "final",
                                 **on("issued_on", TODAY)})
    assert response.status_code == 302
    final = PlanVersion.objects.get(plan__case=written, number=2)
    assert (final.kind, final.issued_on) == (VersionKind.FINAL, TODAY)
    assert fresh(written).stage == Stage.PLAN
    assert written.plan.named_setting == area.hillside


def test_a_kind_that_does_not_fit_is_refused(staff_client, cara, written):
    url = reverse("casework:plan_issue", args=[written.pk])
    summary = error_summary(staff_client(cara).post(url, {
        "version": fresh(written).version, "kind": "amended_final", **on("issued_on", TODAY)}))
    assert "cannot be issued as that" in summary
    assert not PlanVersion.objects.filter(issued_on__isnull=False).exists()


def test_issuing_with_nothing_written(staff_client, cara, assessing):
    url = reverse("casework:plan_issue", args=[assessing.pk])
    page = check_page(staff_client(cara).get(url))
    assert "There is no unissued version of the plan to issue" in text_of(page.find(".//main"))
    assert page.find(".//main//form") is None


def test_a_section_past_its_limit_is_a_clear_error_and_nothing_is_saved(
    staff_client, cara, assessing
):
    """Issue 13, finding 7: a 100 KB section A was saved (and took 5.7 s as a PDF)."""
    response = post(staff_client(cara), assessing, "A", text="x" * 100_000)
    assert response.status_code == 200
    summary = text_of(elements_with_class(check_page(response), "govuk-error-summary")[0])
    assert "must be 20,000 characters or less" in summary
    assert not PlanVersion.objects.filter(plan__case=assessing).exists()
    assert post(staff_client(cara), assessing, "A", text="x" * 20_000).status_code == 302
