"""Inspection List 1 (EHC plans) and List 2 (SEN support): columns, rows and files."""

import csv
import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from opensend.measures.returns.inspection.collect import list1_rows, list2_rows
from opensend.measures.returns.inspection.columns import COLUMNS, columns_for, table
from opensend.measures.returns.inspection.exports import area_children
from opensend.measures.returns.inspection.writers import csv_bytes, xlsx_bytes
from tests.measures.sen2_area import Sen2Area, build_area

pytestmark = pytest.mark.django_db

STANDARD = {
    "UPN",
    "ULN",
    "Date of birth",
    "Sex",
    "Ethnicity",
    "EHC plan first issued",
    "EHC plan last updated",
    "Last annual review",
    "Primary need",
    "Main setting URN",
    "Main setting phase",
    "Elective home education",
    "Suspensions",
    "Permanent exclusions",
    "Overall absence (%)",
    "Pupil premium",
    "Social care involvement (CIN, CP, CLA)",
    "Disability",
}


@pytest.fixture
def area(today: dt.date) -> Sen2Area:
    return build_area()


def test_the_standard_columns_are_there_and_unheld_ones_are_marked():
    headings = {column.heading for column in columns_for(1)}
    assert headings >= STANDARD
    plan_only = {"EHC plan first issued", "EHC plan last updated", "Last annual review"}
    assert not plan_only & {column.heading for column in columns_for(2)}
    unheld = {column.heading for column in COLUMNS if not column.held}
    assert unheld == {
        "Suspensions",
        "Permanent exclusions",
        "Overall absence (%)",
        "Persistent absence",
        "Pupil premium",
        "Social care involvement (CIN, CP, CLA)",
        "Disability",
    }
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
    assert on_time.elective_home_education == "N"
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


def test_excel_file(area: Sen2Area, today: dt.date):
    rows = list1_rows(area_children(area.la), today)
    sheet = load_workbook(io.BytesIO(xlsx_bytes(rows, 1))).active
    headings, cells = table(rows, 1)
    assert [cell.value for cell in sheet[1]] == headings
    assert sheet[1][0].font.bold
    assert sheet.freeze_panes == "A2"
    assert sheet.max_row == len(rows) + 1
    born = headings.index("Date of birth") + 1
    value = sheet.cell(row=2, column=born).value
    assert isinstance(value, dt.datetime) and value.date() == cells[0][born - 1]
    assert sheet.cell(row=2, column=born).number_format == "DD/MM/YYYY"
    absence = headings.index("Overall absence (%)") + 1
    assert sheet.cell(row=2, column=absence).value is None


def test_csv_file_has_a_bom_and_iso_dates(area: Sen2Area, today: dt.date):
    rows = list2_rows(area_children(area.la), today)
    content = csv_bytes(rows, 2)
    assert content.startswith(b"\xef\xbb\xbf")
    read = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert read[0] == [column.heading for column in columns_for(2)]
    assert len(read) == 2
    assert read[1][read[0].index("Date of birth")] == rows[0].date_of_birth.isoformat()
    assert read[1][read[0].index("Pupil premium")] == ""
    assert b"\r\n" in content
