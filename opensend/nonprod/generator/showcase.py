"""The few children whose cases the demo sign-ins are built around.

Random journeys fill the queues anyway; these make sure that, whatever the seed, the demo
caseworker has something overdue, something due this week and advice outstanding, and the
demo parent's child is mid-assessment with advice still to come.
"""

import datetime as dt
from dataclasses import dataclass

from opensend.nonprod.generator import names
from opensend.nonprod.generator.area import Area
from opensend.nonprod.generator.cases import AdvicePlan, Journey, JourneyPlanner, ReviewPlan
from opensend.nonprod.generator.children import ChildDraft, ChildSpec
from opensend.people.models import Organisation

D = names.EMAIL_DOMAIN
PARENT_EMAIL = f"parent@{D}"
YOUNG_PERSON_EMAIL = f"young.person@{D}"
YOUNG_PERSON_NO_CONSENT_EMAIL = f"young.person.no.consent@{D}"
PARENT_OF_YOUNG_PERSON_EMAIL = f"parent.of.young.person@{D}"


@dataclass(frozen=True)
class Showcase:
    spec: ChildSpec
    story: str  # which explicit journey; "plan" = any journey that reached a live plan


def showcases(area: Area) -> list[Showcase]:
    school = demo_school(area)
    return [
        Showcase(
            ChildSpec(
                age=8,
                setting=school,
                category="mainstream",
                primary_need="ASD",
                parent_email=PARENT_EMAIL,
            ),
            "advice_outstanding",
        ),
        Showcase(ChildSpec(age=5, category="mainstream"), "decision_overdue"),
        Showcase(ChildSpec(age=12, part="north", category="mainstream"), "advice_overdue"),
        Showcase(ChildSpec(age=6, category="mainstream"), "decision_due_this_week"),
        Showcase(ChildSpec(age=10, category="special"), "review_decision_overdue"),
        Showcase(ChildSpec(age=14, category="mainstream"), "draft_comments"),
        Showcase(
            ChildSpec(
                age=18,
                category="further_education",
                primary_need="SLCN",
                young_person_email=YOUNG_PERSON_EMAIL,
                consent=True,
                parent_email=PARENT_OF_YOUNG_PERSON_EMAIL,
            ),
            "plan",
        ),
        Showcase(
            ChildSpec(
                age=20,
                category="further_education",
                young_person_email=YOUNG_PERSON_NO_CONSENT_EMAIL,
            ),
            "plan",
        ),
    ]


def demo_school(area: Area) -> Organisation:
    return area.south["primary"][0]


def _ago(today: dt.date, count: int) -> dt.date:
    return today - dt.timedelta(days=count)


def showcase_journey(planner: JourneyPlanner, draft: ChildDraft, story: str) -> Journey:
    today = planner.today
    partners = planner.partners
    if story == "plan":
        for _ in range(200):  # a random journey that reached a plan still in force
            journey = planner.plan(draft)
            if (
                journey.final_on
                and journey.final_on <= today
                and not (journey.ceased_on and journey.ceased_on <= today)
            ):
                return journey
        raise RuntimeError("no journey reached a plan")
    journey = Journey(request_on=today, source="2")

    def advice(*wanted: tuple[str, int, int | None]) -> list[AdvicePlan]:
        made = []
        for service, requested, received in wanted:
            org = draft.setting if service == "education" else partners[service]
            assert org is not None
            made.append(
                AdvicePlan(
                    service,
                    org,
                    _ago(today, requested),
                    None if received is None else _ago(today, received),
                )
            )
        return made

    if story == "advice_outstanding":  # the demo parent's child: advice due in 7 days
        journey.request_on, journey.decision_on = _ago(today, 66), _ago(today, 38)
        journey.advice = advice(
            ("psychology", 35, None),
            ("health", 35, 10),
            ("social_care", 35, None),
            ("education", 35, None),
        )
    elif story == "decision_overdue":
        journey.request_on, journey.decision_on = _ago(today, 50), _ago(today, -10)
    elif story == "decision_due_this_week":
        journey.request_on, journey.decision_on = _ago(today, 39), _ago(today, -2)
    elif story == "advice_overdue":
        journey.request_on, journey.decision_on = _ago(today, 100), _ago(today, 70)
        journey.advice = advice(("psychology", 68, None), ("health", 68, 30), ("education", 68, 40))
    elif story == "draft_comments":
        journey.request_on, journey.decision_on = _ago(today, 130), _ago(today, 100)
        journey.advice = advice(("psychology", 98, 60), ("health", 98, 50), ("education", 98, 70))
        journey.issue_panel_on, journey.draft_on = _ago(today, 12), _ago(today, 7)
        journey.final_on = _ago(today, -20)
    elif story == "review_decision_overdue":
        final = _ago(today, 760)
        journey.request_on, journey.decision_on = _ago(final, 140), _ago(final, 105)
        journey.advice = advice(("psychology", 863, 830), ("health", 863, 840))
        journey.issue_panel_on, journey.draft_on, journey.final_on = (
            _ago(final, 30),
            _ago(final, 25),
            final,
        )
        journey.reviews = [
            ReviewPlan(_ago(today, 400), _ago(today, 380), "maintain"),
            ReviewPlan(_ago(today, 42), _ago(today, -10), "maintain"),
        ]
    else:
        raise ValueError(f"unknown showcase story {story!r}")
    return journey
