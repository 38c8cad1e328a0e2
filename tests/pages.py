"""check_page: the checks every rendered page must pass, run on every page a test gets.

The Django test client runs check_page on every HTML page it receives, whatever its
status (tests/conftest.py `_page_checks`), so a view test only calls it to get the
parsed page for its own assertions (the client's parse is reused, not repeated):

    page = check_page(response)
    assert page.find(".//*[@id='main-content']") is not None

A test whose responses are deliberately not whole pages (or not valid ones) opts out
with a reason, which is required:

    @pytest.mark.no_page_check(reason="...")

It fails the test unless the HTML parses without a single error (html5lib, strict),
there is exactly one <h1>, the <title> starts with the h1's text (or "Error: " and
that text), no two elements share an id, nothing inline that the CSP would block
(script, style, event handler attributes), and a form with an error shows the error
summary and an "Error: " title, and no template syntax (`{{`, `}}`, `{%`, `%}`, `{#`)
is left in the text or an attribute. (Undefined variables already fail at rendering:
config/jinja2.py StrictUndefined.) It returns the parsed page as an ElementTree element
(no namespaces), for further assertions with ElementPath (`find`, `findall`, `iter`).
"""

import json
import re
from collections import Counter
from collections.abc import Callable
from typing import Any
from xml.etree.ElementTree import Element

import html5lib
import pytest
from django.http import HttpResponse
from django.test import Client

# What a template that was not (or was twice) rendered leaves in the page.
TEMPLATE_SYNTAX = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")


def text_of(element: Element) -> str:
    """An element's text with whitespace collapsed, as a user would read it."""
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def has_class(element: Element, name: str) -> bool:
    return name in element.get("class", "").split()


def elements_with_class(page: Element, name: str) -> list[Element]:
    return [element for element in page.iter() if has_class(element, name)]


def parse_html(html: bytes | str) -> Element:
    parser = html5lib.HTMLParser(
        tree=html5lib.getTreeBuilder("etree"), strict=True, namespaceHTMLElements=False
    )
    try:
        return parser.parse(html)
    except html5lib.html5parser.ParseError as error:
        line, column = parser.errors[-1][0] if parser.errors else ("?", "?")
        raise AssertionError(f"Invalid HTML at line {line}, column {column}: {error}") from None


def unresolved_template_syntax(page: Element) -> list[str]:
    """Text and attribute values that still hold template syntax (scripts' data aside)."""
    found = []
    for element in page.iter():
        if element.tag != "script" and TEMPLATE_SYNTAX.search(element.text or ""):
            found.append(f"<{element.tag}> text {(element.text or '').strip()[:60]!r}")
        if TEMPLATE_SYNTAX.search(element.tail or ""):
            found.append(f"text after <{element.tag}> {(element.tail or '').strip()[:60]!r}")
        found += [
            f"<{element.tag} {name}={value[:60]!r}>"
            for name, value in element.attrib.items()
            if TEMPLATE_SYNTAX.search(value)
        ]
    return found


def check_page(response: HttpResponse) -> Element:
    checked = getattr(response, "checked_page", None)
    if checked is not None:  # the test client checked it already
        return checked
    assert response["Content-Type"].startswith("text/html"), response["Content-Type"]
    page = parse_html(response.content)

    headings = page.findall(".//h1")
    assert len(headings) == 1, f"expected one <h1>, found {len(headings)}"
    heading = text_of(headings[0])
    title_element = page.find("./head/title")
    assert title_element is not None, "the page has no <title>"
    title = text_of(title_element)
    assert title.startswith((heading, f"Error: {heading}")), (
        f"the title {title!r} does not start with the h1 {heading!r}"
    )

    ids = Counter(element.get("id") for element in page.iter() if element.get("id"))
    repeated = sorted(value for value, count in ids.items() if count > 1)
    assert not repeated, f"ids used more than once: {repeated}"

    # The CSP allows no inline script or style: they would silently not work.
    for element in page.iter():
        if element.tag == "script" and element.get("type") == "application/ld+json":
            # A JSON-LD data block is never executed, so the CSP allows it (calendar task).
            json.loads(element.text or "")
        elif element.tag == "script":
            assert element.get("src"), "inline <script>: put the code in a static file"
        assert element.tag != "style", "<style> element: put the styles in opensend.css"
        assert "style" not in element.attrib, f"style attribute on <{element.tag}>"
        handlers = [name for name in element.attrib if name.startswith("on")]
        assert not handlers, f"inline event handler {handlers} on <{element.tag}>"

    invalid_form = any(
        elements_with_class(form, "govuk-form-group--error") for form in page.iter("form")
    )
    if invalid_form:
        assert elements_with_class(page, "govuk-error-summary"), (
            "a form field shows an error but the page has no error summary"
        )
        assert title.startswith("Error: "), f"the title {title!r} should start 'Error: '"

    leftovers = unresolved_template_syntax(page)
    assert not leftovers, f"template syntax left in the page: {leftovers}"
    return page


# --- the test client checks every page ----------------------------------------------------

OPT_OUT = "no_page_check"


def is_page(response: HttpResponse) -> bool:
    """An HTML document: text/html with a body. Redirects and empty refusals are not pages."""
    if getattr(response, "streaming", False) or 300 <= response.status_code < 400:
        return False
    html = response.get("Content-Type", "").startswith("text/html")
    return html and (response.status_code < 400 or bool(response.content.strip()))


def opt_out_reason(node: pytest.Item) -> str | None:
    """The reason the test gives for `@pytest.mark.no_page_check(reason=...)`, or None.

    The reason is required: an opt-out nobody can explain is a page nobody checks.
    """
    marker = node.get_closest_marker(OPT_OUT)
    if marker is None:
        return None
    reason = marker.kwargs.get("reason")
    if marker.args or not isinstance(reason, str) or not reason.strip():
        pytest.fail(f'{node.nodeid}: write @pytest.mark.{OPT_OUT}(reason="why")', pytrace=False)
    return reason


def checking_pages(request: Callable[..., Any]) -> Callable[..., Any]:
    """Client.request, running check_page on every page it returns (each redirect hop too)."""

    def checked_request(client: Client, **environ: Any) -> HttpResponse:
        response = request(client, **environ)
        if is_page(response):
            response.checked_page = check_page(response)
        return response

    return checked_request
