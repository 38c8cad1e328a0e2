"""Writes: importing the DfE's published statistics and the statistical neighbours."""

import csv
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.db import connection, transaction
from tqdm import tqdm

from opensend.measures.comparators import ees_files
from opensend.measures.comparators.ees_files import EesFileError, EesTableData
from opensend.measures.models import EesRelease, EesRow, EesTable, StatisticalNeighbour

Say = Callable[[str], None]


@dataclass(frozen=True)
class EesImportResult:
    release: EesRelease
    imported: bool  # False: the same file was already imported, nothing changed
    rows: int
    message: str


def ees_import(*, path: Path, progress: bool = True, say: Say = print) -> EesImportResult:
    """Import one EES zip as published; a no-op when the same file (sha256) is already in.

    A new version of a release replaces the old one in the same transaction, so readers see
    either the old figures or the new, never a mix. A bad file raises EesFileError and
    imports nothing.
    """
    path = Path(path)
    publication, year = ees_files.release_identity(path)
    archive = ees_files.open_zip(path)
    sha256 = ees_files.file_sha256(path)
    existing = EesRelease.objects.filter(publication=publication, reporting_year=year).first()
    if existing is not None and existing.sha256 == sha256:
        rows = EesRow.objects.filter(table__release=existing).count()
        message = f"{path.name}: already imported on {existing.imported_at:%d %B %Y}; no change"
        say(message)
        return EesImportResult(release=existing, imported=False, rows=rows, message=message)
    with archive, transaction.atomic():
        members = ees_files.data_members(archive, path.name)
        if existing is not None:
            say(f"{path.name}: replacing the earlier version of {existing}")
            existing.delete()
        release = EesRelease.objects.create(
            publication=publication, reporting_year=year, file_name=path.name, sha256=sha256
        )
        rows = sum(
            table_save(release=release, table=table, progress=progress)
            for table in ees_files.read_tables(archive, members)
        )
    message = f"{path.name}: imported {len(members)} tables, {rows} rows"
    say(message)
    return EesImportResult(release=release, imported=True, rows=rows, message=message)


ROW_COLUMNS = (
    "table_id",
    "line",
    "time_period",
    "time_identifier",
    "geographic_level",
    "area_code",
    "country_code",
    "region_code",
    "new_la_code",
    "old_la_code",
    "la_name",
    "filters",
    "values",
)


def table_save(*, release: EesRelease, table: EesTableData, progress: bool) -> int:
    """The table and its rows, streamed to PostgreSQL with COPY (seconds, not minutes)."""
    ees_table = EesTable.objects.create(
        release=release,
        name=table.name,
        columns=table.columns,
        filters=table.filters,
        indicators=table.indicators,
        row_count=len(table.rows),
    )
    bar = tqdm(total=len(table.rows), desc=table.name, unit=" rows", disable=not progress)
    copy_sql = f"COPY {EesRow._meta.db_table} ({', '.join(map(quote, ROW_COLUMNS))}) FROM STDIN"
    with bar, connection.cursor() as cursor, cursor.cursor.copy(copy_sql) as copy:
        for line, row in table.rows:
            copy.write_row(ees_row(ees_table.pk, table, line, row))
            bar.update()
    return len(table.rows)


def quote(column: str) -> str:
    return connection.ops.quote_name(column)


def ees_row(table_id: int, table: EesTableData, line: int, row: dict[str, str]) -> tuple:
    """One EesRow's values, in ROW_COLUMNS order."""
    return (
        table_id,
        line,
        row["time_period"],
        row.get("time_identifier", ""),
        row["geographic_level"],
        ees_files.area_code(row),
        row.get("country_code", ""),
        row.get("region_code", ""),
        row.get("new_la_code", ""),
        row.get("old_la_code", ""),
        row.get("la_name", ""),
        json.dumps({name: row[name] for name in table.filters}),
        json.dumps({name: row[name] for name in table.indicators}),
    )


# --- statistical neighbours --------------------------------------------------------------


@dataclass(frozen=True)
class NeighboursImportResult:
    authorities: int
    neighbours: int
    unmatched: list[str]  # names not found among the imported EES local authorities
    message: str


def statistical_neighbours_import(*, path: Path, say: Say = print) -> NeighboursImportResult:
    """Replace every statistical neighbour with the file's: a column per LA, ten rows below.

    Codes come from the imported EES data (import a release first); names that match no
    local authority there keep a blank code and are reported.
    """
    path = Path(path)
    columns = neighbour_columns(path)
    codes = la_codes_by_name()
    unmatched = sorted(
        {
            name
            for la, names in columns.items()
            for name in [la, *names]
            if name_key(name) not in codes
        }
    )
    with transaction.atomic():
        StatisticalNeighbour.objects.all().delete()
        StatisticalNeighbour.objects.bulk_create(
            StatisticalNeighbour(
                la_name=la,
                la_code=codes.get(name_key(la), ""),
                rank=rank,
                neighbour_name=name,
                neighbour_code=codes.get(name_key(name), ""),
            )
            for la, names in columns.items()
            for rank, name in enumerate(names, start=1)
        )
    count = sum(len(names) for names in columns.values())
    message = f"{path.name}: {len(columns)} local authorities, {count} neighbours"
    if unmatched:
        message += f"; no EES code for: {', '.join(unmatched)}"
    say(message)
    return NeighboursImportResult(len(columns), count, unmatched, message)


def neighbour_columns(path: Path) -> dict[str, list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if not header:
            raise EesFileError(f"{path.name} line 1: no header row")
        columns: dict[str, list[str]] = {name.strip(): [] for name in header}
        for cells in reader:
            if len(cells) != len(header):
                raise EesFileError(
                    f"{path.name} line {reader.line_num}: {len(cells)} values "
                    f"but the header has {len(header)} columns"
                )
            for la, name in zip(columns, cells, strict=True):
                if name.strip():
                    columns[la].append(name.strip())
    return columns


def la_codes_by_name() -> dict[str, str]:
    """Local authority name key -> the new_la_code of the latest period that names it.

    Codes change when an authority is reorganised (Dorset E10000009 became E06000059).
    """
    pairs = (
        EesRow.objects.filter(geographic_level="Local authority")
        .exclude(new_la_code="")
        .values_list("la_name", "new_la_code", "time_period")
        .distinct()
    )
    latest = sorted(pairs, key=lambda pair: pair[2][:4])
    return {name_key(name): code for name, code, _ in latest}


NAME_NOISE = frozenset({"city", "of", "county", "borough", "the"})


def name_key(name: str) -> str:
    """A name as both files can agree on it: "Durham" and "County Durham", "Bedford Borough"
    and "Bedford", "Kingston Upon Hull" and "Kingston upon Hull, City of"."""
    words = re.findall(r"[a-z]+", name.casefold().replace("&", " and "))
    return " ".join(word for word in words if word not in NAME_NOISE)
