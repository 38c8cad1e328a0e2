"""View decorators: who may open a page at all. Which records they see is decided by
the selectors (opensend/people/rules.py); an unrelated record is a 404, never a 403,
so its existence is not revealed."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse

from opensend.core.audit import audit
from opensend.core.models import AuditAction
from opensend.people.models import UserKind

View = Callable[..., HttpResponse]


def _signed_in(request: HttpRequest) -> bool:
    user = request.user
    if not user.is_authenticated:
        return False
    # Staff must have passed the second factor (django-otp sets is_verified).
    return not user.is_staff_user or user.is_verified()


def _refuse(request: HttpRequest, view: View, kwargs: dict[str, Any]) -> Http404:
    """A signed-in user opened a page that is not for them: log it (security.md goal 9)."""
    detail: dict[str, object] = {"view": f"{view.__module__}.{view.__name__}"}
    detail.update({key: str(value) for key, value in kwargs.items()})
    audit(actor=request.user, action=AuditAction.DENIED, why="page not open to this user",
          detail=detail, request=request)
    return Http404()


def staff_required(*roles: str) -> Callable[[View], View]:
    """Signed-in staff with a second factor and one of `roles` (any role if none)."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not _signed_in(request):
                return redirect_to_login(request.get_full_path())
            user = request.user
            if not user.is_staff_user or (roles and not user.has_role(*roles)):
                raise _refuse(request, view, kwargs)
            return view(request, *args, **kwargs)

        wrapped.allowed_roles = roles  # type: ignore[attr-defined]
        return wrapped

    return decorator


def family_required(view: View) -> View:
    """A signed-in parent, carer or young person."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not _signed_in(request):
            return redirect_to_login(request.get_full_path())
        if request.user.kind not in (UserKind.PARENT, UserKind.YOUNG_PERSON):
            raise _refuse(request, view, kwargs)
        return view(request, *args, **kwargs)

    return wrapped
