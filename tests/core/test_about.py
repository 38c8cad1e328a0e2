"""The accessibility statement and privacy notice: public, and linked from every page's footer."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.pages import check_page, elements_with_class, text_of


@pytest.mark.parametrize(
    ("name", "heading", "must_say"),
    [
        ("core:accessibility", "Accessibility statement", "WCAG"),
        ("core:privacy", "Privacy notice", "Article 6(1)(e)"),
    ],
)
def test_public_page(db, name, heading, must_say):
    page = check_page(Client().get(reverse(name)))
    assert text_of(page.find(".//h1")) == heading
    assert must_say in text_of(page)


def test_the_footer_links_to_both(db):
    page = check_page(Client().get(reverse("core:sign_in")))
    footer_links = {a.get("href") for a in elements_with_class(page, "govuk-footer__link")}
    assert {reverse("core:accessibility"), reverse("core:privacy")} <= footer_links
