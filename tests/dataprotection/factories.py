"""Requests under the data subject's rights, for tests (synthetic data only)."""

import datetime as dt

from django.apps import apps

from opensend.people.models import Child, FamilyMember, Role, User
from opensend.statutory.data_rights import response_due
from tests.factories import TODAY


def rights_request(model: str, *, child: Child, family_member: FamilyMember | None = None,
                   received_on: dt.date = TODAY, **fields: object) -> object:
    """A subject access or erasure request about `child` (or one of their family),
    logged by a SEN manager of the child's area."""
    logger = (User.objects.filter(memberships__role=Role.SEN_MANAGER,
                                  memberships__organisation=child.local_authority_id).first()
              or User.objects.create_user(email=f"dpo{child.pk}@example.org", full_name="Dee"))
    defaults: dict[str, object] = {
        "subject_kind": "parent" if family_member else "child",
        "requester_name": "Paula Example",
        "requester_capacity": "parent",
        "identity_verified_on": received_on,
        "identity_evidence": "passport seen at the office",
        "due_on": response_due(received_on=received_on).due,
    }
    if model == "ErasureRequest":
        defaults["what_to_erase"] = "Everything about my family"
    model_class = apps.get_model("dataprotection", model)
    return model_class.objects.create(child=child, family_member=family_member,
                                      received_on=received_on, recorded_by=logger,
                                      **{**defaults, **fields})
