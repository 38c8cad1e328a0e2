"""House rules checked in CI (docs/architecture.md, "Rules that keep the house in order").

1. A view never queries a personal-data model itself: every read of personal data goes
   through a selector that takes the user, so it is scoped and audited.
2. No module under opensend/ (migrations aside) grows past 400 lines: split it into a
   package instead.
"""

import ast
import re
from pathlib import Path

from django.apps import apps
from django.db import models

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "opensend"
MAX_LINES = 400
# Personal data that is not reached through a foreign key to Child, named explicitly.
EXTRA_PERSONAL_MODELS = {"AuditEvent"}
MANAGER_ATTRIBUTES = {"objects", "_default_manager", "_base_manager"}
SHORTCUTS = {"get_object_or_404", "get_list_or_404"}


def personal_data_models() -> set[str]:
    """Child, and every model that points at personal data (a fixpoint over foreign keys)."""
    ours = [model for model in apps.get_models() if model.__module__.startswith("opensend.")]
    personal = {apps.get_model("people", "Child")}
    grew = True
    while grew:
        grew = False
        for model in ours:
            if model in personal:
                continue
            targets = {
                field.related_model
                for field in model._meta.get_fields()
                if isinstance(field, models.ForeignKey | models.OneToOneField)
            }
            if targets & personal:
                personal.add(model)
                grew = True
    return {model.__name__ for model in personal} | EXTRA_PERSONAL_MODELS


def view_modules() -> list[Path]:
    """Every views module at any depth (views.py, views_x.py, public_views.py: not
    reviews.py) and every module of a views package."""
    return sorted(
        path
        for path in PACKAGE.rglob("*.py")
        if re.search(r"(^|_)views(_|$)", path.stem) or path.parent.name == "views"
    )


def test_the_view_scan_reaches_nested_apps():
    found = {path.relative_to(PACKAGE).as_posix() for path in view_modules()}
    assert {"measures/dashboard/views.py", "directory/public/views.py"} <= found


def _model_name(node: ast.expr) -> str | None:
    """`Child` in `Child`, `models.Child` or `people_models.Child`."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def direct_queries(source: str, personal: set[str]) -> list[tuple[int, str]]:
    """(line, what) for each `Model.objects`-style use or shortcut on a personal model."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr in MANAGER_ATTRIBUTES:
            name = _model_name(node.value)
            if name in personal:
                found.append((node.lineno, f"{name}.{node.attr}"))
        elif isinstance(node, ast.Call) and _model_name(node.func) in SHORTCUTS and node.args:
            name = _model_name(node.args[0])
            if name in personal:
                found.append((node.lineno, f"{_model_name(node.func)}({name}, ...)"))
    return sorted(found)


def test_the_lint_knows_the_personal_data_models():
    personal = personal_data_models()
    expected = {
        "Child",
        "ChildNeed",
        "Enrolment",
        "FamilyMember",
        "YoungPersonConsent",
        "Case",
        "CaseEvent",
        "CaseStep",
        "AdviceRequest",
        "PlanVersion",
        "AnnualReview",
        "Dispute",
        "EhcRequest",
        "PanelDecision",
        "Plan",
        "AuditEvent",
    }
    assert expected <= personal
    assert "Organisation" not in personal


def test_the_lint_catches_each_way_of_querying():
    source = (
        "from opensend.people import models\n"
        "def view(request, case_id):\n"
        "    Case.objects.get(pk=case_id)\n"
        "    models.Child.objects.all()\n"
        "    get_object_or_404(PlanVersion, pk=1)\n"
        "    CaseEvent._default_manager.filter()\n"
        "    Organisation.objects.all()\n"
    )
    found = direct_queries(source, personal_data_models())
    assert [what for _, what in found] == [
        "Case.objects",
        "Child.objects",
        "get_object_or_404(PlanVersion, ...)",
        "CaseEvent._default_manager",
    ]


def test_views_use_selectors_not_personal_data_managers():
    personal = personal_data_models()
    offences = [
        f"{path.relative_to(ROOT)}:{line}: {what}"
        for path in view_modules()
        for line, what in direct_queries(path.read_text(encoding="utf-8"), personal)
    ]
    assert not offences, (
        "Views must read personal data through a selector that takes the user (scoped and "
        "audited), not a model's manager. Move these queries into the app's selectors.py:\n"
        + "\n".join(offences)
    )


def test_no_module_is_over_400_lines():
    too_long = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES:
            too_long.append(f"{path.relative_to(ROOT)}: {lines} lines")
    assert not too_long, (
        f"A module past {MAX_LINES} lines becomes a package (docs/architecture.md):\n"
        + "\n".join(too_long)
    )


def test_the_architecture_these_rules_cite_is_in_the_repository():
    """The document and the section this module's docstring cites exist, and name it."""
    cited = re.findall(r"(docs/[\w/-]+\.md), \"([^\"]+)\"", __doc__ or "")
    assert cited == [("docs/architecture.md", "Rules that keep the house in order")]
    text = (ROOT / cited[0][0]).read_text(encoding="utf-8")
    assert f"## {cited[0][1]}" in text
    assert "tests/test_architecture.py" in text
