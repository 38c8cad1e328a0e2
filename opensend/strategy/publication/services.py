"""Publishing a plan on the public site and taking it down (issue 12 item 6, ADR 0034).

The rule lives here, not in the view or the form, so that every way of publishing (the
page today, an import or a command tomorrow) meets it: a plan is published only when it
is adopted, has co-production evidence recorded, and a lead has confirmed that evidence
as she saw it (the count she was shown must still be the count stored). The partnership's
own words ("publishes nothing unless there is strong evidence of co-production") are the
rule; whether the evidence is strong enough is her judgement, recorded with her name.
"""

import datetime as dt

from django.db import transaction

from opensend.people.models import User
from opensend.strategy.models import Strategy, StrategyStatus
from opensend.strategy.publication.models import Publication
from opensend.strategy.services import PlanRefused


class PublicationRefused(PlanRefused):
    """Publishing or unpublishing cannot happen; the message says why, for the lead."""


def publication_refusal(strategy: Strategy, *, evidence_seen: int | None = None) -> str:
    """Why `strategy` cannot be published now ("" when it can)."""
    if strategy.status != StrategyStatus.ADOPTED:
        return (
            f"Only an adopted plan can be published: this plan is "
            f"{strategy.get_status_display().lower()}. Adopt it first."
        )
    evidence = strategy.co_production.count()
    if evidence == 0:
        return (
            "This plan has no co-production evidence recorded. Record who helped shape it, "
            "when, and what changed because of it before publishing."
        )
    if evidence_seen is not None and evidence_seen != evidence:
        return (
            "The co-production evidence changed while you were reading it. "
            "Read it again before you confirm."
        )
    if open_publication(strategy) is not None:
        return "This plan is already published."
    return ""


def open_publication(strategy: Strategy) -> Publication | None:
    """The publication that puts the plan on the public site now, if any."""
    return strategy.publications.filter(withdrawn_at__isnull=True).first()  # type: ignore[attr-defined, no-any-return]


@transaction.atomic
def strategy_publish(
    *, strategy: Strategy, actor: User, evidence_seen: int, now: dt.datetime
) -> Publication:
    """Publish an adopted plan once its lead confirms the co-production evidence she saw."""
    locked = Strategy.objects.select_for_update().get(pk=strategy.pk)
    refusal = publication_refusal(locked, evidence_seen=evidence_seen)
    if refusal:
        raise PublicationRefused(refusal)
    return Publication.objects.create(
        strategy=locked, confirmed_by=actor, confirmed_at=now, evidence_seen=evidence_seen
    )


@transaction.atomic
def strategy_unpublish(*, strategy: Strategy, actor: User, now: dt.datetime) -> Publication:
    """Take the public page down at once; the publication is kept, closed, as history."""
    Strategy.objects.select_for_update().get(pk=strategy.pk)
    publication = open_publication(strategy)
    if publication is None:
        raise PublicationRefused("This plan is not published.")
    publication.withdrawn_by = actor
    publication.withdrawn_at = now
    publication.save(update_fields=["withdrawn_by", "withdrawn_at"])
    return publication
