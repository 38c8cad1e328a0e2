"""The one place the dashboard reads figures from: the live engine, the snapshots, the
DfE comparators and the suppression rules (opensend.measures.live, .comparators,
.suppression, built beside this package). Everything else here works on what these
return, so a change in those modules' shape is absorbed here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

from opensend.statutory.indicators import Period


def figures(
    *, local_authority_id: int, period: Period, breakdown: str | None = None,
    codes: Sequence[str] | None = None,
) -> list[Any]:
    from opensend.measures.live import live_figures

    return live_figures(
        local_authority_id=local_authority_id, period=period, breakdown=breakdown,
        codes=list(codes) if codes is not None else None,
    )


def cases(
    *, user: Any, local_authority_id: int, code: str, period: Period,
    breakdown: str | None, group: str | None, part: str, request: object,
) -> list[Any]:
    """The cases behind a number (engine's cases_behind: checks the user, audits the read)."""
    from opensend.measures.live import cases_behind

    return cases_behind(
        user=user, local_authority_id=local_authority_id, code=code, period=period,
        breakdown=breakdown, group=group, part=part, request=request,  # type: ignore[arg-type]
    )


def breakdowns() -> dict[str, str]:
    from opensend.measures.live import BREAKDOWNS

    return dict(BREAKDOWNS)


def query_url(base: str, **params: str) -> str:
    """`base` with the non-empty parameters as a query string."""
    kept = {key: value for key, value in params.items() if value}
    return f"{base}?{urlencode(kept)}" if kept else base
