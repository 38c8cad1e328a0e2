"""Check the SEN2 XML against our XSD (sen2.xsd) before anyone can download it.

Pure Python (lxml, no Django). The XSD is our reading of the specification (its element
names, nesting, order and code lists; docs/sen2-return.md), so a file that fails it would
not be read by the DfE's COLLECT or by the community's SEN2 readers. An error inside a
person's record becomes a validation failure of rule S01 against that person, so the
report links to the case to fix; an error outside every person (the header) is raised.
"""

from __future__ import annotations

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


def _person_lines(root: etree._Element) -> list[int]:
    return [person.sourceline or 0 for person in root.iterfind("Persons/Person")]


def _person_at(lines: list[int], line: int) -> int | None:
    """The index of the person whose record holds ``line`` (the last one starting before)."""
    found = None
    for index, start in enumerate(lines):
        if start > line:
            break
        found = index
    return found


def schema_failures(xml: bytes, persons: Sequence[Person]) -> list[Failure]:
    """One S01 failure per person whose record breaks the schema (with lxml's message)."""
    schema = _schema()
    root = etree.fromstring(xml)
    if schema.validate(root):
        return []
    lines = _person_lines(root)
    failures: dict[int, Failure] = {}
    for error in schema.error_log:
        index = _person_at(lines, error.line)
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
