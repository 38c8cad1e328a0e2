"""Which tables hold personal data, and whether the subject access export answers for
each: read by a section (sections.COVERED_MODELS) or declared out of scope here, with
the reason. tests/dataprotection/test_coverage.py walks every installed model and fails
for a table with personal data that is in neither, so a new table cannot be forgotten.

A table "holds personal data" when a field could identify or describe a person: a name,
a date of birth, contact details or an address, an identifier (UPN, ULN, NHS number),
free text or structured data someone typed about a case, a file, a network address, or a
link to a person (a user, a child, a family member).
"""

from collections.abc import Iterable

from django.db import models

from opensend.dataprotection.export.sections import COVERED_MODELS

PERSON_MODELS = frozenset({"people.User", "people.Child", "people.FamilyMember"})
PERSONAL_NAME_PARTS = (
    "name", "email", "phone", "address", "postcode", "postal_code", "birth", "nhs_number",
    "upn", "uln", "username", "ip_address", "user_agent", "recipients", "session",
)

STAFF_ONLY = (
    "links staff to their work, not to a child, parent or young person; a member of "
    "staff's own request is answered by the council's HR records"
)
PUBLIC_LISTING = (
    "the public Local Offer: services, organisations and their published contacts, "
    "not a child, parent or young person"
)
PUBLISHED_STATISTICS = "published or aggregate statistics: no person can be identified"

OUT_OF_SCOPE: dict[str, str] = {
    # Django and the libraries
    "auth.Permission": "names of permissions, not of people",
    "auth.Group": "names of permission groups, not of people",
    "contenttypes.ContentType": "names of tables, not of people",
    "sessions.Session": (
        "a signed-in browser's session: a user id and messages, deleted when it ends "
        "(at most 12 hours); the sign-ins themselves are in the export"
    ),
    "axes.AccessAttemptExpiration": "when a lockout ends: the attempt itself is exported",
    "procrastinate.ProcrastinateJob": (
        "background jobs: their arguments are record ids, and the records they act on "
        "are exported"
    ),
    "procrastinate.ProcrastinatePeriodicDefer": "when a periodic job last ran",
    "procrastinate.ProcrastinateEvent": "when a background job changed state",
    "procrastinate.ProcrastinateWorker": "a worker process's heartbeat",
    # core: the retention job's own records
    "core.LegalHold": (
        "a decision by staff to keep records past their time: the held records themselves "
        "are exported, and the staff member who placed it is in their own export"
    ),
    "core.RetentionRun": "how many records of each type the retention job removed: counts only",
    "core.RateLimitHit": (
        "a keyed hash of a client address and when it posted, kept only for the limit's "
        "window (an hour); it cannot be linked back to a person"
    ),
    # measures: the projection the indicators count (issue 14)
    **{
        f"measures.{name}": (
            "a projection of the casework records for counting, rebuilt from them: "
            "the records it is built from are exported"
        )
        for name in ("CaseFact", "RequestFact", "PlanFact", "ReviewFact", "AdviceFact",
                     "TransferFact", "DisputeFact")
    },
    # people
    "people.Organisation": "councils, schools, NHS bodies and services, not people",
    # measures: published and aggregate figures
    "measures.EesRelease": PUBLISHED_STATISTICS,
    "measures.EesTable": PUBLISHED_STATISTICS,
    "measures.EesRow": PUBLISHED_STATISTICS,
    "measures.StatisticalNeighbour": PUBLISHED_STATISTICS,
    "measures.AreaComparison": PUBLISHED_STATISTICS,
    "measures.IndicatorSnapshot": (
        PUBLISHED_STATISTICS + " (counts and rates; the drill-down is computed live)"
    ),
    # directory: the public Local Offer
    **{
        f"directory.{name}": PUBLIC_LISTING
        for name in (
            "Organization", "OrganizationIdentifier", "Service", "LocalOfferDetails",
            "Location", "Address", "Accessibility", "ServiceAtLocation", "Contact", "Phone",
            "Language", "Schedule", "CostOption", "ServiceArea", "Funding", "Taxonomy",
            "TaxonomyTerm", "Attribute", "SessionCancellation", "ActivityCancellation",
            "ServiceSearchEntry", "InformationPage", "SenInformationReport", "Place",
        )
    },
    "directory.ListingVersion": "a Local Offer listing's approved versions; " + STAFF_ONLY,
    "directory.Revision": "a proposed change to a Local Offer listing; " + STAFF_ONLY,
    "directory.ReviewReminder": (
        "review reminders sent to providers' published addresses; " + STAFF_ONLY
    ),
    "directory.PostcodeCentroid": "the centre of each postcode (ONS): places, not people",
    # strategy: the partnership's plans (issue 12): no child-level data
    **{
        f"strategy.{name}": "the partnership's strategy and action plans; " + STAFF_ONLY
        for name in (
            "Strategy", "Priority", "Action", "Milestone", "SuccessMeasure", "ProgressUpdate",
            "EvidenceFile", "Risk", "ActionDependency", "CoProductionEvidence",
        )
    },
    # strategy: board meetings, plan imports and publications (who confirmed); no child data
    **{
        f"strategy.{name}": "the partnership's board meetings and plan imports; " + STAFF_ONLY
        for name in ("BoardMeeting", "BoardDecision", "BoardActionLog", "PendingImport",
                     "Publication")
    },
    "directory.ZeroResultSearch": (
        "searches that found nothing, counted per day with no session, user or address"
    ),
}


def _is_personal_field(model_field: models.Field) -> bool:
    if model_field.is_relation:
        related = model_field.related_model  # a label while models are being set up
        label = related if isinstance(related, str) else getattr(related, "_meta", None)
        return str(getattr(label, "label", label)) in PERSON_MODELS
    if isinstance(
        model_field,
        (models.TextField, models.JSONField, models.FileField, models.BinaryField,
         models.GenericIPAddressField, models.EmailField),
    ):
        return True
    name = model_field.name.lower()
    return isinstance(model_field, (models.CharField, models.DateField)) and any(
        part in name for part in PERSONAL_NAME_PARTS
    )


def personal_data_fields(model: type[models.Model]) -> list[str]:
    """The fields of `model` that may hold personal data (see the module's docstring)."""
    fields = [f.name for f in model._meta.concrete_fields if _is_personal_field(f)]
    if model._meta.label in PERSON_MODELS:
        fields.insert(0, "(a person)")
    return fields


def uncovered_models(candidates: Iterable[type[models.Model]]) -> dict[str, list[str]]:
    """Tables holding personal data that the export neither reads nor declares out of
    scope, with the fields that make them personal."""
    found = {}
    for model in candidates:
        label = model._meta.label
        if label in COVERED_MODELS or label in OUT_OF_SCOPE:
            continue
        fields = personal_data_fields(model)
        if fields:
            found[label] = fields
    return found
