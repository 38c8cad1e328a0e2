"""The returns pages: SEN managers only, GOV.UK pages, validation report with links to
the cases, downloads of person-level data each writing an audit row."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from lxml import etree
from openpyxl import load_workbook
from procrastinate import testing
from procrastinate.contrib.django import app

from opensend.core.models import AuditAction, AuditEvent
from opensend.measures import tasks
from opensend.measures.returns.sen2 import jobs
from opensend.measures.returns.sen2.models import Sen2Run
from opensend.people.models import Role
from tests.factories import LocalAuthorityFactory, staff_user
from tests.measures.sen2_area import Sen2Area, build_area
from tests.pages import check_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def area(today: dt.date) -> Sen2Area:
    return build_area()


@pytest.fixture
def manager(area: Sen2Area, staff_client):
    return staff_client(staff_user(Role.SEN_MANAGER, area.la))


def test_returns_start_page_and_navigation(manager):
    response = manager.get(reverse("returns:index"))
    assert response.status_code == 200
    check_page(response)
    content = response.content.decode()
    assert reverse("returns:sen2") in content and reverse("returns:inspection") in content
    assert ">Returns<" in content  # the service navigation link


def _prepare(client, census: str = "2027-01-21"):
    response = client.post(reverse("returns:sen2"), {"census": census})
    assert response.status_code == 302
    return client.get(response["Location"])


def test_sen2_report_lists_failures_with_links_to_the_cases(area: Sen2Area, manager):
    child = area.late.child
    child.upn, child.upn_unknown_reason = "", ""
    child.save()
    before = manager.get(reverse("returns:sen2"), {"census": "2027-01-21"})
    check_page(before)
    assert "has not been prepared yet" in before.content.decode()
    response = _prepare(manager)
    assert response.status_code == 200
    check_page(response)
    content = response.content.decode()
    assert "P01" in content and "A03" in content
    assert reverse("casework:case", kwargs={"case_id": area.late.pk}) in content
    assert "21 January 2027" in content
    shown = AuditEvent.objects.get(action=AuditAction.LIST, why="SEN2 return: validation report")
    # The two late plans name no setting (A03), so they are listed too.
    assert shown.detail["children"] == sorted([area.excepted.child_id, child.pk])


def test_sen2_download_is_the_prepared_xml_and_is_audited(area: Sen2Area, manager):
    url = reverse("returns:sen2_download")
    assert manager.get(url, {"census": "2027-01-21"}).status_code == 302  # none prepared
    _prepare(manager)
    response = manager.get(url, {"census": "2027-01-21"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    assert "attachment" in response["Content-Disposition"]
    assert "SEN2_929_20270121.xml" in response["Content-Disposition"]
    root = etree.fromstring(response.content)
    assert root.findtext("Header/CollectionDetails/ReferenceDate") == "2027-01-21"
    row = AuditEvent.objects.get(action=AuditAction.EXPORT)
    assert row.detail["export"] == "SEN2"
    assert len(row.detail["children"]) == len(root.findall("Persons/Person")) == 7


def test_a_large_area_is_prepared_by_the_background_job(
    area: Sen2Area, manager, monkeypatch, today: dt.date
):
    monkeypatch.setattr(jobs, "SYNC_LIMIT", 3)
    connector = testing.InMemoryConnector()
    with app.replace_connector(connector):
        page = _prepare(manager)
        job = next(iter(connector.jobs.values()))
    check_page(page)
    assert "Waiting to start" in page.content.decode()
    assert job["task_name"] == "opensend.measures.tasks.sen2_prepare"
    result = tasks.sen2_prepare(**job["args"])  # what the worker does
    assert (result["status"], result["people"]) == ("done", 7)
    ready = manager.get(reverse("returns:sen2"), {"census": "2027-01-21"})
    assert "Download the SEN2 XML" in ready.content.decode()
    # A second run replaces the first once it is ready.
    _prepare(manager)
    assert Sen2Run.objects.count() == 2
    tasks.sen2_prepare(run_id=Sen2Run.objects.latest("pk").pk)
    assert Sen2Run.objects.count() == 1


def test_inspection_page_and_downloads(area: Sen2Area, manager):
    response = manager.get(reverse("returns:inspection"))
    assert response.status_code == 200
    check_page(response)
    assert "Pupil premium" in response.content.decode()  # listed as left blank
    url = reverse("returns:inspection_download")
    excel = manager.get(url, {"list": "1", "format": "xlsx"})
    assert excel.status_code == 200 and "attachment" in excel["Content-Disposition"]
    assert load_workbook(io.BytesIO(excel.content)).active.max_row == 5  # header + 4 plans
    text = manager.get(url, {"list": "2", "format": "csv"})
    assert text.content.startswith(b"\xef\xbb\xbf")
    assert manager.get(url, {"list": "1", "format": "pdf"}).status_code == 404
    rows = AuditEvent.objects.filter(action=AuditAction.EXPORT).order_by("pk")
    assert [row.detail["export"] for row in rows] == ["inspection list 1", "inspection list 2"]
    assert rows[1].detail["children"] == [area.refused.child_id]


@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.ANALYST, Role.PANEL_MEMBER])
def test_other_staff_get_404(area: Sen2Area, staff_client, role: str):
    client = staff_client(staff_user(role, area.la))
    for name in (
        "returns:index",
        "returns:sen2",
        "returns:sen2_download",
        "returns:inspection_download",
    ):
        assert client.get(reverse(name)).status_code == 404


def test_a_manager_of_another_area_sees_none_of_these_children(area: Sen2Area, staff_client):
    other = staff_client(staff_user(Role.SEN_MANAGER, LocalAuthorityFactory(la_code="930")))
    response = _prepare(other)
    assert "Children and young people in the return" in response.content.decode()
    download = other.get(reverse("returns:sen2_download"), {"census": "2027-01-21"})
    assert etree.fromstring(download.content).findall("Persons/Person") == []
    excel = other.get(reverse("returns:inspection_download"))
    assert load_workbook(io.BytesIO(excel.content)).active.max_row == 1
