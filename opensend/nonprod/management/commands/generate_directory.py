"""python manage.py generate_directory --services 10000 --seed 1: a large invented
directory for benchmarks (opensend/nonprod/directory_generator.py)."""

import time
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from opensend.nonprod.directory_generator import DirectoryGenerator


class Command(BaseCommand):
    help = "Generate an invented Local Offer directory of many services, for benchmarks."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--services", type=int, default=10_000)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        with transaction.atomic():
            count = DirectoryGenerator(options["seed"]).run(options["services"])
        took = time.perf_counter() - started
        self.stdout.write(f"Generated {count} services in {took:.1f} s.")
