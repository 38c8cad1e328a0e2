"""Every free-text field has a length limit with a clear message (issue 13, finding 7)."""

import importlib
import inspect
import pkgutil

from django import forms

import opensend
from opensend.core.forms import LINE_MAX_LENGTH, TEXT_MAX_LENGTH, GovukForm, GovukFormMixin
from opensend.core.govuk_forms import govuk_field


class Note(GovukForm):
    note = forms.CharField(label="Note", required=False, widget=forms.Textarea)
    code = forms.CharField(label="Code", required=False, max_length=5)
    name = forms.CharField(label="Name", required=False)


def test_a_text_field_without_a_limit_gets_the_default_with_a_clear_message():
    form = Note({"note": "x" * (TEXT_MAX_LENGTH + 1), "code": "123456"})
    assert not form.is_valid()
    assert form.errors["note"] == ["Note must be 10,000 characters or less"]
    assert form.errors["code"] == ["Code must be 5 characters or less"]
    assert Note({"note": "x" * TEXT_MAX_LENGTH, "code": "12345"}).is_valid()


def test_a_one_line_answer_gets_the_tighter_default_and_stays_one_line():
    form = Note({"name": "x" * (LINE_MAX_LENGTH + 1)})
    assert form.errors["name"] == ["Name must be 500 characters or less"]
    assert Note({"name": "x" * LINE_MAX_LENGTH}).is_valid()
    assert 'type="text"' in str(govuk_field(Note()["name"]))


def _form_classes() -> set[type]:
    found: set[type] = set()
    for module in pkgutil.walk_packages(opensend.__path__, "opensend."):
        skipped = ("nonprod", "migrations", "statutory", "__main__")
        if any(part in module.name for part in skipped):
            continue
        for _, cls in inspect.getmembers(importlib.import_module(module.name), inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__.startswith("opensend."):
                found.add(cls)
    return found


def _unbounded(form_class: type) -> list[str]:
    fields = getattr(form_class, "base_fields", {})
    return [name for name, field in fields.items()
            if isinstance(field, forms.CharField) and field.max_length is None
            and not isinstance(field, forms.UUIDField)]  # fmt: skip


def test_every_form_of_opensend_bounds_its_text():
    """A GovukForm bounds every text field it has (even those added in __init__); any
    other form must give each text field its own max_length."""
    classes = _form_classes()
    assert len(classes) > 30
    unbounded = sorted(f"{c.__module__}.{c.__name__}: {_unbounded(c)}" for c in classes
                       if not issubclass(c, GovukFormMixin) and _unbounded(c))  # fmt: skip
    assert not unbounded, unbounded
