"""Extractor for `organizations` records (see ../shared/ANNOTATION.md)."""

from __future__ import annotations

from vnunion_nlp.document import ParsedArticle
from vnunion_nlp.records import Organization


def extract_organizations(doc: ParsedArticle) -> list[Organization]:
    """Every Organization in the article."""
    return []  # PLACEHOLDER: filled in by the extractor work of this session
