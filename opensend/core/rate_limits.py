"""Rate limits per client address, shared by every worker (issue 13, finding 7).

A limit kept in the session alone is lifted by dropping the cookie; so each limited
action is also counted per client address, in PostgreSQL (the cache is per process).
The address itself is not stored: only a keyed hash of it (HMAC with SECRET_KEY), and
only for the limit's window (older rows of the same limit are deleted on each hit).
Behind a proxy set CLIENT_ADDRESS_HEADER (e.g. HTTP_X_FORWARDED_FOR): the LAST address
in it is the one our own proxy saw, the only one a client cannot forge.
"""

import datetime as dt
import hashlib
import hmac

from django.conf import settings
from django.db import connection, transaction
from django.http import HttpRequest
from django.utils import timezone

from opensend.core.models import RateLimitHit

__all__ = ["address_take", "client_address"]


def client_address(request: HttpRequest) -> str:
    header = getattr(settings, "CLIENT_ADDRESS_HEADER", "")
    forwarded = request.META.get(header, "") if header else ""
    if forwarded:
        return forwarded.split(",")[-1].strip()
    return str(request.META.get("REMOTE_ADDR", ""))


def _address_key(request: HttpRequest) -> str:
    secret = settings.SECRET_KEY.encode()
    return hmac.new(secret, client_address(request).encode(), hashlib.sha256).hexdigest()


def _since(window_seconds: int) -> dt.datetime:
    return timezone.now() - dt.timedelta(seconds=window_seconds)


def address_take(request: HttpRequest, *, action: str, limit: int, window_seconds: int) -> bool:
    """Count one `action` for this address if it is under `limit` in the window, and say
    whether it was. Atomic: the check and the count happen under a transaction-scoped
    advisory lock on (action, address), so simultaneous requests from one address (every
    gunicorn worker and thread) cannot all pass a check made before any of them counted."""
    key = _address_key(request)
    with transaction.atomic():
        with connection.cursor() as cursor:
            lock = "SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))"
            cursor.execute(lock, [f"{action}:{key}"])
        recent = RateLimitHit.objects.filter(
            action=action, address_key=key, at__gte=_since(window_seconds)
        )
        if recent.count() >= limit:
            return False
        RateLimitHit.objects.filter(action=action, at__lt=_since(window_seconds)).delete()
        RateLimitHit.objects.create(action=action, address_key=key)
        return True
