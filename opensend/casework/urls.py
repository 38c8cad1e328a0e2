"""Casework routes (namespace "casework", under /cases/): the pages that read, then the
actions that change a case.

Every action is for caseworkers and SEN managers; plan downloads are for anyone who may
see the case (families only for issued versions). The family's pages are mounted apart,
at /family/ (family_urls.py).
"""

from django.urls import path

from opensend.casework.views import actions_allocation as allocation
from opensend.casework.views import actions_assessment as assessment
from opensend.casework.views import actions_plans as plans
from opensend.casework.views import actions_reviews as reviews
from opensend.casework.views import case, queue, search

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
    path("<int:case_id>/advice/new/", assessment.advice_request, name="advice_request"),
    path("advice/<int:advice_id>/received/", assessment.advice_received,
         name="advice_received"),
    path("advice/<int:advice_id>/chase/", assessment.advice_chase_view, name="advice_chase"),
    path("<int:case_id>/exception/", assessment.clock_exception, name="exception"),
    path("<int:case_id>/plan/", plans.plan_edit, name="plan_edit"),
    path("<int:case_id>/plan/issue/", plans.plan_issue, name="plan_issue"),
    path("<int:case_id>/plan/<int:number>.pdf", plans.plan_pdf, name="plan_pdf"),
    path("<int:case_id>/plan/<int:number>.docx", plans.plan_docx, name="plan_docx"),
    path("<int:case_id>/review/", reviews.review_meeting, name="review_meeting"),
    path("reviews/<int:review_id>/decision/", reviews.review_decision, name="review_decision"),
    path("<int:case_id>/cease/", reviews.cease, name="cease"),
    path("<int:case_id>/dispute/", reviews.dispute, name="dispute"),
    path("disputes/<int:dispute_id>/outcome/", reviews.dispute_outcome, name="dispute_outcome"),
]

urlpatterns = pages + actions
