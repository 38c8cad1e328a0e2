"""`manage.py demo_code EMAIL`: the current 6-digit security code of a demo staff user.

Demo authenticators have keys derived from the generation seed, so the code can be
computed here instead of on a phone. NONPROD only.
"""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from opensend.nonprod.generator.store import demo_users


class Command(BaseCommand):
    # Data commands: they do not need the URL and template checks to pass.
    requires_system_checks: list[str] = []
    help = "Print the current security code of a demo staff user (NONPROD only)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.NONPROD_ENABLED:
            raise CommandError("NONPROD_ENABLED is False: demo codes are not available here.")
        email = options["email"].strip().lower()
        device = TOTPDevice.objects.filter(
            user__in=demo_users(), user__email=email, confirmed=True
        ).first()
        if device is None:
            raise CommandError(f"No demo staff user with an authenticator has the email {email}.")
        code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
        self.stdout.write(f"{code:0{device.digits}d}")
