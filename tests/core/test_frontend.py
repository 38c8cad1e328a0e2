"""The page frame: GOV.UK form rendering, the date field, templates, error pages,
navigation, the front-end build and the security headers every page sends."""

import logging
import re
from datetime import date
from types import SimpleNamespace
from xml.etree.ElementTree import Element

import html5lib
import jinja2
import pytest
from django import forms
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.template import engines
from django.test import Client, override_settings
from django.urls import include, path

from opensend.core import frontend
from opensend.core.formatting import govuk_date, govuk_datetime, govuk_time
from opensend.core.forms import TEXT_MAX_LENGTH, GovukDateField, GovukForm
from opensend.core.govuk_forms import govuk_error_summary, govuk_field, govuk_form_page_title
from opensend.core.navigation import nav_items
from opensend.core.views import errors
from opensend.core.views.home import home
from tests.pages import check_page, elements_with_class, has_class, text_of

# --- a URL configuration for these tests: the real one, plus routes to test against ---


def _boom(request):
    raise RuntimeError("details that must not reach the page")


def _stub(request):
    return HttpResponse("stub")


_casework = (
    [
        path("queue/", _stub, name="queue"),
        path("search/", _stub, name="search"),
        path("team/", _stub, name="team"),
        path("mine/", _stub, name="my_cases"),
        path("consultations/", _stub, name="consultations"),
    ],
    "casework",
)
_family = ([path("", _stub, name="home")], "family")
_core = (
    [
        path("", home, name="home"),
        path("sign-in/", _stub, name="sign_in"),
        path("sign-out/", _stub, name="sign_out"),
    ],
    "core",
)
# For navigation tests: every route the navigation may link to exists.
urlpatterns = [
    path("", include(_core)),
    path("cases/", include(_casework)),
    path("family/", include(_family)),
]
NAV_URLS = __name__
DASH = "\N{EN DASH}"  # the separator in page titles


def server_error_urls() -> type:
    """The project's routes and error handlers, plus a view that fails.

    Imported here, not at the top, so that a break elsewhere in the project's URLconf
    fails only the tests that need it."""
    from opensend.config import urls as project_urls

    handlers = {
        f"handler{code}": getattr(project_urls, f"handler{code}") for code in (400, 403, 404, 500)
    }
    urlpatterns = [path("boom/", _boom), *project_urls.urlpatterns]
    return type("ServerErrorUrls", (), {"urlpatterns": urlpatterns, **handlers})


# --- helpers ---


def fragment(markup: str) -> Element:
    """Parse an HTML fragment strictly (any parse error fails the test)."""
    parser = html5lib.HTMLParser(
        tree=html5lib.getTreeBuilder("etree"), strict=True, namespaceHTMLElements=False
    )
    return parser.parseFragment(markup)


def by_id(tree: Element, element_id: str) -> Element:
    found = [element for element in tree.iter() if element.get("id") == element_id]
    assert len(found) == 1, f"expected one element with id {element_id!r}, found {len(found)}"
    return found[0]


def user(kind: str = "staff", roles: tuple[str, ...] = ()) -> SimpleNamespace:
    """A stand-in for people.User with the interface navigation relies on."""
    return SimpleNamespace(
        is_authenticated=True, kind=kind, has_role=lambda *wanted: bool(set(wanted) & set(roles))
    )


def get_request(rf, url: str, who=None):
    request = rf.get(url)
    request.user = who or AnonymousUser()
    return request


class EveryWidgetForm(GovukForm):
    name = forms.CharField(label="Full name", max_length=100, help_text="As on their passport")
    email = forms.EmailField(label="Email address")
    age = forms.IntegerField(label="Age")
    password = forms.CharField(label="Password", widget=forms.PasswordInput)
    date_of_birth = GovukDateField(label="Date of birth")
    need = forms.ChoiceField(
        label="Primary need",
        choices=[("", "Choose"), ("ASD", "Autistic spectrum disorder"), ("SLCN", "Speech")],
        widget=forms.RadioSelect,
    )
    settings = forms.MultipleChoiceField(
        label="Settings",
        choices=[("school", "School"), ("college", "College")],
        widget=forms.CheckboxSelectMultiple,
    )
    school = forms.ChoiceField(label="School", choices=[("", "Choose"), ("1", "Hill Primary")])
    notes = forms.CharField(label="Notes", widget=forms.Textarea, required=False)
    views = forms.CharField(label="Their views", widget=forms.Textarea, max_length=2000)
    agree = forms.BooleanField(label="I agree", required=False)
    token = forms.CharField(widget=forms.HiddenInput, required=False)


VALID_DATA = {
    "name": "Sam <b>Jones</b>",
    "email": "sam@example.com",
    "age": "9",
    "password": "correct horse",
    "date_of_birth-day": "3",
    "date_of_birth-month": "3",
    "date_of_birth-year": "2016",
    "need": "SLCN",
    "settings": ["college"],
    "school": "1",
    "views": "I like maths",
    "agree": "true",
}


# --- govuk_field: one GOV.UK component per widget family ---


def test_text_input_has_label_hint_value_and_escapes_it():
    form = EveryWidgetForm(VALID_DATA)
    html = str(govuk_field(form["name"]))
    tree = fragment(html)
    field = by_id(tree, "id_name")
    assert field.get("class") == "govuk-input"
    assert field.get("type") == "text"
    assert field.get("name") == "name"
    assert field.get("value") == "Sam <b>Jones</b>"
    assert field.get("maxlength") is None  # GOV.UK: the server says what is too long
    assert "&lt;b&gt;" in html
    assert text_of(tree.find(".//label")) == "Full name"
    assert text_of(by_id(tree, "id_name-hint")) == "As on their passport"
    assert field.get("aria-describedby") == "id_name-hint"


def test_email_and_number_inputs_follow_govuk_advice():
    form = EveryWidgetForm(VALID_DATA)
    email = by_id(fragment(str(govuk_field(form["email"]))), "id_email")
    assert (email.get("type"), email.get("spellcheck")) == ("email", "false")
    age = by_id(fragment(str(govuk_field(form["age"]))), "id_age")
    assert (age.get("type"), age.get("inputmode"), age.get("value")) == ("text", "numeric", "9")


def test_password_uses_the_password_input_and_never_echoes_the_password():
    form = EveryWidgetForm(VALID_DATA)
    tree = fragment(str(govuk_field(form["password"], autocomplete="new-password")))
    field = by_id(tree, "id_password")
    assert field.get("type") == "password"
    assert field.get("value") is None
    assert field.get("autocomplete") == "new-password"
    assert any(has_class(element, "govuk-password-input") for element in tree.iter())


def test_overrides_are_merged_into_the_macro_parameters():
    form = EveryWidgetForm()
    tree = fragment(
        str(govuk_field(form["name"], classes="govuk-input--width-20", label={"classes": "x"}))
    )
    assert by_id(tree, "id_name").get("class") == "govuk-input govuk-input--width-20"
    label = tree.find(".//label")
    assert label.get("class") == "govuk-label x"
    assert text_of(label) == "Full name"


def test_heading_makes_the_label_the_page_heading():
    tree = fragment(str(govuk_field(EveryWidgetForm()["name"], heading=True)))
    heading = tree.find(".//h1")
    assert heading is not None and text_of(heading) == "Full name"
    assert "govuk-label--l" in heading.find("label").get("class")


def test_radios_are_a_fieldset_without_the_empty_choice():
    form = EveryWidgetForm(VALID_DATA)
    tree = fragment(str(govuk_field(form["need"], heading=True)))
    legend = tree.find(".//fieldset/legend")
    assert text_of(legend.find("h1")) == "Primary need"
    radios = [element for element in tree.iter("input") if element.get("type") == "radio"]
    assert [radio.get("value") for radio in radios] == ["ASD", "SLCN"]
    assert [radio.get("id") for radio in radios] == ["id_need", "id_need-2"]
    assert [radio.get("checked") is not None for radio in radios] == [False, True]


def test_checkboxes_check_each_selected_choice():
    form = EveryWidgetForm(VALID_DATA)
    tree = fragment(str(govuk_field(form["settings"])))
    boxes = [element for element in tree.iter("input") if element.get("type") == "checkbox"]
    assert [(box.get("value"), box.get("checked") is not None) for box in boxes] == [
        ("school", False),
        ("college", True),
    ]
    assert text_of(tree.find(".//legend")) == "Settings"


def test_single_checkbox_for_a_boolean_field():
    tree = fragment(str(govuk_field(EveryWidgetForm(VALID_DATA)["agree"])))
    box = by_id(tree, "id_agree")
    assert (box.get("type"), box.get("value"), box.get("checked")) == ("checkbox", "true", "")
    assert text_of(tree.find(".//label")) == "I agree"


def test_select_marks_the_selected_option():
    tree = fragment(str(govuk_field(EveryWidgetForm(VALID_DATA)["school"])))
    select = by_id(tree, "id_school")
    assert select.get("class") == "govuk-select"
    options = [(option.get("value"), option.get("selected") is not None) for option in select]
    assert options == [("", False), ("1", True)]


def test_a_textarea_given_no_limit_gets_the_default_one_and_no_stray_value():
    """Every text field of a GovukForm is bounded (issue 13, finding 7): a textarea the
    form gave no limit counts to the default, and shows nothing it was not given."""
    tree = fragment(str(govuk_field(EveryWidgetForm({})["notes"])))
    textarea = by_id(tree, "id_notes")
    assert (textarea.tag, textarea.get("rows"), textarea.text or "") == ("textarea", "5", "")
    group = elements_with_class(tree, "govuk-character-count")[0]
    assert group.get("data-maxlength") == str(TEXT_MAX_LENGTH)


def test_textarea_with_a_limit_is_a_character_count():
    tree = fragment(str(govuk_field(EveryWidgetForm(VALID_DATA)["views"])))
    group = elements_with_class(tree, "govuk-character-count")[0]
    assert group.get("data-maxlength") == "2000"
    assert by_id(tree, "id_views").text == "I like maths"


def test_hidden_field_is_rendered_plainly():
    assert str(govuk_field(EveryWidgetForm()["token"])) == (
        '<input type="hidden" name="token" id="id_token">'
    )


def test_field_error_shows_the_message_and_marks_the_input():
    form = EveryWidgetForm({**VALID_DATA, "email": "not an email"})
    assert not form.is_valid()
    tree = fragment(str(govuk_field(form["email"])))
    assert elements_with_class(tree, "govuk-form-group--error")
    assert "govuk-input--error" in by_id(tree, "id_email").get("class")
    assert text_of(by_id(tree, "id_email-error")) == "Error: Enter a valid email address."


def test_error_summary_lists_form_errors_then_field_errors_with_links():
    class SignUp(GovukForm):
        name = forms.CharField(label="Name", error_messages={"required": "Enter your name"})
        date_of_birth = GovukDateField(label="Date of birth")
        need = EveryWidgetForm.base_fields["need"]

        def clean(self):
            raise forms.ValidationError("These details do not match our records")

    form = SignUp({"date_of_birth-day": "3", "date_of_birth-month": "3"})
    tree = fragment(str(govuk_error_summary(form)))
    assert text_of(tree.find(".//h2")) == "There is a problem"
    items = [(text_of(item), item.find("a")) for item in tree.iter("li")]
    assert [text for text, _ in items] == [
        "These details do not match our records",
        "Enter your name",
        "Date of birth must include a year",
        "This field is required.",
    ]
    assert [link.get("href") if link is not None else None for _, link in items] == [
        None,
        "#id_name",
        "#id_date_of_birth-year",
        "#id_need",
    ]


def test_no_error_summary_and_plain_title_without_errors():
    assert str(govuk_error_summary(EveryWidgetForm())) == ""
    assert govuk_form_page_title(EveryWidgetForm(), "Your details") == "Your details"
    invalid = EveryWidgetForm({})
    assert govuk_form_page_title(invalid, "Your details") == "Error: Your details"


def test_govuk_form_has_no_label_suffix():
    assert EveryWidgetForm().label_suffix == ""


# --- the GOV.UK date field ---


class DateForm(GovukForm):
    date_of_birth = GovukDateField(label="Date of birth")
    review_date = GovukDateField(label="Review date", required=False, error_name="the review date")


def date_form(day: str, month: str, year: str) -> DateForm:
    data = {"date_of_birth-day": day, "date_of_birth-month": month, "date_of_birth-year": year}
    return DateForm(data)


@pytest.mark.parametrize(
    ("day", "month", "year", "message", "wrong_parts"),
    [
        ("31", "2", "2025", "Date of birth must be a real date", ["day", "month", "year"]),
        ("29", "2", "2023", "Date of birth must be a real date", ["day", "month", "year"]),
        ("3", "4", "", "Date of birth must include a year", ["year"]),
        ("", "4", "2020", "Date of birth must include a day", ["day"]),
        ("", "4", "", "Date of birth must include a day and year", ["day", "year"]),
        ("3", "", "", "Date of birth must include a month and year", ["month", "year"]),
        ("", "", "", "Enter date of birth", ["day", "month", "year"]),
        ("3", "13", "2020", "Date of birth must be a real date", ["month"]),
        ("0", "1", "2020", "Date of birth must be a real date", ["day"]),
        ("x", "1", "2020", "Date of birth must be a real date", ["day"]),
        ("3", "Smarch", "2020", "Date of birth must be a real date", ["month"]),
        ("3", "4", "20", "Year must include 4 numbers", ["year"]),
        ("3", "4", "02020", "Year must include 4 numbers", ["year"]),
    ],
)
def test_date_errors_use_govuk_messages_and_highlight_the_wrong_boxes(
    day, month, year, message, wrong_parts
):
    form = date_form(day, month, year)
    assert form.errors["date_of_birth"] == [message]
    tree = fragment(str(govuk_field(form["date_of_birth"])))
    assert text_of(by_id(tree, "id_date_of_birth-error")) == f"Error: {message}"
    marked = [
        part
        for part in ("day", "month", "year")
        if "govuk-input--error" in by_id(tree, f"id_date_of_birth-{part}").get("class")
    ]
    assert marked == wrong_parts
    summary = fragment(str(govuk_error_summary(form)))
    assert summary.find(".//a").get("href") == f"#id_date_of_birth-{wrong_parts[0]}"


@pytest.mark.parametrize(
    ("day", "month", "year", "expected"),
    [
        ("3", "3", "2016", date(2016, 3, 3)),
        (" 03 ", "04", " 2007", date(2007, 4, 3)),
        ("29", "2", "2024", date(2024, 2, 29)),
        ("1", "March", "2020", date(2020, 3, 1)),
        ("1", "sept", "2020", date(2020, 9, 1)),
    ],
)
def test_real_dates_are_accepted(day, month, year, expected):
    form = date_form(day, month, year)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["date_of_birth"] == expected
    assert form.cleaned_data["review_date"] is None


def test_optional_date_uses_its_error_name():
    form = DateForm(
        {
            "date_of_birth-day": "1",
            "date_of_birth-month": "1",
            "date_of_birth-year": "2020",
            "review_date-month": "5",
        }
    )
    assert form.errors["review_date"] == ["The review date must include a day and year"]


def test_date_inputs_are_named_and_filled_govuk_style():
    form = DateForm(initial={"date_of_birth": date(2016, 3, 9)})
    tree = fragment(str(govuk_field(form["date_of_birth"], heading=True, autocomplete="bday")))
    inputs = [(i.get("name"), i.get("value"), i.get("autocomplete")) for i in tree.iter("input")]
    assert inputs == [
        ("date_of_birth-day", "9", "bday-day"),
        ("date_of_birth-month", "3", "bday-month"),
        ("date_of_birth-year", "2016", "bday-year"),
    ]
    assert text_of(tree.find(".//legend/h1")) == "Date of birth"


def test_entered_date_is_shown_again_as_typed():
    tree = fragment(str(govuk_field(date_form("31", "2", "2025")["date_of_birth"])))
    values = [element.get("value") for element in tree.iter("input")]
    assert values == ["31", "2", "2025"]


# --- the Jinja environment ---


def jinja_env() -> jinja2.Environment:
    return engines["jinja2"].env


@pytest.mark.parametrize(
    "source",
    ["{{ missing }}", "{% if missing %}x{% endif %}", "{{ {'a': 1}.b }}", "{{ missing | length }}"],
)
def test_undefined_variables_are_errors(source):
    with pytest.raises(jinja2.UndefinedError):
        jinja_env().from_string(source).render()


def test_undefined_passed_into_a_govuk_macro_is_still_an_error():
    source = (
        '{% from "govuk_frontend_jinja/components/input/macro.html" import govukInput %}'
        "{{ govukInput({'name': 'a', 'label': {'text': missing}}) }}"
    )
    with pytest.raises(jinja2.UndefinedError):
        jinja_env().from_string(source).render()


def test_govuk_macros_work_with_only_the_parameters_given():
    source = (
        '{% from "govuk_frontend_jinja/components/button/macro.html" import govukButton %}'
        '{% from "govuk_frontend_jinja/components/error-summary/macro.html" import '
        "govukErrorSummary %}"
        "{{ govukButton({'text': 'Save'}) }}"
        "{{ govukErrorSummary({'titleText': 'There is a problem', 'errorList': [{'text': 'x'}]}) }}"
    )
    html = jinja_env().from_string(source).render()
    assert 'class="govuk-button"' in html and "There is a problem" in html


def test_autoescape_is_on():
    html = jinja_env().from_string("{{ name }}").render(name="<script>alert(1)</script>")
    assert html == "&lt;script&gt;alert(1)&lt;/script&gt;"


@override_settings(ROOT_URLCONF=NAV_URLS)
def test_url_and_static_globals():
    env = jinja_env()
    assert env.from_string("{{ url('core:home') }}").render() == "/"
    css = env.from_string("{{ static('govuk/govuk-frontend.min.css') }}").render()
    assert css == "/static/govuk/govuk-frontend.min.css"


def test_date_filters_are_the_core_formatting_functions():
    filters = jinja_env().filters
    assert filters["govuk_date"] is govuk_date
    assert filters["govuk_datetime"] is govuk_datetime
    assert filters["govuk_time"] is govuk_time
    rendered = jinja_env().from_string("{{ day | govuk_date }}").render(day=date(2026, 3, 3))
    assert rendered == "3 March 2026"


# --- navigation ---


@override_settings(ROOT_URLCONF=NAV_URLS)
@pytest.mark.parametrize(
    ("who", "expected"),
    [
        (None, ["Sign in"]),
        (user(roles=("caseworker",)), ["Work queue", "Find a child", "My cases", "Sign out"]),
        (user(roles=("sen_manager",)), ["Work queue", "Find a child", "Team caseload", "Sign out"]),
        (user(roles=("senco",)), ["My cases", "Consultations", "Sign out"]),
        (user(roles=("advice_giver", "panel_member")), ["My cases", "Sign out"]),
        (user(roles=("analyst",)), ["Sign out"]),
        (user(kind="parent"), ["Your EHC plans", "Sign out"]),
        (user(kind="young_person"), ["Your EHC plan", "Sign out"]),
        (user(kind="parent", roles=("caseworker",)), ["Your EHC plans", "Sign out"]),
    ],
)
def test_navigation_by_kind_and_role(rf, who, expected):
    assert [item["text"] for item in nav_items(get_request(rf, "/", who))] == expected


@override_settings(ROOT_URLCONF=NAV_URLS)
def test_navigation_marks_the_current_section_and_signs_out_by_post(rf):
    request = get_request(rf, "/cases/search/?q=smith", user(roles=("caseworker",)))
    assert nav_items(request) == [
        {"href": "/cases/queue/", "text": "Work queue", "active": False},
        {"href": "/cases/search/", "text": "Find a child", "active": True},
        {"href": "/cases/mine/", "text": "My cases", "active": False},
        {"href": "/sign-out/", "text": "Sign out", "active": False, "method": "post"},
    ]


def test_only_the_closest_section_is_active_when_one_address_starts_another(rf):
    # The real routes: the work queue is /cases/ and search /cases/search/.
    request = get_request(rf, "/cases/search/", user(roles=("caseworker",)))
    active = [item["text"] for item in nav_items(request) if item["active"]]
    assert active == ["Find a child"]
    queue = get_request(rf, "/cases/12/", user(roles=("caseworker",)))
    assert [item["text"] for item in nav_items(queue) if item["active"]] == ["Work queue"]


def test_navigation_leaves_out_routes_that_do_not_exist_yet(rf, settings):
    settings.ROOT_URLCONF = "opensend.core.urls"  # only "home"
    assert nav_items(get_request(rf, "/", user(roles=("sen_manager",)))) == []


# --- pages ---


def test_home_page_for_anonymous_users():
    response = Client().get("/")
    assert response.status_code == 200
    page = check_page(response)
    assert text_of(page.find(".//h1")) == "Special educational needs and disabilities (SEND)"
    assert text_of(page.find("./head/title")).endswith(f" {DASH} OpenSEND")
    assert page.find(".//main[@id='main-content']") is not None
    assert page.find(".//a[@href='#main-content']") is not None
    assert elements_with_class(page, "govuk-phase-banner")


@override_settings(ROOT_URLCONF=NAV_URLS)
def test_home_page_offers_sign_in_as_a_start_button():
    page = check_page(Client().get("/"))
    start = [a for a in page.iter("a") if has_class(a, "govuk-button--start")]
    assert [a.get("href") for a in start] == ["/sign-in/"]


@override_settings(ROOT_URLCONF=NAV_URLS)
def test_home_page_for_a_signed_in_user_lists_their_links_and_a_sign_out_form(rf):
    request = get_request(rf, "/", user(roles=("sen_manager",)))
    page = check_page(home(request))
    main = page.find(".//main")
    assert [text_of(a) for a in main.iter("a")] == ["Work queue", "Find a child", "Team caseload"]
    sign_out = page.find(".//header//form[@action='/sign-out/']")
    assert sign_out.get("method") == "post"
    assert sign_out.find(".//input[@name='csrfmiddlewaretoken']") is not None
    assert text_of(sign_out.find("button")) == "Sign out"


@override_settings(
    ROOT_URLCONF=NAV_URLS, MESSAGE_STORAGE="django.contrib.messages.storage.cookie.CookieStorage"
)
def test_messages_are_shown_as_notification_banners(rf):
    from django.contrib.messages import SUCCESS, add_message
    from django.contrib.messages.storage import default_storage

    request = get_request(rf, "/", user(roles=("senco",)))
    request._messages = default_storage(request)
    add_message(request, SUCCESS, "Advice sent")
    add_message(request, SUCCESS, "Plan saved")
    page = check_page(home(request))
    banners = elements_with_class(page, "govuk-notification-banner")
    assert [text_of(banner) for banner in banners] == ["Success Advice sent", "Success Plan saved"]


def test_missing_page_is_a_404_page_without_details():
    response = Client().get("/no-such-page/")
    assert response.status_code == 404
    page = check_page(response)
    assert text_of(page.find(".//h1")) == "Page not found"


@override_settings(ROOT_URLCONF=NAV_URLS)
@pytest.mark.parametrize(
    ("handler", "status", "heading"),
    [
        (errors.bad_request, 400, "Sorry, there is a problem with your request"),
        (errors.permission_denied, 403, "You cannot see this page"),
        (errors.page_not_found, 404, "Page not found"),
        (errors.csrf_failure, 403, "Sorry, we could not send your form"),
    ],
)
def test_error_pages(rf, handler, status, heading):
    response = handler(get_request(rf, "/cases/1/"), Exception("secret detail"))
    assert response.status_code == status
    page = check_page(response)
    assert text_of(page.find(".//h1")) == heading
    assert b"secret detail" not in response.content


@override_settings(ROOT_URLCONF=NAV_URLS)
def test_server_error_page_gives_a_logged_reference_and_no_traceback(rf, caplog):
    request = rf.get("/cases/1/")  # no user or session: the 500 page must not need them
    caplog.set_level(logging.ERROR, logger="opensend.core.views.errors")
    try:
        raise RuntimeError("secret detail")
    except RuntimeError:
        response = errors.server_error(request)
    assert response.status_code == 500
    page = check_page(response)
    assert text_of(page.find(".//h1")) == "Sorry, there is a problem with the service"
    assert b"Traceback" not in response.content and b"secret detail" not in response.content
    reference = re.search(r"give this reference: ([0-9A-F]{8})", text_of(page)).group(1)
    record = caplog.records[-1]
    assert reference in record.getMessage()
    assert record.exc_info[0] is RuntimeError


@override_settings(ROOT_URLCONF=NAV_URLS)
def test_server_error_page_falls_back_to_plain_html_when_the_page_cannot_render(rf, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("template failed")

    monkeypatch.setattr(errors, "render", broken)
    response = errors.server_error(rf.get("/"))
    assert response.status_code == 500
    page = check_page(response)
    assert text_of(page.find(".//h1")) == "Sorry, there is a problem with the service"


def test_an_unhandled_exception_gets_the_500_page(settings):
    settings.ROOT_URLCONF = server_error_urls()
    response = Client(raise_request_exception=False).get("/boom/")
    assert response.status_code == 500
    check_page(response)
    assert b"details that must not reach the page" not in response.content


@override_settings(CSRF_FAILURE_VIEW="opensend.core.views.errors.csrf_failure")
def test_form_without_csrf_token_gets_the_csrf_page():
    response = Client(enforce_csrf_checks=True).post("/", {})
    assert response.status_code == 403
    assert text_of(check_page(response).find(".//h1")) == "Sorry, we could not send your form"


def test_security_headers_on_the_home_page():
    response = Client().get("/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"


# --- check_page itself ---


PAGE = (
    "<!DOCTYPE html><html lang='en'><head><title>{title}</title></head><body>{body}</body></html>"
)


@pytest.mark.parametrize(
    ("title", "body", "problem"),
    [
        ("A", "<h1>A</h1><p><div></p>", "Invalid HTML"),
        ("A", "<h1>A</h1><h1>B</h1>", "expected one <h1>"),
        (f"B {DASH} OpenSEND", "<h1>A</h1>", "does not start with the h1"),
        ("A", "<h1>A</h1><p id='x'></p><p id='x'></p>", "ids used more than once"),
        ("A", "<h1>A</h1><script>alert(1)</script>", "inline <script>"),
        ("A", "<h1 style='color: red'>A</h1>", "style attribute"),
        ("A", "<h1>A</h1><button onclick='x()'>Go</button>", "inline event handler"),
        (
            "A",
            "<h1>A</h1><form><div class='govuk-form-group--error'></div></form>",
            "no error summary",
        ),
        (
            "A",
            "<h1>A</h1><div class='govuk-error-summary'></div>"
            "<form><div class='govuk-form-group--error'></div></form>",
            "should start 'Error: '",
        ),
    ],
)
def test_check_page_catches_broken_pages(title, body, problem):
    with pytest.raises(AssertionError, match=problem):
        check_page(HttpResponse(PAGE.format(title=title, body=body)))


def test_check_page_accepts_a_good_error_page():
    body = (
        "<div class='govuk-error-summary'></div><h1>Your <span>details</span></h1>"
        "<form><div class='govuk-form-group govuk-form-group--error'></div></form>"
    )
    title = f"Error: Your details {DASH} OpenSEND"
    page = check_page(HttpResponse(PAGE.format(title=title, body=body)))
    assert text_of(page.find(".//h1")) == "Your details"


# --- the front-end build ---


def test_govuk_css_is_rewritten_for_our_static_url_and_brand():
    css = (
        "@font-face{font-family:GDS Transport;src:url(/assets/fonts/light.woff2)}"
        ".govuk-body{font-family:GDS Transport,arial,sans-serif}"
        ".govuk-footer__copyright-logo{background-image:url(/assets/images/govuk-crest.svg)}"
        "\n/*# sourceMappingURL=govuk-frontend.min.css.map */"
    )
    assert frontend.govuk_css(css) == (
        ".govuk-body{font-family:arial,sans-serif}"
        ".govuk-footer__copyright-logo{background-image:url(assets/images/govuk-crest.svg)}\n"
    )


def test_build_writes_every_file_the_pages_use(tmp_path):
    output = frontend.build(tmp_path / "frontend")
    frontend.build(output)  # idempotent: building again over the top works
    for name in [
        "govuk/govuk-frontend.min.css",
        "govuk/govuk-frontend.min.js",
        "govuk/assets/manifest.json",
        "vendor/htmx.min.js",
        "vendor/axe.min.js",
        "opensend/init.js",
        "opensend/body-classes.js",
        "opensend/opensend.css",
        "opensend/favicon.svg",
    ]:
        assert (output / name).is_file(), name
    css = (output / "govuk/govuk-frontend.min.css").read_text()
    assert "GDS Transport" not in css and "url(/" not in css
    for url in re.findall(r"url\(([^)]+)\)", css):
        assert (output / "govuk" / url).is_file(), url
    assert "from '../govuk/govuk-frontend.min.js'" in (output / "opensend/init.js").read_text()


def test_build_explains_a_missing_node_modules(tmp_path, monkeypatch):
    monkeypatch.setattr(frontend, "NODE_MODULES", tmp_path / "node_modules")
    with pytest.raises(frontend.FrontendBuildError, match="run npm ci"):
        frontend.build(tmp_path / "frontend")
    assert frontend.main() == 1
