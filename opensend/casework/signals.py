"""Signals the casework sends, so that read models kept elsewhere (the measures'
projection) stay current without casework importing them.

``case_changed`` is sent with ``case_id`` inside the transaction of every casework write,
after the case's events are appended and its clock's steps stored (``case_steps_refresh``,
which every service and the nightly clock refresh call). A receiver that raises rolls the
write back: it must only write derived data.
"""

from django.dispatch import Signal

__all__ = ["case_changed"]

case_changed = Signal()
