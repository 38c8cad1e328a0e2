"""Loading places: ONS-style postcode files (the demo's places: opensend/nonprod/geography.py)."""

import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from opensend.directory import models as m
from opensend.directory.public import geography

BATCH = 5000


@dataclass
class ImportReport:
    saved: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)  # (line, reason)


def _rows(path: Path, report: ImportReport) -> Iterator[tuple[str, float, float]]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        missing = {"pcds", "lat", "long"} - set(reader.fieldnames or [])
        if missing:
            raise ValueError(f"the file has no {', '.join(sorted(missing))} column")
        for line, row in enumerate(reader, start=2):
            reason, parsed = _parse(row)
            if reason:
                report.rejected.append((line, reason))
            else:
                yield parsed


def _parse(row: dict[str, str]) -> tuple[str, tuple[str, float, float]]:
    code = geography.normalise_postcode(row.get("pcds") or "")
    if not geography.is_postcode(code):
        return f"not a postcode: {row.get('pcds')!r}", ("", 0, 0)
    try:
        lat, lng = float(row["lat"]), float(row["long"])
    except (TypeError, ValueError):
        return f"{code}: latitude or longitude is not a number", ("", 0, 0)
    # The ONS directory gives 99.999999 / 0 for postcodes with no grid reference.
    if not (49 <= lat <= 61 and -9 <= lng <= 2.5):
        return f"{code}: no usable location ({lat}, {lng})", ("", 0, 0)
    return "", (code, lat, lng)


def import_postcodes(path: Path, progress: Callable[[int], None] | None = None) -> ImportReport:
    """Save or update each postcode of an ONS Postcode Directory-style CSV (pcds, lat,
    long columns). Running it again with the same file changes nothing."""
    report = ImportReport()
    batch: list[m.PostcodeCentroid] = []
    for code, lat, lng in _rows(path, report):
        batch.append(m.PostcodeCentroid(postcode=code, latitude=lat, longitude=lng))
        if len(batch) == BATCH:
            report.saved += _upsert(batch)
            if progress:
                progress(report.saved)
    report.saved += _upsert(batch)
    return report


def _upsert(batch: list[m.PostcodeCentroid]) -> int:
    m.PostcodeCentroid.objects.bulk_create(
        batch,
        update_conflicts=True,
        unique_fields=["postcode"],
        update_fields=["latitude", "longitude"],
    )
    count = len(batch)
    batch.clear()
    return count
