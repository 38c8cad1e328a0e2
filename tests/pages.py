"""check_page: the checks every rendered page must pass. Call it in every view test.

    page = check_page(response)
    assert page.find(".//*[@id='main-content']") is not None

It fails the test unless the HTML parses without a single error (html5lib, strict),
there is exactly one <h1>, the <title> starts with the h1's text (or "Error: " and
that text), no two elements share an id, nothing inline that the CSP would block
(script, style, event handler attributes), and a form with an error shows the error
summary and an "Error: " title. It returns the parsed page as an ElementTree element
(no namespaces), for further assertions with ElementPath (`find`, `findall`, `iter`).
"""

import json
import re
from collections import Counter
from xml.etree.ElementTree import Element

import html5lib
from django.http import HttpResponse


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


def check_page(response: HttpResponse) -> Element:
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
    return page
