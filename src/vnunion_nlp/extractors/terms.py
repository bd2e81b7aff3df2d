"""Extractor for `terms` records (see ../shared/ANNOTATION.md)."""

from __future__ import annotations

from vnunion_nlp.document import ParsedArticle
from vnunion_nlp.records import Term


def extract_terms(doc: ParsedArticle) -> list[Term]:
    """Every Term in the article."""
    return []  # PLACEHOLDER: filled in by the extractor work of this session
