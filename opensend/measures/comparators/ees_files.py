"""Reading an Explore Education Statistics "download all data" zip, strictly.

Pure Python (no Django): a table is read whole, its columns sorted into geography, filters and
indicators, and every indicator cell checked to be a number or one of the published special
values. Anything else is an `EesFileError` naming the file and line.
"""

import csv
import hashlib
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

# The symbols EES uses instead of a number (data-guidance.txt and the EES data standards).
SPECIAL_VALUES = {
    "c": "confidential (suppressed)",
    "x": "not available",
    "z": "not applicable",
    ":": "not available",
    "k": "rounds to zero",
    "low": "low reliability",
    "u": "low reliability",
}
GEOGRAPHY_COLUMNS = (
    "time_period",
    "time_identifier",
    "geographic_level",
    "country_code",
    "country_name",
    "region_code",
    "region_name",
    "new_la_code",
    "old_la_code",
    "la_name",
)
# Always filters, even when some of their values look like numbers ("1" year in place).
KNOWN_FILTERS = frozenset({"breakdown_topic", "breakdown"})
NUMBER = re.compile(r"-?\d+(\.\d+)?")
RELEASE_NAME = re.compile(r"(?P<publication>[a-z0-9-]+)_(?P<year>\d{4})")


class EesFileError(Exception):
    """The file is not an EES download we can import as published."""


@dataclass(frozen=True)
class EesTableData:
    name: str
    member: str
    columns: list[str]
    filters: list[str]
    indicators: list[str]
    rows: list[tuple[int, dict[str, str]]]  # (line, column -> text)


def is_number(text: str) -> bool:
    return NUMBER.fullmatch(text) is not None


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def release_identity(path: Path) -> tuple[str, int]:
    """("education-health-and-care-plans", 2025) from the zip's published file name."""
    found = RELEASE_NAME.fullmatch(path.stem)
    if found is None:
        raise EesFileError(
            f"{path.name}: expected a name like <publication>_<year>.zip, as EES publishes it"
        )
    return found["publication"], int(found["year"])


def open_zip(path: Path) -> zipfile.ZipFile:
    if not path.is_file():
        raise EesFileError(f"{path}: no such file")
    if not zipfile.is_zipfile(path):
        raise EesFileError(f"{path.name}: not a zip file")
    return zipfile.ZipFile(path)


def data_members(archive: zipfile.ZipFile, zip_name: str) -> list[str]:
    """The CSVs of the zip's data/ folder (supporting-files/ are not in EES's tidy format)."""
    members = sorted(
        name
        for name in archive.namelist()
        if PurePosixPath(name).parent.name == "data" and name.lower().endswith(".csv")
    )
    if not members:
        raise EesFileError(f"{zip_name}: no data/ folder of CSV files")
    return members


def read_tables(archive: zipfile.ZipFile, members: list[str]) -> Iterator[EesTableData]:
    for member in members:
        yield read_table(archive, member)


def read_table(archive: zipfile.ZipFile, member: str) -> EesTableData:
    with archive.open(member) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
        reader = csv.reader(text)
        columns = next(reader, None)
        if not columns:
            raise EesFileError(f"{member} line 1: no header row")
        missing = [name for name in GEOGRAPHY_COLUMNS[:3] if name not in columns]
        if missing:
            raise EesFileError(f"{member} line 1: missing column(s) {', '.join(missing)}")
        cells = []
        for cells_of_line in reader:
            if len(cells_of_line) != len(columns):
                raise EesFileError(
                    f"{member} line {reader.line_num}: {len(cells_of_line)} values "
                    f"but the header has {len(columns)} columns"
                )
            cells.append((reader.line_num, cells_of_line))
    filters, indicators = classify_columns(member, columns, cells)
    rows = [(line, row_dict(member, line, columns, values)) for line, values in cells]
    return EesTableData(
        name=PurePosixPath(member).stem,
        member=member,
        columns=columns,
        filters=filters,
        indicators=indicators,
        rows=rows,
    )


def row_dict(member: str, line: int, columns: list[str], values: list[str]) -> dict[str, str]:
    """Column -> value; a repeated column (annual_reviews has one) must repeat its value."""
    row: dict[str, str] = {}
    for column, value in zip(columns, values, strict=True):
        if column in row and row[column] != value:
            raise EesFileError(
                f"{member} line {line}: column {column} appears twice with different values "
                f"({row[column]!r} and {value!r})"
            )
        row[column] = value
    return row


def classify_columns(
    member: str, columns: list[str], cells: list[tuple[int, list[str]]]
) -> tuple[list[str], list[str]]:
    """(filters, indicators), each without repeats, in published order.

    An indicator column holds numbers and special values only. A column with no number and
    not only special values is a filter (text). A column mixing numbers with other text is an
    error: that other text is an unknown special value.
    """
    filters: list[str] = []
    indicators: list[str] = []
    for index, column in enumerate(columns):
        if column in GEOGRAPHY_COLUMNS or column in filters or column in indicators:
            continue
        if column in KNOWN_FILTERS:
            filters.append(column)
            continue
        values = [(line, values[index]) for line, values in cells]
        unknown = [(line, v) for line, v in values if not is_number(v) and v not in SPECIAL_VALUES]
        if not unknown:
            indicators.append(column)
        elif any(is_number(v) for _, v in values):
            line, value = unknown[0]
            raise EesFileError(
                f"{member} line {line}, column {column}: {value!r} is neither a number "
                f"nor a known special value ({', '.join(SPECIAL_VALUES)})"
            )
        else:
            filters.append(column)
    return filters, indicators


def area_code(row: dict[str, str]) -> str:
    """The ONS code of the row's own area: England, its region or its local authority."""
    level = row["geographic_level"]
    if level == "National":
        return row.get("country_code", "")
    if level == "Regional":
        return row.get("region_code", "")
    return row.get("new_la_code") or row.get("region_code") or row.get("country_code", "")
