"""Check the SEN2 XML against our XSD (sen2.xsd) before anyone can download it.

Pure Python (lxml, no Django). The XSD is our reading of the specification (its element
names, nesting, order and code lists; docs/sen2-return.md), so a file that fails it would
not be read by the DfE's COLLECT or by the community's SEN2 readers. An error inside a
person's record becomes a validation failure of rule S01 against that person, so the
report links to the case to fix; an error outside every person (the header) is raised.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from lxml import etree

from opensend.measures.returns.sen2.records import Person
from opensend.measures.returns.sen2.validation import Failure

__all__ = ["SCHEMA_MESSAGE", "SCHEMA_RULE", "XSD_PATH", "Sen2SchemaError", "schema_failures"]

XSD_PATH = Path(__file__).with_name("sen2.xsd")
SCHEMA_RULE = "S01"
SCHEMA_MESSAGE = "The record does not match the SEN2 schema (element, order or code)."


class Sen2SchemaError(ValueError):
    """The XML fails the schema outside any person's record (so no case can fix it)."""


@cache
def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD_PATH)))


_PERSON = re.compile(r"^/Message/Persons/Person(?:\[(\d+)\])?(?:/|$)")


def _person_index(path: str | None) -> int | None:
    """The 0-based index of the person an error's node path is inside (None: outside)."""
    found = _PERSON.match(path or "")
    if found is None:
        return None
    return int(found.group(1) or 1) - 1


def schema_failures(xml: bytes, persons: Sequence[Person]) -> list[Failure]:
    """One S01 failure per person whose record breaks the schema (with lxml's message)."""
    schema = _schema()
    if schema.validate(etree.fromstring(xml)):
        return []
    failures: dict[int, Failure] = {}
    for error in schema.error_log:
        index = _person_index(error.path)
        if index is None:
            raise Sen2SchemaError(f"line {error.line}: {error.message}")
        person = persons[index]
        failures.setdefault(
            index,
            Failure(
                rule=SCHEMA_RULE,
                message=f"{SCHEMA_MESSAGE} {error.message}",
                child_id=person.child_id,
                case_id=person.case_id,
                person=person.name,
            ),
        )
    return [failures[index] for index in sorted(failures)]
