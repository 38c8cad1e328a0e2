"""Checks on the wording of an EHC plan.

Section F must be "detailed and specific and should normally be quantified" (CoP 9.69):
phrases such as "access to", "regular", "sometimes" or "up to" leave the provision
unenforceable. A plan must also be "clear, concise, understandable and accessible to
parents, children, young people, providers and practitioners" (CoP 9.61): an
abbreviation such as "SaLT" or "OT" that the plan does not spell out is jargon to a
family. Both are warnings, never errors: only the caseworker can judge the text.
"""

import re
from dataclasses import dataclass

VAGUE_PHRASES: tuple[str, ...] = (
    "access to", "regular", "regularly", "up to", "as appropriate", "as required",
    "as needed", "opportunities to", "where possible", "if available", "may benefit",
    "would benefit", "could benefit", "sometimes", "occasionally", "occasional",
    "frequently", "frequent", "periodically", "periodic", "when needed", "if needed",
    "when necessary", "as necessary", "if necessary", "ongoing",
)

_PATTERN = re.compile(r"\b(" + "|".join(re.escape(p) for p in VAGUE_PHRASES) + r")\b",
                      re.IGNORECASE)

# A word of 2 to 7 letters with at least two capitals: SaLT, OT, TA, SENCO, CAMHS, EHCP.
_ABBREVIATION = re.compile(r"\b(?=(?:[a-z]*[A-Z]){2})[A-Za-z]{2,7}s?\b")
# "speech and language therapy (SaLT)": the plan spells it out, so it is not jargon.
_SPELLED_OUT = re.compile(r"\(\s*([A-Za-z]{2,7})s?\s*\)")


def vague_phrases(text: str) -> list[str]:
    """The vague phrases in `text`, in order of appearance, lower-cased, without repeats."""
    found: list[str] = []
    for match in _PATTERN.finditer(text):
        phrase = match.group(1).lower()
        if phrase not in found:
            found.append(phrase)
    return found


def unexplained_abbreviations(text: str, *, explained_in: str = "") -> list[str]:
    """Abbreviations in `text` (as written, without repeats) that neither `text` nor
    `explained_in` (the rest of the plan) spells out in brackets after the words."""
    explained = {match.group(1) for match in _SPELLED_OUT.finditer(f"{text} {explained_in}")}
    found: list[str] = []
    for match in _ABBREVIATION.finditer(text):
        word = match.group(0)
        if word in explained or word.rstrip("s") in explained or word in found:
            continue
        found.append(word)
    return found


@dataclass(frozen=True)
class WordingCheck:
    """What the check found in one piece of a plan: the words, as the page shows them."""

    vague: tuple[str, ...]
    abbreviations: tuple[str, ...]

    @property
    def found(self) -> tuple[str, ...]:
        return self.vague + self.abbreviations

    def __bool__(self) -> bool:
        return bool(self.found)


def wording_check(text: str, *, explained_in: str = "", provision: bool = False) -> WordingCheck:
    """Vague wording (only in provision, CoP 9.69) and unexplained abbreviations
    (anywhere, CoP 9.61) in `text`."""
    vague = tuple(vague_phrases(text)) if provision else ()
    return WordingCheck(vague, tuple(unexplained_abbreviations(text, explained_in=explained_in)))
