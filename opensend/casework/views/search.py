"""Find a child by name, UPN or date of birth, among the children the user may see."""

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from opensend.casework.selectors import children_search
from opensend.core.forms import GovukDateField, GovukForm
from opensend.core.permissions import permission_required
from opensend.core.render import render_page
from opensend.core.today import today


class ChildSearchForm(GovukForm):
    text = forms.CharField(
        label="Name or UPN",
        required=False,
        max_length=100,
        help_text="For example, Ava Smith or A123456789012",
    )
    date_of_birth = GovukDateField(
        label="Date of birth", required=False, help_text="For example, 27 3 2015"
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if (
            not self.errors
            and not cleaned.get("text", "").strip()
            and not cleaned.get("date_of_birth")
        ):
            self.add_error("text", "Enter a name, UPN or date of birth")
        return cleaned


@permission_required("casework.search_children")
@require_GET
def search(request: HttpRequest) -> HttpResponse:
    form = ChildSearchForm(request.GET or None)
    children = None
    if form.is_bound and form.is_valid():
        children = children_search(
            user=request.user,
            today=today(),
            text=form.cleaned_data["text"],
            date_of_birth=form.cleaned_data["date_of_birth"],
            request=request,
        )
    return render_page(request, "casework/search.html", {"form": form, "children": children})
