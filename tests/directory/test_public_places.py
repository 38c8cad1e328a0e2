"""Postcodes: their shapes and importing an ONS-style file (the demo's places:
tests/nonprod/test_demo_places.py)."""

import pytest
from django.core.management import call_command

from opensend.directory import models as m
from opensend.directory.public import geography
from opensend.directory.public.places import import_postcodes

pytestmark = pytest.mark.django_db


def test_postcode_shapes():
    assert geography.is_postcode("nm3 4ab") and geography.is_postcode("SW1A1AA")
    assert not geography.is_postcode("NM3 4") and not geography.is_postcode("NM3 4CA")
    assert geography.looks_like_postcode("NM3 4") and not geography.looks_like_postcode("Cawdon")
    assert geography.outward_code("nm12 4tx") == "NM12"
    assert geography.pretty_postcode("nm34ab") == "NM3 4AB"


ONS_CSV = """pcd,pcds,lat,long,oa21
X,NM3 4AB,54.64,-2.08,E0
X,nm12 4tx,54.9,-2.0,E0
X,NOT A CODE,54.0,-2.0,E0
X,NM1 1AB,not-a-number,-2.0,E0
X,NM1 1AD,99.999999,0.000000,E0
"""


def test_import_postcodes_saves_good_rows_and_reports_the_rest(tmp_path, capsys):
    path = tmp_path / "onspd.csv"
    path.write_text(ONS_CSV)
    report = import_postcodes(path)
    assert report.saved == 2
    assert [line for line, _ in report.rejected] == [4, 5, 6]
    assert "not a postcode" in report.rejected[0][1]
    assert m.PostcodeCentroid.objects.get(postcode="NM124TX").latitude == 54.9

    path.write_text(ONS_CSV.replace("54.9", "54.91"))
    call_command("import_postcodes", str(path))  # again: updates, no duplicates
    assert m.PostcodeCentroid.objects.count() == 2
    assert m.PostcodeCentroid.objects.get(postcode="NM124TX").latitude == 54.91
    output = capsys.readouterr().out
    assert "Saved 2 postcodes; rejected 3 rows." in output and "line 4: not a postcode" in output


def test_import_postcodes_refuses_a_file_without_the_columns(tmp_path):
    path = tmp_path / "wrong.csv"
    path.write_text("postcode,x,y\nNM3 4AB,1,2\n")
    with pytest.raises(Exception, match="no lat, long, pcds column"):
        call_command("import_postcodes", str(path))
