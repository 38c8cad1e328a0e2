"""Consent and Reg 17 grounds on a case (SEND Regulations 2014 reg 17(1); CFA 2014 s80):
the SEN team records them; staff of other organisations then open a young person's
unissued documents only when one covers their organisation."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from opensend.casework.forms.consent import ConsentForm
from opensend.casework.models import Case
from opensend.casework.presenters.consent import consent_rows
from opensend.casework.presenters.sharing import consent_recipients
from opensend.casework.views.actions_common import action_case
from opensend.core.forms import posted
from opensend.core.permissions import permission_required
from opensend.core.render import render_page
from opensend.core.today import today
from opensend.people.selectors import consent_history, is_young_person
from opensend.people.services import ConsentRefused, consent_record


@permission_required("casework.record_consent")
@require_http_methods(["GET", "POST"])
def consent(request: HttpRequest, case_id: int) -> HttpResponse:
    case = action_case(request, case_id, "consent and Reg 17 grounds")
    day = today()
    asked = request.POST.get("organisation") or request.GET.get("setting", "")
    form = ConsentForm(posted(request), today=day, organisations=consent_recipients(case, asked))
    if request.method == "POST" and form.is_valid():
        try:
            consent_record(
                actor=request.user, child=case.child, today=day, **form.service_arguments()
            )
        except ConsentRefused as error:
            form.add_error("given_by", str(error))
        else:
            messages.success(request, "Consent decision recorded")
            return redirect("casework:consent", case.pk)
    return _page(request, case, form)


def _page(request: HttpRequest, case: Case, form: ConsentForm) -> HttpResponse:
    return render_page(
        request,
        "casework/consent.html",
        {
            "case": case,
            "form": form,
            "young_person": is_young_person(case.child, today()),
            "history": consent_rows(consent_history(case.child)),
        },
    )
