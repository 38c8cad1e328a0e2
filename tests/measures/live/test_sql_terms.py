"""The rows each kind's statement reads are derived from the measures asked for
(terms.rows_counted): what no asked measure can count is left out in the WHERE."""

import pytest

from opensend.measures.live.sql.terms import (
    CEASED_IN,
    IN_PLACE,
    MEASURES,
    NEW_PLAN,
    RECEIVED_IN,
    rows_counted,
)

KINDS = sorted({measure.kind for measure in MEASURES.values()})


def codes_of(kind: str) -> list[str]:
    return [code for code, measure in MEASURES.items() if measure.kind == kind]


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        # every plan measure is made from three: new plans, plans in place, plans ceased
        (codes_of("plans"), [NEW_PLAN, IN_PLACE, CEASED_IN]),
        (["plans_ceased_needs_met", "plans_ceased"], [CEASED_IN]),
        (["plans_ceased_needs_met"], [f"({CEASED_IN}) AND (f.cease_reason = '2')"]),
        (["ehc_requests_received", "requests_refused"], [RECEIVED_IN]),
        (["advice_within_6_weeks", "advice_within_6_weeks_health"], []),  # every row
        ([], []),
    ],
)
def test_rows_counted_keeps_the_widest_rows_of_the_asked_measures(
    codes: list[str], expected: list[str]
) -> None:
    assert rows_counted(MEASURES[code] for code in codes) == expected


@pytest.mark.parametrize("kind", KINDS)
def test_every_measure_of_a_kind_counts_only_rows_kept(kind: str) -> None:
    """Each measure's rows are one of the kept predicates, or made from one by _and."""
    kept = rows_counted(MEASURES[code] for code in codes_of(kind))
    for code in codes_of(kind) if kept else ():
        of = MEASURES[code].of
        assert any(of == q or of.startswith(f"({q}) AND ") for q in kept), code
