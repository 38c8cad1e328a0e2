"""PDF documents (WeasyPrint), rendered offline: the plans and the board reports.

The HTML and its styles are self-contained, and the URL fetcher refuses every fetch, so
nothing in a document ever leaves the server and nothing outside can change what it says.
"""

from typing import Any

import weasyprint
from weasyprint.urls import FatalURLFetchingError, URLFetcher


class OfflineFetcher(URLFetcher):
    """Refuses every URL: a document must never load fonts, images or styles from anywhere."""

    def fetch(self, url: str, headers: Any = None) -> Any:
        raise FatalURLFetchingError(f"Documents load nothing from outside: {url}")


def pdf_from_html(html: str) -> bytes:
    """The PDF of a self-contained HTML page, with no base URL and no fetching."""
    return weasyprint.HTML(string=html, base_url=None, url_fetcher=OfflineFetcher()).write_pdf()
