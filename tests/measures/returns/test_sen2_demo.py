"""The commands on a generated demo area: the SEN2 XML and the inspection lists are
produced, parse, and every export writes an audit row."""

import datetime as dt
from pathlib import Path

import pytest
from django.core.management import call_command
from lxml import etree
from openpyxl import load_workbook

from opensend.core.models import AuditAction, AuditEvent
from opensend.measures.returns.sen2.exports import area_cases, sen2_build
from opensend.nonprod.generator import generate_area
from opensend.nonprod.generator.store import demo_la

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(today: dt.date):
    generate_area(seed=2026, children=60, today=today, progress=False)
    la = demo_la()
    assert la is not None
    return la


def test_sen2_export_command_writes_the_return(demo, tmp_path: Path, capsys):
    output = tmp_path / "sen2.xml"
    call_command("sen2_export", "--census-date", "2027-01-21", "--output", str(output))
    root = etree.parse(str(output)).getroot()
    persons = root.findall("Persons/Person")
    assert persons, "the demo area has people in the return"
    assert root.findtext("Header/Source/LEA") == demo.la_code
    assert root.findall(".//Assessment/NamedPlan"), "plans issued in 2026"
    assert root.findall("Persons/Person/ActivePlans/SENneed")
    err = capsys.readouterr().err
    assert f"{len(persons)} people in the SEN2 return" in err
    row = AuditEvent.objects.get(action=AuditAction.EXPORT)
    assert row.actor_id is None and row.detail["export"] == "SEN2"
    assert len(row.detail["children"]) == len(persons)


def test_the_demo_area_passes_the_placement_and_need_rules(demo, today: dt.date):
    """The generator records a setting code for every plan naming no setting, and needs
    for every child, so those rules find nothing to fix in the demo."""
    export = sen2_build(
        cases=area_cases(demo),
        local_authority=demo,
        census_date=dt.date(2027, 1, 21),
        today=today,
    )
    assert not [f for f in export.failures if f.rule in {"A01", "A03", "A04"}]


def test_inspection_lists_command(demo, tmp_path: Path):
    call_command("inspection_lists", "--output-dir", str(tmp_path))
    names = sorted(path.name for path in tmp_path.iterdir())
    code = demo.la_code
    assert names == [
        f"inspection_list1_{code}_20261122.csv",
        f"inspection_list1_{code}_20261122.xlsx",
        f"inspection_list2_{code}_20261122.csv",
        f"inspection_list2_{code}_20261122.xlsx",
    ]
    sheet = load_workbook(tmp_path / names[1]).active
    assert sheet.max_row > 1
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT).count() == 4
