"""The management commands: import_ees and import_statistical_neighbours."""

import re
import zipfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from opensend.measures.models import EesRelease

CSV = "time_period,time_identifier,geographic_level,country_code,breakdown,count\n"


def test_import_ees_then_again(tmp_path: Path, db: None) -> None:
    path = tmp_path / "test-release_2030.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("data/counts.csv", CSV + "2030,Calendar year,National,E92000001,Total,c\n")
    out = StringIO()
    call_command("import_ees", str(path), "--no-progress", stdout=out)
    call_command("import_ees", str(path), "--no-progress", stdout=out)
    assert "imported 1 tables, 1 rows" in out.getvalue()
    assert "already imported" in out.getvalue()
    assert EesRelease.objects.filter(publication="test-release").count() == 1


def test_import_ees_refuses_a_bad_file_clearly(tmp_path: Path, db: None) -> None:
    path = tmp_path / "test-release_2030.zip"
    path.write_bytes(b"PK? not really")
    with pytest.raises(CommandError, match=re.escape("not a zip file. Nothing was imported.")):
        call_command("import_ees", str(path), "--no-progress")


def test_import_statistical_neighbours(tmp_path: Path, db: None) -> None:
    path = tmp_path / "neighbours.csv"
    path.write_text("Atlantis,Lyonesse\nYs,Atlantis\n")
    out = StringIO()
    call_command("import_statistical_neighbours", str(path), stdout=out)
    assert "2 local authorities, 2 neighbours; no EES code for: Atlantis, Lyonesse, Ys" in (
        out.getvalue()
    )
