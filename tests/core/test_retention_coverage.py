"""Every model is classified for retention (docs/retention.md): either a record type of
the daily job removes its personal data, or the reason it holds none, or why it is kept
some other way. A new model that is not listed here FAILS the suite, so nobody adds
personal data without deciding how long it is kept (UK GDPR Art. 5(1)(e))."""

from django.apps import apps

from opensend.core.retention import RECORD_TYPES

EHC = "ehc_record"  # deleted with the child's whole record (casework/retention.py)
NONE = "no personal data"
LISTING = "a provider's published business contact details, kept while the listing is live"
STAFF = "staff accounts and who edited what: kept while the account is active"

RETENTION: dict[str, str] = {
    **{
        f"casework.{name}": EHC
        for name in (
            "AdviceFile",
            "AdviceRequest",
            "AnnualReview",
            "Case",
            "CaseEvent",
            "IssuedDocument",
            "CaseStep",
            "ClockException",
            "Dispute",
            "EhcRequest",
            "PanelAttendance",
            "PanelDecision",
            "PhaseTransfer",
            "Plan",
            "PlanVersion",
            "SettingConsultation",  # sharing outside the case (issue 11, item 6)
        )
    },
    **{
        f"people.{name}": EHC
        for name in (
            "Child",
            "ChildNeed",
            "ChildRecordChange",
            "Consent",
            "Enrolment",
            "FamilyMember",
            "YoungPersonConsent",
            "FamilyInvitation",  # family accounts (issue 11 item 1)
            "ParentAccessDecision",
        )
    },
    **{
        f"contributions.{name}": EHC + " (with the case, the request or the draft: CASCADE)"
        for name in ("DraftComment", "FamilyRequest", "MeetingRequest", "PreferredSetting",
                     "AllAboutMe", "AllAboutMeUse")
    },
    "contributions.FamilyRequestFile": "ehc_contribution_files (with their stored uploads, "
    "just before the rest of the EHC record)",
    "contributions.AllAboutMeFile": "ehc_about_me_files (with their stored uploads, just "
    "before the rest of the EHC record)",
    "people.User": "not yet: accounts are deactivated by hand; audit rows keep them (PROTECT)",
    "people.Membership": STAFF,
    "people.Organisation": NONE,
    "core.AuditEvent": "not yet: append-only; deleting old rows needs the migration-owner "
    "database role (issue 13 finding 2), not the application",
    "core.FormSubmission": "form_submission",
    "core.Upload": EHC + " (through the advice files that link them) and "
    "ehc_annual_review_views (the files of views received for a school's annual review)",
    # The annual review the school runs (issue 11 item 3, opensend/schools/retention.py).
    "schools.SchoolReview": EHC,
    "schools.ReviewInvitation": EHC,
    "schools.ReviewContribution": "ehc_annual_review_views",
    "schools.ReviewContributionFile": "ehc_annual_review_views",
    "schools.SchoolRequest": EHC,
    "schools.GraduatedApproachCycle": EHC,
    "schools.SchoolRequestFile": "ehc_assessment_request_files",
    # issue 11 item 2: deleted with its advice request (CASCADE), files are AdviceFiles
    "advice.AdviceSubmission": EHC + " (through its advice request)",
    "core.LegalHold": "kept: the record of why personal data was kept",
    "core.RetentionRun": NONE,
    "core.RateLimitHit": "kept: for the limit's window only (an hour); each hit deletes older "
    "rows (opensend/core/rate_limits.py)",
    **{
        f"measures.{name}": EHC + " (a projection of the case, rebuilt from its records)"
        for name in ("CaseFact", "RequestFact", "PlanFact", "ReviewFact", "AdviceFact",
                     "TransferFact", "DisputeFact")
    },
    "measures.FactsVersion": NONE,
    "core.IdentityProviderDevice": STAFF,
    "core.Notification": "notification",
    "core.NotificationPreference": "kept while the address is in use: a choice, not a record "
    "about a child",
    "dataprotection.SubjectAccessRequest": "not yet: the record of a request and its answer "
    "(the ICO expects it kept long enough to show the duty was met; no period is set yet)",
    "dataprotection.ErasureRequest": "not yet: the record of a request and its outcome "
    "(kept to show what was erased and why; no period is set yet)",
    "directory.Feedback": "local_offer_feedback_text",
    "directory.FeedbackEvent": NONE + " (the theme and status; the text is on Feedback)",
    "directory.ZeroResultSearch": "local_offer_zero_result_search",
    "directory.Contact": LISTING,
    "directory.Phone": LISTING,
    "directory.ProviderLink": STAFF,
    "directory.Revision": STAFF,
    "directory.ListingVersion": STAFF,
    "directory.ReviewReminder": STAFF,
    "measures.Sen2Run": "not yet: the ids of the children in a statutory return (no names)",
    **{
        f"directory.{name}": NONE
        for name in (
            "Accessibility",
            "ActivityCancellation",
            "Address",
            "Attribute",
            "CostOption",
            "Funding",
            "InformationPage",
            "Language",
            "LocalOfferDetails",
            "Location",
            "Organization",
            "OrganizationIdentifier",
            "Place",
            "PostcodeCentroid",
            "Schedule",
            "SearchIndexStamp",
            "SearchWord",
            "SenInformationReport",
            "Service",
            "ServiceArea",
            "ServiceAtLocation",
            "ServiceSearchEntry",
            "ServiceSearchPoint",
            "SessionCancellation",
            "Taxonomy",
            "TaxonomyTerm",
        )
    },
    # issue 12: the partnership's plans hold staff names as owners, no child-level data
    **{
        f"strategy.{name}": STAFF
        for name in (
            "Strategy", "Priority", "Action", "Milestone", "SuccessMeasure", "ProgressUpdate",
            "EvidenceFile", "Risk", "ActionDependency", "CoProductionEvidence",
        )
    },
    # issue 12: board meetings and publications name staff only
    **{
        f"strategy.{name}": STAFF
        for name in ("BoardMeeting", "BoardDecision", "BoardActionLog", "Publication")
    },
    # a pending import is deleted when it is imported or discarded, or 7 days after it was
    # last touched (branch s4-screens: opensend/strategy/retention.py)
    "strategy.PendingImport": "strategy_abandoned_import",
    **{
        f"measures.{name}": NONE
        for name in (
            "AreaComparison",
            "EesRelease",
            "EesRow",
            "EesTable",
            "IndicatorSnapshot",
            "StatisticalNeighbour",
        )
    },
}


def test_every_model_is_classified_for_retention():
    models = {m._meta.label for m in apps.get_models() if m.__module__.startswith("opensend")}
    missing = sorted(models - set(RETENTION))
    assert not missing, (
        f"say how long these are kept (tests/core/test_retention_coverage.py): {missing}"
    )
    assert not set(RETENTION) - models  # no stale entries


def test_every_record_type_named_exists():
    named = {reason.split(" ")[0] for reason in RETENTION.values()} & (set(RECORD_TYPES) | {EHC})
    assert named == set(RECORD_TYPES)
