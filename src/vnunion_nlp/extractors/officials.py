"""Extractor for `officials` records (see ../shared/ANNOTATION.md)."""

from __future__ import annotations

from vnunion_nlp.document import ParsedArticle
from vnunion_nlp.records import Official


def extract_officials(doc: ParsedArticle) -> list[Official]:
    """Every Official in the article."""
    return []  # PLACEHOLDER: filled in by the extractor work of this session
