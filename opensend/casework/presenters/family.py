"""For families: the same statutory steps in plain, friendly English (no internal notes)."""

from collections.abc import Iterable
from dataclasses import dataclass

from opensend.casework.models import Stage
from opensend.casework.presenters.steps import ADVICE_PREFIX, Tag, advice_label, step_name
from opensend.core.formatting import govuk_date
from opensend.statutory.clock import Step, Week20

FAMILY_DUTIES = {
    "decision_to_assess": "We must decide whether to carry out an EHC needs assessment",
    "decision_not_to_issue": "If we decide not to issue an EHC plan, we must tell you",
    "final_plan": "We must send you the final EHC plan",
    "review_due": "We must review the EHC plan",
    "review_report": "We must receive the report of the annual review meeting",
    "review_decision": "We must tell you whether we will keep, change or end the plan",
    "amended_plan": "We must send you the final amended plan",
    "phase_transfer": "We must update the plan to name the next school or college",
}

# (while it is open, once it has closed)
FAMILY_WINDOWS = {
    "draft_comments_close": (
        "You can comment on the draft plan until {date}",
        "The time to comment on the draft plan ended on {date}",
    ),
    "mediation_contact": (
        "You can contact a mediation adviser until {date}",
        "The time to contact a mediation adviser ended on {date}",
    ),
    "tribunal_appeal": (
        "You can appeal to the SEND tribunal until {date}",
        "The time to appeal to the SEND tribunal ended on {date}",
    ),
}

FAMILY_TAGS = {
    "open": Tag("Coming up", "govuk-tag--blue"),
    "met": Tag("Done", "govuk-tag--green"),
    "late": Tag("Done late", "govuk-tag--red"),
    "overdue": Tag("Late", "govuk-tag--red"),
    "excused": Tag("Delayed", "govuk-tag--yellow"),
}


@dataclass(frozen=True)
class FamilyStep:
    what: str  # "We must decide whether to assess by 13 February 2026"
    progress: str  # after the tag: "[Done] on 10 February 2026."
    tag: Tag
    finished: bool = False  # done, or a window that has closed


def _family_duty(step: Step) -> FamilyStep:
    if step.step.startswith(ADVICE_PREFIX):
        what = f"We must get {advice_label(step.step.removeprefix(ADVICE_PREFIX)).lower()}"
    else:
        what = FAMILY_DUTIES.get(step.step, step_name(step.step))
    on = f"on {govuk_date(step.done)}" if step.done else ""
    # The tag says what happened ("Done"); the text after it finishes the sentence.
    progress, tag = {
        "met": (f"{on}.", "met"),
        "late": (f"{on}.", "late"),
        "overdue": (
            "We are sorry this is late. Your caseworker can tell you what is happening.",
            "overdue",
        ),
        "open": ("", "open"),
    }.get(step.status, ("", "open"))
    if step.status == "excused":
        progress, tag = (
            (f"{on}. It took longer for a reason the law allows.", "met")
            if step.done
            else (
                "This is taking longer for a reason the law allows. Your caseworker can tell "
                "you more.",
                "excused",
            )
        )
    return FamilyStep(
        what=f"{what} by {govuk_date(step.due)}",
        progress=progress,
        tag=FAMILY_TAGS[tag],
        finished=step.done is not None,
    )


def family_step(step: Step) -> FamilyStep:
    if step.step in FAMILY_WINDOWS:
        open_text, closed_text = FAMILY_WINDOWS[step.step]
        if step.status == "met" and step.done:
            return FamilyStep(
                what=closed_text.format(date=govuk_date(step.done)),
                progress="",
                tag=Tag("Closed", "govuk-tag--grey"),
                finished=True,
            )
        return FamilyStep(
            what=open_text.format(date=govuk_date(step.due)),
            progress="",
            tag=Tag("Open now", "govuk-tag--blue"),
        )
    return _family_duty(step)


def family_steps(steps: Iterable[Step]) -> list[FamilyStep]:
    return [family_step(step) for step in steps]


FAMILY_STAGES = {
    Stage.REQUESTED: "We have received the request for an EHC needs assessment",
    Stage.ASSESSING: "We are carrying out an EHC needs assessment",
    Stage.NOT_ASSESSED: "We decided not to carry out an EHC needs assessment",
    Stage.DRAFTING: "We are writing the EHC plan",
    Stage.NOT_ISSUED: "We decided not to issue an EHC plan",
    Stage.PLAN: "The EHC plan is in place",
    Stage.CEASED: "The EHC plan has ended",
}


def family_stage(stage: str) -> str:
    return FAMILY_STAGES.get(Stage(stage), "")


def family_week20(week20: Week20 | None) -> str:
    """The 20-week date in a sentence, or '' when there is no assessment running."""
    if week20 is None or week20.due is None:
        return ""
    if week20.issued:
        return f"We sent the final EHC plan on {govuk_date(week20.issued)}."
    return (
        f"If we issue an EHC plan, we must send you the final plan by "
        f"{govuk_date(week20.due)}. This is 20 weeks after we received the request."
    )
