"""Extractor for `congresses` records (see ../shared/ANNOTATION.md)."""

from __future__ import annotations

from vnunion_nlp.document import ParsedArticle
from vnunion_nlp.records import Congress


def extract_congresses(doc: ParsedArticle) -> list[Congress]:
    """Every Congress in the article."""
    return []  # PLACEHOLDER: filled in by the extractor work of this session
