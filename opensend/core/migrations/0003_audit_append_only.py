"""The database refuses to change or delete audit rows (security.md goal 9)."""

from django.db import migrations

FORBID = """
CREATE OR REPLACE FUNCTION opensend_forbid_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% rows are append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER core_auditevent_append_only
    BEFORE UPDATE OR DELETE ON core_auditevent
    FOR EACH ROW EXECUTE FUNCTION opensend_forbid_change();
CREATE TRIGGER core_auditevent_no_truncate
    BEFORE TRUNCATE ON core_auditevent
    FOR EACH STATEMENT EXECUTE FUNCTION opensend_forbid_change();
"""

ALLOW = """
DROP TRIGGER IF EXISTS core_auditevent_append_only ON core_auditevent;
DROP TRIGGER IF EXISTS core_auditevent_no_truncate ON core_auditevent;
"""


class Migration(migrations.Migration):
    dependencies = [("core", "0002_initial")]
    operations = [migrations.RunSQL(FORBID, ALLOW)]
