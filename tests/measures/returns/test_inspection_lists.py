"""Inspection List 1 (EHC plans) and List 2 (SEN support): columns, rows and files."""

import csv
import datetime as dt
import io

import pandas
import pytest
from openpyxl import load_workbook

from opensend.measures.returns.inspection.collect import list1_rows, list2_rows
from opensend.measures.returns.inspection.columns import COLUMNS, columns_for, table
from opensend.measures.returns.inspection.exports import area_children
from opensend.measures.returns.inspection.writers import csv_list_bytes, workbook_lists_bytes
from tests.measures.sen2_area import Sen2Area, build_area

pytestmark = pytest.mark.django_db

# The Annex A template's headings in its order (data-to-insight/annex-a-sen-validator-be,
# sen_validator/config.py), en dashes and all.
DASH = "\u2013"
LIST_1 = [
    "Unique ID", "UPN", "ULN", "Date of birth", "Gender", "Ethnicity",
    "Date initial EHC plan issued", "Date updated EHC plan issued",
    "Date EHC plan last reviewed", "SEN primary need",
    f"Main education establishment {DASH} URN", f"Main education establishment {DASH} phase",
    f"Subsidiary education establishment {DASH} phase (dual registration)",
    "Elective home education", "Suspensions", "Permanent exclusions", "Absence",
    "Pupil Premium", "Known to children's social care?", "Which children's social care team?",
    "Does the child or young person have a disability?",
]
PLAN_ONLY = {
    "Date initial EHC plan issued", "Date updated EHC plan issued",
    "Date EHC plan last reviewed", "Elective home education",
}
LIST_2 = [heading for heading in LIST_1 if heading not in PLAN_ONLY]


@pytest.fixture
def area(today: dt.date) -> Sen2Area:
    return build_area()


def test_the_template_headings_in_order_and_unheld_ones_say_why():
    assert [column.heading for column in columns_for(1)] == LIST_1
    assert [column.heading for column in columns_for(2)] == LIST_2
    unheld = {column.heading: column.unheld for column in COLUMNS if not column.held}
    assert set(unheld) == {
        "Suspensions", "Permanent exclusions", "Absence", "Pupil Premium",
        "Known to children's social care?", "Which children's social care team?",
        "Does the child or young person have a disability?",
    }
    assert all(reason.strip() for reason in unheld.values())
    with pytest.raises(ValueError):
        columns_for(3)


def test_list1_is_every_plan_in_place(area: Sen2Area, today: dt.date):
    rows = list1_rows(area_children(area.la), today)
    in_place = {area.on_time, area.excepted, area.late, area.college}
    assert {row.child_id for row in rows} == {case.child_id for case in in_place}
    on_time = next(row for row in rows if row.child_id == area.on_time.child_id)
    assert on_time.plan_first_issued == dt.date(2026, 7, 6)
    assert on_time.plan_last_updated == dt.date(2026, 7, 6)
    assert (on_time.primary_need, on_time.secondary_need) == ("ASD", "SLCN")
    assert (on_time.setting_urn, on_time.setting_type) == (area.school.urn, "Mainstream")
    assert on_time.setting_phase == "Primary school"
    assert on_time.elective_home_education == "No"
    assert on_time.gender in {"Male", "Female", "Not known"}
    college = next(row for row in rows if row.child_id == area.college.child_id)
    assert college.setting_ukprn and college.setting_type == "Post-16"


def test_list2_is_known_needs_on_roll_without_a_plan(area: Sen2Area, today: dt.date):
    rows = list2_rows(area_children(area.la), today)
    # The refused request's child is on roll with a recorded need; the child awaiting a
    # decision is on no roll; the others have plans (or a ceased plan and no enrolment).
    assert [row.child_id for row in rows] == [area.refused.child_id]
    assert rows[0].primary_need == "MLD"
    assert rows[0].setting_name == area.school.name


def test_list2_drops_a_child_once_their_plan_is_in_place(area: Sen2Area, today: dt.date):
    before = list2_rows(area_children(area.la), dt.date(2026, 7, 5))
    assert area.on_time.child_id in {row.child_id for row in before}
    after = list2_rows(area_children(area.la), dt.date(2026, 7, 6))
    assert area.on_time.child_id not in {row.child_id for row in after}


def _lists(area: Sen2Area, today: dt.date) -> dict[int, list]:
    children = area_children(area.la)
    return {1: list1_rows(children, today), 2: list2_rows(children, today)}


def test_the_workbook_has_the_templates_sheets_and_real_dates(area: Sen2Area, today: dt.date):
    lists = _lists(area, today)
    book = load_workbook(io.BytesIO(workbook_lists_bytes(lists, today)))
    assert book.sheetnames == ["List_1", "List_2", "Notes"]
    sheet = book["List_1"]
    headings, cells = table(lists[1], 1)
    assert [cell.value for cell in sheet[1]] == headings == LIST_1
    assert sheet[1][0].font.bold and sheet.freeze_panes == "A2"
    assert sheet.max_row == len(lists[1]) + 1
    born = headings.index("Date of birth") + 1
    value = sheet.cell(row=2, column=born).value
    assert isinstance(value, dt.datetime) and value.date() == cells[0][born - 1]
    assert sheet.cell(row=2, column=born).number_format == "DD/MM/YYYY"
    absence = headings.index("Absence") + 1
    assert sheet.cell(row=2, column=absence).value is None
    ehe = headings.index("Elective home education") + 1
    assert {sheet.cell(row=r, column=ehe).value for r in range(2, sheet.max_row + 1)} <= {
        "Yes", "No",
    }
    notes = [row[0].value for row in book["Notes"].iter_rows(min_row=2)]
    assert "List_1: Absence" in notes and "List_2: Pupil Premium" in notes


def test_pandas_reads_the_workbook_as_the_validator_does(area: Sen2Area, today: dt.date):
    """The Annex A validator reads one workbook with pandas.read_excel and looks columns
    up by the template's headings."""
    lists = _lists(area, today)
    frames = pandas.read_excel(
        io.BytesIO(workbook_lists_bytes(lists, today)), sheet_name=["List_1", "List_2"]
    )
    assert list(frames["List_1"].columns) == LIST_1
    assert list(frames["List_2"].columns) == LIST_2
    assert len(frames["List_1"]) == len(lists[1]) and len(frames["List_2"]) == len(lists[2])
    assert str(frames["List_1"]["Date of birth"].dtype).startswith("datetime64")


def test_csv_file_has_a_bom_the_same_headings_and_iso_dates(area: Sen2Area, today: dt.date):
    rows = list2_rows(area_children(area.la), today)
    content = csv_list_bytes(rows, 2)
    assert content.startswith(b"\xef\xbb\xbf")
    read = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert read[0] == LIST_2
    assert len(read) == 2
    assert read[1][read[0].index("Date of birth")] == rows[0].date_of_birth.isoformat()
    assert read[1][read[0].index("Pupil Premium")] == ""
    assert b"\r\n" in content
