"""python manage.py load_demo_sen_reports: an SEN information report link for each of the
demo area's schools and colleges (run after generate_area). The addresses use the
reserved .example domain, so they never reach a real site."""

import datetime as dt
import hashlib
from typing import Any

from django.core.management.base import BaseCommand
from django.utils.text import slugify

from opensend.directory import models as m
from opensend.people.models import Organisation, OrganisationKind

FIRST_DAY = dt.date(2025, 9, 1)


def last_updated(name: str) -> dt.date:
    """A fixed date for each setting, between September 2025 and October 2026."""
    spread = int(hashlib.sha256(name.encode()).hexdigest(), 16) % 420
    return FIRST_DAY + dt.timedelta(days=spread)


class Command(BaseCommand):
    help = "Add an SEN information report link for each demo school and college."

    def handle(self, *args: Any, **options: Any) -> None:
        settings = Organisation.objects.filter(
            kind__in=[OrganisationKind.SCHOOL, OrganisationKind.COLLEGE]
        ).order_by("name")
        for setting in settings:
            m.SenInformationReport.objects.update_or_create(
                setting_name=setting.name,
                defaults={
                    "phase": setting.get_phase_display() if setting.phase else "",
                    "url": f"https://{slugify(setting.name)}.northmoor.example/sen-report",
                    "last_updated": last_updated(setting.name),
                },
            )
        self.stdout.write(f"{settings.count()} SEN information reports listed.")
