"""PDF documents (WeasyPrint), rendered offline: plans, decision letters, board reports.

The HTML and its styles are self-contained, and the URL fetcher refuses every fetch, so
nothing in a document ever leaves the server and nothing outside can change what it says.

Every PDF is tagged for accessibility (PDF/UA-1: headings, lists and tables in a
structure tree a screen reader follows), with the language and title of its HTML
(`<html lang>` and `<title>`), as the Public Sector Bodies Accessibility Regulations 2018
ask of documents a council publishes or sends.
"""

from typing import Any

import weasyprint
from weasyprint.urls import FatalURLFetchingError, URLFetcher


class OfflineFetcher(URLFetcher):
    """Refuses every URL: a document must never load fonts, images or styles from anywhere."""

    def fetch(self, url: str, headers: Any = None) -> Any:
        raise FatalURLFetchingError(f"Documents load nothing from outside: {url}")


PDF_VARIANT = "pdf/ua-1"


def pdf_from_html(html: str) -> bytes:
    """The tagged PDF of a self-contained HTML page, with no base URL and no fetching.

    The page must say its language and title: a PDF/UA reader announces both.
    """
    page = weasyprint.HTML(string=html, base_url=None, url_fetcher=OfflineFetcher())
    return page.write_pdf(pdf_variant=PDF_VARIANT)
