"""Decision letters: the panel's decision as the family receives it, PDF and Word.

A letter is written for each decision the family must be told of in writing: whether to
carry out an EHC needs assessment (CFA 2014 s36(5); Reg 5(1): within 6 weeks of the
request) and a decision not to issue a plan (Reg 10(1): within 16 weeks). A refusal is
appealable to the First-tier Tribunal (CFA s51(2)(a), (b)), and the letter must say so,
with the time limit and the need to consider mediation first (CFA s55).
A decision to issue a plan needs no letter: the draft plan itself is sent (Reg 13).

The letter is built once, when the decision is recorded, and kept as sent
(services/issued.py).
"""

import io
import re
from dataclasses import dataclass

import docx
from django.template.loader import render_to_string

from opensend.casework.documents import style_word_document
from opensend.casework.models import PanelDecision, PanelQuestion
from opensend.core.documents import pdf_from_html
from opensend.core.formatting import govuk_date
from opensend.statutory.dates import add_weeks
from opensend.statutory.school_year import young_person_from

APPEAL = (
    "You can appeal against this decision to the First-tier Tribunal (Special Educational "
    "Needs and Disability).",
    "Before you appeal you must contact a mediation adviser, who will tell you about "
    "mediation. You do not have to take part in mediation, but you need a certificate from "
    "the adviser to appeal. Mediation advice and the certificate are free.",
    "You must appeal within 2 months of the date of this letter, or within 1 month of the "
    "date of the mediation certificate, whichever is later.",
    "You can also ask for disagreement resolution, and for free, impartial information, "
    "advice and support from the local SEND information, advice and support service.",
)


@dataclass(frozen=True)
class DecisionLetter:
    local_authority: str
    child_name: str
    date_of_birth: str
    dated: str
    reference: str
    greeting: str
    title: str  # the document's title (PDF metadata, Word title, the case page)
    heading: str  # what was decided, in one sentence
    paragraphs: tuple[str, ...]
    reasons: tuple[str, ...]
    appeal: tuple[str, ...]


def _reasons(text: str) -> tuple[str, ...]:
    blocks = re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n").strip())
    return tuple(block.strip() for block in blocks if block.strip())


def _greeting(decision: PanelDecision) -> str:
    child = decision.case.child
    if decision.met_on >= young_person_from(child.date_of_birth):
        return f"Dear {child.full_name}"  # past compulsory school age: the young person decides
    return f"Dear parent or carer of {child.full_name}"


def _assessment_decision(decision: PanelDecision, name: str) -> tuple[str, tuple[str, ...]]:
    if not decision.agreed:
        return (f"We will not carry out an education, health and care needs assessment for "
                f"{name}", ("We have decided that an education, health and care (EHC) needs "
                            "assessment is not necessary at the moment.",))
    received = decision.case.request.received_on
    return (f"We will carry out an education, health and care needs assessment for {name}", (
        "We have decided to carry out an education, health and care (EHC) needs assessment.",
        "We will ask for advice about their needs from their school or setting, health "
        "services, social care and an educational psychologist. Each has 6 weeks to reply.",
        "We will tell you whether we will issue an EHC plan. If we do, the final plan will "
        f"be issued by {govuk_date(add_weeks(received, 20))}, 20 weeks from the request.",
    ))


def _issue_decision(name: str) -> tuple[str, tuple[str, ...]]:
    return (f"We will not issue an education, health and care plan for {name}", (
        "We have finished the education, health and care (EHC) needs assessment and decided "
        "that an EHC plan is not necessary.",
        "Their school or setting will be told what the assessment found, so that it can "
        "use this when it plans their support.",
    ))


def decision_letter(decision: PanelDecision) -> DecisionLetter:
    case = decision.case
    child = case.child
    if decision.question == PanelQuestion.ASSESS:
        heading, paragraphs = _assessment_decision(decision, child.full_name)
    else:
        heading, paragraphs = _issue_decision(child.full_name)
    return DecisionLetter(
        local_authority=case.local_authority.name,
        child_name=child.full_name,
        date_of_birth=govuk_date(child.date_of_birth),
        dated=govuk_date(decision.met_on),
        reference=f"EHC case {case.pk}",
        greeting=_greeting(decision),
        title=f"Decision letter: {_lower_first(PanelQuestion(decision.question).label)}",
        heading=heading,
        paragraphs=paragraphs,
        reasons=_reasons(decision.reasons),
        appeal=() if decision.agreed else APPEAL,
    )


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def letter_has_decision(decision: PanelDecision) -> bool:
    """Whether the family is sent a letter for this decision (see the module's doc)."""
    return decision.question == PanelQuestion.ASSESS or not decision.agreed


def letter_pdf(letter: DecisionLetter) -> bytes:
    html = render_to_string("casework/decision_letter.html", {"letter": letter}, using="jinja2")
    return pdf_from_html(html)


def letter_docx(letter: DecisionLetter) -> bytes:
    document = docx.Document()
    style_word_document(document)
    document.core_properties.title = letter.title
    document.core_properties.language = "en-GB"
    document.add_paragraph(f"{letter.local_authority} · {letter.dated} · {letter.reference}")
    document.add_heading(letter.heading, level=1)
    document.add_paragraph(f"{letter.child_name}, born {letter.date_of_birth}")
    document.add_paragraph(letter.greeting)
    for paragraph in letter.paragraphs:
        document.add_paragraph(paragraph)
    if letter.reasons:
        document.add_heading("Why we decided this", level=2)
        for reason in letter.reasons:
            document.add_paragraph(reason)
    if letter.appeal:
        document.add_heading("If you disagree", level=2)
        for paragraph in letter.appeal:
            document.add_paragraph(paragraph)
    document.add_paragraph(f"Yours sincerely,\n{letter.local_authority} SEN team")
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()
