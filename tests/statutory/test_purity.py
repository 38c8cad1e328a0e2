"""The statutory package is pure Python: no Django, nothing outside the standard library.

Casework screens, reminders, the dashboard and the SEN2 export all call
``opensend.statutory``; keeping it free of Django (and of any third-party package) means the
rules can be tested, type-checked and reused without a database or settings.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = "opensend.statutory"
PACKAGE_DIR = Path(__file__).resolve().parents[2] / "opensend" / "statutory"
STDLIB = frozenset(sys.stdlib_module_names) | {"__future__"}
DYNAMIC_IMPORTERS = frozenset({"import_module", "__import__", "exec", "eval"})


def python_files() -> list[Path]:
    return sorted(PACKAGE_DIR.rglob("*.py"))


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE_DIR.parents[1]).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def resolve(node: ast.ImportFrom, path: Path) -> str:
    """The absolute module an ``import from`` names (relative imports resolved)."""
    if node.level == 0:
        return node.module or ""
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
    return ".".join([*base, node.module] if node.module else base)


def imported_modules(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            found.append((node.lineno, resolve(node, path)))
    return found


def is_allowed(module: str) -> bool:
    top = module.split(".")[0]
    return top in STDLIB or module == PACKAGE or module.startswith(PACKAGE + ".")


def test_the_package_has_modules() -> None:
    names = {path.name for path in python_files()}
    assert {"__init__.py", "school_year.py", "identifiers.py", "codes.py"} <= names


@pytest.mark.parametrize("path", python_files(), ids=lambda p: str(p.relative_to(PACKAGE_DIR)))
def test_imports_only_stdlib_and_the_package(path: Path) -> None:
    bad = [f"line {line}: {mod}" for line, mod in imported_modules(path) if not is_allowed(mod)]
    assert not bad, f"{path.name} imports outside the stdlib and {PACKAGE}: {bad}"


@pytest.mark.parametrize("path", python_files(), ids=lambda p: str(p.relative_to(PACKAGE_DIR)))
def test_no_django_and_no_dynamic_imports(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            assert name not in DYNAMIC_IMPORTERS, f"{path.name}:{node.lineno} calls {name}"
    assert all("django" not in mod.lower() for _, mod in imported_modules(path))


@pytest.mark.parametrize(
    ("source", "module"),
    [
        ("from django.db import models", "django.db"),
        ("import django", "django"),
        ("import requests", "requests"),
        ("from opensend.casework import models", "opensend.casework"),
    ],
)
def test_the_checker_catches_forbidden_imports(source: str, module: str) -> None:
    # Guard the guard: the checks above would notice these.
    path = PACKAGE_DIR / "_probe.py"  # never written: only its name is used for resolution
    node = ast.parse(source).body[0]
    name = resolve(node, path) if isinstance(node, ast.ImportFrom) else module
    assert name == module
    assert not is_allowed(name)


def test_relative_imports_resolve_inside_the_package() -> None:
    node = ast.parse("from ..codes import NeedType").body[0]
    assert isinstance(node, ast.ImportFrom)
    resolved = resolve(node, PACKAGE_DIR / "clock" / "model.py")
    assert resolved == "opensend.statutory.codes"
    assert is_allowed(resolved)
    escaping = ast.parse("from ... import casework").body[0]
    assert isinstance(escaping, ast.ImportFrom)
    assert not is_allowed(resolve(escaping, PACKAGE_DIR / "clock" / "model.py"))


BLOCK_AND_IMPORT = """
import importlib, importlib.abc, sys

class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {"django", "hypothesis", "pytest"}:
            raise ImportError("blocked: " + name)
        return None

sys.meta_path.insert(0, Block())
for name in sys.argv[1:]:
    importlib.import_module(name)
print("ok")
"""


def test_every_module_imports_with_django_blocked() -> None:
    # __main__ runs the command line when imported, so it is checked by the AST tests only.
    names = {module_name(path) for path in python_files()} - {f"{PACKAGE}.__main__"}
    modules = sorted(names)
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_AND_IMPORT, *modules],
        capture_output=True,
        text=True,
        check=False,
        cwd=PACKAGE_DIR.parents[1],
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
