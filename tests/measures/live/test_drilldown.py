"""Drill-down: the cases behind a figure, only for staff allowed to see them, audited."""

import datetime as dt

import pytest

from opensend.core.models import AuditAction, AuditEvent
from opensend.measures.live import DrillDownRefused, cases_behind, period_for_year
from opensend.people.models import Role
from tests import factories as f
from tests.measures.live_world import World, build_world

Y2026 = period_for_year(2026)
WITHIN_20 = "plans_issued_within_20_weeks_incl_exceptions"


@pytest.fixture
def world(db: None, today: dt.date) -> World:
    return build_world()


def test_the_sen_manager_sees_the_cases_behind_each_part(world: World) -> None:
    counted = cases_behind(
        user=world.sam, local_authority_id=world.la.pk, code=WITHIN_20, period=Y2026
    )
    divided_by = cases_behind(
        user=world.sam,
        local_authority_id=world.la.pk,
        code=WITHIN_20,
        period=Y2026,
        part="denominator",
    )
    assert [case.case_id for case in counted] == [world.amy.pk]
    assert [case.case_id for case in divided_by] == [world.amy.pk, world.bea.pk, world.cal.pk]
    assert counted[0].child_name == world.amy.child.full_name


def test_the_exception_excluded_figure_leaves_the_excused_case_out(world: World) -> None:
    behind = cases_behind(
        user=world.sam,
        local_authority_id=world.la.pk,
        code="plans_issued_within_20_weeks_excl_exceptions",
        period=Y2026,
        part="denominator",
    )
    assert [case.case_id for case in behind] == [world.amy.pk, world.bea.pk]


def test_a_breakdown_group_drills_down_to_its_own_cases(world: World) -> None:
    behind = cases_behind(
        user=world.sam,
        local_authority_id=world.la.pk,
        code="ehc_requests_received",
        period=Y2026,
        breakdown="sex",
        group="Male",
    )
    assert [case.case_id for case in behind] == [world.amy.pk, world.dan.pk]


def test_a_caseworker_sees_only_their_own_cases(world: World) -> None:
    colleague = f.staff_user(Role.CASEWORKER, world.la)
    assert (
        cases_behind(user=colleague, local_authority_id=world.la.pk, code="new_plans", period=Y2026)
        == []
    )
    mine = cases_behind(
        user=world.cara, local_authority_id=world.la.pk, code="new_plans", period=Y2026
    )
    assert len(mine) == 3


@pytest.mark.parametrize("role", [Role.ANALYST, Role.SENCO, Role.DIRECTORY_EDITOR])
def test_staff_without_casework_roles_are_refused(world: World, role: str) -> None:
    user = f.staff_user(role, world.la)
    with pytest.raises(DrillDownRefused):
        cases_behind(user=user, local_authority_id=world.la.pk, code="new_plans", period=Y2026)
    denied = AuditEvent.objects.get(actor=user)
    assert denied.action == AuditAction.DENIED


def test_another_areas_sen_manager_is_refused(world: World) -> None:
    nadia = f.staff_user(Role.SEN_MANAGER, world.other_la)
    with pytest.raises(DrillDownRefused):
        cases_behind(user=nadia, local_authority_id=world.la.pk, code="new_plans", period=Y2026)


def test_unknown_code_or_group_without_breakdown_is_refused(world: World) -> None:
    with pytest.raises(DrillDownRefused):
        cases_behind(user=world.sam, local_authority_id=world.la.pk, code="nope", period=Y2026)
    with pytest.raises(DrillDownRefused):
        cases_behind(
            user=world.sam,
            local_authority_id=world.la.pk,
            code="new_plans",
            period=Y2026,
            group="Male",
        )


def test_every_drill_down_is_audited_with_the_children_shown(world: World) -> None:
    cases_behind(user=world.sam, local_authority_id=world.la.pk, code=WITHIN_20, period=Y2026)
    event = AuditEvent.objects.filter(actor=world.sam, action=AuditAction.LIST).get()
    assert event.detail["children"] == [world.amy.child_id]
    assert event.detail["indicator"] == WITHIN_20
    assert event.detail["part"] == "numerator"
