"""Named permissions, and the one view decorator that checks them.

Each app's `rules.py` names each of its permissions once (`casework.allocate_case`,
`measures.view_drilldown`...) with the predicate that decides it; views, presenters,
the navigation and the route matrix test all ask `has_perm(user, name)` (ADR 0016).
Which records a user sees is still decided by the selectors (opensend/people/rules.py);
an unrelated record is a 404, never a 403, so its existence is not revealed.

A predicate takes the user and, for an object-level permission, the object (a case...);
called without one it answers "may this user open such pages at all".
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ImproperlyConfigured
from django.http import Http404, HttpRequest, HttpResponse

from opensend.core.audit import audit
from opensend.core.models import AuditAction

View = Callable[..., HttpResponse]
Predicate = Callable[..., bool]

# Filled when each app's rules.py is imported (CoreConfig.ready autodiscovers them).
PERMISSIONS: dict[str, Predicate] = {}


def rule(name: str) -> Callable[[Predicate], Predicate]:
    """Register `predicate` as the single definition of the permission `name`."""

    def register(predicate: Predicate) -> Predicate:
        if name in PERMISSIONS and PERMISSIONS[name] is not predicate:
            raise ImproperlyConfigured(f"the permission {name} is defined twice")
        PERMISSIONS[name] = predicate
        return predicate

    return register


def has_perm(user: Any, name: str, obj: object = None) -> bool:
    """Whether `user` holds the permission `name` (on `obj`, when given)."""
    predicate = PERMISSIONS[name]  # an unknown name is a programming error: KeyError
    if not getattr(user, "is_authenticated", False):
        return False
    return predicate(user) if obj is None else predicate(user, obj)


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
    audit(
        actor=request.user,
        action=AuditAction.DENIED,
        why="page not open to this user",
        detail=detail,
        request=request,
    )
    return Http404()


def permission_required(name: str) -> Callable[[View], View]:
    """Signed in (staff with the second factor) and holding the permission `name`:
    otherwise to the sign-in page, or an audited 404 for a signed-in user without it."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not _signed_in(request):
                return redirect_to_login(request.get_full_path())
            if not has_perm(request.user, name):
                raise _refuse(request, view, kwargs)
            return view(request, *args, **kwargs)

        wrapped.permission = name  # type: ignore[attr-defined]
        return wrapped

    return decorator
