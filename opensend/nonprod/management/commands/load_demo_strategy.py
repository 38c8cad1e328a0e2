"""python manage.py load_demo_strategy: the demo area's partnership plan and its written
statement of action (issue 12), dated around today (run after generate_area and
snapshot_indicators)."""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from opensend.nonprod.strategy_demo import demo_strategy_load
from opensend.nonprod.wsoa_demo import demo_wsoa_load


class Command(BaseCommand):
    help = "Replace the demo area's plans with fresh ones dated around today."

    def handle(self, *args: Any, **options: Any) -> None:
        strategy = demo_strategy_load(timezone.localdate())
        wsoa = demo_wsoa_load(strategy.local_authority, timezone.localdate())
        for plan in (strategy, wsoa):
            self.stdout.write(f"Demo plan loaded: {plan.title} ({plan.actions.count()} actions)")
