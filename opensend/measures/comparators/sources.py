"""Where the DfE publishes each indicator: the EES table, column, filters and time period.

Pure data (no Django). One entry per indicator code that the DfE's "Education, health and
care plans" release has an equivalent for; codes with no entry (advice within 6 weeks, phase
transfers, average weeks, caseload per coordinator, ...) have no published comparator.
Columns were read from the 2025 zip and its data-guidance.txt; `same_definition` is False
where the DfE counts a slightly different thing, and `note` says how.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Final, Literal

__all__ = ["COMPARATOR_SOURCES", "ComparatorSource", "PeriodKind"]

PeriodKind = Literal["calendar_year", "january_census"]


@dataclass(frozen=True)
class ComparatorSource:
    """One published figure: ``table``/``indicator`` (the EES column) under ``filters``."""

    table: str
    indicator: str
    filters: Mapping[str, str]
    period: PeriodKind
    numerator: str | None = None  # the published count behind a percentage, if any
    denominator: str | None = None
    same_definition: bool = True
    note: str = ""
    # Columns whose name carries the year (annual_reviews: review_meeting_24 in 2024).
    year_in_column: bool = field(default=False)

    def time_period(self, year: int) -> str:
        """EES time_period for a calendar year of live figures.

        Flows (requests, plans issued, ceased) are published by calendar year: 2024 -> "2024".
        Stocks (plans in place, primary need) are the January census after the year ends,
        which the same release publishes: 2024 -> "202425" (January 2025), the nearest
        published date to a snapshot taken on 31 December 2024.
        """
        if self.period == "calendar_year":
            return str(year)
        return f"{year}{(year + 1) % 100:02d}"

    def column(self, name: str, year: int) -> str:
        return name.format(yy=f"{year % 100:02d}") if self.year_in_column else name


def _all(topic: str) -> dict[str, str]:
    return {"breakdown_topic": topic, "breakdown": topic}


REQUESTS: Final = _all("All requests for EHC needs assessments")
TIMELINESS: Final = _all("All EHC plans issued")
CEASED: Final = _all("All ceased EHC plans")
REVIEWS: Final = _all("All annual reviews")
ALL_PLANS: Final = _all("All EHC plans")

CEASE_COLUMNS: Final = {
    "maximum_age": "max_age",
    "needs_met": "needs_met",
    "higher_education": "he",
    "paid_employment": "employ",
    "moved_la_england": "transfer",
    "no_longer_engaging": "no_engage",
    "moved_outside_england": "moved_outside_eng",
    "deceased": "deceased",
    "other": "other",
}
NEED_COLUMNS: Final = (
    "spld", "mld", "sld", "pmld", "semh", "slcn", "hi", "vi", "msi", "pd", "asd",
)  # fmt: skip
NEED_NOTE: Final = (
    "The DfE divides by every plan in place, including those with no primary need recorded "
    "(0.8% in England, January 2025); ours leaves those out."
)


def _sources() -> Iterator[tuple[str, ComparatorSource]]:
    yield (
        "ehc_requests_received",
        ComparatorSource("requests", "requests_received_in_year", REQUESTS, "calendar_year"),
    )
    yield (
        "requests_decided_within_6_weeks",
        ComparatorSource(
            "requests",
            "request_outcome_six_weeks_pc",
            REQUESTS,
            "calendar_year",
            numerator="request_outcome_six_weeks",
            same_definition=False,
            note="The DfE counts requests received in the year that had a decision; ours "
            "counts decisions notified in the year.",
        ),
    )
    yield (
        "requests_refused",
        ComparatorSource(
            "requests",
            "request_not_assess_pc",
            REQUESTS,
            "calendar_year",
            numerator="requests_decided_not_to_assess",
            denominator="requests_received_in_year",
            same_definition=False,
            note="The DfE divides by every request received, including those withdrawn or "
            "still undecided; ours divides by requests with a decision.",
        ),
    )
    yield (
        "new_plans",
        ComparatorSource(
            "timeliness_20_week",
            "plans_issued_den",
            TIMELINESS,
            "calendar_year",
            note="Plans issued after a request in the year (the 20-week denominator). The "
            "newplans table's new_ehc_plans also counts plans that started without a request "
            "to this authority.",
        ),
    )
    yield (
        "plans_issued_within_20_weeks_excl_exceptions",
        ComparatorSource(
            "timeliness_20_week",
            "PC_plans_issued_20_weeks_ex",
            TIMELINESS,
            "calendar_year",
            numerator="plans_issued_20_weeks_ex",
            denominator="plans_issued_den_ex",
        ),
    )
    yield (
        "plans_issued_within_20_weeks_incl_exceptions",
        ComparatorSource(
            "timeliness_20_week",
            "pc_plans_issued_within_20_weeks",
            TIMELINESS,
            "calendar_year",
            numerator="plans_issued_within_20_weeks",
            denominator="plans_issued_den",
        ),
    )
    yield (
        "plans_issued_over_52_weeks",
        ComparatorSource(
            "timeliness_20_week",
            "pc_plans_issued_gt_1_year",
            TIMELINESS,
            "calendar_year",
            numerator="plans_issued_gt_1_year",
            denominator="plans_issued_den",
        ),
    )
    yield (
        "plans_in_place",
        ComparatorSource(
            "caseload",
            "ehcplans",
            ALL_PLANS,
            "january_census",
            same_definition=False,
            note="The DfE counts plans in place on the January census day after the year; "
            "ours counts them on 31 December.",
        ),
    )
    yield (
        "annual_reviews_due",
        ComparatorSource(
            "annual_reviews",
            "review_expected",
            REVIEWS,
            "calendar_year",
            same_definition=False,
            note="The DfE counts plans in place in January whose annual review was expected; "
            "ours counts reviews falling due in the year.",
        ),
    )
    yield (
        "annual_reviews_held",
        ComparatorSource(
            "annual_reviews",
            "review_meeting_{yy}",
            REVIEWS,
            "calendar_year",
            year_in_column=True,
            same_definition=False,
            note="The DfE counts plans in place in January with a review meeting recorded in "
            "the year; ours counts every meeting held in the year.",
        ),
    )
    yield (
        "review_decisions_within_4_weeks",
        ComparatorSource(
            "annual_reviews",
            "pc_decsion_4weeks",
            REVIEWS,
            "calendar_year",
            numerator="number_decsion_4weeks",
            same_definition=False,
            note="The DfE divides by reviews with a decision recorded; ours by meetings held.",
        ),
    )
    yield (
        "plans_ceased",
        ComparatorSource("ceased_plans", "total_ceased", CEASED, "calendar_year"),
    )
    for reason, column in CEASE_COLUMNS.items():
        note = ""
        if reason == "other":
            note = (
                "Column 'other'. The data guidance describes 'other' as 'reason is not "
                "recorded' and 'not_rec' as 'other reasons'; the figures (not_rec is 0 almost "
                "everywhere) follow the column names, so 'other' is used."
            )
        yield (
            f"plans_ceased_{reason}",
            ComparatorSource("ceased_plans", column, CEASED, "calendar_year", note=note),
        )
    for need in NEED_COLUMNS:
        yield (
            f"primary_need_{need}",
            ComparatorSource(
                "sen_needs_all_plans",
                f"{need}_pc",
                ALL_PLANS,
                "january_census",
                numerator=f"number_{need}",
                denominator="ehc_plans",
                same_definition=False,
                note=NEED_NOTE,
            ),
        )
    yield (
        "primary_need_oth",
        ComparatorSource(
            "sen_needs_all_plans",
            "oth_pc",
            ALL_PLANS,
            "january_census",
            numerator="number_oth",
            denominator="ehc_plans",
            same_definition=False,
            note=NEED_NOTE + " The DfE also counts Down syndrome (DS) as other.",
        ),
    )


PLACEMENT_COLUMNS: Final = {
    "mainstream": (
        "mainstream_total",
        "The DfE's mainstream total includes mainstream independent schools; ours counts "
        "them as independent.",
    ),
    "special": (
        "special_total",
        "The DfE's special total includes independent and non-maintained special schools; "
        "ours counts them as independent.",
    ),
    "post16": (
        "fe_total",
        "The DfE's further education total includes specialist post-16 institutions; ours "
        "counts independent specialist providers as independent.",
    ),
    "elsewhere": (
        "ed_elsewhere",
        "The DfE counts alternative provision and placements not recorded separately; ours "
        "counts every setting that is not a school, college or early years setting here.",
    ),
}


def _placements() -> Iterator[tuple[str, ComparatorSource]]:
    for key, (column, note) in PLACEMENT_COLUMNS.items():
        yield (
            f"placements_{key}",
            ComparatorSource(
                "caseload",
                f"{column}_pc",
                ALL_PLANS,
                "january_census",
                numerator=column,
                denominator="ehcplans",
                same_definition=False,
                note=note,
            ),
        )


COMPARATOR_SOURCES: Final[dict[str, ComparatorSource]] = dict([*_sources(), *_placements()])
