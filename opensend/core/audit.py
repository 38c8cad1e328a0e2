"""Write audit events. Services and selectors call these; views never write rows."""

from collections.abc import Iterable

from opensend.core.models import AuditAction, AuditEvent


def _path(request: object) -> str:
    return str(getattr(request, "path", ""))[:300]


def audit(
    *,
    actor: object,
    action: str,
    obj: object = None,
    child_id: int | None = None,
    why: str = "",
    detail: dict[str, object] | None = None,
    request: object = None,
) -> AuditEvent:
    actor_id = getattr(actor, "pk", None) if getattr(actor, "is_authenticated", False) else None
    return AuditEvent.objects.create(
        actor_id=actor_id,
        action=action,
        object_type=type(obj).__name__ if obj is not None else "",
        object_id=str(getattr(obj, "pk", "") or ""),
        child_id=child_id,
        why=why[:200],
        detail=detail or {},
        path=_path(request),
    )


def audit_list(
    *, actor: object, child_ids: Iterable[int], why: str, request: object = None
) -> None:
    """One row for a page listing several children: which children were shown."""
    ids = sorted(set(child_ids))
    if ids:
        audit(
            actor=actor, action=AuditAction.LIST, why=why, detail={"children": ids}, request=request
        )
