"""Data protection duties (UK GDPR): subject access requests (Art. 15) answered with an
export of everything held about the person, and erasure requests (Art. 17) recorded with
their due date and outcome (docs/subject-access.md)."""
