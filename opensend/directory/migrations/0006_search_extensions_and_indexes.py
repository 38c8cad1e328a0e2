"""Hand-written SQL for the Local Offer search (docs/local-offer-search.md).

- pg_trgm and unaccent (both "trusted" extensions shipped with PostgreSQL);
- opensend_unaccent(text): unaccent with its dictionary named, so PostgreSQL may treat
  it as IMMUTABLE and use it in index expressions;
- a GIN index on the search document, GIN indexes on the needs and categories arrays,
  a GIN trigram index on the unaccented service name (word_similarity), and a GiST
  trigram index on the words list (nearest word by `<->`, for typo correction).
"""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION opensend_unaccent(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
"""

INDEXES = """
CREATE INDEX search_entry_document ON directory_servicesearchentry USING gin (document);
CREATE INDEX search_entry_needs ON directory_servicesearchentry USING gin (needs);
CREATE INDEX search_entry_categories ON directory_servicesearchentry USING gin (categories);
CREATE INDEX search_entry_name_trgm ON directory_servicesearchentry
    USING gin (lower(opensend_unaccent(name)) gin_trgm_ops);
CREATE INDEX search_word_trgm ON directory_searchword USING gist (word gist_trgm_ops);
"""

DROP = """
DROP INDEX IF EXISTS search_entry_document;
DROP INDEX IF EXISTS search_entry_needs;
DROP INDEX IF EXISTS search_entry_categories;
DROP INDEX IF EXISTS search_entry_name_trgm;
DROP INDEX IF EXISTS search_word_trgm;
DROP FUNCTION IF EXISTS opensend_unaccent(text);
"""


class Migration(migrations.Migration):
    dependencies = [("directory", "0005_public_site")]

    operations = [
        TrigramExtension(),
        UnaccentExtension(),
        migrations.RunSQL(FUNCTION + INDEXES, DROP),
    ]
