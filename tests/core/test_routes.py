"""THE ROUTE MATRIX (security.md goal 1; ASVS 8.2.1): every route, and who may use it.

`ROUTES` declares, for every named route, the permission that decides who may use it
(named once in its app's rules.py, ADR 0016), or that it is public. The test walks the
URL resolver: a route that is not declared here FAILS the suite, so no page goes live
without someone deciding who may open it. Then, for each route and each role's persona
(tests/personas.py), it makes the request and checks the answer:

- a role whose persona holds the permission (asked of the persona's related record for
  an object-level permission) gets the declared status (200 for a page; 302 for an
  action that redirects; 405 for a method the route does not take);
- any other signed-in user gets 404 (never 403: a refusal reveals nothing);
- a signed-out user, or staff who have not passed the second factor, are sent to sign in;
- every HTML page any role gets passes tests/pages.py check_page (the test client checks it).

A route that takes a record's id is called with a record RELATED to the persona (their
child's case, the case their school is asked about...: `World.related`), so "may use"
means "may use on their own records". Unrelated records are tests/core/test_idor.py.

ADDING A ROUTE: add it to ROUTES with the permission its view's `permission_required`
names (and `on=CASE` when that permission is asked about the case). If it takes an id
with a new name, add the name to OBJECT_IDS.
"""

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import RegexPattern, RoutePattern

from opensend.core.permissions import PERMISSIONS, has_perm
from opensend.people.models import User
from tests.personas import ROLES, STAFF_ROLES, Bundle, World

NO_PUBLIC_AREA = "two local authorities and no OPENSEND_AREA_ONS_CODE: tests/measures/dashboard"


def CASE(bundle: Bundle) -> object:
    """The related case, for a permission asked about the case (who sees its child)."""
    return bundle.case


def ADVICE(bundle: Bundle) -> object:
    """The related advice request (issue 11 item 2: asked of the adviser's organisation)."""
    return bundle.advice


# An HTTP status, or "sign in" for a redirect to the sign-in page; None: not tested.
Status = int | str | None


@dataclass(frozen=True)
class Route:
    """Who may use a route, and what they get.

    permission: the permission (in its app's rules.py) that decides who may use it, on
      their own records; None for a public route.
    on: for an object-level permission, the related record it is asked about.
    get, post: the status a permitted user gets for that method (None: not tested,
      because the route does not take that method from anyone, or it has side effects
      the matrix cannot undo).
    public: anyone, signed in or not, gets the same answer (sign-in pages and the like).
    """

    permission: str | None
    get: Status = 200
    post: Status = None
    public: bool = False
    note: str = ""
    on: Callable[[Bundle], object] | None = None
    methods: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        methods = tuple(m for m, status in (("GET", self.get), ("POST", self.post)) if status)
        object.__setattr__(self, "methods", methods)


DATA_PROTECTION = "dataprotection.handle_requests"
STRATEGY_VIEW, STRATEGY_EDIT = "strategy.view_strategy", "strategy.edit_strategy"


def public(get: Status = 200, post: Status = None, note: str = "") -> Route:
    return Route(None, get=get, post=post, public=True, note=note)


ROUTES: dict[str, Route] = {
    # core: the start page and signing in and out
    "core:home": public(),
    "core:sign_in": public(),
    "core:security_code": public("sign in", note="no password entered yet: back to sign in"),
    "core:set_up_authenticator": public("sign in", note="no password entered: back to sign in"),
    "core:sso_start": public(404, note="single sign-on is off unless OIDC_RP_CLIENT_ID is set"),
    "core:sso_callback": public(404, note="single sign-on is off: tests/core/test_sso.py"),
    "core:sign_out": public(405, 302, note="POST only, so another site cannot sign you out"),
    "core:signed_out": public(),
    "core:account_notifications": Route(
        "core.choose_notifications", post=200, note="an empty POST shows its error"
    ),
    "core:accessibility": public(),
    "core:forgotten_password": public(post=200, note="an empty POST shows its errors"),
    "core:password_reset_sent": public(),
    "core:reset_password": public(note="a link that does not check out says it has expired"),
    "core:password_changed": public(),
    "core:privacy": public(),
    "core:healthz": public(),
    "core:readyz": public(503, note="no worker runs beside the tests: tests/core/test_health.py"),
    # casework: lists
    "casework:queue": Route("casework.view_queue"),
    "casework:search": Route("casework.search_children"),
    "casework:team": Route("casework.view_team_caseload"),
    "casework:my_cases": Route("casework.view_my_cases"),
    "casework:case": Route("casework.view_case", on=CASE),
    # casework: actions (an empty POST shows the form again with its errors)
    "casework:request_new": Route("casework.record_request", post=200),
    "casework:allocate": Route("casework.allocate_case", post=200),
    "casework:panel_decision": Route("casework.change_case", post=200),
    "casework:advice_request": Route("casework.change_case", post=200),
    "casework:advice_received": Route("casework.change_case", post=200),
    "casework:advice_chase": Route(
        "casework.change_case",
        get=405,
        post=302,
        note="POST only: records a chase, back to the case",
    ),
    "casework:advice_pull": Route("casework.change_case", post=200),
    "casework:exception": Route("casework.change_case", post=200),
    "casework:plan_edit": Route("casework.change_case", post=405),
    "casework:plan_section": Route("casework.change_case", post=200),
    "casework:plan_issue": Route("casework.change_case", post=200),
    "casework:comment_period_end_early": Route("casework.change_case", post=200),
    "casework:event_correct": Route("casework.correct_event", post=200),
    "casework:review_meeting": Route("casework.change_case", post=200),
    "casework:review_decision": Route("casework.change_case", post=200),
    "casework:cease": Route("casework.change_case", post=200),
    "casework:dispute": Route("casework.change_case", post=200),
    "casework:dispute_outcome": Route("casework.change_case", post=200),
    # casework: the child's record (issue 9; an empty POST shows the form's errors)
    "casework:child_details": Route("casework.change_child_record", post=200),
    "casework:family_member_new": Route("casework.change_child_record", post=200),
    "casework:family_member_change": Route("casework.change_child_record", post=200),
    "casework:plan_setting_code": Route("casework.change_case", post=200),
    # casework: consent and Reg 17 grounds (issue 13; an empty POST shows the errors)
    "casework:consent": Route("casework.record_consent", post=200, on=CASE),
    # casework: consulting a setting on a draft plan, sharing outside the case (issue 11,
    # item 6): the SEN team consults (Tom's plan is final: the page says no draft is out);
    # the consulted setting's SENCO sees, answers and downloads (an empty POST: errors)
    "casework:consult_setting": Route("casework.consult_setting", post=200, on=CASE),
    "casework:consultations": Route("casework.answer_consultation"),
    "casework:consultation": Route("casework.answer_consultation", post=200),
    "casework:consultation_draft": Route("casework.answer_consultation", note="stored bytes"),
    "casework:consultation_file": Route("casework.answer_consultation", note="a shared file"),
    # casework: downloads, for anyone who may see the case (families: issued versions)
    "casework:plan_pdf": Route("casework.download_plan", on=CASE),
    "casework:plan_docx": Route("casework.download_plan", on=CASE),
    # advice (issue 9, item 5): files sent with or received for advice, staff on the case
    "casework:advice_file": Route("casework.download_advice_file", on=CASE),
    # issue 9: the files sent (plans and decision letters), kept byte for byte
    "casework:issued_document_pdf": Route("casework.download_plan", on=CASE),
    "casework:issued_document_docx": Route("casework.download_plan", on=CASE),
    # family: parents, carers and young people
    "family:home": Route("casework.view_family_plans"),
    "family:case": Route("casework.view_family_plans"),
    # the family's own actions (issue 11 item 1: opensend/contributions). POSTs with no
    # data answer with the form's errors, or "the comment period has closed" (Tom's draft
    # was followed by his final plan).
    "contributions:request": Route("contributions.request_assessment", post=200),
    "contributions:request_sent": Route("contributions.request_assessment"),
    "contributions:draft_plan": Route("contributions.comment_on_draft", post=200),
    "contributions:meeting": Route("contributions.comment_on_draft", post=200),
    "contributions:preferred_setting": Route("contributions.comment_on_draft", post=200),
    "contributions:request_file": Route("contributions.download_request_file"),
    "contributions:all_about_me": Route("contributions.edit_all_about_me", post=200),
    "contributions:all_about_me_file": Route("contributions.download_all_about_me_file"),
    "contributions:all_about_me_use": Route("contributions.use_all_about_me", get=405,
                                            post=302),
    # the adder takes a file out of "All about me" while no plan used it (s4-access)
    "contributions:all_about_me_file_remove": Route(
        "contributions.edit_all_about_me", get=405, post=302,
        note="POST only: back to All about me; tests/contributions/test_all_about_me.py"),
    # family accounts and the family's pages (issue 11 item 1, docs/family-accounts.md)
    "family:documents": Route("casework.view_family_plans"),
    "family:invitation": public(post=200, note="an unknown token says the invitation expired"),
    "family:account": Route("casework.view_family_plans", post=200),
    "family:security_code": Route("casework.view_family_plans", post=200),
    # turning the family's optional security code off (s4-access): the personas have none
    "family:security_code_off": Route(
        "casework.view_family_plans", get=302, post=302,
        note="no code turned on: back to the account page; tests/people/test_family_accounts.py"),
    "family:parent_access": Route(
        "casework.decide_parent_access", post=200, note="an empty POST shows its error"
    ),
    "casework:family_invite": Route("casework.change_child_record", post=200),
    "casework:young_person_invite": Route("casework.change_child_record", post=200),
    "core:sign_in_link": public(post=200, note="an empty POST shows its errors"),
    "core:sign_in_link_sent": public(),
    "core:sign_in_link_use": public(post=200, note="GET asks to continue; a bad token: expired"),
    # sen2 (issue 3, items 6-7): statutory returns, SEN managers only
    "returns:index": Route("measures.view_returns"),
    "returns:sen2": Route(
        "measures.view_returns", post=302, note="POST prepares the return, back to the page"
    ),
    "returns:sen2_download": Route(
        "measures.view_returns", get=302, note="no return prepared yet: back to the SEN2 page"
    ),
    "returns:inspection": Route("measures.view_returns"),
    "returns:inspection_download": Route("measures.view_returns"),
    # the Local Offer's Open Referral UK API: open data, no sign-in, no personal data
    "oruk:api_details": public(),
    "oruk:openapi": public(),
    "oruk:services": public(),
    "oruk:service": public(404, note="the matrix world has no directory: a JSON 404"),
    "oruk:taxonomies": public(),
    "oruk:taxonomy_terms": public(),
    "oruk:organizations": public(),
    "oruk:service_at_locations": public(),
    "oruk:unknown": public(404, note="anything else, e.g. /taxonomies/{id}: a JSON 404"),
    # measures dashboard (issue 3, dashboard task): aggregates for managers and analysts,
    # the cases behind a number for SEN managers only, the public version for everyone
    "measures:dashboard": Route("measures.view_dashboard"),
    "measures:indicator": Route("measures.view_dashboard"),
    "measures:csv": Route("measures.view_dashboard"),
    "measures:xlsx": Route("measures.view_dashboard"),
    "measures:cases": Route("measures.view_drilldown"),
    "measures:board_reports": Route("measures.view_dashboard"),
    "measures:board_report": Route(
        "measures.view_dashboard",
        get=404,
        note="the matrix world stores no snapshot: no report for the month",
    ),
    **{
        f"public_measures:{name}": public(404, note=NO_PUBLIC_AREA)
        for name in ("dashboard", "indicator", "csv", "xlsx")
    },
    # Measures (issue 3, api): the indicators API; live figures decided per user inside
    "api_v1:indicators": public(),
    "api_v1:indicator": public(400, note="no ?area= and ?period=: a JSON 400 naming the first"),
    "api_v1:openapi": public(),
    # Local Offer feedback (task: feedback): the form and "You said, we did" are public;
    # triage is for directory editors (an empty POST shows the form's errors)
    "feedback:give": public(post=200, note="an empty POST shows the errors"),
    "feedback:sent": public(),
    "feedback:you_said_we_did": public(),
    "feedback:you_said_we_did_feed": public(),
    "feedback:queue": Route("directory.triage_feedback"),
    "feedback:item": Route("directory.triage_feedback", post=200),
    # the Local Offer activities calendar and its iCalendar feeds (calendar task)
    "activities:calendar": public(),
    "activities:feed": public(),
    "activities:activity_feed": public(404, note="the matrix world has no activities"),
    # search: the public Local Offer site (no sign-in, no personal data)
    "local_offer:start": public(),
    "local_offer:search": public(),
    "local_offer:service": public(404, note="the matrix world has no directory: a 404"),
    "local_offer:shortlist": public(),
    "local_offer:shortlist_add": public(405, 404, note="POST only; no such service: 404"),
    "local_offer:shortlist_remove": public(405, 404, note="POST only; no service id: 404"),
    "local_offer:information": public(404, note="the slug filled in names no page: a 404"),
    "local_offer:sen_reports": public(),
    "local_offer:searches_not_found": Route("directory.view_searches_not_found"),
    # Local Offer editorial (issue 4): providers on their own organisation's listings,
    # directory editors on all; approvals, stale listings and imports are editors' only.
    "editorial:listings": Route("directory.edit_listing"),
    "editorial:listing_new": Route("directory.create_listing", post=200),
    "editorial:listing": Route("directory.edit_listing"),
    "editorial:listing_edit": Route("directory.edit_listing", post=200),
    "editorial:listing_confirm": Route("directory.edit_listing", get=405, post=302),
    "editorial:listing_history": Route("directory.edit_listing"),
    "editorial:listing_version": Route("directory.edit_listing"),
    "editorial:queue": Route("directory.approve_revision"),
    "editorial:revision": Route("directory.approve_revision"),
    "editorial:revision_approve": Route("directory.approve_revision", get=405, post=302),
    "editorial:revision_reject": Route(
        "directory.approve_revision",
        get=405,
        post=200,
        note="an empty reason shows the page with its error",
    ),
    "editorial:stale": Route("directory.review_stale_listings"),
    "editorial:import": Route("directory.import_listings", post=200),
    # subject access and erasure requests (issue 13 item 3): SEN managers, on requests
    # about a child of their area (an empty POST shows the form's errors)
    "dataprotection:requests": Route(DATA_PROTECTION),
    "dataprotection:access_new": Route(DATA_PROTECTION, post=200),
    "dataprotection:erasure_new": Route(DATA_PROTECTION, post=200),
    "dataprotection:access": Route(DATA_PROTECTION),
    "dataprotection:access_export": Route(DATA_PROTECTION, note="the zip, audited"),
    "dataprotection:access_extend": Route(DATA_PROTECTION, post=200),
    "dataprotection:access_answered": Route(DATA_PROTECTION, post=200),
    "dataprotection:erasure": Route(DATA_PROTECTION),
    "dataprotection:erasure_extend": Route(DATA_PROTECTION, post=200),
    "dataprotection:erasure_outcome": Route(DATA_PROTECTION, post=200),
    # schools and settings (issue 11 item 3): a SENCO, on the pupils on their roll today
    # (an empty POST shows the form's errors)
    "schools:pupils": Route("schools.view_pupils"),
    "schools:request_new": Route("schools.make_request", post=200),
    "schools:review_start": Route("schools.run_review", post=200, on=CASE),
    "schools:review": Route("schools.run_review", on=CASE),
    "schools:review_views": Route("schools.run_review", post=200, on=CASE),
    "schools:review_circulate": Route("schools.run_review", post=200, on=CASE),
    "schools:review_meeting": Route("schools.run_review", post=200, on=CASE),
    "schools:review_report": Route("schools.run_review", post=200, on=CASE),
    "schools:contribution_file": Route("schools.run_review", on=CASE, note="the file, audited"),
    # advice givers act in the case (issue 11 item 2): the advice givers of the
    # organisation asked (Aled for Tom's health advice); oversight for the DCO and the
    # social care lead (no persona in the matrix: tests/advice/test_views.py)
    "advice:queue": Route("advice.view_queue"),
    "advice:request": Route("advice.give_advice", on=ADVICE),
    "advice:give": Route(
        "advice.give_advice", post=200, on=ADVICE, note="an empty POST shows the form's errors"
    ),
    "advice:oversight": Route("advice.view_oversight"),
    "advice:plan_pull": Route(
        "casework.change_case",
        get=302,
        post=302,
        note="no structured advice in the world: to the free-text page",
    ),
    # strategy (issue 12, branch i12-io): importing and exporting plans
    "strategy_import:upload": Route("strategy.edit_strategy", post=200),
    "strategy_import:table": Route("strategy.edit_strategy", post=200),
    "strategy_import:preview": Route("strategy.edit_strategy", post=200),
    "strategy_import:confirm": Route(
        "strategy.edit_strategy", get=405, note="POST only: tests/strategy/test_import_views.py"
    ),
    "strategy_import:discard": Route(
        "strategy.edit_strategy", get=405, note="POST only: tests/strategy/test_import_views.py"
    ),
    "strategy_export:xlsx": Route("strategy.view_strategy"),
    "strategy_export:docx": Route("strategy.view_strategy"),
    # strategy (issue 12, branch i12-io): board meetings, decisions, action log and packs
    "strategy_board:meetings": Route("strategy.view_strategy"),
    "strategy_board:meeting_new": Route("strategy.edit_strategy", post=200),
    "strategy_board:meeting": Route("strategy.view_strategy"),
    "strategy_board:decision_new": Route("strategy.edit_strategy", post=200),
    "strategy_board:action_log_new": Route("strategy.edit_strategy", post=200),
    "strategy_board:pack": Route("strategy.view_strategy"),
    "strategy_board:pack_pdf": Route("strategy.view_strategy"),
    # the partnership's strategy and action plans (issue 12): an empty POST shows its errors
    **{
        f"strategy:{name}": Route(STRATEGY_VIEW, note="area-wide: tests/strategy/test_views.py")
        for name in ("strategies", "strategy", "action", "measure", "evidence")
    },
    **{
        f"strategy:{name}": Route(STRATEGY_EDIT, post=200)
        for name in (
            "strategy_new",
            "strategy_edit",
            "priority_new",
            "action_new",
            "action_edit",
            "milestone_new",
            "measure_new",
        )
    },
    "strategy:progress_new": Route(
        "strategy.report_progress",
        post=200,
        on=lambda bundle: _matrix_plan().overdue,
        note="the plan's editors, and the action's owner",
    ),
    "strategy:milestone_done": Route(
        "strategy.report_progress",
        get=405,
        post=302,
        on=lambda bundle: _matrix_plan().overdue,
        note="POST only: the plan's editors, and the action's owner; back to the action",
    ),
    # a plan's publication (issue 12 item 6, branch s4-public, ADR 0034): its leads publish
    # it after confirming the co-production evidence, and anyone reads the public page
    # (404 for anything not published: tests/strategy/test_public_page.py)
    "strategy:publish": Route(
        "strategy.publish_strategy",
        post=200,
        note="the matrix plan has no co-production evidence: the page says why, on POST too",
    ),
    "strategy:unpublish": Route(
        "strategy.publish_strategy",
        get=405,
        post=302,
        note="POST only; the matrix plan is not published: back to it with the reason",
    ),
    "public_strategy:strategies": public(),
    "public_strategy:strategy": public(note="the matrix plan, published for the matrix"),
    # strategy (issue 12, branch s4-screens): changing priorities and measures; risks,
    # dependencies and co-production evidence
    **{
        f"strategy:{name}": Route(STRATEGY_EDIT, post=200)
        for name in (
            "priority_edit",
            "measure_edit",
            "risk_new",
            "risk_edit",
            "dependency_new",
            "coproduction_new",
            "coproduction_edit",
        )
    },
    **{
        f"strategy:{name}": Route(STRATEGY_EDIT, get=405, post=302, note="POST only, then back")
        for name in ("risk_close", "dependency_remove")
    },
}


# How to fill each id a route takes, from the records related to the persona.
def _strategy_io_pending() -> object:
    from tests.strategy.io_world import northshire_pending_import

    return northshire_pending_import().pk


def _strategy_io_meeting() -> object:
    from tests.strategy.io_world import northshire_board_meeting

    return northshire_board_meeting().pk


STRATEGY_IO_IDS: dict[str, Callable[[Bundle], object]] = {
    "pending_id": lambda bundle: _strategy_io_pending(),
    "meeting_id": lambda bundle: _strategy_io_meeting(),
}


def _matrix_register(kind: str) -> object:
    from tests.strategy.plan_world import matrix_register

    return matrix_register(_matrix_plan(), kind).pk


STRATEGY_REGISTER_IDS: dict[str, Callable[[Bundle], object]] = {
    f"{kind}_id": lambda bundle, kind=kind: _matrix_register(kind)
    for kind in ("risk", "dependency", "coproduction")
}


OBJECT_IDS: dict[str, Callable[[Bundle], object]] = {
    "case_id": lambda bundle: bundle.case.pk,
    "event_id": lambda bundle: bundle.case.events.order_by("pk").first().pk,  # type: ignore[union-attr]
    "child_id": lambda bundle: bundle.child.pk,
    "advice_id": lambda bundle: bundle.advice.pk,  # type: ignore[union-attr]
    "file_id": lambda bundle: bundle.advice_file.pk,  # type: ignore[union-attr]
    "review_id": lambda bundle: bundle.review.pk,  # type: ignore[union-attr]
    "number": lambda bundle: bundle.plan_version.number,  # type: ignore[union-attr]
    "plan_version_id": lambda bundle: bundle.plan_version.pk,  # type: ignore[union-attr]
    "version_id": lambda bundle: bundle.plan_version.pk,  # type: ignore[union-attr]
    "exception_id": lambda bundle: bundle.exception.pk,  # type: ignore[union-attr]
    "section": lambda bundle: "f",  # a section of the plan (issue 9: the plan editor)
    "document_id": lambda bundle: bundle.issued_document.pk,  # type: ignore[union-attr]
    # sharing outside the case (issue 11, item 6): Tom's consultation of Hillside
    "consultation_id": lambda bundle: bundle.consultation.pk,  # type: ignore[union-attr]
    "shared_file_id": lambda bundle: bundle.consultation.advice_files.get().pk,  # type: ignore[union-attr]
    "dispute_id": lambda bundle: bundle.dispute.pk,  # type: ignore[union-attr]
    "member_id": lambda bundle: getattr(bundle.family_member, "pk", 0),
    "uidb64": lambda bundle: "MQ",  # "1", with no valid token
    "token": lambda bundle: "no-such-token",
    "service_id": lambda bundle: "4f1c2a8e-0000-4000-8000-000000000000",  # no such service
    "code": lambda bundle: "plans_issued_within_20_weeks_incl_exceptions",  # an indicator
    # Local Offer feedback (task: feedback): feedback is about no one, so any will do
    "feedback_id": lambda bundle: _matrix_feedback(),
    "activity_id": lambda bundle: "4f1c2a8e-0000-4000-8000-000000000001",  # calendar task
    "unknown": lambda bundle: "taxonomies/4f1c2a8e-0000-4000-8000-000000000000",  # issue 13
    # measures dashboard (issue 3, dashboard task)
    "month": lambda bundle: "2026-10",
    "slug": lambda bundle: "no-such-page",  # search: Local Offer information pages
    # Local Offer editorial (issue 4): Priya's listing and her change (tests/personas.py)
    "listing_id": lambda bundle: _splash_club().pk,
    "version_number": lambda bundle: 1,
    "revision_id": lambda bundle: _splash_club().revisions.get().pk,
    # subject access and erasure requests (issue 13 item 3): one about the bundle's child
    "sar_id": lambda bundle: _rights_request("SubjectAccessRequest", bundle.child),
    "erasure_id": lambda bundle: _rights_request("ErasureRequest", bundle.child),
    # schools (issue 11 item 3): the school's review of the bundle's case, and a file
    "school_review_id": lambda bundle: _school("school_review_of", bundle),
    "contribution_file_id": lambda bundle: _school("contribution_file_of", bundle),
    # a file the family sent with their request (issue 11 item 1): one on the bundle's case
    "family_file_id": lambda bundle: _family_request_file(bundle.case),
    "about_me_file_id": lambda bundle: _about_me_file(bundle.child),
    # strategy import, export and board (issue 12, branch i12-io): Northshire's plan
    **STRATEGY_IO_IDS,
    # strategy (issue 12): Northshire's plan, its action 1.2 (with an evidence file), a measure
    "strategy_id": lambda bundle: _matrix_plan().strategy.pk,
    "action_id": lambda bundle: _matrix_plan().overdue.pk,
    "measure_id": lambda bundle: _matrix_plan().timeliness.pk,
    "evidence_id": lambda bundle: _matrix_evidence(),
    "milestone_id": lambda bundle: _matrix_plan().overdue.milestones.get().pk,
    # a plan's public page (issue 12 item 6, branch s4-public): the matrix plan, published
    "area_id": lambda bundle: _matrix_published_plan().local_authority_id,
    "plan_id": lambda bundle: _matrix_published_plan().pk,
    # strategy (issue 12, branch s4-screens): a priority, risk, dependency and co-production
    # evidence of the same plan (made again when a persona's POST closed or removed it)
    "priority_id": lambda bundle: _matrix_plan().strategy.priorities.first().pk,  # type: ignore[union-attr]
    **STRATEGY_REGISTER_IDS,
}


def _matrix_published_plan():
    from tests.strategy.public_world import matrix_published_plan

    return matrix_published_plan()


def _school(maker: str, bundle: Bundle) -> object:
    from tests.schools import world

    return getattr(world, maker)(bundle).pk


def _about_me_file(child: object) -> object:
    from tests.contributions.factories import about_me_file

    return about_me_file(child).pk  # type: ignore[arg-type]


def _family_request_file(case: object) -> object:
    from tests.contributions.factories import family_request_file

    return family_request_file(case).pk  # type: ignore[arg-type]


def _matrix_plan():
    from tests.strategy.plan_world import matrix_plan

    return matrix_plan()


def _matrix_evidence() -> object:
    from opensend.strategy.models import EvidenceFile

    return EvidenceFile.objects.get(progress_update__action=_matrix_plan().overdue).pk


def _matrix_feedback() -> object:
    from tests.directory.feedback_factories import FeedbackFactory

    return FeedbackFactory(text="Route matrix feedback").pk


def _rights_request(model: str, child: object) -> object:
    from tests.dataprotection.factories import rights_request

    return rights_request(model, child=child).pk


def _splash_club():
    from opensend.directory.models import Service

    return Service.objects.get(name="Splash Club")


# --- walking the resolver ---------------------------------------------------------------


@dataclass(frozen=True)
class Found:
    name: str
    kwargs: tuple[str, ...]
    view: Callable[..., object] | None = field(default=None, compare=False)


def _arguments(pattern: RoutePattern | RegexPattern) -> list[str]:
    if isinstance(pattern, RoutePattern):
        return list(pattern.converters)
    return list(pattern.regex.groupindex)


def walk(
    resolver: URLResolver | None = None, namespace: str = "", arguments: tuple[str, ...] = ()
) -> Iterator[Found]:
    """Every URL pattern below `resolver`, with its full name and the ids it takes."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        taken = (*arguments, *_arguments(entry.pattern))
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry, inner, taken)
        elif isinstance(entry, URLPattern):
            yield Found(f"{namespace}{entry.name}" if entry.name else "", taken, entry.callback)


def routes() -> dict[str, Found]:
    return {found.name: found for found in walk()}


ROUTED = routes()


def url_for(name: str, bundle: Bundle, fallback: Bundle) -> str:
    """The route's URL, with the ids of the records in `bundle` (or `fallback`'s)."""
    kwargs = {}
    for argument in ROUTED[name].kwargs:
        assert argument in OBJECT_IDS, (
            f"{name} takes '{argument}': add how to fill it to OBJECT_IDS in "
            "tests/core/test_routes.py"
        )
        try:
            kwargs[argument] = OBJECT_IDS[argument](bundle)
        except AttributeError:  # the persona has no such record: use one they are not linked to
            kwargs[argument] = OBJECT_IDS[argument](fallback)
    return reverse(name, kwargs=kwargs)


def test_every_route_is_named():
    unnamed = [found for found in walk() if not found.name or found.name.endswith(":")]
    assert not unnamed, f"every route needs a name, so it can be declared in ROUTES: {unnamed}"


def test_every_route_is_declared():
    missing = sorted(set(ROUTED) - set(ROUTES))
    assert not missing, (
        "These routes are not in ROUTES (tests/core/test_routes.py). Add each with the "
        "roles that may use it, read from its view's decorator and selector:\n  "
        + "\n  ".join(missing)
    )


def test_declared_routes_still_exist():
    """A declared route that is not routed was removed or renamed: fail, never skip."""
    gone = sorted(set(ROUTES) - set(ROUTED))
    assert not gone, (
        "These routes are declared in ROUTES but no longer routed. Remove or rename each "
        "declaration if the route went on purpose:\n  " + "\n  ".join(gone)
    )


def test_declarations_name_known_permissions():
    for name, route in ROUTES.items():
        assert route.public or route.permission in PERMISSIONS, (name, route.permission)
        assert route.methods, f"{name}: declare the status of GET or POST"


def test_each_view_checks_the_permission_its_route_declares():
    """The matrix derives who may use a route from its permission: the view must check
    that same name (core.permissions.permission_required)."""
    wrong = []
    for name in routed_and_declared:
        route = ROUTES[name]
        checked = getattr(ROUTED[name].view, "permission", None)
        if not route.public and checked != route.permission:
            wrong.append(f"{name}: declares {route.permission}, its view checks {checked}")
    assert not wrong, "\n".join(wrong)


# --- the matrix ---------------------------------------------------------------------------


def _sign_in_url() -> str:
    return reverse("core:sign_in")


def may_use(route: Route, world: World, role: str) -> bool:
    """Whether the persona standing for `role` holds the route's permission (on their
    related record, for an object-level one): read from the app's rules.py."""
    persona = world.persona(role)
    if route.public or persona is None:
        return route.public
    record = route.on(world.related(role)) if route.on else None
    return has_perm(persona, route.permission, record)  # type: ignore[arg-type]


def expected_status(route: Route, role: str, method: str, allowed: bool) -> int | str:
    status = route.get if method == "GET" else route.post
    if allowed:
        return status  # type: ignore[return-value]
    if role == "anonymous":
        return "sign in"
    return 404


def outcome(response) -> int | str:
    """The status, with "sign in" for a redirect to the sign-in page."""
    if response.status_code == 302 and response["Location"].startswith(_sign_in_url()):
        return "sign in"
    return response.status_code


def call(client: Client, method: str, url: str):
    """One request whose changes (if any) are undone afterwards."""
    with transaction.atomic():
        response = client.get(url) if method == "GET" else client.post(url, {})
        transaction.set_rollback(True)
    return response


def clients(world: World, client_for: Callable[[User | None], Client]) -> dict[str, Client]:
    return {role: client_for(world.persona(role)) for role in ROLES}


routed_and_declared = sorted(set(ROUTED) & set(ROUTES))


@pytest.mark.parametrize("name", routed_and_declared)
def test_route_matrix(name: str, world: World, client_for, today: dt.date):
    route = ROUTES[name]
    signed_in = clients(world, client_for)
    wrong = []
    for role in ROLES:
        url = url_for(name, world.related(role), world.tom)
        allowed = may_use(route, world, role)
        for method in route.methods:
            got = outcome(call(signed_in[role], method, url))
            expected = expected_status(route, role, method, allowed)
            if got != expected:
                wrong.append(f"{role:>16} {method:<4} {url}: expected {expected}, got {got}")
    assert not wrong, f"{name} ({route.note or 'see ROUTES'}):\n" + "\n".join(wrong)


@pytest.mark.parametrize("name", [n for n in routed_and_declared if not ROUTES[n].public])
def test_staff_without_the_second_factor_are_sent_to_sign_in(
    name: str, world: World, today: dt.date
):
    """Signed in with a password only: every page but the public ones asks to sign in."""
    route = ROUTES[name]
    for role in STAFF_ROLES:
        client = Client()
        client.force_login(world.persona(role), backend="django.contrib.auth.backends.ModelBackend")
        url = url_for(name, world.related(role), world.tom)
        for method in route.methods:
            assert outcome(call(client, method, url)) == "sign in", (role, method, url)


# --- the advice giver's rows (ADR 0035): through their requests, never the case ---------

# The casework routes an adviser may use: their advice asked for, linking to the advice
# request ("My cases"), and the files of a request addressed to them.
ADVISER_CASEWORK = {"casework:my_cases", "casework:advice_file"}
ADVISER_ADVICE = {"advice:queue", "advice:request", "advice:give"}


def test_the_advice_giver_holds_no_casework_permission_on_the_case(world: World):
    """Aled, asked about Tom: the matrix expects 404 wherever this says False."""
    held = {name for name, route in ROUTES.items()
            if name.startswith(("casework:", "advice:", "contributions:", "schools:"))
            and may_use(route, world, "advice_giver")}
    assert held == ADVISER_CASEWORK | ADVISER_ADVICE
