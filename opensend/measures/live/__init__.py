"""Live measures: every indicator computed from the casework records of one area.

Public interface (docs/measures-live.md): ``live_figures``, ``Figure``, ``BREAKDOWNS``,
``cases_behind``, ``CaseBehind``, ``period_for_year``, ``year_to_date``,
``last_12_months``.
"""

from opensend.measures.live.drilldown import CaseBehind, DrillDownRefused, cases_behind
from opensend.measures.live.figures import (
    Figure,
    UnknownBreakdown,
    UnknownIndicator,
    live_figures,
    measure_rows,
)
from opensend.measures.live.people import BREAKDOWNS
from opensend.measures.live.periods import (
    last_12_months,
    month_ends,
    period_for_year,
    year_to_date,
)

__all__ = [
    "BREAKDOWNS",
    "CaseBehind",
    "DrillDownRefused",
    "Figure",
    "UnknownBreakdown",
    "UnknownIndicator",
    "cases_behind",
    "last_12_months",
    "live_figures",
    "measure_rows",
    "month_ends",
    "period_for_year",
    "year_to_date",
]
