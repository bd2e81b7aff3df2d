"""Extractor for `locations` records (see ../shared/ANNOTATION.md)."""

from __future__ import annotations

from vnunion_nlp.document import ParsedArticle
from vnunion_nlp.records import Location


def extract_locations(doc: ParsedArticle) -> list[Location]:
    """Every Location in the article."""
    return []  # PLACEHOLDER: filled in by the extractor work of this session
