"""Case events are never rewritten: the database refuses UPDATE on them.

DELETE stays possible only through the retention job's cascade from a deleted case
(issue: retention), so no trigger on DELETE here.
"""

from django.db import migrations

FORBID = """
CREATE TRIGGER casework_caseevent_append_only
    BEFORE UPDATE ON casework_caseevent
    FOR EACH ROW EXECUTE FUNCTION opensend_forbid_change();
"""
ALLOW = "DROP TRIGGER IF EXISTS casework_caseevent_append_only ON casework_caseevent;"


class Migration(migrations.Migration):
    dependencies = [("casework", "0002_initial"), ("core", "0003_audit_append_only")]
    operations = [migrations.RunSQL(FORBID, ALLOW)]
