"""Casework routes (namespace "casework", under /cases/): the pages that read, then the
actions that change a case.

Every action is for caseworkers and SEN managers; plan downloads are for anyone who may
see the case (families only for issued versions). The family's pages are mounted apart,
at /family/ (family_urls.py).
"""

from django.urls import path

from opensend.casework.views import actions_advice as advice
from opensend.casework.views import actions_allocation as allocation
from opensend.casework.views import actions_assessment as assessment
from opensend.casework.views import actions_corrections as corrections
from opensend.casework.views import actions_plan_issue as issue
from opensend.casework.views import actions_plans as plans
from opensend.casework.views import actions_records as records
from opensend.casework.views import actions_reviews as reviews
from opensend.casework.views import case, consent, family_accounts, queue, search, sharing

app_name = "casework"

pages = [
    path("", queue.queue, name="queue"),
    path("<int:case_id>/", case.case_page, name="case"),
    path("search/", search.search, name="search"),
    path("team/", queue.team, name="team"),
    path("mine/", queue.mine, name="my_cases"),
]

actions = [
    path("new/", assessment.request_new, name="request_new"),
    path("<int:case_id>/allocate/", allocation.allocate, name="allocate"),
    path("<int:case_id>/panel/", assessment.panel_decision, name="panel_decision"),
    path("<int:case_id>/advice/new/", advice.advice_request, name="advice_request"),
    path("advice/<int:advice_id>/received/", advice.advice_received, name="advice_received"),
    path("advice/<int:advice_id>/chase/", advice.advice_chase_view, name="advice_chase"),
    path("advice/<int:advice_id>/plan/", advice.advice_pull, name="advice_pull"),
    path("advice/files/<int:file_id>/", advice.advice_file, name="advice_file"),
    path("<int:case_id>/exception/", assessment.clock_exception, name="exception"),
    path("<int:case_id>/plan/", plans.plan_edit, name="plan_edit"),
    path("<int:case_id>/plan/section/<str:section>/", plans.plan_section,
         name="plan_section"),
    path("<int:case_id>/plan/issue/", issue.plan_issue, name="plan_issue"),
    path("<int:case_id>/comments-ended-early/", corrections.comment_period_end_early_view,
         name="comment_period_end_early"),
    path("<int:case_id>/events/<int:event_id>/correct/", corrections.event_correct,
         name="event_correct"),
    path("<int:case_id>/consent/", consent.consent, name="consent"),
    # consulting a setting on a draft plan: sharing outside the case (issue 11, item 6)
    path("<int:case_id>/consult/", sharing.consult_setting, name="consult_setting"),
    path("consultations/", sharing.consultations, name="consultations"),
    path("consultations/<int:consultation_id>/", sharing.consultation, name="consultation"),
    path("consultations/<int:consultation_id>/draft.pdf", sharing.consultation_draft,
         name="consultation_draft"),
    path("consultations/<int:consultation_id>/files/<int:shared_file_id>/",
         sharing.consultation_file, name="consultation_file"),
    path("<int:case_id>/plan/<int:number>.pdf", issue.plan_pdf, name="plan_pdf"),
    path("<int:case_id>/plan/<int:number>.docx", issue.plan_docx, name="plan_docx"),
    path("<int:case_id>/documents/<int:document_id>.pdf", issue.issued_document_pdf,
         name="issued_document_pdf"),
    path("<int:case_id>/documents/<int:document_id>.docx", issue.issued_document_docx,
         name="issued_document_docx"),
    path("<int:case_id>/review/", reviews.review_meeting, name="review_meeting"),
    path("reviews/<int:review_id>/decision/", reviews.review_decision, name="review_decision"),
    path("<int:case_id>/cease/", reviews.cease, name="cease"),
    path("<int:case_id>/dispute/", reviews.dispute, name="dispute"),
    path("disputes/<int:dispute_id>/outcome/", reviews.dispute_outcome, name="dispute_outcome"),
    # the child's record (issue 9)
    path("<int:case_id>/child/", records.child_details, name="child_details"),
    path("<int:case_id>/family/new/", records.family_member, name="family_member_new"),
    path("<int:case_id>/family/<int:member_id>/", records.family_member,
         name="family_member_change"),
    path("<int:case_id>/plan/setting-code/", records.plan_setting_code,
         name="plan_setting_code"),
    # family accounts (issue 11 item 1): invitations to make an account
    path("<int:case_id>/family/<int:member_id>/invite/", family_accounts.invite_member,
         name="family_invite"),
    path("<int:case_id>/young-person/invite/", family_accounts.invite_young_person,
         name="young_person_invite"),
]

urlpatterns = pages + actions
