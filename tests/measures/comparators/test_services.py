"""Importing the DfE's EES zip as published, and the statistical neighbours."""

import re
import zipfile
from pathlib import Path

import pytest
from django.db.models import Count

from opensend.measures.comparators.ees_files import EesFileError
from opensend.measures.comparators.published import comparator
from opensend.measures.comparators.services import ees_import, statistical_neighbours_import
from opensend.measures.models import EesRelease, EesRow, EesTable, StatisticalNeighbour
from tests.measures.conftest import EES_ZIP, quiet

ENGLAND = "E92000001"
ALL_PLANS_ISSUED = {"breakdown_topic": "All EHC plans issued", "breakdown": "All EHC plans issued"}
HEADER = "time_period,time_identifier,geographic_level,country_code,country_name,breakdown,count"


def published(table: str, indicator: str, period: str, area: str, filters: dict) -> str:
    return comparator(
        table=table, indicator=indicator, time_period=period, area_code=area, filters=filters
    ).published


def synthetic_zip(folder: Path, csv_text: str, *, name: str = "test-release_2030.zip") -> Path:
    path = folder / name
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("data/counts.csv", csv_text)
        archive.writestr("data-guidance/data-guidance.txt", "Test release")
    return path


def national_row(breakdown: str, count: str) -> str:
    return f"2030,Calendar year,National,E92000001,England,{breakdown},{count}"


# --- the real 2025 zip -------------------------------------------------------------------


def test_every_table_and_geographic_level_is_imported(ees_2025: EesRelease) -> None:
    tables = EesTable.objects.filter(release=ees_2025)
    assert tables.count() == 12
    assert sum(tables.values_list("row_count", flat=True)) == 195_575
    levels = set(EesRow.objects.values_list("geographic_level", flat=True).distinct())
    assert levels == {"National", "Regional", "Local authority"}
    assert (ees_2025.publication, ees_2025.reporting_year) == (
        "education-health-and-care-plans",
        2025,
    )


def test_england_2024_timeliness_is_as_published(ees_2025: EesRelease) -> None:
    excluding = comparator(
        table="timeliness_20_week",
        indicator="PC_plans_issued_20_weeks_ex",
        time_period="2024",
        area_code=ENGLAND,
        filters=ALL_PLANS_ISSUED,
    )
    including = comparator(
        table="timeliness_20_week",
        indicator="pc_plans_issued_within_20_weeks",
        time_period="2024",
        area_code=ENGLAND,
        filters=ALL_PLANS_ISSUED,
    )
    assert (excluding.published, str(excluding.value), excluding.special) == ("46.4", "46.4", None)
    assert (including.published, str(including.value)) == ("45.9", "45.9")


@pytest.mark.parametrize(
    ("table", "indicator", "period", "area", "filters", "text"),
    [
        ("timeliness_20_week", "PC_plans_issued_20_weeks_ex", "2024", "E06000057",
         ALL_PLANS_ISSUED, "49"),
        ("timeliness_20_week", "plans_issued_den", "2024", "E06000057", ALL_PLANS_ISSUED, "743"),
        ("requests", "request_outcome_six_weeks_pc", "2024", "E08000035",
         {"breakdown_topic": "All requests for EHC needs assessments"}, "72.2"),
        ("requests", "requests_received_in_year", "2024", "E06000057",
         {"breakdown_topic": "All requests for EHC needs assessments"}, "1021"),
        ("caseload", "ehcplans", "202425", "E10000016",
         {"breakdown_topic": "All EHC plans", "breakdown": "All EHC plans"}, "20635"),
        ("caseload", "mainstream_total_pc", "202425", "E10000016",
         {"breakdown_topic": "All EHC plans", "breakdown": "All EHC plans"}, "36.1"),
    ],
)  # fmt: skip
def test_local_authority_figures_are_the_published_text(
    ees_2025: EesRelease, table: str, indicator: str, period: str, area: str, filters: dict,
    text: str,
) -> None:  # fmt: skip
    assert published(table, indicator, period, area, filters) == text


def test_x_in_the_real_data_is_kept_as_x_not_zero(ees_2025: EesRelease) -> None:
    found = comparator(
        table="assessments",
        indicator="assess_issued_pc",
        time_period="2019",
        area_code=ENGLAND,
        filters={"breakdown_topic": "All EHC needs assessments"},
    )
    assert (found.value, found.special, found.published) == (None, "x", "x")
    x_cells = EesRow.objects.raw(
        "SELECT r.id, count(*) AS cells FROM measures_eesrow r, jsonb_each_text(r.values) v "
        "WHERE v.value = 'x' GROUP BY r.id"
    )
    # Every "x" cell of the twelve CSVs (annual_reviews repeats one column: counted once).
    assert sum(row.cells for row in x_cells) == 261_356


def test_the_same_zip_again_changes_nothing(ees_2025: EesRelease) -> None:
    rows_before = EesRow.objects.count()
    result = ees_import(path=EES_ZIP, progress=False, say=quiet)
    assert not result.imported
    assert "already imported" in result.message
    assert result.release.pk == ees_2025.pk
    assert EesRow.objects.count() == rows_before == result.rows


def test_northumberlands_ten_neighbours_in_order(ees_2025: EesRelease) -> None:
    neighbours = StatisticalNeighbour.objects.filter(la_code="E06000057").order_by("rank")
    assert [n.neighbour_name for n in neighbours] == [
        "Norfolk", "Derbyshire", "Lancashire", "Cornwall", "Devon",
        "Durham", "Dorset", "Kent", "Worcestershire", "Suffolk",
    ]  # fmt: skip
    assert [n.rank for n in neighbours] == list(range(1, 11))
    assert neighbours[5].neighbour_code == "E06000047"  # "Durham" is EES's "County Durham"
    assert neighbours[6].neighbour_code == "E06000059"  # today's Dorset, not the old county


def test_every_authority_has_ten_neighbours_all_with_codes(ees_2025: EesRelease) -> None:
    counts = StatisticalNeighbour.objects.values("la_name").annotate(n=Count("id"))
    assert len(counts) == 153
    assert {row["n"] for row in counts} == {10}
    assert not StatisticalNeighbour.objects.filter(neighbour_code="").exists()


# --- special values and bad files (tiny synthetic zips) ---------------------------------


@pytest.mark.django_db
def test_every_special_value_is_kept_as_published(tmp_path: Path) -> None:
    specials = ["c", "x", "z", ":", "k", "low", "u"]
    lines = [HEADER, national_row("Total", "12.5")]
    lines += [national_row(f"b{index}", special) for index, special in enumerate(specials)]
    result = ees_import(
        path=synthetic_zip(tmp_path, "\n".join(lines) + "\n"), progress=False, say=quiet
    )
    assert result.rows == 8
    for index, special in enumerate(specials):
        found = comparator(
            table="counts",
            indicator="count",
            time_period="2030",
            area_code=ENGLAND,
            filters={"breakdown": f"b{index}"},
        )
        assert (found.value, found.special, found.published) == (None, special, special)
        assert found.special_meaning
    total = comparator(
        table="counts", indicator="count", time_period="2030", area_code=ENGLAND,
        filters={"breakdown": "Total"},
    )  # fmt: skip
    assert (str(total.value), total.special) == ("12.5", None)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("csv_text", "message"),
    [
        (f"{HEADER}\n{national_row('Total', '1')}\n{national_row('Boys', '2')},9\n",
         "data/counts.csv line 3: 8 values but the header has 7 columns"),
        (f"{HEADER}\n{national_row('Total', '1')}\n{national_row('Boys', 'q')}\n",
         "data/counts.csv line 3, column count: 'q' is neither a number nor a known special"),
    ],
)  # fmt: skip
def test_a_bad_row_names_file_and_line_and_imports_nothing(
    tmp_path: Path, csv_text: str, message: str
) -> None:
    with pytest.raises(EesFileError, match=re.escape(message)):
        ees_import(path=synthetic_zip(tmp_path, csv_text), progress=False, say=quiet)
    assert not EesRelease.objects.filter(publication="test-release").exists()
    assert not EesTable.objects.filter(name="counts").exists()


@pytest.mark.django_db
def test_not_a_zip_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "test-release_2030.zip"
    path.write_text("not a zip")
    with pytest.raises(EesFileError, match=re.escape("test-release_2030.zip: not a zip file")):
        ees_import(path=path, progress=False, say=quiet)


@pytest.mark.django_db
def test_a_zip_without_a_data_folder_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "test-release_2030.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("data-guidance/data-guidance.txt", "no data")
    with pytest.raises(EesFileError, match="no data/ folder"):
        ees_import(path=path, progress=False, say=quiet)
    assert (
        not EesRelease.objects.exists()
        or not EesRelease.objects.filter(publication="test-release").exists()
    )


@pytest.mark.django_db
def test_a_new_version_of_a_release_replaces_the_old(tmp_path: Path) -> None:
    first = synthetic_zip(tmp_path, f"{HEADER}\n{national_row('Total', '1')}\n")
    ees_import(path=first, progress=False, say=quiet)
    (tmp_path / "v2").mkdir()
    second = synthetic_zip(tmp_path / "v2", f"{HEADER}\n{national_row('Total', '2')}\n")
    result = ees_import(path=second, progress=False, say=quiet)
    assert result.imported
    assert EesRelease.objects.filter(publication="test-release").count() == 1
    found = comparator(table="counts", indicator="count", time_period="2030", area_code=ENGLAND)
    assert found.published == "2"


@pytest.mark.django_db
def test_a_ragged_neighbours_file_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "neighbours.csv"
    path.write_text("Leeds,York\nBradford,Leeds\nKirklees\n")
    with pytest.raises(EesFileError, match=re.escape("neighbours.csv line 3: 1 values")):
        statistical_neighbours_import(path=path, say=quiet)
