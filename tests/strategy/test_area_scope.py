"""Another area's staff, even its SEN manager, get 404 on every import, export and board
route of Northshire's plan, and the refusal writes nothing; a pending import is only its
uploader's (the IDOR test leaves these routes to this file: tests/core/test_idor.py)."""

from django.urls import reverse

from opensend.people.models import Role
from opensend.strategy.models import Action, BoardDecision, BoardMeeting, PendingImport
from tests import factories as f
from tests.core.test_routes import ROUTED
from tests.strategy.io_world import northshire_board_meeting, northshire_pending_import

PREFIXES = ("strategy_import:", "strategy_export:", "strategy_board:")


def _urls():
    meeting, pending = northshire_board_meeting(), northshire_pending_import()
    ids = {"strategy_id": meeting.strategy_id, "meeting_id": meeting.pk, "pending_id": pending.pk}
    return [
        reverse(name, kwargs={arg: ids[arg] for arg in found.kwargs})
        for name, found in sorted(ROUTED.items())
        if name.startswith(PREFIXES)
    ]


def _state():
    return (Action.objects.count(), BoardMeeting.objects.count(), BoardDecision.objects.count(),
            PendingImport.objects.count())  # fmt: skip


def test_another_areas_sen_manager_gets_404_everywhere(area, sam, nadia, staff_client):
    urls = _urls()
    assert len(urls) == 14
    client, before = staff_client(nadia), _state()
    wrong = [
        f"{method} {url}: {status}"
        for url in urls
        for method, status in (("GET", client.get(url).status_code),
                               ("POST", client.post(url, {}).status_code))
        if status not in (404, 405)
    ]  # fmt: skip
    assert not wrong, "\n".join(wrong)
    assert _state() == before


def test_a_pending_import_is_only_its_uploaders(area, sam, staff_client):
    other_manager = f.staff_user(Role.SEN_MANAGER, area.northshire, full_name="Omar Obi")
    pending = northshire_pending_import()
    url = reverse("strategy_import:preview", args=[pending.strategy_id, pending.pk])
    assert staff_client(sam).get(url).status_code == 200
    assert staff_client(other_manager).get(url).status_code == 404
    assert PendingImport.objects.filter(pk=pending.pk).exists()
