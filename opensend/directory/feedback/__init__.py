"""Feedback about the Local Offer and "You said, we did" (issue 4, item 5).

Families and professionals leave feedback without signing in; directory editors triage
it, answer it and choose what is published. What is published is the editor's summary
and response, never the raw text (docs/adr/0015-feedback-publication-by-editor-summary.md).
"""
