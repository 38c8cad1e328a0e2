"""The Local Offer's information pages, written for OpenSEND in plain English (not copied
from any council); their text is in content/<slug>.txt. Migration 0006 loads them."""

import datetime as dt
from pathlib import Path

REVIEWED = dt.date(2026, 11, 1)
CONTENT = Path(__file__).resolve().parent / "content"

PAGES = [
    {
        "slug": "ehc-needs-assessment",
        "title": "The EHC needs assessment process",
        "summary": "What happens when the council assesses a child's special educational "
        "needs, and how long each step takes.",
    },
    {
        "slug": "how-to-ask-for-an-ehc-needs-assessment",
        "title": "How to ask for an EHC needs assessment",
        "summary": "Who can ask, what to write, and what happens after you ask.",
    },
    {
        "slug": "preparing-for-adulthood",
        "title": "Preparing for adulthood",
        "summary": "Planning from age 14 for work, independent living, friendships and "
        "good health.",
    },
]


def body(slug: str) -> str:
    """The page's text: content/<slug>.txt (blank lines between paragraphs, "## "
    headings, "- " list items)."""
    return (CONTENT / f"{slug}.txt").read_text(encoding="utf-8").strip()


def load(page_model) -> None:
    """Create or refresh the three pages (idempotent)."""
    for page in PAGES:
        page_model.objects.update_or_create(
            slug=page["slug"],
            defaults={**page, "body": body(page["slug"]), "last_reviewed": REVIEWED},
        )
