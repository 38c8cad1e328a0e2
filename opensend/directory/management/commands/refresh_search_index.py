"""python manage.py refresh_search_index: rebuild the Local Offer search index, after
bulk changes that sent no signals (imports, QuerySet.update)."""

from typing import Any

from django.core.management.base import BaseCommand

from opensend.directory.public import index


class Command(BaseCommand):
    help = "Rebuild the Local Offer search index from the directory tables."

    def handle(self, *args: Any, **options: Any) -> None:
        index.refresh()
        self.stdout.write("Search index rebuilt.")
