"""A fast bulk loader for bench_measures.py: one area of N plans in a few SQL statements.

The demo generator builds an area through the ORM, event by event, and that is too slow
for a national-scale area: it took 6 minutes for 50,000 children. This loader writes the
same tables with INSERT ... SELECT over generate_series. It uses a random seed and one
scratch table of per-case draws, and it gives the rows realistic, consistent dates:

* cases: N with a plan and 0.3 N more with only a request (decided or waiting). A plan's
  request falls between 2012 and mid-2026, skewed towards recent years. Its final plan
  comes 12 to 55 weeks later, about half of them within 20 weeks. 15% of plans have
  ceased, each with a SEN2 reason;
* children: date of birth, sex, ethnicity, postcode, and a primary need (5% have none);
* settings: one for every 120 plans, of several kinds (mainstream, special, independent,
  college), 85% in the area, in 12 localities. 5% of plans name no setting;
* events: request_received, decision_to_assess (outcome) and final_plan_issued. Exceptions
  (personal circumstances, inside the 20 weeks) on 4% of plans. amended_plan_issued after
  an "amend" review;
* the clock's stored steps: review_due for each anniversary in 2024-2026, with the
  AnnualReview that answered it (decision and outcome), and phase_transfer for the 2025
  and 2026 school and post-16 cohorts with their PhaseTransfer;
* advice requests (4 agencies) for requests since 2024, and disputes on 3% of plans.

Nothing here is read by the application: it is test data for the benchmark only.
"""

from typing import Any

from django.db import connection

TODAY = "2026-11-22"
LOCALITIES = [
    "Alderwick", "Brackenholm", "Cawdon", "Cragside Moor", "Elderby", "Fellbeck",
    "Harrowden Green", "Hawkshaw", "Millbrook", "Northmoor", "Ravensby", "Thornleigh",
]  # fmt: skip
NEEDS = ["ASD"] * 6 + ["SLCN"] * 4 + ["SEMH"] * 3 + ["MLD"] * 2 + [
    "SPLD", "SLD", "PMLD", "HI", "VI", "MSI", "PD", "DS", "OTH",
]  # fmt: skip
ETHNICITIES = ["WBRI"] * 14 + [
    "WOTH", "WIRI", "MWBC", "MWAS", "MOTH", "AIND", "APKN", "ABAN", "BAFR", "BCRB", "CHNE",
    "OOTH", "REFU", "NOBT",
]  # fmt: skip


def _array(values: list[str]) -> str:
    return "ARRAY[" + ",".join(f"'{value}'" for value in values) + "]"


def _pick(values: list[str]) -> str:
    return f"({_array(values)})[1 + floor(random() * {len(values)})::int]"


def _reserve(cursor: Any, table: str, count: int) -> int:
    """Reserve ``count`` ids of ``table``'s sequence; return the first minus one.

    nextval only (USAGE on the sequence): the application role may not setval (issue 13,
    finding 2). The loader runs alone, so the ids it draws in one statement follow on.
    """
    cursor.execute(
        f"SELECT min(n), max(n) FROM (SELECT nextval(pg_get_serial_sequence('{table}', 'id'))"
        " AS n FROM generate_series(1, %s)) AS drawn",
        [max(count, 1)],
    )
    first, last = cursor.fetchone()
    if last - first + 1 != max(count, 1):
        raise RuntimeError(f"{table}: ids drawn were not consecutive; run the loader alone")
    return int(first) - 1


SCRATCH = """CREATE TEMP TABLE bench_case AS
SELECT g,
       g <= %(plans)s AS has_plan,
       received,
       received + 28 + floor(random() * 35)::int AS decided,
       least(received + 84 + floor(power(random(), 1.6) * 300)::int, DATE '2026-11-20') AS issued,
       random() AS r_cease, random() AS r_setting, random() AS r_stage, random() AS r_exc,
       random() AS r_dispute, floor(random() * %(workers)s)::int AS worker,
       DATE '2001-09-01' + floor(random() * 8400)::int AS born
FROM (
    SELECT g, CASE WHEN g <= %(plans)s
                   THEN DATE '2012-01-01' + floor(power(random(), 0.45) * 5300)::int
                   ELSE DATE '2024-06-01' + floor(random() * 900)::int END AS received
    FROM generate_series(1, %(cases)s) g
) drawn"""
SCRATCH_COLUMNS = "ALTER TABLE bench_case ADD COLUMN ceased date, ADD COLUMN setting int"
SCRATCH_DRAWS = """UPDATE bench_case SET
    ceased = CASE WHEN has_plan AND r_cease < 0.15
                  THEN issued + floor(r_cease / 0.15 * (DATE '2026-11-20' - issued))::int END,
    setting = CASE WHEN r_setting < 0.95 THEN floor(r_setting / 0.95 * %(settings)s)::int END"""


def load_area(*, name: str, plans: int, seed: float = 0.42) -> int:
    """Load one area with ``plans`` plans; return its organisation id."""
    cases = plans + plans * 3 // 10
    settings_count = max(40, plans // 120)
    workers = max(5, cases // 80)
    p = {"plans": plans, "cases": cases, "settings": settings_count, "workers": workers}
    with connection.cursor() as cursor:
        cursor.execute("SELECT setseed(%s)", [seed])
        cursor.execute(
            "INSERT INTO people_organisation (name, kind, la_code, ons_code, urn, ukprn, phase,"
            " is_special, is_independent, postcode, locality) VALUES"
            " (%s, 'local_authority', '999', 'E06999999', '', '', '', false, false, '', ''),"
            " (%s, 'local_authority', '998', 'E06999998', '', '', '', false, false, '', '')"
            " RETURNING id",
            [name, name + " (neighbour)"],
        )
        la, other = (row[0] for row in cursor.fetchall())
        p |= {"la": la, "other": other}
        org_base = _reserve(cursor, "people_organisation", settings_count)
        user_base = _reserve(cursor, "people_user", workers)
        child_base = _reserve(cursor, "people_child", cases)
        case_base = _reserve(cursor, "casework_case", cases)
        p |= {"org": org_base, "user": user_base, "child": child_base, "case": case_base}
        for step, sql in STATEMENTS:
            cursor.execute(sql.replace("{LOC}", _pick(LOCALITIES))
                           .replace("{NEED}", _pick(NEEDS))
                           .replace("{ETH}", _pick(ETHNICITIES)), p)  # fmt: skip
            print(f"  {step}: {cursor.rowcount:,} rows", flush=True)
        cursor.execute("DROP TABLE bench_case")
        cursor.execute("ANALYZE")
    return la


STATEMENTS: list[tuple[str, str]] = [
    ("scratch", SCRATCH),
    ("scratch columns", SCRATCH_COLUMNS),
    ("scratch draws", SCRATCH_DRAWS),
    (
        "settings",
        """INSERT INTO people_organisation (id, name, kind, la_code, ons_code, urn, ukprn, phase,
           is_special, is_independent, postcode, locality, local_authority_id)
        SELECT %(org)s + s + 1, 'Bench setting ' || s,
               CASE WHEN s %% 20 = 0 THEN 'college' ELSE 'school' END, '', '', '', '',
               CASE WHEN s %% 20 = 0 THEN 'further_education' WHEN s %% 4 = 1 THEN 'special'
                    ELSE 'primary' END,
               s %% 4 = 1, s %% 12 = 3, 'NB' || (s %% 12) || ' 1AA', {LOC},
               CASE WHEN s %% 7 = 6 THEN %(other)s ELSE %(la)s END
        FROM generate_series(0, %(settings)s - 1) s""",
    ),
    (
        "caseworkers",
        """INSERT INTO people_user (id, password, is_superuser, email, full_name, kind, is_active,
           created_at)
        SELECT %(user)s + w + 1, '!', false, 'bench-' || %(la)s || '-' || w || '@example.invalid',
               'Bench caseworker ' || w, 'staff', true, now()
        FROM generate_series(0, %(workers)s - 1) w""",
    ),
    (
        "children",
        """INSERT INTO people_child (id, legal_forename, legal_surname, preferred_name,
           date_of_birth, sex, ethnicity, postcode, upn, upn_unknown_reason, uln, nhs_number,
           version, created_at, local_authority_id)
        SELECT %(child)s + g, 'Bench' || g, 'Child', '', born,
               CASE WHEN r_stage < 0.72 THEN 'M' WHEN r_stage < 0.998 THEN 'F' ELSE 'U' END,
               {ETH}, 'NB' || (g %% 12) || ' 2AB', '', '', '', '', 1, now(), %(la)s
        FROM bench_case""",
    ),
    (
        "needs",
        """INSERT INTO people_childneed (need, rank, child_id)
        SELECT {NEED}, 1, %(child)s + g FROM bench_case WHERE random() > 0.05""",
    ),
    (
        "cases",
        """INSERT INTO casework_case (id, stage, opened_on, version, caseworker_id, child_id,
           local_authority_id)
        SELECT %(case)s + g,
               CASE WHEN has_plan AND ceased IS NOT NULL THEN 'ceased' WHEN has_plan THEN 'plan'
                    WHEN r_stage < 0.5 THEN 'not_assessed' WHEN decided <= DATE '2026-11-22'
                    THEN 'assessing' ELSE 'requested' END,
               received, 1, %(user)s + 1 + worker, %(child)s + g, %(la)s
        FROM bench_case""",
    ),
    (
        "requests",
        """INSERT INTO casework_ehcrequest (received_on, source, requested_by,
           graduated_approach_evidence, youth_accommodation, case_id)
        SELECT received, '2', '', '', false, %(case)s + g FROM bench_case""",
    ),
    (
        "plans",
        """INSERT INTO casework_plan (first_issued_on, ceased_on, cease_reason, case_id,
           named_setting_id, setting_code)
        SELECT issued, ceased,
               CASE WHEN ceased IS NULL THEN '' ELSE (1 + floor(r_cease * 60)::int %% 9)::text END,
               %(case)s + g, CASE WHEN setting IS NOT NULL THEN %(org)s + setting + 1 END, ''
        FROM bench_case WHERE has_plan""",
    ),
    (
        "events",
        """INSERT INTO casework_caseevent (kind, occurred_on, data, recorded_at, case_id)
        SELECT kind, occurred_on, data, now(), %(case)s + g FROM (
            SELECT g, 'request_received' AS kind, received AS occurred_on, '{}'::jsonb AS data
            FROM bench_case
            UNION ALL
            SELECT g, 'decision_to_assess', decided, jsonb_build_object('outcome',
                   CASE WHEN has_plan OR r_stage >= 0.5 THEN 'assess' ELSE 'not_assess' END)
            FROM bench_case WHERE decided <= DATE '2026-11-22'
            UNION ALL
            SELECT g, 'final_plan_issued', issued, '{}'::jsonb FROM bench_case WHERE has_plan
            UNION ALL
            SELECT g, 'exception', received + 30, jsonb_build_object('reason',
                   'personal_circumstances', 'start', (received + 30)::text,
                   'end', (received + 60)::text)
            FROM bench_case WHERE has_plan AND r_exc < 0.04
        ) e""",
    ),
    (
        "review steps",
        """INSERT INTO casework_casestep (step, due, done, status, rule, case_id)
        SELECT 'review_due', due,
               CASE WHEN due > DATE '2026-11-22' OR random() < 0.08 THEN NULL
                    ELSE due - 40 + floor(random() * 75)::int END,
               'open', 'CFA s44(1)', %(case)s + g
        FROM (
            SELECT g, make_date(y, extract(month FROM issued)::int,
                                least(extract(day FROM issued)::int, 28)) AS due, ceased, issued
            FROM bench_case, generate_series(2024, 2026) y WHERE has_plan
        ) anniversaries
        WHERE due > issued + 300 AND (ceased IS NULL OR ceased > due)""",
    ),
    (
        "annual reviews",
        """INSERT INTO casework_annualreview (meeting_on, decision_on, outcome, notes, case_id)
        SELECT done, done + 7 + floor(random() * 40)::int,
               CASE WHEN random() < 0.52 THEN 'M' WHEN random() < 0.96 THEN 'A' ELSE 'C' END,
               '', case_id
        FROM casework_casestep
        WHERE step = 'review_due' AND done IS NOT NULL
          AND case_id BETWEEN %(case)s + 1 AND %(case)s + %(cases)s""",
    ),
    (
        "amended plans",
        """INSERT INTO casework_caseevent (kind, occurred_on, data, recorded_at, case_id)
        SELECT 'amended_plan_issued', meeting_on + 28 + floor(random() * 100)::int, '{}', now(),
               case_id
        FROM casework_annualreview
        WHERE outcome = 'A' AND case_id BETWEEN %(case)s + 1 AND %(case)s + %(cases)s
          AND meeting_on + 128 <= DATE '2026-11-22'""",
    ),
    (
        "phase transfers",
        """INSERT INTO casework_phasetransfer (transfer_date, kind, finalised_on, case_id)
        SELECT make_date(y, 9, 1), kind, make_date(y, 1, 10) + floor(random() * 70)::int,
               %(case)s + g
        FROM bench_case, generate_series(2025, 2026) y,
             LATERAL (VALUES ('school', 11), ('post16', 16)) AS k(kind, age)
        WHERE has_plan AND ceased IS NULL
          AND born BETWEEN make_date(y - age, 9, 1) AND make_date(y - age + 1, 8, 31)""",
    ),
    (
        "phase transfer steps",
        """INSERT INTO casework_casestep (step, due, done, status, rule, case_id)
        SELECT 'phase_transfer',
               make_date(extract(year FROM transfer_date)::int,
                         CASE WHEN kind = 'school' THEN 2 ELSE 3 END,
                         CASE WHEN kind = 'school' THEN 15 ELSE 31 END),
               finalised_on, 'met', 'Reg 18(1)', case_id
        FROM casework_phasetransfer
        WHERE case_id BETWEEN %(case)s + 1 AND %(case)s + %(cases)s""",
    ),
    (
        "advice requests",
        """INSERT INTO casework_advicerequest (service, requested_on, due_on, received_on,
           times_chased, summary, organisation_id, case_id)
        SELECT service, decided + 1, decided + 43,
               CASE WHEN random() < 0.08 THEN NULL ELSE decided + 15 + floor(random() * 45)::int
               END, 0, '', %(la)s, %(case)s + g
        FROM bench_case,
             unnest(ARRAY['education', 'health', 'social_care', 'psychology']) service
        WHERE received >= DATE '2024-01-01' AND decided <= DATE '2026-11-20'
          AND (has_plan OR r_stage >= 0.5)""",
    ),
    (
        "disputes",
        """INSERT INTO casework_dispute (kind, decision, started_on, concluded_on, outcome, case_id)
        SELECT kind, 'contents', started,
               CASE WHEN started + 200 <= DATE '2026-11-22' THEN started + 200 END,
               CASE WHEN started + 200 > DATE '2026-11-22' THEN ''
                    WHEN kind = 'mediation' AND r_dispute < 0.018 THEN 'Agreement reached'
                    WHEN kind = 'mediation' THEN 'No agreement; certificate issued'
                    WHEN r_dispute < 0.015 THEN 'Appeal upheld'
                    WHEN r_dispute < 0.02 THEN 'Appeal dismissed'
                    ELSE 'Conceded by the local authority before hearing' END,
               %(case)s + g
        FROM (
            SELECT g, r_dispute, DATE '2024-01-01' + floor(r_dispute / 0.03 * 1000)::int AS started,
                   CASE WHEN g %% 10 < 7 THEN 'mediation' ELSE 'tribunal' END AS kind
            FROM bench_case WHERE has_plan AND r_dispute < 0.03
        ) d""",
    ),
]
