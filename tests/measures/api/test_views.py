"""The indicators read API: public DfE figures, live figures for permitted staff only."""

import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from jsonschema import Draft202012Validator

from opensend.measures.comparators.services import ees_import
from opensend.measures.live import live_figures, year_to_date
from opensend.measures.models import AreaComparison, EesRelease
from opensend.nonprod.generator import names
from opensend.people.models import Organisation, User
from opensend.statutory.indicators import INDICATORS
from tests.factories import LocalAuthorityFactory
from tests.measures.comparators.test_comparators import HEADER, la_line
from tests.measures.conftest import quiet
from tests.measures.openapi_schemas import assert_valid, document

EXCL = "plans_issued_within_20_weeks_excl_exceptions"
INCL = "plans_issued_within_20_weeks_incl_exceptions"
NORTHSHIRE = "E10000020"  # the personas' local authority (tests/personas.py)


def get(client: Client, code: str, **query: str) -> tuple[int, dict]:
    response = client.get(f"/api/v1/indicators/{code}/", query)
    assert response["Content-Type"] == "application/json"
    body = json.loads(response.content)
    assert_valid("IndicatorFigure" if response.status_code == 200 else "Error", body)
    return response.status_code, body


def test_every_indicator_is_listed_with_its_definition(client: Client, db: None) -> None:
    response = client.get("/api/v1/indicators/")
    assert response.status_code == 200
    body = response.json()
    assert_valid("IndicatorList", body)
    assert body["count"] == len(INDICATORS) == len(body["indicators"])
    by_code = {item["code"]: item for item in body["indicators"]}
    assert list(by_code) == list(INDICATORS)
    excl = by_code[EXCL]
    assert (excl["unit"], excl["polarity"]) == ("percent", "higher_is_better")
    assert excl["dfe_comparator"]["indicator"] == "PC_plans_issued_20_weeks_ex"
    assert excl["links"]["self"] == f"http://testserver/api/v1/indicators/{EXCL}/"
    assert by_code["advice_within_6_weeks"]["dfe_comparator"] is None


def test_england_2024_as_published_for_anyone(client: Client, ees_2025: EesRelease) -> None:
    status, excl = get(client, EXCL, area="E92000001", period="2024")
    assert status == 200
    assert (excl["figure"], excl["value"], excl["numerator"], excl["denominator"]) == (
        "published", 46.4, 39407, 84866,
    )  # fmt: skip
    assert (excl["suppressed"], excl["special"], excl["live_period"]) == (False, None, None)
    assert excl["comparators"]["england"]["value"] == 46.4
    assert excl["comparators"]["rank"] is None
    _, incl = get(client, INCL, area="E92000001", period="2024")
    assert (incl["value"], incl["numerator"], incl["denominator"]) == (45.9, 41448, 90392)


def test_a_local_authority_with_region_neighbours_and_rank(
    client: Client, ees_2025: EesRelease
) -> None:
    _, found = get(client, INCL, area="E06000057", period="2024")
    assert (found["value"], found["numerator"], found["denominator"]) == (46.8, 348, 743)
    assert found["area"] == {
        "code": "E06000057",
        "name": "Northumberland",
        "level": "local_authority",
        "compares_as": "E06000057",
        "region": "E12000001",
        "note": None,
    }
    comparators = found["comparators"]
    assert comparators["region"]["area"] == "E12000001" and comparators["region"]["value"] == 47.6
    assert comparators["neighbours_average"]["used"] == 10
    assert comparators["rank"]["out_of"] == 153 and comparators["rank"]["order"] == "highest_first"
    _, count = get(client, "plans_in_place", area="E06000057", period="2024")
    assert (count["value"], count["numerator"], count["comparators"]["time_period"]) == (
        3873, 3873, "202425",
    )  # fmt: skip


def test_a_published_x_is_kept(client: Client, ees_2025: EesRelease) -> None:
    _, dorset = get(client, EXCL, area="E06000059", period="2024")
    assert (dorset["value"], dorset["special"], dorset["suppressed"]) == (None, "x", False)
    assert dorset["comparators"]["rank"]["position"] is None


@pytest.mark.django_db
def test_a_published_c_is_suppressed(client: Client, tmp_path: Path) -> None:
    lines = [HEADER, la_line(1, "c", "c").replace("2030,", "2025,", 1)]
    path = tmp_path / "test-timeliness_2030.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("data/timeliness_20_week.csv", "\n".join(lines) + "\n")
    ees_import(path=path, progress=False, say=quiet)
    _, found = get(client, EXCL, area="E06000001", period="2025")
    assert (found["value"], found["numerator"], found["special"], found["suppressed"]) == (
        None, None, "c", True,
    )  # fmt: skip
    assert found["comparators"]["area"]["numerator"] == {"value": None, "special": "c"}


@pytest.mark.parametrize(
    ("query", "parameter", "message"),
    [
        ({"period": "2024"}, "area", "Give an area"),
        ({"area": "Northumberland", "period": "2024"}, "area", "not an ONS area code"),
        ({"area": "E06999999", "period": "2024"}, "area", "No published figures"),
        ({"area": "E92000001"}, "period", "Give a period"),
        ({"area": "E92000001", "period": "2024/25"}, "period", "not a calendar year"),
        ({"area": "E92000001", "period": "2031"}, "period", "outside 2014"),
        ({"area": "E92000001", "period": "2013"}, "period", "outside 2014"),
    ],
)
def test_bad_parameters_are_a_json_400(
    client: Client, db: None, today: dt.date, query: dict, parameter: str, message: str
) -> None:
    status, body = get(client, EXCL, **query)
    assert (status, body["parameter"]) == (400, parameter)
    assert message in body["message"]


def test_an_unknown_code_is_a_json_404(client: Client, db: None) -> None:
    status, body = get(client, "no_such_indicator", area="E92000001", period="2024")
    assert status == 404 and "no_such_indicator" in body["message"]


def test_answers_vary_by_user_and_are_not_cached_by_others(client: Client, db: None) -> None:
    response = client.get(f"/api/v1/indicators/{EXCL}/", {"area": "E92000001", "period": "2024"})
    assert "Cookie" in response["Vary"]
    assert "private" in response["Cache-Control"]
    assert response["Access-Control-Allow-Origin"] == "*"
    assert client.post("/api/v1/indicators/").status_code == 405


def test_the_openapi_file_is_served_and_its_schemas_are_valid(client: Client, db: None) -> None:
    response = client.get("/api/v1/openapi.yaml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/yaml")
    served = json.loads(response.content)
    assert served == document() and served["openapi"] == "3.1.0"
    for schema in served["components"]["schemas"].values():
        Draft202012Validator.check_schema(schema)
    assert set(served["paths"]) == {"/indicators/", "/indicators/{code}/", "/openapi.yaml"}


# --- live figures: only the area's own signed-in SEN managers and analysts -------------------


def live(world_la_id: int, code: str, today: dt.date) -> dict:
    (found,) = live_figures(
        local_authority_id=world_la_id, period=year_to_date(today), codes=[code]
    )
    return {"value": found.value.value, "numerator": found.value.numerator}


@pytest.mark.parametrize("persona", ["sam", "ann"])
def test_permitted_staff_get_the_live_figure(
    persona: str, request: pytest.FixtureRequest, world: object, staff_client, today: dt.date
) -> None:
    user: User = request.getfixturevalue(persona)
    _, found = get(staff_client(user), "ehc_requests_received", area=NORTHSHIRE, period="2026")
    la_id = user.memberships.get().organisation.pk
    expected = live(la_id, "ehc_requests_received", today)
    assert found["figure"] == "live"
    assert found["numerator"] == expected["numerator"] and found["numerator"] > 0
    assert found["live_period"] == {"start": "2026-01-01", "end": "2026-11-22"}
    assert found["suppressed"] is False


@pytest.mark.parametrize("persona", ["cara", "nadia", "sue", "paula", "dev"])
def test_anyone_else_gets_no_live_figure(
    persona: str, request: pytest.FixtureRequest, world: object, client_for, today: dt.date
) -> None:
    user: User = request.getfixturevalue(persona)
    _, found = get(client_for(user), "ehc_requests_received", area=NORTHSHIRE, period="2026")
    assert (found["figure"], found["value"], found["numerator"]) == ("none", None, None)


def test_signed_out_or_without_the_second_factor_gets_no_live_figure(
    world: object, sam: User, today: dt.date
) -> None:
    _, anonymous = get(Client(), "ehc_requests_received", area=NORTHSHIRE, period="2026")
    half = Client()
    half.force_login(sam, backend="django.contrib.auth.backends.ModelBackend")
    _, unverified = get(half, "ehc_requests_received", area=NORTHSHIRE, period="2026")
    assert anonymous["figure"] == unverified["figure"] == "none"


def test_the_demo_area_shows_borrowed_comparators_not_a_borrowed_value(
    client: Client, ees_2025: EesRelease
) -> None:
    la = LocalAuthorityFactory(name=names.LA_NAME, ons_code=names.ONS_CODE)
    AreaComparison.objects.create(
        local_authority=la,
        compares_as=names.COMPARES_AS,
        region_code=names.REGION_CODE,
        neighbours_of=names.COMPARES_AS,
        note="borrowed",
    )
    _, found = get(client, INCL, area=names.ONS_CODE, period="2024")
    assert (found["figure"], found["value"], found["special"]) == ("none", None, None)
    assert found["area"]["compares_as"] == "E06000057" and found["area"]["note"] == "borrowed"
    comparators = found["comparators"]
    assert (comparators["area"]["area"], comparators["area"]["value"]) == ("E06000057", 46.8)
    assert comparators["region"]["area"] == "E12000001"
    assert comparators["neighbours_average"]["used"] == 10


def _demo_area(compares: bool) -> None:
    la = LocalAuthorityFactory(name=names.LA_NAME, ons_code=names.ONS_CODE)
    if compares:
        AreaComparison.objects.create(
            local_authority=la,
            compares_as=names.COMPARES_AS,
            region_code=names.REGION_CODE,
            neighbours_of=names.COMPARES_AS,
        )


COMPARATOR_TABLES = ("measures_ees", "measures_statisticalneighbour", "measures_areacomparison")


def test_a_repeated_answer_reads_its_comparators_from_the_cache(
    client: Client, ees_2025: EesRelease
) -> None:
    _demo_area(compares=True)
    with CaptureQueriesContext(connection) as first:
        _, uncached = get(client, INCL, area=names.ONS_CODE, period="2024")
    with CaptureQueriesContext(connection) as again:
        _, cached = get(client, INCL, area=names.ONS_CODE, period="2024")
    assert cached == uncached and cached["comparators"]["neighbours_average"]["used"] == 10
    reads = [q for q in again.captured_queries if any(t in q["sql"] for t in COMPARATOR_TABLES)]
    # signed out: the published version (comparators.cached) is all the answer reads again;
    # the first answer read the area, its neighbours and the published rows too
    assert len(reads) == len(again) == 1 and len(first) == 5


def test_a_changed_comparison_is_answered_at_once(client: Client, ees_2025: EesRelease) -> None:
    _demo_area(compares=False)
    _, before = get(client, INCL, area=names.ONS_CODE, period="2024")
    AreaComparison.objects.create(
        local_authority=Organisation.objects.get(ons_code=names.ONS_CODE),
        compares_as=names.COMPARES_AS,
        region_code=names.REGION_CODE,
        neighbours_of=names.COMPARES_AS,
    )
    _, after = get(client, INCL, area=names.ONS_CODE, period="2024")
    assert before["area"]["compares_as"] == names.ONS_CODE
    assert after["area"]["compares_as"] == names.COMPARES_AS
