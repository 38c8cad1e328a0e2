"""The audit write never fails on what a visitor sent (issue 13, finding 3): NUL bytes,
lone surrogates and over-long values are stored escaped and cut, so the row is written
and the request gets its real answer, not a server error."""

from types import SimpleNamespace

from opensend.core.audit import DETAIL_TEXT_LENGTH, PATH_LENGTH, WHY_LENGTH, audit
from opensend.core.models import AuditAction, AuditEvent
from opensend.people.models import User


def test_nul_surrogates_and_long_values_are_stored_escaped(cara: User):
    request = SimpleNamespace(path="/cases/\x00/\ud800/" + "é" * 400)
    audit(
        actor=cara,
        action=AuditAction.DENIED,
        why="search \x00" + "w" * 500,
        detail={"q\x00": ["a\x00b", {"deep": "\udfff"}, 3, None, True], "long": "x" * 9000},
        request=request,
    )
    row = AuditEvent.objects.get(actor=cara)
    assert row.path.startswith("/cases/%00/%ED%A0%80/%C3%A9")
    assert len(row.path) <= PATH_LENGTH
    assert row.why.startswith("search \\x00w") and len(row.why) == WHY_LENGTH
    assert row.detail["q\\x00"] == ["a\\x00b", {"deep": "\\udfff"}, 3, None, True]
    assert row.detail["long"] == "x" * DETAIL_TEXT_LENGTH


def test_ordinary_values_are_stored_as_they_are(cara: User):
    audit(actor=cara, action=AuditAction.READ, why="case page",
          detail={"case": 12, "children": [1, 2]}, request=SimpleNamespace(path="/cases/12/"))
    row = AuditEvent.objects.get(actor=cara)
    assert (row.path, row.why, row.detail) == (
        "/cases/12/", "case page", {"case": 12, "children": [1, 2]})
