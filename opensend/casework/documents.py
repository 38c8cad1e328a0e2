"""The EHC plan as a document: PDF (WeasyPrint) and Word (python-docx), from one version.

Both are built from the same `plan_document` outline, so they always say the same
thing: sections A to K with their statutory titles, needs in B ranked (1 = primary),
provision in F grouped under the need it meets (the "golden thread", CoP 9.69), and a
footer on every page with the child's name, the version and its issue date.

The PDF is rendered offline (opensend/core/documents.py): the HTML and its styles are
self-contained, and the URL fetcher refuses every fetch, so nothing about the plan ever
leaves the server.
"""

import io
import re
from dataclasses import dataclass, field
from typing import Any

import docx
from django.http import Http404
from django.template.loader import render_to_string
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from opensend.casework.models import Case, PlanVersion, VersionKind
from opensend.casework.plan_sections import SECTIONS
from opensend.core.audit import audit
from opensend.core.documents import pdf_from_html
from opensend.core.formatting import govuk_date
from opensend.core.models import AuditAction
from opensend.people.models import User
from opensend.statutory import codes

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
NEED_LABELS = dict(codes.choices(codes.NeedType))
NO_NEED = "No need given"
NOT_IN_B = "(not a need in section B)"
NOTHING_RECORDED = "Nothing recorded in this section."
BLACK = RGBColor(0x0B, 0x0C, 0x0C)
GREY = RGBColor(0x50, 0x5A, 0x5F)


# ---------------------------------------------------------------------------------------
# Who may download which version
# ---------------------------------------------------------------------------------------

def plan_version_for_download(*, user: User, case: Case, number: int, file_format: str,
                              request: object = None) -> PlanVersion:
    """Version `number` of the case's plan, audited as a download.

    `case` must come from case_get (the user may see it). Families may download only
    issued versions; an unissued one is a 404 for them, as if it did not exist.
    """
    version = (PlanVersion.objects.filter(plan__case=case, number=number)
               .select_related("plan__named_setting").first())
    if version is None or (not user.is_staff_user and version.issued_on is None):
        audit(actor=user, action=AuditAction.DENIED, child_id=case.child_id, request=request,
              why="download the plan", detail={"case": case.pk, "plan_version": number})
        raise Http404
    audit(actor=user, action=AuditAction.DOWNLOAD, obj=version, child_id=case.child_id,
          why="download the plan", request=request,
          detail={"case": case.pk, "plan_version": number, "format": file_format})
    return version


def plan_filename(version: PlanVersion, extension: str) -> str:
    """No personal data in the name: downloads folders and email subjects leak."""
    return f"ehc-plan-case-{version.plan.case_id}-version-{version.number}.{extension}"


# ---------------------------------------------------------------------------------------
# The outline both formats are built from
# ---------------------------------------------------------------------------------------

@dataclass
class ProvisionGroup:
    need: str  # the need's label (saying so when the need is not in section B)
    rows: list[dict[str, str]]


@dataclass
class SectionContent:
    code: str
    title: str
    shape: str
    paragraphs: list[list[str]] = field(default_factory=list)  # paragraphs of lines
    needs: list[dict[str, Any]] = field(default_factory=list)
    outcomes: list[dict[str, str]] = field(default_factory=list)
    provision: list[ProvisionGroup] = field(default_factory=list)
    placement: str = ""

    @property
    def heading(self) -> str:
        return f"Section {self.code}: {self.title}"

    @property
    def is_empty(self) -> bool:
        return not (self.paragraphs or self.needs or self.outcomes or self.provision
                    or self.placement)


@dataclass
class PlanDocument:
    child_name: str
    date_of_birth: str
    local_authority: str
    title: str
    kind: str  # "Draft plan", "Final plan", "Proposed amendments", "Final amended plan"
    version_line: str
    status: str  # "Issued 3 March 2026" or "Not issued: working copy"
    is_draft: bool
    sections: list[SectionContent]

    @property
    def footer(self) -> str:
        return f"{self.child_name} · {self.version_line} · {self.status}"


def _paragraphs(text: str) -> list[list[str]]:
    blocks = re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n").strip())
    return [block.split("\n") for block in blocks if block.strip()]


def _needs(rows: list[dict[str, str]]) -> list[dict[str, Any]]:
    return [{"rank": rank, "code": row.get("need", ""),
             "label": NEED_LABELS.get(row.get("need", ""), row.get("need", "") or "Need"),
             "description": _paragraphs(row.get("description", ""))}
            for rank, row in enumerate(rows, start=1)]


def _provision(rows: list[dict[str, str]], needs: list[dict[str, Any]]) -> list[ProvisionGroup]:
    """Provision grouped by need, in the ranked order of section B; needs not in B last."""
    ranked = [need["code"] for need in needs]
    groups: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        groups.setdefault(row.get("need") or "", []).append(
            {part: str(row.get(part) or "") for part in ("provision", "amount", "delivered_by")})
    order = [code for code in ranked if code in groups]
    order += [code for code in groups if code not in ranked]
    return [ProvisionGroup(_need_caption(code, code in ranked), groups[code]) for code in order]


def _need_caption(code: str, in_section_b: bool) -> str:
    if not code:
        return NO_NEED
    label = NEED_LABELS.get(code, code)
    return label if in_section_b else f"{label} {NOT_IN_B}"


def _section(code: str, title: str, shape: str, sections: dict[str, Any],
             version: PlanVersion) -> SectionContent:
    content = SectionContent(code, title, shape)
    value = sections.get(code)
    if shape == "text":
        content.paragraphs = _paragraphs(value or "")
    elif shape == "needs":
        content.needs = _needs(value or [])
    elif shape == "outcomes":
        content.outcomes = [{"outcome": str(row["outcome"]), "by": str(row.get("by") or "")}
                            for row in value or [] if row.get("outcome")]
    elif shape == "provision":
        content.provision = _provision(value or [], _needs(sections.get("B") or []))
    elif shape == "placement":
        setting = version.plan.named_setting
        content.placement = (value or {}).get("setting_name") or (setting.name if setting else "")
    return content


def plan_document(version: PlanVersion) -> PlanDocument:
    case = version.plan.case
    child = case.child
    issued = version.issued_on
    return PlanDocument(
        child_name=child.full_name,
        date_of_birth=govuk_date(child.date_of_birth),
        local_authority=case.local_authority.name,
        title="Education, health and care plan",
        kind=VersionKind(version.kind).label,
        version_line=f"Version {version.number}",
        status=f"Issued {govuk_date(issued)}" if issued else "Not issued: working copy",
        is_draft=issued is None or version.kind in (VersionKind.DRAFT,
                                                    VersionKind.PROPOSED_AMENDMENT),
        sections=[_section(s.code, s.title, s.shape, version.sections or {}, version)
                  for s in SECTIONS],
    )


# ---------------------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------------------

def plan_html(version: PlanVersion) -> str:
    return render_to_string("casework/plan_document.html", {"document": plan_document(version)},
                            using="jinja2")


def plan_pdf(version: PlanVersion) -> bytes:
    return pdf_from_html(plan_html(version))


# ---------------------------------------------------------------------------------------
# Word
# ---------------------------------------------------------------------------------------

def _style_document(document: Any) -> None:
    """Arial, black headings: close to GOV.UK typography in a Word template."""
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size, normal.font.color.rgb = "Arial", Pt(12), BLACK
    for name, size in (("Title", 24), ("Heading 1", 20), ("Heading 2", 16), ("Heading 3", 13)):
        style = document.styles[name]
        style.font.name, style.font.size, style.font.bold = "Arial", Pt(size), True
        style.font.color.rgb = BLACK
    for section in document.sections:
        section.left_margin = section.right_margin = Cm(2)


def _page_number_field(paragraph: Any) -> None:
    run = paragraph.add_run()
    for tag, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if tag:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), tag)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _footer(document: Any, plan: PlanDocument) -> None:
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.text = f"{plan.footer} · Page "
    _page_number_field(paragraph)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for run in paragraph.runs:
        run.font.size, run.font.color.rgb = Pt(9), GREY


def _add_paragraphs(document: Any, paragraphs: list[list[str]]) -> None:
    for lines in paragraphs:
        paragraph = document.add_paragraph()
        for index, line in enumerate(lines):
            run = paragraph.add_run(line)
            if index < len(lines) - 1:
                run.add_break()


def _add_table(document: Any, header: list[str], rows: list[list[str]]) -> None:
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].font.bold = True
    for values in rows:
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text


def _add_section(document: Any, section: SectionContent) -> None:
    document.add_heading(section.heading, level=2)
    if section.is_empty:
        document.add_paragraph(NOTHING_RECORDED)
    for need in section.needs:
        primary = " (primary need)" if need["rank"] == 1 else ""
        document.add_heading(f"{need['rank']}. {need['label']}{primary}", level=3)
        _add_paragraphs(document, need["description"])
    for outcome in section.outcomes:
        by = f" (by {outcome['by']})" if outcome["by"] else ""
        document.add_paragraph(f"{outcome['outcome']}{by}", style="List Number")
    for group in section.provision:
        document.add_heading(f"Provision for: {group.need}", level=3)
        _add_table(document, ["Provision", "How much and how often", "Delivered by"],
                   [[row["provision"], row["amount"], row["delivered_by"]]
                    for row in group.rows])
    if section.placement:
        document.add_paragraph(section.placement)
    _add_paragraphs(document, section.paragraphs)


def plan_docx(version: PlanVersion) -> bytes:
    plan = plan_document(version)
    document = docx.Document()
    _style_document(document)
    document.core_properties.title = plan.title
    document.add_paragraph(f"{plan.local_authority} · {plan.kind}").runs[0].font.color.rgb = GREY
    document.add_heading(plan.title, level=1)
    _add_table(document, ["Name", "Date of birth", "Version", "Status"],
               [[plan.child_name, plan.date_of_birth, f"{plan.version_line}: {plan.kind.lower()}",
                 plan.status]])
    for section in plan.sections:
        _add_section(document, section)
    _footer(document, plan)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()
