"""Form building blocks that follow the GOV.UK Design System's patterns.

GovukDateField is the GOV.UK date input: three boxes named <name>-day, <name>-month
and <name>-year, with the Design System's error messages. An error says which boxes
are wrong (ValidationError params["parts"]) so only those are highlighted.
"""

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator

from opensend.core.uploads import UploadRefused, upload_check

DATE_PARTS = ("day", "month", "year")

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}


# Free text has a length limit everywhere (issue 13, finding 7): without one a 100 KB
# plan section took 5.7 seconds to render as a PDF. 10,000 characters is about four
# pages; a field that needs more (a plan section) sets its own max_length.
TEXT_MAX_LENGTH = 10_000
# A one-line answer (a name, an email, a search) is bounded more tightly, and stays a
# one-line input: a limit over 500 would render it as a character count (a textarea).
LINE_MAX_LENGTH = 500


def posted(request: Any) -> Any:
    """The form data of a POST (even an empty one, so that it shows its errors), else None."""
    return request.POST if request.method == "POST" else None


def too_long_message(label: object, limit: int) -> str:
    """GOV.UK's wording: "[whatever it is] must be [number] characters or less"."""
    return f"{label or 'This answer'} must be {limit:,} characters or less"


def bound_text(field: forms.Field, limit: int | None = None) -> None:
    """Give a text field without a max_length one (a textarea TEXT_MAX_LENGTH, a one-line
    input LINE_MAX_LENGTH), with a clear message."""
    if not isinstance(field, forms.CharField) or isinstance(field, forms.UUIDField):
        return
    if limit is None:
        limit = TEXT_MAX_LENGTH if isinstance(field.widget, forms.Textarea) else LINE_MAX_LENGTH
    if field.max_length is None:
        field.max_length = limit
        field.validators.append(MaxLengthValidator(limit))
    field.error_messages.setdefault("max_length", too_long_message(field.label, field.max_length))


class GovukFormMixin:
    """No colon after labels (GOV.UK labels are questions or plain nouns); every text
    field bounded (TEXT_MAX_LENGTH unless it says less or more)."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.bound_text_fields()

    def bound_text_fields(self) -> None:
        """Also for fields a form adds after __init__ (call it again then)."""
        for field in self.fields.values():
            bound_text(field)


class GovukForm(GovukFormMixin, forms.Form):
    pass


class GovukModelForm(GovukFormMixin, forms.ModelForm):
    pass


class GovukDateWidget(forms.MultiWidget):
    """Day, month and year text boxes named <name>-day, <name>-month, <name>-year."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__([forms.TextInput(), forms.TextInput(), forms.TextInput()], attrs)
        self.widgets_names = [f"-{part}" for part in DATE_PARTS]

    def decompress(self, value: date | None) -> list[str]:
        if value is None:
            return ["", "", ""]
        return [str(value.day), str(value.month), str(value.year)]


class GovukDateField(forms.MultiValueField):
    """A date entered in three boxes, checked with GOV.UK's error messages.

    `error_name` is how messages name the date ("date of birth": "Enter date of birth",
    "Date of birth must include a month"); it defaults to the label.
    """

    widget = GovukDateWidget

    def __init__(self, *, error_name: str | None = None, **kwargs: Any) -> None:
        self.error_name = error_name
        parts = [forms.CharField(required=False) for _ in DATE_PARTS]
        super().__init__(fields=parts, require_all_fields=False, **kwargs)

    def _names(self) -> tuple[str, str]:
        """The date's name for the start of a message and for its middle."""
        name = (self.error_name or self.label or "date").replace("%", "%%")
        return name[0].upper() + name[1:], name[0].lower() + name[1:]

    def clean(self, value: Any) -> date | None:
        entered = _entered_parts(value)
        capitalised, plain = self._names()
        missing = [part for part in DATE_PARTS if not entered[part]]
        if len(missing) == len(DATE_PARTS):
            if self.required:
                raise _date_error(f"Enter {plain}", "required", DATE_PARTS)
            return None
        if missing:
            raise _date_error(
                f"{capitalised} must include a {' and '.join(missing)}", "incomplete", missing
            )
        cleaned = _to_date(entered, capitalised)
        self.run_validators(cleaned)
        return cleaned

    def compress(self, data_list: list[Any]) -> date | None:  # clean() does the work
        raise NotImplementedError


def _entered_parts(value: Any) -> dict[str, str]:
    if isinstance(value, date):
        return dict(zip(DATE_PARTS, GovukDateWidget().decompress(value), strict=True))
    values = list(value) if isinstance(value, list | tuple) else []
    values += [""] * (len(DATE_PARTS) - len(values))
    return {part: str(raw or "").strip() for part, raw in zip(DATE_PARTS, values, strict=False)}


def _date_error(message: str, code: str, parts: list[str] | tuple[str, ...]) -> ValidationError:
    return ValidationError(message, code=code, params={"parts": list(parts)})


def _number(text: str) -> int | None:
    return int(text) if text.isascii() and text.isdigit() else None


def _to_date(entered: dict[str, str], name: str) -> date:
    day = _number(entered["day"])
    month = _number(entered["month"]) or _MONTHS.get(entered["month"].lower())
    year = _number(entered["year"])
    if year is not None and len(entered["year"]) != 4:
        raise _date_error("Year must include 4 numbers", "year_digits", ["year"])
    wrong = [
        part
        for part, number, top in (("day", day, 31), ("month", month, 12), ("year", year, 9999))
        if number is None or not 1 <= number <= top
    ]
    if wrong:
        raise _date_error(f"{name} must be a real date", "invalid", wrong)
    try:
        return date(year, month, day)  # type: ignore[arg-type]
    except ValueError:  # 31 February and the like: the whole date is wrong
        raise _date_error(f"{name} must be a real date", "invalid", DATE_PARTS) from None


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class UploadsField(forms.FileField):
    """Several files in one GOV.UK file upload (render it with multiple=True), each
    checked by the one upload gate (opensend/core/uploads.py) before anything is kept."""

    widget = MultipleFileInput

    def __init__(self, *, max_files: int = 10, **kwargs: Any) -> None:
        self.max_files = max_files
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if self.required and not files:
            raise ValidationError(self.error_messages["required"], code="required")
        if len(files) > self.max_files:
            raise ValidationError(f"Choose {self.max_files} files or fewer", code="too_many")
        errors = []
        for upload in files:
            try:
                upload_check(upload)
            except UploadRefused as refusal:
                errors.append(ValidationError(str(refusal), code="refused"))
        if errors:
            raise ValidationError(errors)
        return files
