"""The text of a PDF, for tests that check what a document says (pypdf, pinned in the dev
dependencies: no system tool, so no test can skip for want of one)."""

import io
import re

from pypdf import PdfReader


def pdf_text(pdf: bytes) -> str:
    """Every page's text, in order, with runs of spaces and line breaks made one space."""
    pages = PdfReader(io.BytesIO(pdf)).pages
    return re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in pages))
