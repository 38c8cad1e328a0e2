"""Write audit events. Services and selectors call these; views never write rows.

The audit write never fails on what a visitor typed (finding 3 of issue 13): a refused
request must still leave its "denied" row, even when its address holds a NUL byte
(`/x/%00.pdf`), a broken surrogate or 10,000 characters. PostgreSQL refuses NUL in text
and in jsonb, and lone surrogates in UTF-8, so every text that came from the request is
stored escaped (the path percent-encoded again, as it was sent; NUL and surrogates in
other texts as visible `\\x00`/`\\ud800` escapes) and cut to its column's length.
"""

from collections.abc import Iterable
from urllib.parse import quote

from opensend.core.models import AuditAction, AuditEvent

PATH_LENGTH = AuditEvent._meta.get_field("path").max_length or 300
WHY_LENGTH = AuditEvent._meta.get_field("why").max_length or 200
DETAIL_TEXT_LENGTH = 500  # one value in `detail`: an id, a page name, a search
# What stays literal when the path is escaped again: RFC 3986 path characters.
_PATH_SAFE = "/:@!$&'()*+,;=-._~"


def storable_text(value: str, limit: int) -> str:
    """`value` as PostgreSQL will store it: NUL and lone surrogates written as escapes,
    cut to `limit` characters."""
    text = value.encode("utf-8", "backslashreplace").decode("utf-8")
    return text.replace("\x00", "\\x00")[:limit]


def storable_detail(value: object) -> object:
    """A JSON value for the jsonb `detail`, with every text (keys too) made storable."""
    if isinstance(value, str):
        return storable_text(value, DETAIL_TEXT_LENGTH)
    if isinstance(value, dict):
        return {storable_text(str(k), DETAIL_TEXT_LENGTH): storable_detail(v)
                for k, v in value.items()}  # fmt: skip
    if isinstance(value, list | tuple):
        return [storable_detail(item) for item in value]
    if value is None or isinstance(value, bool | int | float):
        return value
    return storable_text(str(value), DETAIL_TEXT_LENGTH)


def _path(request: object) -> str:
    """The address asked for, percent-encoded as sent (a NUL is stored as %00)."""
    path = str(getattr(request, "path", ""))
    escaped = quote(path.encode("utf-8", "surrogatepass"), safe=_PATH_SAFE)
    return escaped[:PATH_LENGTH]


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
        object_id=storable_text(str(getattr(obj, "pk", "") or ""), 40),
        child_id=child_id,
        why=storable_text(why, WHY_LENGTH),
        detail=storable_detail(detail or {}),
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
