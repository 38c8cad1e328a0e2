"""Family accounts (issue 11, item 1; docs/family-accounts.md): the caseworker invites a
person with parental responsibility or the young person; the invited person chooses a
password; a family member's "Your account" page; and the young person's page "Who can see
your EHC record"."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from opensend.casework.family_selectors import invitable_member
from opensend.casework.forms.family_accounts import ChoosePasswordForm, InvitationForm
from opensend.casework.views.actions_common import action_case, back_to_case
from opensend.core.forms import posted
from opensend.core.permissions import permission_required
from opensend.core.render import render_page
from opensend.core.today import today
from opensend.people.invitations import (
    invitation_accept,
    invitation_account,
    invitation_open,
    invitation_send,
)
from opensend.statutory.family_rights import RightsHolder, rights_holder
from opensend.statutory.school_year import young_person_from

TEMPLATE = "casework/action_family_invite.html"


@permission_required("casework.change_child_record")
@require_http_methods(["GET", "POST"])
def invite_member(request: HttpRequest, case_id: int, member_id: int) -> HttpResponse:
    case = action_case(request, case_id, "invite a parent to make an account")
    member = invitable_member(case, member_id)
    form = InvitationForm(posted(request), initial={"email": member.email})
    if request.method == "POST" and form.is_valid():
        invitation_send(child=case.child, family_member=member, invited_by=request.user,
                        email=form.cleaned_data["email"], request=request)
        return back_to_case(request, case, f"We have emailed {member.name} an invitation")
    return render_page(request, TEMPLATE, {"case": case, "form": form, "invitee": member.name})


@permission_required("casework.change_child_record")
@require_http_methods(["GET", "POST"])
def invite_young_person(request: HttpRequest, case_id: int) -> HttpResponse:
    case = action_case(request, case_id, "invite the young person to make an account")
    child = case.child
    form = InvitationForm(posted(request))
    if request.method == "POST" and form.is_valid():
        # CFA 2014 s83(2): the rights pass to the young person after compulsory school age.
        if rights_holder(child.date_of_birth, today()) != RightsHolder.YOUNG_PERSON:
            since = young_person_from(child.date_of_birth)
            form.add_error(None, f"{child.full_name} becomes a young person on "
                                 f"{since:%-d %B %Y}: invite them from then")
        else:
            invitation_send(child=child, family_member=None, invited_by=request.user,
                            email=form.cleaned_data["email"], request=request)
            return back_to_case(request, case, f"We have emailed {child.full_name} an invitation")
    return render_page(request, TEMPLATE,
                       {"case": case, "form": form, "invitee": child.full_name,
                        "young_person": True})


@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """Public: the invited person makes their account (or links the one they have)."""
    found = invitation_open(token)
    if found is None:
        return render_page(request, "casework/family_invitation_expired.html", {})
    existing = invitation_account(found) is not None
    form = None if existing else ChoosePasswordForm(posted(request), email=found.email)
    if request.method == "POST" and (form is None or form.is_valid()):
        password = form.cleaned_data["password"] if form is not None else None
        if invitation_accept(token=token, password=password, request=request) is None:
            return render_page(request, "casework/family_invitation_expired.html", {})
        messages.success(request, "Your account is ready. Sign in to see the EHC record.")
        return redirect("core:sign_in")
    return render_page(request, "casework/family_invitation.html",
                       {"form": form, "email": found.email, "existing": existing,
                        "young_person": found.family_member_id is None})
