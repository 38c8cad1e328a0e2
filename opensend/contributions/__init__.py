"""What families contribute to their case: their request for an EHC needs assessment,
comments on a draft plan, a request for a meeting and a preferred school or college
(issue 11 item 1; docs/family-contributions.md)."""
