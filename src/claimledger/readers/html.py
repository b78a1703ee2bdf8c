"""HTML pages: main text and metadata (title, date, site name → outlet) by trafilatura.

trafilatura drops navigation, comments and boilerplate; the report's `text` is what it kept, and all
offsets index that text, not the markup.
"""

from __future__ import annotations

from datetime import date

from claimledger.document import Document, Metadata
from claimledger.errors import InputError
from claimledger.readers.detect import decode


def read_html(data: bytes, source: str, url: str | None = None) -> Document:
    import trafilatura  # noqa: PLC0415 - half a second to import; only HTML needs it

    markup = decode(data, source).text
    extracted = trafilatura.bare_extraction(
        markup,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = (getattr(extracted, "text", None) or "").strip()
    if not body:
        raise InputError(f"{source}: no article text found in the HTML")
    meta = Metadata(
        title=getattr(extracted, "title", None) or None,
        outlet=getattr(extracted, "sitename", None) or getattr(extracted, "hostname", None) or None,
        url=url or getattr(extracted, "url", None) or None,
        published=_date(getattr(extracted, "date", None)),
        source=source,
    )
    return Document(body, meta)


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
