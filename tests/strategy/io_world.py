"""Strategy records for the route matrix and the IDOR test (branch i12-io): Northshire's
plan, and a pending import Sam (its SEN manager) started. Made on first use."""

import datetime as dt

from opensend.people.models import User
from opensend.strategy.models import BoardMeeting, PendingImport, Strategy


def northshire_strategy() -> Strategy:
    """The route matrix's plan (tests/strategy/plan_world.py)."""
    from tests.strategy.plan_world import matrix_plan

    return matrix_plan().strategy


def northshire_pending_import() -> PendingImport:
    pending, _ = PendingImport.objects.get_or_create(
        strategy=northshire_strategy(),
        uploaded_by=User.objects.get(email="sam.shah@northshire.example"),
        defaults={
            "file_name": "plan.xlsx",
            "tables": [{
                "number": 1, "name": "Action plan", "header": ["Priority", "Action"],
                "header_row": 1,
                "rows": [{"row": 2, "cells": ["Inclusion", "Audit schools"], "section": ""}],
            }],
            "table_number": 1,
            "mapping": {"priority": 0, "action": 1},
        },
    )  # fmt: skip
    return pending


def northshire_board_meeting() -> BoardMeeting:
    meeting, _ = BoardMeeting.objects.get_or_create(
        strategy=northshire_strategy(), held_on=dt.date(2026, 3, 27)
    )
    return meeting
