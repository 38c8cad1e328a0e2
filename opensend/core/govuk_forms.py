"""Render Django form fields with the GOV.UK Design System's macros.

In a template:
    {{ govuk_error_summary(form) }}
    {{ govuk_field(form["email"], heading=True, autocomplete="email") }}
and `{% block title %}{{ govuk_form_page_title(form, "Your details") }}{% endblock %}`.

govuk_field picks the macro from the widget; keyword arguments are merged into the
macro's parameters (dicts are merged one level deep), so any option the GOV.UK
component takes can be passed: classes="govuk-input--width-10", spellcheck=False,
hint={"text": "..."}, label={"classes": "govuk-label--m"} and so on.
"""

from collections.abc import Callable, Iterator
from typing import Any

from django import forms
from django.forms import BoundField
from django.forms.widgets import Input
from django.template import engines
from markupsafe import Markup

from opensend.core.forms import DATE_PARTS, GovukDateWidget

Params = dict[str, Any]

# Widget attributes that become macro parameters of their own. Others are dropped:
# GOV.UK forms validate on the server (novalidate), so maxlength, min, max and step
# would only stop users typing; the character count shows a limit instead.
_ATTRIBUTE_PARAMS = {
    "class": "classes",
    "autocomplete": "autocomplete",
    "inputmode": "inputmode",
    "spellcheck": "spellcheck",
    "multiple": "multiple",  # a file upload taking several files (core.forms.UploadsField)
}
_DROPPED_ATTRIBUTES = {"id", "required", "maxlength", "minlength", "min", "max", "step", "cols"}
_CHARACTER_COUNT_OVER = 500
_DJANGO_DEFAULT_TEXTAREA_ROWS = "10"


def _macro(component: str, name: str) -> Callable[[Params], Markup]:
    env = engines["jinja2"].env  # type: ignore[attr-defined]
    template = env.get_template(f"govuk_frontend_jinja/components/{component}/macro.html")
    return getattr(template.module, name)


def _merge(params: Params, overrides: Params) -> Params:
    for key, value in overrides.items():
        if isinstance(value, dict) and isinstance(params.get(key), dict):
            params[key] = {**params[key], **value}
        else:
            params[key] = value
    return params


def _first_error_params(field: BoundField) -> dict[str, Any]:
    errors = field.errors.as_data()
    return (errors[0].params or {}) if errors else {}


def _field_id(field: BoundField) -> str:
    return field.auto_id or field.html_name


def _common(field: BoundField) -> Params:
    params: Params = {"id": _field_id(field), "name": field.html_name}
    if field.help_text:
        params["hint"] = {"text": field.help_text}
    if field.errors:
        params["errorMessage"] = {"text": field.errors[0]}
    return params


def _label(field: BoundField, heading: bool) -> Params:
    if heading:
        return {"text": field.label, "isPageHeading": True, "classes": "govuk-label--l"}
    return {"text": field.label}


def _fieldset(field: BoundField, heading: bool) -> Params:
    if heading:
        legend_size = {"isPageHeading": True, "classes": "govuk-fieldset__legend--l"}
    else:
        legend_size = {"classes": "govuk-fieldset__legend--s"}
    return {"legend": {"text": field.label, **legend_size}}


def _widget_params(field: BoundField) -> Params:
    params: Params = {}
    attributes = {}
    for name, value in field.field.widget.attrs.items():
        if name in _ATTRIBUTE_PARAMS:
            params[_ATTRIBUTE_PARAMS[name]] = value
        elif name not in _DROPPED_ATTRIBUTES:
            attributes[name] = value
    if attributes:
        params["attributes"] = attributes
    if field.field.disabled:
        params["disabled"] = True
    return params


def _text_value(field: BoundField) -> str | None:
    value = field.field.widget.format_value(field.value())
    return None if value is None else str(value)


def _choices(field: BoundField) -> Iterator[tuple[str, str]]:
    for value, label in field.field.choices:
        if isinstance(label, list | tuple):  # an option group: flatten it
            yield from ((str(sub_value), str(sub_label)) for sub_value, sub_label in label)
        else:
            yield str(value), str(label)


def _selected(field: BoundField) -> set[str]:
    value = field.value()
    values = value if isinstance(value, list | tuple) else [value]
    return {str(item) for item in values if item is not None}


def _input(field: BoundField, heading: bool) -> Params:
    widget = field.field.widget
    params = {**_common(field), **_widget_params(field), "label": _label(field, heading)}
    params["type"] = widget.input_type
    if isinstance(widget, forms.NumberInput):  # GOV.UK: type=text with a numeric keyboard
        params["type"] = "text"
        params.setdefault("inputmode", "numeric")
    elif widget.input_type == "email":
        params.setdefault("spellcheck", False)
    value = _text_value(field)
    if value is not None and (not isinstance(widget, forms.PasswordInput) or widget.render_value):
        params["value"] = value
    return params


def _textarea(field: BoundField, heading: bool) -> Params:
    params = {**_common(field), **_widget_params(field), "label": _label(field, heading)}
    value = _text_value(field)
    if value is not None:
        params["value"] = value
    rows = field.field.widget.attrs.get("rows")
    params.pop("attributes", {}).pop("rows", None)
    if rows is not None and str(rows) != _DJANGO_DEFAULT_TEXTAREA_ROWS:  # else GOV.UK's 5
        params["rows"] = rows
    max_length = getattr(field.field, "max_length", None)
    if max_length:
        params["maxlength"] = max_length
    return params


def _select(field: BoundField, heading: bool) -> Params:
    selected = _selected(field)
    items = [
        {"value": value, "text": text, "selected": value in selected}
        for value, text in _choices(field)
    ]
    return {**_common(field), "label": _label(field, heading), "items": items}


def _choice_group(field: BoundField, heading: bool) -> Params:
    """Radios or checkboxes: one fieldset, an item per choice (no empty choice)."""
    selected = _selected(field)
    items = [
        {"value": value, "text": text, "checked": value in selected}
        for value, text in _choices(field)
        if value != ""
    ]
    params = {**_common(field), "fieldset": _fieldset(field, heading), "items": items}
    params["idPrefix"] = params.pop("id")
    return params


def _single_checkbox(field: BoundField, heading: bool) -> Params:
    params = _common(field)
    params["idPrefix"] = params.pop("id")
    item = {"value": "true", "text": field.label, "checked": bool(field.value())}
    if "hint" in params:
        item["hint"] = params.pop("hint")
    params["items"] = [item]
    return params


def _date_error_parts(field: BoundField) -> list[str]:
    if not field.errors:
        return []
    return list(_first_error_params(field).get("parts") or DATE_PARTS)


def _date(field: BoundField, heading: bool, autocomplete: str | None = None) -> Params:
    value = field.value()
    if not isinstance(value, list | tuple):
        value = field.field.widget.decompress(value)
    wrong = _date_error_parts(field)
    items = []
    for part, entered in zip(DATE_PARTS, value, strict=False):
        width = "govuk-input--width-4" if part == "year" else "govuk-input--width-2"
        item = {
            "name": part,
            "value": entered,
            "classes": width + (" govuk-input--error" if part in wrong else ""),
        }
        if autocomplete:  # bday -> bday-day, bday-month, bday-year
            item["autocomplete"] = f"{autocomplete}-{part}"
        items.append(item)
    params = {**_common(field), "fieldset": _fieldset(field, heading), "items": items}
    params["namePrefix"] = field.html_name
    return params


def _kind(field: BoundField) -> str:
    widget = field.field.widget
    max_length = getattr(field.field, "max_length", None) or 0
    kinds: list[tuple[type[forms.Widget], str]] = [
        (GovukDateWidget, "date"),
        (forms.HiddenInput, "hidden"),
        (forms.CheckboxSelectMultiple, "checkboxes"),
        (forms.RadioSelect, "radios"),
        (forms.CheckboxInput, "checkbox"),
        (forms.SelectMultiple, "checkboxes"),  # GOV.UK has no multiple select
        (forms.Select, "select"),
        (forms.Textarea, "character-count" if max_length else "textarea"),
        (forms.PasswordInput, "password-input"),
        (forms.FileInput, "file-upload"),
        (Input, "character-count" if max_length > _CHARACTER_COUNT_OVER else "input"),
    ]
    for widget_class, kind in kinds:
        if isinstance(widget, widget_class):
            return kind
    raise TypeError(f"govuk_field cannot render a {type(widget).__name__} ({field.html_name})")


# kind -> (component folder, macro name, parameter builder)
_COMPONENTS: dict[str, tuple[str, str, Callable[..., Params]]] = {
    "input": ("input", "govukInput", _input),
    "password-input": ("password-input", "govukPasswordInput", _input),
    "file-upload": ("file-upload", "govukFileUpload", _input),
    "textarea": ("textarea", "govukTextarea", _textarea),
    "character-count": ("character-count", "govukCharacterCount", _textarea),
    "select": ("select", "govukSelect", _select),
    "radios": ("radios", "govukRadios", _choice_group),
    "checkboxes": ("checkboxes", "govukCheckboxes", _choice_group),
    "checkbox": ("checkboxes", "govukCheckboxes", _single_checkbox),
    "date": ("date-input", "govukDateInput", _date),
}


def govuk_field(field: BoundField, *, heading: bool = False, **overrides: Any) -> Markup:
    """One form field as its GOV.UK component; heading=True makes its label the page's h1."""
    kind = _kind(field)
    if kind == "hidden":
        return Markup(str(field))  # noqa: S704 (Django renders and escapes the widget)
    component, macro_name, build = _COMPONENTS[kind]
    if kind == "date":
        params = build(field, heading, overrides.pop("autocomplete", None))
    else:
        params = build(field, heading)
    return _macro(component, macro_name)(_merge(params, overrides))


def error_target_id(field: BoundField) -> str:
    """The id an error summary link for this field points at (the first wrong box)."""
    if isinstance(field.field.widget, GovukDateWidget):
        return f"{_field_id(field)}-{_date_error_parts(field)[0]}"
    return _field_id(field)


def govuk_error_summary(form: forms.BaseForm) -> Markup:
    """GOV.UK's error summary: form-wide errors, then each field's first error as a link."""
    if not form.errors:
        return Markup("")
    error_list: list[Params] = [{"text": error} for error in form.non_field_errors()]
    for field in form:
        if field.errors:
            error = {"text": field.errors[0]}
            if not field.is_hidden:
                error["href"] = "#" + error_target_id(field)
            error_list.append(error)
    summary = _macro("error-summary", "govukErrorSummary")
    return summary({"titleText": "There is a problem", "errorList": error_list})


def govuk_form_page_title(form: forms.BaseForm, title: str) -> str:
    """The page title, starting "Error: " when the form has errors (GOV.UK pattern)."""
    return f"Error: {title}" if form.errors else title
