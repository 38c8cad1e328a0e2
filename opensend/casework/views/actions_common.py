"""What the casework action views share: who may use them, finding the record, and the
GET-form / POST-save-redirect cycle with the conflict and clock errors shown in the
error summary."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from opensend.casework.forms.common import CaseChangeForm
from opensend.casework.models import AdviceRequest, AnnualReview, Case
from opensend.casework.selectors import advice_request_for, annual_review_for, case_get
from opensend.casework.services.advice import AdviceError
from opensend.casework.services.common import ConflictError, OrderRefused
from opensend.casework.services.corrections import CorrectionError
from opensend.casework.services.plans import PlanStateError
from opensend.core.render import render_page
from opensend.core.today import today
from opensend.core.uploads import UploadRefused
from opensend.statutory.clock import ClockError

CLOCK_MESSAGE = "These dates do not fit the case's history: {error}"




def action_case(request: HttpRequest, case_id: int, why: str) -> Case:
    return case_get(user=request.user, case_id=case_id, today=today(), why=why, request=request)


def advice_request_get(request: HttpRequest, advice_id: int, why: str) -> AdviceRequest:
    return advice_request_for(
        user=request.user, advice_id=advice_id, today=today(), why=why, request=request
    )


def annual_review_get(request: HttpRequest, review_id: int, why: str) -> AnnualReview:
    return annual_review_for(
        user=request.user, review_id=review_id, today=today(), why=why, request=request
    )


def back_to_case(request: HttpRequest, case: Case, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect("casework:case", case.pk)


def case_form_page(
    request: HttpRequest,
    *,
    case: Case,
    form: Any,
    save: Callable[[], object],
    success: str | Callable[[], str],
    template: str,
    context: dict[str, Any] | None = None,
) -> HttpResponse:
    """Show the form; on a valid POST save it and go back to the case with a notification.

    A stale version (someone else saved first), an event the order of statutory steps
    refuses (why, and what must happen first) or dates the statutory clock cannot place
    are shown in the error summary, with the user's answers kept.
    """
    if request.method == "POST" and form.is_valid():
        try:
            save()
        except ConflictError as error:
            case.refresh_from_db(fields=["version", "stage"])
            form.conflict(str(error) or ConflictError.message, case.version)
        except (OrderRefused, CorrectionError) as error:
            form.add_error(None, str(error))
        except (ClockError, PlanStateError) as error:
            message = CLOCK_MESSAGE.format(error=error) if isinstance(error, ClockError) else error
            form.add_error(None, str(message))
        except (AdviceError, UploadRefused) as error:
            form.add_error(None, str(error))
        else:
            return back_to_case(request, case, success() if callable(success) else success)
    page = {"case": case, "form": form, "is_case_change": isinstance(form, CaseChangeForm)}
    return render_page(request, template, {**page, **(context or {})})
