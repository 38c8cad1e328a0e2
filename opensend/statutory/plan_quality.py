"""Checks on the wording of an EHC plan.

Section F must be "detailed and specific and should normally be quantified" (CoP 9.69):
phrases such as "access to", "regular" or "up to" leave the provision unenforceable.
"""

import re

VAGUE_PHRASES: tuple[str, ...] = (
    "access to", "regular", "regularly", "up to", "as appropriate", "as required",
    "as needed", "opportunities to", "where possible", "if available", "may benefit",
)

_PATTERN = re.compile(r"\b(" + "|".join(re.escape(p) for p in VAGUE_PHRASES) + r")\b",
                      re.IGNORECASE)


def vague_phrases(text: str) -> list[str]:
    """The vague phrases in `text`, in order of appearance, lower-cased, without repeats."""
    found: list[str] = []
    for match in _PATTERN.finditer(text):
        phrase = match.group(1).lower()
        if phrase not in found:
            found.append(phrase)
    return found
