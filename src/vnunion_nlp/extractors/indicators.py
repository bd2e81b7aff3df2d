"""Extractor for `indicators` records (see ../shared/ANNOTATION.md)."""

from __future__ import annotations

from vnunion_nlp.document import ParsedArticle
from vnunion_nlp.records import Indicator


def extract_indicators(doc: ParsedArticle) -> list[Indicator]:
    """Every Indicator in the article."""
    return []  # PLACEHOLDER: filled in by the extractor work of this session
