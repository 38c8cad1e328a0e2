"""Feedback events are never rewritten: the database refuses UPDATE on them
(issue 4 item 5). They go only with their feedback (a CASCADE delete), so no trigger on
DELETE."""

from django.db import migrations

FORBID = """
CREATE TRIGGER directory_feedbackevent_append_only
    BEFORE UPDATE ON directory_feedbackevent
    FOR EACH ROW EXECUTE FUNCTION opensend_forbid_change();
"""
ALLOW = "DROP TRIGGER IF EXISTS directory_feedbackevent_append_only ON directory_feedbackevent;"


class Migration(migrations.Migration):
    dependencies = [("directory", "0002_feedback"), ("core", "0003_audit_append_only")]
    operations = [migrations.RunSQL(FORBID, ALLOW)]
