"""PDF documents rendered offline (opensend/core/documents.py)."""

import pytest
import weasyprint

from opensend.core.documents import OfflineFetcher, pdf_from_html


def test_the_offline_fetcher_refuses_every_url():
    html = weasyprint.HTML(
        string='<img src="https://example.org/x.png">',
        base_url=None,
        url_fetcher=OfflineFetcher(),
    )
    with pytest.raises(weasyprint.urls.FatalURLFetchingError):
        html.write_pdf()


def test_a_document_that_refers_to_anything_outside_is_not_rendered():
    with pytest.raises(weasyprint.urls.FatalURLFetchingError):
        pdf_from_html('<link rel="stylesheet" href="https://example.org/x.css"><p>Hello</p>')


def test_a_self_contained_page_becomes_a_pdf():
    assert pdf_from_html("<h1>Board report</h1>").startswith(b"%PDF-")
