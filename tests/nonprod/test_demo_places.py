"""The demo area's places (opensend/nonprod/geography.py) and SEN information reports:
loaded by the demo's commands, never by the migrations."""

import importlib

import pytest
from django.apps import apps
from django.core.management import call_command

from opensend.directory import models as m
from opensend.directory.public import geography
from opensend.nonprod import geography as demo_places

pytestmark = pytest.mark.django_db


def test_every_demo_postcode_is_near_its_town():
    codes = {code: (lat, lng) for code, lat, lng in demo_places.demo_postcodes()}
    assert len(codes) == 17 * 10 * 400
    town = demo_places.TOWNS["Stanwick Vale"]
    for code in ("NM30AB", "NM39ZZ"):
        lat, lng = codes[code]
        assert geography.haversine_metres(*town, lat, lng) < 2500


def test_loading_demo_postcodes_twice_changes_nothing():
    demo_places.load_demo_postcodes()
    first = m.PostcodeCentroid.objects.get(postcode="NM34AB")
    demo_places.load_demo_postcodes()
    assert m.PostcodeCentroid.objects.filter(postcode__startswith="NM").count() == 68_000
    assert m.PostcodeCentroid.objects.get(postcode="NM34AB").latitude == first.latitude


def test_a_fresh_database_has_no_demo_place_town_or_postcode():
    """The migrations load nothing invented: a council's Local Offer knows no Millbrook."""
    assert not m.Place.objects.exists()
    assert not m.PostcodeCentroid.objects.exists()


def test_the_demo_loads_its_towns_and_postcodes(capsys):
    call_command("load_demo_places")
    assert set(m.Place.objects.values_list("name", flat=True)) == set(demo_places.TOWNS)
    millbrook = m.Place.objects.get(name="Millbrook")
    assert (millbrook.latitude, millbrook.longitude) == demo_places.TOWNS["Millbrook"]
    assert m.PostcodeCentroid.objects.filter(postcode__startswith="NM").count() == 68_000
    assert "18 towns and 68000 postcodes in the demo area." in capsys.readouterr().out


def test_demo_sen_reports_list_each_school_and_college_once(area):
    call_command("load_demo_sen_reports")
    call_command("load_demo_sen_reports")  # again: no duplicates
    reports = m.SenInformationReport.objects.all()
    assert reports.count() == len({report.setting_name for report in reports}) > 0
    assert all(
        report.url.startswith("https://") and ".example/" in report.url for report in reports
    )
    names = set(reports.values_list("setting_name", flat=True))
    assert area.hillside.name in names and area.college.name in names
    assert area.health.name not in names


def test_the_migration_removes_only_the_demo_towns_0007_left_unchanged():
    """0010_remove_demo_places on a database migrated before issue 8 (0007 loaded the
    towns): a town a council moved, or one of its own, stays."""
    migration = importlib.import_module("opensend.directory.migrations.0010_remove_demo_places")
    assert migration.DEMO_TOWNS_0007 == demo_places.TOWNS
    for name, (lat, lng) in demo_places.TOWNS.items():
        m.Place.objects.create(name=name, latitude=lat, longitude=lng)
    m.Place.objects.filter(name="Cawdon").update(latitude=54.5)
    m.Place.objects.create(name="Kendal", latitude=54.33, longitude=-2.75)
    migration.remove_demo_towns(apps, schema_editor=None)
    assert sorted(m.Place.objects.values_list("name", flat=True)) == ["Cawdon", "Kendal"]
    migration.restore_demo_towns(apps, schema_editor=None)
    assert m.Place.objects.count() == len(demo_places.TOWNS) + 1
    assert m.Place.objects.get(name="Cawdon").latitude == 54.5
