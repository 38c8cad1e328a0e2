"""The per-address rate limit counts atomically (issue 13, finding 7, follow-up).

Checking the count and then recording the hit were two statements: requests from one
address arriving together (every gunicorn worker and thread) could all pass the check
before any was counted. `address_take` checks and counts under one advisory lock.
Threads commit for real, each on its own database connection (transaction=True).
"""

import pytest
from django.test import RequestFactory

from opensend.core.models import RateLimitHit
from opensend.core.rate_limits import address_take
from tests.core.test_concurrency import race

LIMIT = 3


def _take(address: str) -> bool:
    request = RequestFactory().post("/", REMOTE_ADDR=address)
    return address_take(request, action="test", limit=LIMIT, window_seconds=3600)


@pytest.mark.django_db(transaction=True)
def test_simultaneous_requests_from_one_address_pass_only_up_to_the_limit():
    results = race(*[lambda: _take("198.51.100.7") for _ in range(8)])
    assert sorted(results, key=str) == [False] * 5 + [True] * LIMIT
    assert RateLimitHit.objects.filter(action="test").count() == LIMIT


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("taken_before", "address", "allowed"),
    [
        (0, "198.51.100.7", True),
        (LIMIT - 1, "198.51.100.7", True),
        (LIMIT, "198.51.100.7", False),
        (LIMIT, "203.0.113.9", True),  # another address has its own count
    ],
)
def test_an_address_is_limited_on_its_own_count(taken_before, address, allowed):
    for _ in range(taken_before):
        assert _take("198.51.100.7")
    assert _take(address) is allowed
