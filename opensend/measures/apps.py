from django.apps import AppConfig


class MeasuresConfig(AppConfig):
    name = "opensend.measures"
    label = "measures"

    def ready(self) -> None:
        # The projection of the casework (measures.live.facts) is kept current by the
        # casework's own signal, so casework never imports measures.
        from django.db.models.signals import post_save

        from opensend.casework.signals import case_changed
        from opensend.measures.live.facts.receivers import case_facts_follow, child_facts_follow
        from opensend.people.models import ChildRecordChange

        case_changed.connect(case_facts_follow, dispatch_uid="measures.case_facts_follow")
        # The breakdowns' groups stored on the case facts follow the child's record.
        post_save.connect(
            child_facts_follow, sender=ChildRecordChange, dispatch_uid="measures.child_facts"
        )
