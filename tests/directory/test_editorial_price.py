"""A listing's price: "NaN", "sNaN" and "Infinity" parse as decimals but are no price
(found by the form fuzzing, issue 13: they were a 500 on the listing edit page)."""

import pytest

from opensend.directory.editorial.forms import ListingForm


@pytest.mark.parametrize("typed", ["NaN", "sNaN", "Infinity", "-Infinity", "£nan"])
def test_a_price_that_is_not_a_number_is_a_clear_error(typed: str):
    form = ListingForm(data={"cost_amount": typed})
    form.is_valid()
    assert form.errors["cost_amount"] == ["Enter the price as a number, like 5 or 12.50"]


@pytest.mark.parametrize(("typed", "kept"), [("£4", "4.00"), ("12.5", "12.50")])
def test_a_price_is_kept_with_pence(typed: str, kept: str):
    form = ListingForm(data={"cost_amount": typed})
    form.is_valid()
    assert "cost_amount" not in form.errors
    assert form.cleaned_data["cost_amount"] == kept
