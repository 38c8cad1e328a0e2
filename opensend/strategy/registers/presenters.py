"""What the plan's registers show: each open risk's level from its likelihood and impact
(the usual three-by-three matrix), highest first; who took part in co-production, in words."""

from collections.abc import Iterable
from dataclasses import dataclass

from opensend.strategy.models import Action, ActionStatus, CoProducer, CoProductionEvidence, Risk

SCORE = {"low": 1, "medium": 2, "high": 3}
LEVEL_TAGS = {"High": "govuk-tag--red", "Medium": "govuk-tag--orange", "Low": "govuk-tag--grey"}


def risk_level(likelihood: str, impact: str) -> str:
    """High from 6 (high and medium either way), medium from 3, else low."""
    score = SCORE[likelihood] * SCORE[impact]
    return "High" if score >= 6 else "Medium" if score >= 3 else "Low"


@dataclass(frozen=True)
class RiskRow:
    risk: Risk
    level: str
    score: int

    @property
    def tag(self) -> str:
        return LEVEL_TAGS[self.level]


def risk_rows(risks: Iterable[Risk]) -> list[RiskRow]:
    rows = [
        RiskRow(r, risk_level(r.likelihood, r.impact), SCORE[r.likelihood] * SCORE[r.impact])
        for r in risks
    ]
    return sorted(rows, key=lambda row: (-row.score, row.risk.raised_on, row.risk.pk))


def who_words(evidence: CoProductionEvidence) -> str:
    names = dict(CoProducer.choices)
    words = [names.get(who, who) for who in evidence.who]
    return ", ".join([words[0], *(w[0].lower() + w[1:] for w in words[1:])]) if words else ""


def waiting_for(action: Action) -> list[Action]:
    """The actions this one depends on that are not finished: while any is, it is blocked."""
    return [
        d.depends_on
        for d in action.dependencies.all()
        if d.depends_on.status != ActionStatus.COMPLETE
    ]


@dataclass(frozen=True)
class CoProductionRow:
    evidence: CoProductionEvidence
    who: str
    about: str


def _about(evidence: CoProductionEvidence) -> str:
    if evidence.action is not None:
        return f"Action {evidence.action.reference or evidence.action.title[:60]}"
    if evidence.priority is not None:
        return f"Priority {evidence.priority.order}: {evidence.priority.title}"
    return "The whole plan"


def coproduction_rows(found: Iterable[CoProductionEvidence]) -> list[CoProductionRow]:
    return [CoProductionRow(e, who_words(e), _about(e)) for e in found]
