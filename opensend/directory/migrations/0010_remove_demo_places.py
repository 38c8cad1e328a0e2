"""Data (issue 8): delete the invented demo towns that 0007 used to load into every
database, so a council's Local Offer no longer accepts "Millbrook" as a place.

The towns are written out here as 0007 loaded them (migrations must not import the demo
code, which production does not install). Only a row still exactly as 0007 left it is
deleted: a town a council renamed or moved is its own data and stays. Reversing puts
the missing ones back, as 0007 did."""

from django.db import migrations

DEMO_TOWNS_0007 = {
    "Northmoor": (54.700, -2.000),
    "Millbrook": (54.660, -1.930),
    "Stanwick Vale": (54.640, -2.080),
    "Cawdon": (54.720, -2.110),
    "Elderby": (54.610, -1.990),
    "Thornleigh": (54.680, -1.860),
    "Wexley": (54.740, -1.950),
    "Harrowden Green": (54.590, -2.060),
    "Lowther Bridge": (54.650, -2.160),
    "Kilnsey Park": (54.760, -2.040),
    "Fellbeck": (54.840, -2.020),
    "Brackenholm": (54.880, -2.120),
    "Ravensby": (54.860, -1.900),
    "Ulleskirk": (54.920, -2.000),
    "Hawkshaw": (54.900, -2.230),
    "Cragside Moor": (54.960, -2.100),
    "Alderwick": (54.940, -1.880),
    "Thrunton Edge": (54.820, -2.200),
}


def remove_demo_towns(apps, schema_editor):
    place_model = apps.get_model("directory", "Place")
    for name, (lat, lng) in DEMO_TOWNS_0007.items():
        place_model.objects.filter(name=name, latitude=lat, longitude=lng).delete()


def restore_demo_towns(apps, schema_editor):
    place_model = apps.get_model("directory", "Place")
    for name, (lat, lng) in DEMO_TOWNS_0007.items():
        place_model.objects.get_or_create(name=name, defaults={"latitude": lat, "longitude": lng})


class Migration(migrations.Migration):
    dependencies = [("directory", "0009_search_index_stamp")]

    operations = [migrations.RunPython(remove_demo_towns, restore_demo_towns)]
