"""The Open Referral UK 3.0 read API at /api/oruk/v3/ (docs/oruk-api.md): the records as
ORUK JSON (presenters.py), its query parameters (params.py), its HTTP plumbing (http.py),
views and urls."""
