"""Extractor for `campaigns` records (see ../shared/ANNOTATION.md)."""

from __future__ import annotations

from vnunion_nlp.document import ParsedArticle
from vnunion_nlp.records import Campaign


def extract_campaigns(doc: ParsedArticle) -> list[Campaign]:
    """Every Campaign in the article."""
    return []  # PLACEHOLDER: filled in by the extractor work of this session
