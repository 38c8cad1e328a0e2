"""python manage.py load_demo_places: the invented demo area's towns and every NM
postcode with a centroid (opensend/nonprod/geography.py)."""

from typing import Any

from django.core.management.base import BaseCommand

from opensend.nonprod.geography import load_demo_postcodes, load_demo_towns


class Command(BaseCommand):
    help = "Load the demo area's towns and postcode centroids (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        towns = load_demo_towns()
        postcodes = load_demo_postcodes()
        self.stdout.write(f"{towns} towns and {postcodes} postcodes in the demo area.")
