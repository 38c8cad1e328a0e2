"""Live measures: each indicator is a definition with a formula over plain rows.

Pure Python, no Django. The Django side builds the rows in ``rows.py`` from the database
(cheaply: most fields are a stored date or a CaseStep's due/done) and calls
``INDICATORS[code].formula(rows, period)``. See docs/indicators.md.
"""

from opensend.statutory.indicators.definitions import (
    POLARITIES,
    UNITS,
    Indicator,
    IndicatorValue,
    Period,
    Polarity,
    Unit,
)
from opensend.statutory.indicators.registry import INDICATORS
from opensend.statutory.indicators.rows import (
    AdviceRow,
    BacklogRow,
    CaseRow,
    DisputeRow,
    MeasureRows,
    PlanRow,
    RequestRow,
    ReviewRow,
    TransferRow,
)

__all__ = [
    "INDICATORS",
    "POLARITIES",
    "UNITS",
    "AdviceRow",
    "BacklogRow",
    "CaseRow",
    "DisputeRow",
    "Indicator",
    "IndicatorValue",
    "MeasureRows",
    "Period",
    "PlanRow",
    "Polarity",
    "RequestRow",
    "ReviewRow",
    "TransferRow",
    "Unit",
]
