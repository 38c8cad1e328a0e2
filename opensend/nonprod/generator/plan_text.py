"""Plausible, invented wording for the sections of a demo EHC plan (A-K).

The wording follows the "golden thread" (need in B, provision in F, outcome in E) and
keeps provision in F specified and quantified, so that the plan-quality checks have
something realistic to read. It is synthetic: no real child's plan is quoted.
"""

import random
from typing import Any

from opensend.nonprod.generator.mix import one_of

NEED_TEXT = {
    "ASD": (
        "{name} is autistic. {they} find changes of routine and busy, noisy rooms hard, "
        "and can become overwhelmed at transitions between lessons.",
        "Daily visual timetable and a 10-minute check-in with a key adult each morning",
        "a teaching assistant trained in autism, 15 hours a week",
        "manage changes in routine with the help of a visual timetable",
    ),
    "SLCN": (
        "{name} has a developmental language disorder. {they} understand short "
        "instructions but lose the thread of longer ones, and find it hard to find words.",
        "Speech and language therapy programme delivered in school",
        "3 sessions of 20 minutes a week, planned by the speech and language therapist",
        "follow a two-step instruction in class without an adult repeating it",
    ),
    "SEMH": (
        "{name} experiences high anxiety, which shows as refusal and leaving the room. "
        "{they} respond well to calm, consistent adults.",
        "Emotional literacy support (ELSA) sessions and a named safe space",
        "1 session of 30 minutes a week with a trained ELSA, for 12 weeks, then reviewed",
        "name {their} feelings and use a calm-down plan with one adult prompt",
    ),
    "MLD": (
        "{name} is working well below age-related expectations in literacy and numeracy "
        "and needs new learning broken into small steps.",
        "Small-group precision teaching in reading and number",
        "4 sessions of 15 minutes a week in a group of no more than 4",
        "read and understand a short text at {their} level with 90% accuracy",
    ),
    "SLD": (
        "{name} has severe learning difficulties and communicates with single words, signs "
        "and symbols.",
        "A total communication approach across the day",
        "a class of no more than 8 pupils with 3 adults, all using Makaton",
        "make choices using symbols at snack and play times",
    ),
    "PMLD": (
        "{name} has profound and multiple learning difficulties and complex health needs.",
        "A sensory curriculum with personal care and postural management",
        "1:1 adult support throughout the school day, with a physiotherapy programme daily",
        "show a consistent response to familiar people and activities",
    ),
    "PD": (
        "{name} has cerebral palsy affecting movement on {their} right side and uses a "
        "walking frame.",
        "Physiotherapy and occupational therapy programmes",
        "a daily 20-minute physiotherapy programme led by trained staff",
        "move independently between classrooms using {their} frame",
    ),
    "SPLD": (
        "{name} has dyslexia. {their_cap} reading and spelling are well below {their} "
        "understanding, which is good.",
        "A structured, multi-sensory literacy programme",
        "3 sessions of 30 minutes a week with a specialist teacher",
        "read and spell the next 100 high-frequency words",
    ),
    "HI": (
        "{name} has a moderate bilateral hearing loss and wears hearing aids.",
        "Support from a qualified teacher of the deaf and a radio aid",
        "a visit from a teacher of the deaf twice each half term, and a radio aid in lessons",
        "take part in group discussion using {their} radio aid",
    ),
    "VI": (
        "{name} has a vision impairment and needs enlarged, high-contrast materials.",
        "Support from a qualified teacher of the visually impaired",
        "materials in 24-point print and a visit from a QTVI each half term",
        "use a tablet to access class texts independently",
    ),
    "MSI": (
        "{name} has a combined hearing and vision impairment.",
        "A multi-sensory impairment specialist programme",
        "an intervenor for 20 hours a week and specialist advice each half term",
        "use object cues to anticipate the next activity",
    ),
    "DS": (
        "{name} has Down syndrome and learns best through visual and practical activities.",
        "A differentiated curriculum with visual supports and signing",
        "a teaching assistant for 20 hours a week, trained in the Numicon approach",
        "count reliably to 20 using practical equipment",
    ),
    "OTH": (
        "{name} has a rare genetic condition that affects {their} stamina and attention.",
        "Rest breaks and an adapted timetable agreed with health staff",
        "two 10-minute rest breaks each day and a shortened timetable reviewed termly",
        "complete a full morning of lessons with planned rest breaks",
    ),
}
ASPIRATIONS = (
    "to have friends and be invited to parties",
    "to become a vet",
    "to work with animals",
    "to go to college with my friends",
    "to learn to cook my own meals",
    "to play football for a team",
    "to travel on the bus on my own",
    "to be a games designer",
    "to be an artist",
)
INTERESTS = (
    "dinosaurs",
    "trains",
    "drawing",
    "swimming",
    "music",
    "football",
    "Lego",
    "horses",
    "computer games",
    "baking",
    "space",
)


def _words(name: str, sex: str) -> dict[str, str]:
    they, their = {"M": ("He", "his"), "F": ("She", "her")}.get(sex, ("They", "their"))
    return {"name": name, "they": they, "their": their, "their_cap": their.capitalize()}


def plan_sections(
    rng: random.Random,
    *,
    forename: str,
    sex: str,
    needs: list[str],
    setting: tuple[int | None, str],
    advice: list[str],
) -> dict[str, Any]:
    """Sections A-K for a plan: one per need in B, F and E, a placement in I."""
    words = _words(forename, sex)
    return {
        "A": (
            f"{forename} likes {one_of(rng, INTERESTS)} and {one_of(rng, INTERESTS)}. "
            f'{forename} says: "I want {one_of(rng, ASPIRATIONS)}." '
            f"{words['their_cap']} family want {words['their']} needs understood "
            "by everyone who works with them."
        ),
        "B": [{"need": need, "description": NEED_TEXT[need][0].format(**words)} for need in needs],
        "C": (
            "No health needs beyond those described in B."
            if needs[0] not in {"PD", "PMLD"}
            else f"{forename} has epilepsy, well controlled with medication."
        ),
        "D": (
            "No social care needs identified at this assessment."
            if rng.random() < 0.6
            else "The family would benefit from short breaks during school holidays."
        ),
        "E": [
            {
                "outcome": f"By the end of the key stage, {forename} will "
                + NEED_TEXT[need][3].format(**words)
                + ".",
                "by": "end of the key stage",
            }
            for need in needs
        ],
        "F": [
            {
                "need": need,
                "provision": NEED_TEXT[need][1],
                "amount": NEED_TEXT[need][2],
                "delivered_by": "the setting, with advice from the specialist service",
            }
            for need in needs
        ],
        "G": (
            "Annual review by the community paediatrician."
            if needs[0] in {"PD", "PMLD", "OTH", "DS"}
            else "None."
        ),
        "H1": "None.",
        "H2": (
            "Short breaks: 6 days a year at the local short-break centre."
            if rng.random() < 0.3
            else "None."
        ),
        "I": {"setting_id": setting[0], "setting_name": setting[1]},
        "J": (
            "A personal budget of £1,200 a year for transport."
            if rng.random() < 0.15
            else "No personal budget has been requested."
        ),
        "K": "Advice received: " + "; ".join(advice) + "." if advice else "Advice received: none.",
    }
