"""The order of statutory steps: which events may follow which, with their legal sources.

Pure Python, no Django. Services call ``check_next`` before recording an event, pages
offer ``allowed_next``, the clock CLI refuses a history ``validate_history`` finds fault
with, and the indicators count only ``lawful_history``. See docs/statutory-clock.md
("The order of steps").
"""

from opensend.statutory.clock.corrections import effective_history
from opensend.statutory.order.check import (
    CORRECTION_RULE,
    Refusal,
    allowed_next,
    check_next,
    lawful_history,
    validate_history,
)
from opensend.statutory.order.rules import ORDER_RULES, UNORDERED_KINDS, OrderRule

__all__ = [
    "CORRECTION_RULE",
    "ORDER_RULES",
    "UNORDERED_KINDS",
    "OrderRule",
    "Refusal",
    "allowed_next",
    "check_next",
    "effective_history",
    "lawful_history",
    "validate_history",
]
