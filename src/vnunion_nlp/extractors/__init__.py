"""The one registry of extractors.

Each extractor is a plain function ``ParsedArticle -> list[Record]``. They run in the order of
``REGISTRY``, and each may read what those before it stored in ``ParsedArticle.records``:
terms before congresses (a congress takes its term), congresses before officials (an official
points at the congress that elected them), officials before organisations (a body's name stops
where a person's name begins: "Bí thư Thành ủy Đinh La Thăng"), documents before indicators
(document numbers are not indicators). The pipeline, the CLI's ``--only`` and the spaCy component
all read this table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from vnunion_nlp.document import ParsedArticle
from vnunion_nlp.extractors import (
    campaigns,
    congresses,
    documents,
    indicators,
    locations,
    officials,
    organizations,
    terms,
)
from vnunion_nlp.records import Record

Extractor = Callable[[ParsedArticle], Sequence[Record]]

REGISTRY: dict[str, Extractor] = {
    "locations": locations.extract_locations,
    "terms": terms.extract_terms,
    "congresses": congresses.extract_congresses,
    "officials": officials.extract_officials,
    "organizations": organizations.extract_organizations,
    "documents": documents.extract_documents,
    "campaigns": campaigns.extract_campaigns,
    "indicators": indicators.extract_indicators,
}

__all__ = ["REGISTRY", "Extractor"]
