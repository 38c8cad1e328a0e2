"""Data: the three information pages (opensend/directory/public/information.py).

Until issue 8 this migration also loaded the invented demo area's towns; a database
migrated then keeps them until 0010_remove_demo_places deletes them. The demo loads its
towns itself (`manage.py load_demo_places`, opensend/nonprod/geography.py)."""

from django.db import migrations


def load(apps, schema_editor):
    from opensend.directory.public import information

    information.load(apps.get_model("directory", "InformationPage"))


class Migration(migrations.Migration):
    dependencies = [("directory", "0006_search_extensions_and_indexes")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
