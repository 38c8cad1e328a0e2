"""The projection: kept current by the casework's signal in the same transaction,
and rebuilt from the records by a command to exactly the same rows."""

import datetime as dt

import pytest
from django.core.management import call_command

from opensend.casework.models import Case
from opensend.casework.services.corrections import case_event_correct, case_event_withdraw
from opensend.measures.live import BREAKDOWNS, live_figures, period_for_year
from opensend.measures.live.facts import FACT_MODELS, facts_rebuild
from opensend.measures.live.sql import sql_figures
from opensend.measures.models import CaseFact, PlanFact, RequestFact, ReviewFact
from opensend.people.services import child_details_change
from opensend.statutory.codes import Ethnicity, NeedType
from tests import factories as f
from tests.measures.live_world import World, build_world

IGNORED = {"id"}


def facts(la_id: int) -> dict[str, list[tuple]]:
    """Every fact row of the area, by model, without the surrogate keys, sorted."""
    found = {}
    for model in FACT_MODELS:
        names = [
            field.attname for field in model._meta.concrete_fields if field.attname not in IGNORED
        ]
        rows = model.objects.filter(local_authority_id=la_id).values_list(*names)
        found[model.__name__] = sorted(rows, key=repr)
    return found


@pytest.fixture
def world(db: None) -> World:
    return build_world()


def test_the_casework_services_keep_the_projection_current(world: World) -> None:
    kept = facts(world.la.pk)
    assert len(kept["CaseFact"]) == Case.objects.filter(local_authority=world.la).count()
    assert len(kept["PlanFact"]) == 3
    call_command("rebuild_facts", "--la", str(world.la.pk), "--no-progress")
    assert facts(world.la.pk) == kept


def test_a_change_reaches_the_figures_in_the_same_transaction(world: World) -> None:
    f.review_meeting(world.amy, meeting_on=dt.date(2026, 10, 1))
    assert ReviewFact.objects.filter(case=world.amy, held=dt.date(2026, 10, 1)).exists()
    period = period_for_year(2026)
    for breakdown in (None, *BREAKDOWNS):
        args = {"local_authority_id": world.la.pk, "period": period, "breakdown": breakdown}
        assert sql_figures(**args) == live_figures(**args)  # type: ignore[arg-type]


def test_rebuild_is_idempotent_and_leaves_other_areas_alone(world: World) -> None:
    other = facts(world.other_la.pk)
    first = facts_rebuild(local_authority_id=world.la.pk)
    again = facts_rebuild(local_authority_id=world.la.pk)
    assert first == again > 0
    assert facts(world.other_la.pk) == other


def test_a_stale_projection_is_what_the_rebuild_mends(world: World) -> None:
    PlanFact.objects.filter(case=world.amy).delete()
    period = period_for_year(2026)
    args = {"local_authority_id": world.la.pk, "period": period}
    assert sql_figures(**args) != live_figures(**args)  # type: ignore[arg-type]
    call_command("rebuild_facts", "--no-progress")
    assert sql_figures(**args) == live_figures(**args)  # type: ignore[arg-type]


@pytest.mark.django_db(transaction=True)
def test_figures_are_cached_until_the_casework_changes(today: dt.date) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from opensend.people.models import Role

    la = f.LocalAuthorityFactory(name="Cached Council")
    caseworker = f.staff_user(Role.CASEWORKER, la)
    f.case_with_final_plan(child=f.ChildFactory(local_authority=la), caseworker=caseworker)
    args = {"local_authority_id": la.pk, "period": period_for_year(2026), "codes": ["new_plans"]}
    first = sql_figures(**args)  # type: ignore[arg-type]
    with CaptureQueriesContext(connection) as queries:
        assert sql_figures(**args) == first  # type: ignore[arg-type]
    assert len(queries) == 1  # the facts version only
    f.case_with_final_plan(child=f.ChildFactory(local_authority=la), caseworker=caseworker)
    (after,) = sql_figures(**args)  # type: ignore[arg-type]
    assert after.value.numerator == first[0].value.numerator + 1


# --- corrections: the facts read the corrected history, as the Python engine does ------

REFUSAL_CODES = [
    "requests_refused",
    "requests_decided_within_6_weeks",
    "open_requests",
    "open_requests_aged_up_to_6_weeks",
    "open_requests_aged_6_to_16_weeks",
]


def _refusal_figures(la_id: int) -> tuple[list, list]:
    args = {"local_authority_id": la_id, "period": period_for_year(2026), "codes": REFUSAL_CODES}
    return sql_figures(**args, fresh=True), live_figures(**args)  # type: ignore[arg-type]


def _numerators(figures: list) -> dict[str, int | None]:
    return {figure.code: figure.value.numerator for figure in figures}


def test_a_withdrawn_decision_changes_the_sql_figure_as_the_python_one(world: World) -> None:
    refused = f.panel_decide(world.dan, agreed=False, met_on=dt.date(2026, 10, 20))
    sql_before, python_before = _refusal_figures(world.la.pk)
    assert sql_before == python_before
    decision = refused.events.get(kind="decision_to_assess")
    case_event_withdraw(actor=world.cara, case=refused, event=decision, reason="wrong child",
                        today=f.TODAY, expected_version=None)  # fmt: skip
    sql_after, python_after = _refusal_figures(world.la.pk)
    assert sql_after == python_after
    before, after = _numerators(sql_before), _numerators(sql_after)
    assert (before["requests_refused"], after["requests_refused"]) == (1, 0)
    assert after["open_requests"] == before["open_requests"] + 1  # dan waits again
    assert RequestFact.objects.get(case=world.dan).decided_on is None


def test_a_corrected_decision_date_changes_the_sql_figure_as_the_python_one(
    world: World,
) -> None:
    refused = f.panel_decide(world.dan, agreed=False, met_on=dt.date(2026, 10, 20))
    sql_before, python_before = _refusal_figures(world.la.pk)
    decision = refused.events.get(kind="decision_to_assess")
    late = dt.date(2026, 11, 20)  # after the 6 weeks of Reg 5(1), due 12 November
    case_event_correct(
        actor=world.cara, case=refused, event=decision,
        corrected={"event": "decision_to_assess", "date": late, "outcome": "not_assess"},
        reason="The panel met later", today=f.TODAY, expected_version=None,
    )  # fmt: skip
    sql_after, python_after = _refusal_figures(world.la.pk)
    assert (sql_before, sql_after) == (python_before, python_after)
    before, after = _numerators(sql_before), _numerators(sql_after)
    on_time = "requests_decided_within_6_weeks"
    assert after[on_time] == before[on_time] - 1
    assert RequestFact.objects.get(case=world.dan).decided_on == late


# --- the breakdowns' groups stored on the case facts follow the child's record ----------


def test_a_change_to_the_childs_record_refreshes_the_stored_groups(world: World) -> None:
    child = world.amy.child
    details = {"sex": child.sex, "ethnicity": "BAFR", "date_of_birth": child.date_of_birth}
    child_details_change(actor=world.sam, child=child, details=details, primary_need="SLCN")
    case_fact = CaseFact.objects.get(case=world.amy)
    assert (case_fact.need_group, case_fact.ethnicity_group) == (
        NeedType.SLCN.label,
        Ethnicity.BAFR.group.label,
    )
    assert PlanFact.objects.get(case=world.amy).need == "SLCN"
    period = period_for_year(2026)
    for breakdown in ("primary_need", "ethnicity"):
        args = {"local_authority_id": world.la.pk, "period": period, "breakdown": breakdown}
        assert sql_figures(**args, fresh=True) == live_figures(**args)  # type: ignore[arg-type]
