"""Validate API answers against the schemas of opensend/measures/openapi/indicators.yaml.

The file is YAML written in its JSON-compatible flow style (PyYAML is not a dependency), so
it is read with json here; its component schemas are JSON Schema 2020-12 (OpenAPI 3.1).
"""

import json
from functools import cache

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from opensend.measures.api.views import OPENAPI_FILE

URI = "https://opensend.example/openapi/indicators.yaml"


@cache
def document() -> dict:
    return json.loads(OPENAPI_FILE.read_text(encoding="utf-8"))


@cache
def validator(name: str) -> Draft202012Validator:
    resource = Resource.from_contents(document(), default_specification=DRAFT202012)
    registry = Registry().with_resource(URI, resource)
    schema = {"$ref": f"{URI}#/components/schemas/{name}"}
    return Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())


def assert_valid(name: str, answer: object) -> None:
    found = validator(name).iter_errors(answer)
    problems = [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}" for e in found]
    assert not problems, f"not a valid {name}:\n" + "\n".join(problems[:20])
