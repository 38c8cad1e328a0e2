"""The demo-area generator: a small area generates fast, is the same for the same seed,
follows the national figures, and gives every demo sign-in something to see."""

import datetime as dt
import io
from collections import Counter

import pytest
from django.core.management import CommandError, call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from opensend.casework.clock import clock_for
from opensend.casework.models import (
    AdviceRequest,
    AnnualReview,
    Case,
    CaseEvent,
    CaseStep,
    ClockException,
    Plan,
    PlanVersion,
    Stage,
)
from opensend.casework.plan_sections import SECTION_BY_CODE
from opensend.casework.queue_selectors import queue_counts
from opensend.nonprod.generator import (
    NonprodDisabledError,
    area_digest,
    area_reset,
    demo_la,
    generate_area,
    generation_record,
    mix,
)
from opensend.people.models import Child, ChildNeed, Organisation, Role, User, UserKind
from opensend.people.rules import visible_children
from opensend.statutory.identifiers import (
    is_valid_nhs_number,
    is_valid_postcode,
    is_valid_ukprn,
    is_valid_uln,
    is_valid_upn,
    is_valid_urn,
)

TODAY = dt.date(2026, 3, 4)  # spring term: past 15 February, so transfers can be late
SEED = 11
CHILDREN = 200


def generate(seed: int = SEED, *, reset: bool = False) -> None:
    generate_area(children=CHILDREN, seed=seed, today=TODAY, reset=reset, progress=False)


@pytest.fixture
def area(db: None) -> Organisation:
    generate()
    la = demo_la()
    assert la is not None
    return la


def share(part: int, whole: int) -> float:
    assert whole > 0
    return part / whole


def test_a_small_area_generates_with_every_kind_of_record(area: Organisation) -> None:
    assert Child.objects.filter(local_authority=area).count() == CHILDREN
    cases = Case.objects.filter(local_authority=area)
    assert cases.count() == CHILDREN
    assert {stage for stage in Stage} <= set(cases.values_list("stage", flat=True))
    kinds = Counter(
        Organisation.objects.filter(local_authority=area).values_list("kind", flat=True)
    )
    for kind in (
        "school",
        "early_years",
        "college",
        "nhs_trust",
        "icb",
        "social_care",
        "ep_service",
        "parent_carer_forum",
    ):
        assert kinds[kind] >= 1, kind
    phases = set(Organisation.objects.filter(local_authority=area).values_list("phase", flat=True))
    assert {"first", "middle", "high", "primary", "secondary", "special"} <= phases
    roles = set(
        User.objects.filter(
            memberships__organisation__in=Organisation.objects.filter(local_authority=area)
        ).values_list("memberships__role", flat=True)
    )
    roles |= set(
        User.objects.filter(memberships__organisation=area).values_list(
            "memberships__role", flat=True
        )
    )
    assert roles == {role.value for role in Role}
    assert CaseEvent.objects.filter(case__local_authority=area, kind="mediation_recorded").exists()
    assert CaseEvent.objects.filter(case__local_authority=area, kind="tribunal_recorded").exists()
    assert CaseEvent.objects.filter(case__local_authority=area, kind="phase_transfer").exists()
    assert Plan.objects.filter(case__local_authority=area, ceased_on__isnull=False).exists()
    assert ClockException.objects.filter(case__local_authority=area).exists()
    assert generation_record(area) == {
        "seed": SEED,
        "children": CHILDREN,
        "today": TODAY.isoformat(),
    }


def test_identifiers_are_valid_and_synthetic(area: Organisation) -> None:
    children = list(Child.objects.filter(local_authority=area))
    upns = [c.upn for c in children if c.upn]
    assert len(upns) > CHILDREN * 0.8
    assert all(is_valid_upn(upn) for upn in upns)
    assert all(c.upn or c.upn_unknown_reason for c in children)
    assert len(set(upns)) == len(upns)
    assert all(
        is_valid_nhs_number(c.nhs_number) and c.nhs_number.startswith("999") for c in children
    )
    assert len({c.nhs_number for c in children}) == CHILDREN
    adults = [c for c in children if (TODAY - c.date_of_birth).days >= 16 * 366]
    assert adults and all(is_valid_uln(c.uln) for c in adults)
    assert all(is_valid_postcode(c.postcode) for c in children)
    assert all(0 <= (TODAY - c.date_of_birth).days < 26 * 366 for c in children)
    schools = Organisation.objects.filter(local_authority=area).exclude(urn="")
    assert all(is_valid_urn(s.urn) for s in schools)
    colleges = Organisation.objects.filter(local_authority=area, kind="college")
    assert all(is_valid_ukprn(c.ukprn) for c in colleges)


def test_the_same_seed_gives_the_same_area(area: Organisation) -> None:
    first = area_digest()
    generate(reset=True)
    assert area_digest() == first
    generate(seed=SEED + 1, reset=True)
    assert area_digest() != first


def test_the_mix_follows_the_national_figures(area: Organisation) -> None:
    decisions = CaseEvent.objects.filter(case__local_authority=area, kind="decision_to_assess")
    refused = decisions.filter(data__outcome="not_assess").count()
    assert share(refused, decisions.count()) == pytest.approx(mix.REQUESTS_REFUSED, abs=0.08)

    excepted = set(ClockException.objects.values_list("case_id", flat=True))
    weeks = [
        ((p.first_issued_on - p.case.request.received_on).days, p.case_id in excepted)
        for p in Plan.objects.filter(
            case__local_authority=area, first_issued_on__isnull=False
        ).select_related("case__request")
    ]
    headline = [days for days, excepted in weeks if not excepted]
    assert share(sum(d <= 140 for d in headline), len(headline)) == pytest.approx(
        mix.PLANS_WITHIN_20_WEEKS, abs=0.12
    )
    assert 0 < share(sum(d > 364 for d, _ in weeks), len(weeks)) < 0.16

    reviews = AnnualReview.objects.filter(case__local_authority=area, decision_on__isnull=False)
    quick = sum((r.decision_on - r.meeting_on).days <= 28 for r in reviews)
    assert share(quick, reviews.count()) == pytest.approx(
        mix.REVIEWS_DECIDED_WITHIN_4_WEEKS, abs=0.08
    )

    with_plans = Child.objects.filter(local_authority=area, cases__stage=Stage.PLAN)
    primary = Counter(
        ChildNeed.objects.filter(child__in=with_plans, rank=1).values_list("need", flat=True)
    )
    total = sum(primary.values())
    assert share(primary["ASD"], total) == pytest.approx(0.315, abs=0.12)
    assert share(primary["SLCN"] + primary["SEMH"], total) == pytest.approx(0.42, abs=0.14)

    advice = AdviceRequest.objects.filter(case__local_authority=area, received_on__isnull=False)
    on_time = sum(a.received_on <= a.due_on for a in advice)
    assert 0.5 < share(on_time, advice.count()) < 0.95
    assert AdviceRequest.objects.filter(
        case__local_authority=area, received_on__isnull=True
    ).exists()


def test_every_case_has_its_clock_steps_as_the_services_would_compute_them(
    area: Organisation,
) -> None:
    cases = Case.objects.filter(local_authority=area).select_related("child")
    assert not cases.filter(steps__isnull=True).exists()
    for case in cases.order_by("id"):
        events = list(CaseEvent.objects.filter(case=case))
        expected = [(s.step, s.due, s.done, s.status) for s in clock_for(case, events, TODAY).steps]
        stored = list(
            CaseStep.objects.filter(case=case)
            .order_by("id")
            .values_list("step", "due", "done", "status")
        )
        assert stored == expected, case.pk


def test_plans_have_every_section(area: Organisation) -> None:
    versions = PlanVersion.objects.filter(plan__case__local_authority=area)
    assert {"draft", "final", "proposed_amendment", "amended_final"} <= set(
        versions.values_list("kind", flat=True)
    )
    for version in versions[:50]:
        assert set(version.sections) == set(SECTION_BY_CODE)
        assert version.sections["B"] and version.sections["F"] and version.sections["A"]


def test_the_demo_caseworker_has_work_in_every_queue(area: Organisation) -> None:
    caseworker = User.objects.get(email="caseworker@northmoor.example")
    counts = queue_counts(user=caseworker, today=TODAY)
    assert counts["overdue"] >= 1
    assert counts["due_this_week"] >= 1
    assert counts["waiting_on_advice"] >= 1


def test_the_demo_parent_sees_a_child_mid_assessment_with_advice_outstanding(
    area: Organisation,
) -> None:
    parent = User.objects.get(email="parent@northmoor.example")
    assert parent.kind == UserKind.PARENT and parent.check_password("opensend-demo-2026")
    child = visible_children(parent, TODAY).get()
    case = child.cases.get()
    assert case.stage == Stage.ASSESSING
    assert case.advice_requests.filter(received_on__isnull=True).exists()
    young = User.objects.get(email="young.person@northmoor.example")
    assert visible_children(young, TODAY).count() == 1
    parent_of_young = User.objects.get(email="parent.of.young.person@northmoor.example")
    assert visible_children(parent_of_young, TODAY).get() == young.own_record


def test_demo_staff_codes_can_be_computed(area: Organisation) -> None:
    out = io.StringIO()
    call_command("demo_code", "SENCO@northmoor.example", stdout=out)
    device = TOTPDevice.objects.get(user__email="senco@northmoor.example")
    assert out.getvalue().strip() == f"{totp(device.bin_key):06d}"
    assert device.verify_token(out.getvalue().strip())
    staff = User.objects.filter(email__endswith="@northmoor.example", kind=UserKind.STAFF)
    assert TOTPDevice.objects.filter(user__in=staff, confirmed=True).count() == staff.count()
    with pytest.raises(CommandError):
        call_command("demo_code", "parent@northmoor.example", stdout=io.StringIO())


def test_reset_removes_the_area_and_its_people(area: Organisation) -> None:
    area_reset()
    assert demo_la() is None
    assert not Child.objects.filter(local_authority_id=area.pk).exists()
    assert not User.objects.filter(email__endswith="@northmoor.example").exists()
    generate()  # and it can be generated again
    assert Child.objects.filter(local_authority=demo_la()).count() == CHILDREN


def test_reset_also_removes_the_areas_measures(area: Organisation) -> None:
    """make demo runs twice: the snapshots it took the first time must not block the reset."""
    from opensend.measures.models import IndicatorSnapshot
    from opensend.measures.snapshots.services import snapshots_take

    snapshots_take(local_authority_id=area.pk, taken_on=dt.date(2026, 11, 22), breakdowns=())
    area_reset()
    assert demo_la() is None
    assert not IndicatorSnapshot.objects.filter(local_authority_id=area.pk).exists()


def test_an_existing_area_needs_reset(area: Organisation) -> None:
    with pytest.raises(CommandError, match="--reset"):
        call_command("generate_area", "--children", "20", "--no-progress", stdout=io.StringIO())


def test_the_command_prints_the_sign_ins(db: None) -> None:
    out = io.StringIO()
    call_command(
        "generate_area",
        "--children",
        "20",
        "--seed",
        "3",
        "--today",
        "2026-03-04",
        "--no-progress",
        stdout=out,
    )
    text = out.getvalue()
    for email in (
        "caseworker@",
        "sen.manager@",
        "senco@",
        "health.adviser@",
        "parent@",
        "young.person@",
    ):
        assert f"{email}northmoor.example" in text
    assert "opensend-demo-2026" in text and "make code EMAIL=" in text


def test_nothing_is_generated_when_nonprod_is_off(db: None, settings: object) -> None:
    settings.NONPROD_ENABLED = False  # type: ignore[attr-defined]
    with pytest.raises(NonprodDisabledError):
        generate()
    with pytest.raises(CommandError):
        call_command("generate_area", "--children", "20", stdout=io.StringIO())
    with pytest.raises(CommandError):
        call_command("demo_code", "caseworker@northmoor.example", stdout=io.StringIO())
    assert demo_la() is None


def test_the_generated_area_has_its_measures_projection(area: Organisation) -> None:
    """Bulk-written rows bypass the services' signal: the generator rebuilds the projection,
    so the SQL engine gives the Python engine's figures for the demo area."""
    from opensend.measures.live import live_figures, period_for_year
    from opensend.measures.live.sql import sql_figures

    period = period_for_year(2026)
    found = sql_figures(local_authority_id=area.pk, period=period, breakdown="setting")
    assert found == live_figures(local_authority_id=area.pk, period=period, breakdown="setting")
    area_reset()
    assert demo_la() is None
