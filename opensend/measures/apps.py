from django.apps import AppConfig


class MeasuresConfig(AppConfig):
    name = "opensend.measures"
    label = "measures"

    def ready(self) -> None:
        # The projection of the casework (measures.live.facts) is kept current by the
        # casework's own signal, so casework never imports measures.
        from opensend.casework.signals import case_changed
        from opensend.measures.live.facts.receivers import case_facts_follow

        case_changed.connect(case_facts_follow, dispatch_uid="measures.case_facts_follow")
