"""Reading an import file into records, each with where it was in the file.

Formats (docs/local-offer-editorial.md, "Bulk import"):
- ORUK 3.0 JSON: a /services page ({"contents": [...]}), an array of services, or one
  service; each record is "service N" (its place in the list, from 1).
- NDJSON: one service per line (`format=ndjson` of the ORUK API); "line N".
- CSV: a header row with the documented columns, then one listing per row; "line N".
"""

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from opensend.directory.editorial.fields import FIELD_NAMES

# Bounds on what a JSON import may hold (issue 13, finding 6): deeper nesting raised
# RecursionError, and a 5,000-digit number ValueError, both ending in a server error.
# ORUK 3.0 services nest a few levels (service > schedules > ...); no field holds a
# number wider than a 64-bit integer.
MAX_JSON_DEPTH = 32
MAX_NUMBER_DIGITS = 19
CSV_COLUMNS = ("id", "organization_id", "organization_name", *FIELD_NAMES, "assured_date")
REQUIRED_CSV_COLUMNS = ("id", "organization_id", "name")


class UnreadableFileError(Exception):
    """The file as a whole cannot be read (no record can be)."""


@dataclass
class Record:
    where: str  # "line 4", "service 2"
    data: dict[str, Any] = field(default_factory=dict)
    kind: str = "json"  # json or csv
    problem: str = ""  # the record could not be read at all


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise ValueError(f"a number has more than {MAX_NUMBER_DIGITS} digits")
    return int(text)


def _depth_ok(text: str) -> bool:
    """Whether no object or array nests deeper than MAX_JSON_DEPTH (brackets inside
    strings are skipped), checked before parsing so the parser never recurses deeply."""
    depth, in_string, escaped = 0, False, False
    for character in text:
        if in_string:
            if escaped:
                escaped = False
            elif character == "\\":
                escaped = True
            elif character == '"':
                in_string = False
        elif character == '"':
            in_string = True
        elif character in "[{":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                return False
        elif character in "]}":
            depth -= 1
    return True


def json_loads(text: str) -> Any:
    """Parse JSON from outside, within bounds; ValueError (json.JSONDecodeError is one)
    saying what is wrong."""
    if not _depth_ok(text):
        raise ValueError(f"it nests more than {MAX_JSON_DEPTH} levels deep")
    return json.loads(text, parse_int=_bounded_int)


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableFileError("The file is not UTF-8 text") from None


def file_format(filename: str, text: str) -> str:
    name = filename.lower()
    if name.endswith(".csv"):
        return "csv"
    if name.endswith((".ndjson", ".jsonl")):
        return "ndjson"
    if name.endswith(".json") or text.lstrip()[:1] in ("{", "["):
        return "json"
    return "csv"


def read_records(filename: str, data: bytes) -> tuple[str, list[Record]]:
    """The file's format and its records, in file order."""
    text = _text(data)
    if not text.strip():
        raise UnreadableFileError("The file is empty")
    kind = file_format(filename, text)
    if kind == "json":
        try:
            document = json_loads(text)
        except json.JSONDecodeError as error:
            if text.lstrip().startswith("{") and "\n{" in text:  # NDJSON named .json
                return "ndjson", list(_ndjson(text))
            raise UnreadableFileError(f"The file is not valid JSON: {error}") from None
        except ValueError as error:
            raise UnreadableFileError(f"The file cannot be imported: {error}") from None
        return "json", list(_json_records(document))
    if kind == "ndjson":
        return "ndjson", list(_ndjson(text))
    return "csv", list(_csv(text))


def _json_records(document: Any) -> Iterator[Record]:
    if isinstance(document, dict) and isinstance(document.get("contents"), list):
        items = document["contents"]
    elif isinstance(document, list):
        items = document
    elif isinstance(document, dict):
        items = [document]
    else:
        raise UnreadableFileError("The JSON is neither a list of services nor a /services page")
    for number, item in enumerate(items, start=1):
        if isinstance(item, dict):
            yield Record(f"service {number}", item)
        else:
            yield Record(f"service {number}", problem="not a JSON object")


def _ndjson(text: str) -> Iterator[Record]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json_loads(line)
        except json.JSONDecodeError as error:
            yield Record(f"line {number}", problem=f"not valid JSON: {error.msg}")
            continue
        except ValueError as error:
            yield Record(f"line {number}", problem=f"cannot be imported: {error}")
            continue
        if isinstance(item, dict):
            yield Record(f"line {number}", item)
        else:
            yield Record(f"line {number}", problem="not a JSON object")


def _csv(text: str) -> Iterator[Record]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [name.strip() for name in reader.fieldnames or []]
    missing = [name for name in REQUIRED_CSV_COLUMNS if name not in header]
    if missing:
        raise UnreadableFileError(f"The CSV has no column {', '.join(missing)} in its first row")
    unknown = [name for name in header if name not in CSV_COLUMNS]
    if unknown:
        raise UnreadableFileError(f"The CSV has unknown columns: {', '.join(unknown)}")
    reader.fieldnames = header
    line = 1
    for row in reader:
        if None in row:  # more cells than columns
            yield Record(f"line {line + 1}", kind="csv", problem="more cells than columns")
        elif any((value or "").strip() for value in row.values()):
            cells = {key: (value or "").strip() for key, value in row.items()}
            yield Record(f"line {line + 1}", cells, kind="csv")
        line = reader.line_num
