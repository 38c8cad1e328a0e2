"""python manage.py load_demo_strategy: the demo area's partnership plan (issue 12), dated
around today (run after generate_area and snapshot_indicators)."""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from opensend.nonprod.strategy_demo import demo_strategy_load


class Command(BaseCommand):
    help = "Replace the demo area's partnership plan with a fresh one dated around today."

    def handle(self, *args: Any, **options: Any) -> None:
        strategy = demo_strategy_load(timezone.localdate())
        self.stdout.write(
            f"Demo plan loaded: {strategy.title} ({strategy.actions.count()} actions)"
        )
