"""The indicators read API, /api/v1/ (docs/indicators-api.md): thin views over the selectors.

Published DfE figures are public open data; live figures only reach the area's own signed-in
SEN managers and analysts (opensend/measures/api/figures.py decides, per request).
"""

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_safe

from opensend.measures.api import presenters
from opensend.measures.api.figures import indicator_figure
from opensend.measures.api.params import BadRequest, area_param, period_param
from opensend.measures.comparators.selectors import UnknownArea
from opensend.statutory.indicators import INDICATORS

OPENAPI_FILE = Path(__file__).resolve().parent.parent / "openapi" / "indicators.yaml"
View = Callable[..., HttpResponse]


def error(status: int, message: str, **extra: str) -> JsonResponse:
    return JsonResponse({"status": status, "message": message, **extra}, status=status)


def api_endpoint(view: View) -> View:
    """GET/HEAD only; bad parameters as a JSON 400. Answers depend on who asks (live figures
    for permitted staff), so they vary on the session cookie and are never stored by shared
    caches. CORS is open without credentials: other sites can read the public figures, never
    a signed-in user's live ones."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            response = view(request, *args, **kwargs)
        except BadRequest as problem:
            response = error(400, problem.message, parameter=problem.parameter)
        response["Access-Control-Allow-Origin"] = "*"
        patch_vary_headers(response, ["Cookie"])
        patch_cache_control(response, private=True, max_age=0)
        return response

    return require_safe(wrapped)


@api_endpoint
def indicators(request: HttpRequest) -> HttpResponse:
    found = [
        presenters.indicator(
            ind, self_url=request.build_absolute_uri(reverse("api_v1:indicator", args=[code]))
        )
        for code, ind in INDICATORS.items()
    ]
    return JsonResponse({"count": len(found), "indicators": found})


@api_endpoint
def indicator(request: HttpRequest, code: str) -> HttpResponse:
    if code not in INDICATORS:
        return error(404, f"No indicator has the code {code!r}: see /api/v1/indicators/")
    area_code = area_param(request.GET)
    year = period_param(request.GET, timezone.localdate())
    try:
        found = indicator_figure(
            user=request.user, code=code, area_code=area_code, year=year, today=timezone.localdate()
        )
    except UnknownArea as problem:
        raise BadRequest("area", str(problem)) from problem
    return JsonResponse(presenters.figure(found, INDICATORS[code]))


@api_endpoint
def openapi(request: HttpRequest) -> HttpResponse:
    return HttpResponse(OPENAPI_FILE.read_bytes(), content_type="application/yaml; charset=utf-8")
