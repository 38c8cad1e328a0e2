"""The advice services on their own (issue 9, item 5): the pairing rule of Reg 6(1)
holds even for a form posted by hand, every write takes the case's lock, and files are
kept once for every adviser asked."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from opensend.casework.models import AdviceFile, AdviceRequest, CaseEvent, EventKind
from opensend.casework.services.advice import (
    AdviceError,
    Adviser,
    advice_chase,
    advice_receive,
    advice_requests_send,
    plan_advice_pull,
)
from opensend.casework.services.common import ConflictError
from opensend.core.models import Upload
from opensend.people.models import AdviceService
from tests import factories as f
from tests.factories import TODAY, WEEK


@pytest.fixture
def assessing(cara, tom):
    return f.case_assessing(child=tom, caseworker=cara, received_on=TODAY - 8 * WEEK)


def ask(case, actor, advisers, **extra):
    arguments = {"requested_on": TODAY, "message": "", "attachments": (), "today": TODAY,
                 "expected_version": case.version, **extra}
    return advice_requests_send(actor=actor, case=case, advisers=advisers, **arguments)


def test_a_school_is_never_asked_for_health_advice(cara, assessing, area):
    with pytest.raises(AdviceError, match="Hillside First School cannot give health advice"):
        ask(assessing, cara, [Adviser(AdviceService.HEALTH, area.hillside)])
    assert not AdviceRequest.objects.exists()


def test_nobody_to_ask_is_refused(cara, assessing):
    with pytest.raises(AdviceError, match="at least one adviser"):
        ask(assessing, cara, [])


def test_asking_from_a_stale_form_saves_nothing(cara, assessing, area):
    with pytest.raises(ConflictError):
        ask(assessing, cara, [Adviser(AdviceService.HEALTH, area.health)],
            expected_version=assessing.version - 1)
    assert not AdviceRequest.objects.exists()


def test_files_are_stored_once_for_every_adviser(cara, assessing, area):
    report = SimpleUploadedFile("report.pdf", b"%PDF-1.7\n%%EOF\n")
    asked = ask(assessing, cara, [Adviser(AdviceService.HEALTH, area.health),
                                  Adviser(AdviceService.PSYCHOLOGY, area.ep_service)],
                attachments=[report], message="Speech and language, please.")
    assert Upload.objects.count() == 1
    assert {(a.advice_request_id, a.direction) for a in AdviceFile.objects.all()} == {
        (asked[0].pk, "sent"), (asked[1].pk, "sent")}
    assert CaseEvent.objects.filter(case=assessing, kind=EventKind.ADVICE_REQUESTED).count() == 2


def test_receive_and_chase_take_the_case_lock(cara, assessing, area):
    [advice] = ask(assessing, cara, [Adviser(AdviceService.HEALTH, area.health)])
    stale = assessing.version - 1
    with pytest.raises(ConflictError):
        advice_chase(actor=cara, advice=advice, today=TODAY, expected_version=stale)
    with pytest.raises(ConflictError):
        advice_receive(actor=cara, advice=advice, received_on=TODAY, summary="x",
                       today=TODAY, expected_version=stale)
    advice.refresh_from_db()
    assert (advice.times_chased, advice.received_on) == (0, None)


def test_pulled_advice_goes_into_proposed_amendments_after_a_final_plan(cara, tom, area):
    case = f.case_with_final_plan(child=tom, caseworker=cara, named_setting=area.hillside,
                                  advice_from=[(AdviceService.HEALTH, area.health)])
    advice = case.advice_requests.get()
    issued = case.plan.versions.get(issued_on__isnull=False, kind="final")

    version = plan_advice_pull(actor=cara, advice=advice, section="K", today=TODAY,
                               expected_version=case.version)

    assert version.kind == "proposed_amendment" and version.issued_on is None
    assert version.sections["K"].endswith("Advice on needs and provision.")
    issued.refresh_from_db()
    assert "Advice on needs and provision." not in str(issued.sections.get("K", ""))
    with pytest.raises(AdviceError, match="written as text"):
        plan_advice_pull(actor=cara, advice=advice, section="F", today=TODAY,
                         expected_version=None)
