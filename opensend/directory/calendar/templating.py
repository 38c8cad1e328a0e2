"""What the service page's "Upcoming sessions" partial needs, as one template global."""

from dataclasses import dataclass
from types import ModuleType

from opensend.core.today import today
from opensend.directory import models as m
from opensend.directory.calendar import presenters, selectors

WEEKS_AHEAD = 4


@dataclass(frozen=True)
class UpcomingSessions:
    occurrences: list[selectors.Occurrence]
    days: int
    presenters: ModuleType


def upcoming_sessions(service: m.Service) -> UpcomingSessions:
    days = WEEKS_AHEAD * 7
    found = selectors.upcoming_occurrences(service, today(), days)
    return UpcomingSessions(found, days, presenters)
