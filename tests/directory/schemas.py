"""Validate API answers against the official ORUK 3.0 schemas, offline.

The schemas `$ref` each other by absolute URL; the registry maps that prefix to the copies
in oruk_schema/ (see its README for their source and licence).
"""

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SCHEMA_DIR = Path(__file__).parent / "oruk_schema"
PREFIX = "https://openreferraluk.org/specifications/3.0/schema/"


@cache
def registry() -> Registry:
    resources = [
        (PREFIX + path.name, Resource.from_contents(_load(path), default_specification=DRAFT202012))
        for path in SCHEMA_DIR.glob("*.json")
    ]
    return Registry().with_resources(resources)


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def validator(name: str) -> Draft202012Validator:
    schema = registry().contents(PREFIX + f"{name}.json")
    return Draft202012Validator(schema, registry=registry(), format_checker=FormatChecker())


def errors(name: str, document: object) -> list[str]:
    """Every way `document` breaks schema `name` (e.g. "service"), as readable lines."""
    found = validator(name).iter_errors(document)
    return [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}" for e in found]


def assert_valid(name: str, document: object) -> None:
    problems = errors(name, document)
    assert not problems, f"not a valid ORUK 3.0 {name}:\n" + "\n".join(problems[:20])
