"""Every table holding personal data is answered for by the subject access export
(security.md goal 10): read by one of its sections, or declared out of scope with a
reason (opensend/dataprotection/export/coverage.py). A new model with a name, a date of
birth, contact details, free text, a file or a link to a person fails here until someone
decides which."""

from django.apps import apps
from django.db import models
from django.test.utils import isolate_apps

from opensend.dataprotection.export.coverage import (
    OUT_OF_SCOPE,
    personal_data_fields,
    uncovered_models,
)
from opensend.dataprotection.export.sections import COVERED_MODELS


def test_every_model_with_personal_data_is_exported_or_declared_out_of_scope():
    uncovered = uncovered_models(apps.get_models())
    assert not uncovered, (
        "These tables hold personal data but the subject access export neither reads them "
        "(a Source in opensend/dataprotection/export/sections.py) nor declares them out of "
        "scope with a reason (OUT_OF_SCOPE in coverage.py):\n  "
        + "\n  ".join(f"{label}: {fields}" for label, fields in sorted(uncovered.items()))
    )


def test_the_declarations_name_real_tables_once():
    installed = {model._meta.label for model in apps.get_models()}
    assert installed >= COVERED_MODELS, COVERED_MODELS - installed
    assert set(OUT_OF_SCOPE) <= installed, set(OUT_OF_SCOPE) - installed
    assert not COVERED_MODELS & set(OUT_OF_SCOPE), COVERED_MODELS & set(OUT_OF_SCOPE)
    assert all(len(reason) > 20 for reason in OUT_OF_SCOPE.values())


def test_the_people_tables_are_exported_not_declared_away():
    for label in ("people.Child", "people.FamilyMember", "people.User", "casework.PlanVersion",
                  "casework.CaseEvent", "core.AuditEvent", "core.Upload", "directory.Feedback"):
        assert label in COVERED_MODELS, label


def test_personal_data_fields_are_recognised():
    child = personal_data_fields(apps.get_model("people.Child"))
    assert {"legal_forename", "date_of_birth", "postcode", "upn", "nhs_number"} <= set(child)
    assert "reply_email" in personal_data_fields(apps.get_model("directory.Feedback"))
    assert personal_data_fields(apps.get_model("directory.SearchWord")) == []


@isolate_apps("opensend.dataprotection")
def test_a_new_table_with_personal_data_is_caught():
    class SiblingNote(models.Model):
        child = models.ForeignKey("people.Child", on_delete=models.CASCADE)
        note = models.TextField()

        class Meta:
            app_label = "dataprotection"

    class CarerContact(models.Model):
        carer_name = models.CharField(max_length=100)

        class Meta:
            app_label = "dataprotection"

    class DailyCount(models.Model):
        day = models.DateField()
        count = models.IntegerField()

        class Meta:
            app_label = "dataprotection"

    found = uncovered_models([SiblingNote, CarerContact, DailyCount])
    assert found == {
        "dataprotection.SiblingNote": ["child", "note"],
        "dataprotection.CarerContact": ["carer_name"],
    }
