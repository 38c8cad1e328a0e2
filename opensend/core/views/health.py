"""/healthz and /readyz for a load balancer or orchestrator (docs/deploy.md).

JSON, no session, no personal data. /healthz: the process answers (it touches nothing,
so a database outage does not get healthy web processes restarted). /readyz: the
database answers, migrations are applied and a worker's heartbeat is recent; 503 and
the failing checks otherwise.
"""

from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from opensend.core.readiness import OK, readiness


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "alive"})


@never_cache
@require_safe
def readyz(request: HttpRequest) -> JsonResponse:
    checks = readiness()
    ready = all(answer == OK for answer in checks.values())
    return JsonResponse(
        {"status": "ready" if ready else "not ready", "checks": checks},
        status=200 if ready else 503,
    )
