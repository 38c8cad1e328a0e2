"""A plan's registers (issue 12, item 1): its risks, the dependencies between its actions,
and the evidence of co-production: forms, services, selectors and pages, routed in the
`strategy` namespace (strategy/urls.py)."""
