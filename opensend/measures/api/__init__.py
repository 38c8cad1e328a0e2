"""The indicators read API, /api/v1/ (docs/indicators-api.md, docs/adr/0009)."""
