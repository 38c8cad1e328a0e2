"""Data: the three information pages (opensend/directory/public/information.py) and the
demo area's towns (opensend/directory/public/geography.py)."""

from django.db import migrations


def load(apps, schema_editor):
    from opensend.directory.public.geography import TOWNS
    from opensend.directory.public import information

    information.load(apps.get_model("directory", "InformationPage"))
    place_model = apps.get_model("directory", "Place")
    for name, (lat, lng) in TOWNS.items():
        place_model.objects.update_or_create(
            name=name, defaults={"latitude": lat, "longitude": lng}
        )


class Migration(migrations.Migration):
    dependencies = [("directory", "0006_search_extensions_and_indexes")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
