"""vnunion_nlp: typed, source-grounded records from Vietnamese trade-union news.

>>> from vnunion_nlp import extract
>>> article = extract("Đại hội Công đoàn huyện\\n\\nSáng 12/3, Công đoàn huyện tổ chức Đại hội.")
>>> article.title
'Đại hội Công đoàn huyện'
"""

from __future__ import annotations

import logging

from vnunion_nlp.errors import InputError, VnUnionError
from vnunion_nlp.normalize import Normalized, normalize
from vnunion_nlp.pipeline import __version__, extract, extract_html
from vnunion_nlp.records import (
    Article,
    ArticleWarning,
    Campaign,
    Congress,
    DocumentRef,
    Indicator,
    Location,
    Official,
    Organization,
    Section,
    Term,
)

logging.getLogger("vnunion_nlp").addHandler(logging.NullHandler())

__all__ = [
    "Article",
    "ArticleWarning",
    "Campaign",
    "Congress",
    "DocumentRef",
    "Indicator",
    "InputError",
    "Location",
    "Normalized",
    "Official",
    "Organization",
    "Section",
    "Term",
    "VnUnionError",
    "__version__",
    "extract",
    "extract_html",
    "normalize",
]
