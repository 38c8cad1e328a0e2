"""Disclosure of a child's or young person's EHC documents: consent, or a Reg 17 ground.

Pure Python (no Django). Sources:

* SEND Regulations 2014 (SI 2014/1530) reg 17(1): an EHC plan is not disclosed without
  the consent of the child's parent or the young person, except to the people and for
  the purposes the regulation lists (the closed list `Reg17Ground` below);
* Children and Families Act 2014 s80 (with s83(2)): from the end of compulsory school age
  the young person decides in their own right, so a parent's consent no longer counts;
  a young person who lacks capacity to decide acts through a representative (Mental
  Capacity Act 2005; CFA 2014 s80).

The decisions are append-only records: a consent given or withdrawn, a ground recorded or
ended. The latest decision of each kind that applies to the recipient wins, so a
withdrawal takes effect as soon as it is recorded (the next request reads it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "DECISION_LABELS",
    "GIVEN_BY_LABELS",
    "GROUNDS",
    "SCOPE_LABELS",
    "Basis",
    "ConsentScope",
    "Decision",
    "DisclosureDecision",
    "GivenBy",
    "Ground",
    "Reg17Ground",
    "disclosure_basis",
]


class ConsentScope(StrEnum):
    """What a consent (or a ground) covers."""

    # Drafts and working copies of the plan before they are issued.
    UNISSUED_DOCUMENTS = "unissued_documents"
    # The plan (or anything from the record) sent to someone outside the case.
    SHARE_OUTSIDE_CASE = "share_outside_case"


class Decision(StrEnum):
    GIVEN = "given"
    WITHDRAWN = "withdrawn"
    GROUND = "ground"  # the local authority recorded a Reg 17 ground (no consent needed)
    GROUND_ENDED = "ground_ended"


class GivenBy(StrEnum):
    """Who gave or withdrew a consent."""

    YOUNG_PERSON = "young_person"
    PARENT = "parent"  # a parent with parental responsibility, for a child
    # Someone acting for a young person who lacks capacity (a deputy or attorney under
    # the Mental Capacity Act 2005; CFA 2014 s80).
    REPRESENTATIVE = "representative"


class Reg17Ground(StrEnum):
    """The purposes for which Reg 17(1) allows disclosure without consent (closed list).

    The paragraph letters follow reg 17(1) as made; check them against the revised text
    on legislation.gov.uk before citing them in a letter.
    """

    CHILD_INTERESTS = "child_interests"
    APPEAL = "appeal"
    RESEARCH = "research"
    COURT = "court"
    OMBUDSMAN = "ombudsman"
    SECRETARY_OF_STATE = "secretary_of_state"
    CHILDREN_ACT_DUTIES = "children_act_duties"
    INSPECTION = "inspection"


@dataclass(frozen=True)
class Ground:
    label: str
    citation: str


GROUNDS: dict[Reg17Ground, Ground] = {
    Reg17Ground.CHILD_INTERESTS: Ground(
        "The local authority's opinion that disclosure is in the interests of the child "
        "or young person",
        "SEND Regulations 2014 reg 17(1)(a)",
    ),
    Reg17Ground.APPEAL: Ground(
        "An appeal to the First-tier Tribunal (SEND)",
        "SEND Regulations 2014 reg 17(1)(b); CFA 2014 s51",
    ),
    Reg17Ground.RESEARCH: Ground(
        "Educational research that will publish nothing identifying anyone",
        "SEND Regulations 2014 reg 17(1)(c)",
    ),
    Reg17Ground.COURT: Ground(
        "A court order, or criminal proceedings",
        "SEND Regulations 2014 reg 17(1)(d)",
    ),
    Reg17Ground.OMBUDSMAN: Ground(
        "An investigation of maladministration by the Local Government and Social Care Ombudsman",
        "SEND Regulations 2014 reg 17(1)(e); Local Government Act 1974 Part 3",
    ),
    Reg17Ground.SECRETARY_OF_STATE: Ground(
        "The Secretary of State deciding whether to give directions",
        "SEND Regulations 2014 reg 17(1)(f); Education Act 1996 ss496, 497, 497A",
    ),
    Reg17Ground.CHILDREN_ACT_DUTIES: Ground(
        "The local authority's duties towards a child it looks after or accommodates",
        "SEND Regulations 2014 reg 17(1); Children Act 1989 ss22(3)(a), 85(4)(a), 86(3)(a), 87(3)",
    ),
    Reg17Ground.INSPECTION: Ground(
        "An inspection by Ofsted (and the Care Quality Commission) when they ask",
        "SEND Regulations 2014 reg 17(1)",
    ),
}


SCOPE_LABELS: dict[ConsentScope, str] = {
    ConsentScope.UNISSUED_DOCUMENTS: "Drafts and working copies of the plan before issue",
    ConsentScope.SHARE_OUTSIDE_CASE: "Sharing the plan outside the case",
}
DECISION_LABELS: dict[Decision, str] = {
    Decision.GIVEN: "Consent given",
    Decision.WITHDRAWN: "Consent withdrawn",
    Decision.GROUND: "Reg 17 ground recorded",
    Decision.GROUND_ENDED: "Reg 17 ground ended",
}
GIVEN_BY_LABELS: dict[GivenBy, str] = {
    GivenBy.YOUNG_PERSON: "The young person",
    GivenBy.PARENT: "A parent with parental responsibility",
    GivenBy.REPRESENTATIVE: (
        "A representative acting for the young person (Mental Capacity Act 2005)"
    ),
}


@dataclass(frozen=True)
class DisclosureDecision:
    """One recorded decision. `organisation_id` None: it applies to every recipient.
    `sequence` orders the decisions (the record's id): the later one wins."""

    sequence: int
    decision: Decision
    scope: ConsentScope
    organisation_id: int | None = None
    given_by: GivenBy | None = None
    ground: Reg17Ground | None = None


@dataclass(frozen=True)
class Basis:
    """Whether a disclosure may go ahead, and on what basis."""

    consent: DisclosureDecision | None = None
    ground: DisclosureDecision | None = None

    @property
    def allowed(self) -> bool:
        return self.consent is not None or self.ground is not None

    @property
    def ground_citation(self) -> str:
        if self.ground is None or self.ground.ground is None:
            return ""
        return GROUNDS[self.ground.ground].citation


def _whose_consent_counts(is_young_person: bool) -> frozenset[GivenBy]:
    # CFA 2014 s80: the young person decides (through a representative if they lack
    # capacity); for a child, the parent does (Reg 17(1) "the child's parent").
    if is_young_person:
        return frozenset({GivenBy.YOUNG_PERSON, GivenBy.REPRESENTATIVE})
    return frozenset({GivenBy.PARENT})


def _latest(decisions: Iterable[DisclosureDecision]) -> DisclosureDecision | None:
    return max(decisions, key=lambda d: d.sequence, default=None)


def disclosure_basis(
    decisions: Iterable[DisclosureDecision],
    *,
    scope: ConsentScope,
    organisation_id: int,
    is_young_person: bool,
) -> Basis:
    """The basis for disclosing within `scope` to the organisation `organisation_id`.

    Consent and grounds are read separately: the latest consent decision (given or
    withdrawn) by someone whose consent counts today, and the latest ground decision
    (recorded or ended), each among those for the recipient or for every recipient.
    """
    counts = _whose_consent_counts(is_young_person)
    relevant = [
        d
        for d in decisions
        if d.scope == scope and (d.organisation_id is None or d.organisation_id == organisation_id)
    ]
    consent = _latest(
        d
        for d in relevant
        if d.decision in (Decision.GIVEN, Decision.WITHDRAWN) and d.given_by in counts
    )
    ground = _latest(d for d in relevant if d.decision in (Decision.GROUND, Decision.GROUND_ENDED))
    return Basis(
        consent=consent if consent and consent.decision == Decision.GIVEN else None,
        ground=ground if ground and ground.decision == Decision.GROUND else None,
    )
