"""Extractor for `documents` records (see ../shared/ANNOTATION.md)."""

from __future__ import annotations

from vnunion_nlp.document import ParsedArticle
from vnunion_nlp.records import DocumentRef


def extract_documents(doc: ParsedArticle) -> list[DocumentRef]:
    """Every DocumentRef in the article."""
    return []  # PLACEHOLDER: filled in by the extractor work of this session
