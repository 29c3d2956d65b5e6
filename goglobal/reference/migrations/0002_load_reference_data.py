from django.db import migrations


def load(apps, schema_editor):
    from goglobal.reference.data import load_all

    load_all(apps)


class Migration(migrations.Migration):
    """Countries, provinces, sectors and currencies. Idempotent (update_or_create), so running
    it again, or `goglobal loadreference`, only brings names up to date."""

    dependencies = [("reference", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
