"""The pipeline: input → normalise → clean → sections → extractors → Article.

Document problems never raise: they give an Article (possibly empty) with coded warnings. Only a
caller mistake (a non-text argument, binary bytes) raises a typed error.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Iterable
from importlib import metadata
from typing import Any, TypeVar

from vnunion_nlp import errors
from vnunion_nlp.document import MAX_CHARS, MAX_LINES, ParsedArticle
from vnunion_nlp.encoding import decode_bytes, repair_mojibake
from vnunion_nlp.errors import InputError
from vnunion_nlp.extractors import REGISTRY
from vnunion_nlp.metadata import VIETNAM
from vnunion_nlp.normalize import normalize
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
    Record,
    Term,
)
from vnunion_nlp.sections import parse_layout

log = logging.getLogger("vnunion_nlp")
RecordT = TypeVar("RecordT", bound=Record)

try:
    __version__ = metadata.version("vnunion_nlp")
except metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"


def _as_text(data: str | bytes, warnings: list[ArticleWarning]) -> str:
    if isinstance(data, bytes | bytearray):
        text, encoding = decode_bytes(bytes(data))
        if encoding not in {"utf-8", "utf-8-sig"}:
            warnings.append(ArticleWarning.coded(errors.W_DECODED, encoding))
        return text
    if not isinstance(data, str):
        raise InputError(f"expected str or bytes, got {type(data).__name__}")
    return data


def _run_extractors(parsed: ParsedArticle, only: Iterable[str] | None) -> None:
    wanted = set(REGISTRY) if only is None else set(only)
    unknown = wanted - set(REGISTRY)
    if unknown:
        raise ValueError(f"unknown record types {sorted(unknown)}; known: {sorted(REGISTRY)}")
    for name, extractor in REGISTRY.items():
        if name not in wanted:
            parsed.records[name] = []
            continue
        try:
            parsed.records[name] = list(extractor(parsed))
        except Exception as exc:  # one extractor's bug must not lose the others' records
            log.exception("extractor %s failed", name)
            parsed.records[name] = []
            parsed.warnings.append(
                ArticleWarning.coded(errors.W_EXTRACTOR_FAILED, f"{name}: {exc!r}")
            )


def _link_elected(congresses: list[Congress], officials: list[Official]) -> None:
    for index, official in enumerate(officials):
        congress = official.congress_index
        elected = official.role in {"elected", "re-elected"}
        if elected and congress is not None and 0 <= congress < len(congresses):
            congresses[congress].elected.append(index)


def parse(text: str, warnings: list[ArticleWarning] | None = None) -> ParsedArticle:
    """Layout of an already normalised text, before any extractor runs."""
    layout = parse_layout(text)
    parsed = ParsedArticle(
        text=text,
        sections=layout.sections,
        removed=layout.removed,
        title=layout.title,
        published_at=layout.published_at,
        authors=layout.authors,
        photo_credits=layout.photo_credits,
        warnings=list(warnings or []),
    )
    if not text or text.isspace():  # `strip` would copy the whole text to tell
        parsed.warnings.append(ArticleWarning.coded(errors.W_EMPTY))
    elif not layout.sections:
        parsed.warnings.append(ArticleWarning.coded(errors.W_NO_CONTENT))
    return parsed


def extract(
    text: str | bytes,
    *,
    source: str | None = None,
    url: str | None = None,
    published_at: dt.datetime | None = None,
    only: Iterable[str] | None = None,
) -> Article:
    """Extract every record from one article given as text (or bytes of text).

    Args:
        text: the article as scraped: plain text, web chrome included; bytes are decoded
            (UTF-8, UTF-16, Windows-1258) and the encoding reported in a warning.
        source: an id or file name kept on the Article.
        url: the page URL, when known.
        published_at: publication time, when known from elsewhere; overrides the dateline.
            A naive datetime is taken as Vietnam time.
        only: record types to extract (names of ``extractors.REGISTRY``); default all.

    Returns:
        The Article; a document with problems gives an Article with warnings, never an error.

    Raises:
        InputError: ``text`` is neither str nor bytes, or the bytes are binary.
        ValueError: ``only`` names an unknown record type.
    """
    warnings: list[ArticleWarning] = []
    raw = _as_text(text, warnings)
    if len(raw) > MAX_CHARS:
        warnings.append(
            ArticleWarning.coded(errors.W_TRUNCATED, f"{len(raw)} > {MAX_CHARS} characters")
        )
        raw = raw[:MAX_CHARS]
    repaired = repair_mojibake(raw)
    if repaired is not None:
        warnings.append(ArticleWarning.coded(errors.W_MOJIBAKE))
        raw = repaired
    normalized = normalize(raw).text
    lines = normalized.split("\n", MAX_LINES)  # after normalising: "\r" and U+2028 end lines too
    if len(lines) > MAX_LINES:
        warnings.append(ArticleWarning.coded(errors.W_TRUNCATED, f"more than {MAX_LINES} lines"))
        normalized = "\n".join(lines[:MAX_LINES])
    parsed = parse(normalized, warnings)
    if published_at is not None:
        parsed.published_at = (
            published_at.replace(tzinfo=VIETNAM) if published_at.tzinfo is None else published_at
        )
    _run_extractors(parsed, only)
    return _to_article(parsed, source=source, url=url)


def extract_html(
    html: str | bytes,
    *,
    url: str | None = None,
    source: str | None = None,
    only: Iterable[str] | None = None,
) -> Article:
    """Extract every record from an HTML page.

    trafilatura finds the main text, title, date and author; the text then goes through the same
    pipeline as ``extract``. A page where it finds no main text falls back to the whole page text
    (warning W006).
    """
    import trafilatura  # imported here: it is slow to import and only HTML input needs it

    warnings: list[ArticleWarning] = []
    page = _as_text(html, warnings)
    doc: Any = trafilatura.bare_extraction(
        page, url=url, with_metadata=True, include_comments=False, include_tables=True
    )
    body = getattr(doc, "text", None) if doc is not None else None
    title = getattr(doc, "title", None) if doc is not None else None
    if not body:
        warnings.append(ArticleWarning.coded(errors.W_HTML_FALLBACK))
        body = trafilatura.html2txt(page) or ""
    parts = [title, _date_line(getattr(doc, "date", None)), body]
    article = extract("\n\n".join(p for p in parts if p), source=source or url, url=url, only=only)
    article.warnings[:0] = warnings
    author = getattr(doc, "author", None) if doc is not None else None
    if author and not article.authors:
        article.authors = [a.strip() for a in author.split(";") if a.strip()]
    return article


def _date_line(date: str | None) -> str | None:
    """trafilatura gives an ISO date; write it as a dateline the layout parser reads."""
    if not date:
        return None
    try:
        day = dt.date.fromisoformat(date[:10])
    except ValueError:
        return None
    return f"Ngày đăng: {day.day:02d}/{day.month:02d}/{day.year}"


def article_id(text: str) -> str:
    """Stable id of an article: a hash of its normalised text."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def _typed(parsed: ParsedArticle, name: str, kind: type[RecordT]) -> list[RecordT]:
    return [r for r in parsed.records.get(name, []) if isinstance(r, kind)]


def _to_article(parsed: ParsedArticle, *, source: str | None, url: str | None) -> Article:
    congresses = _typed(parsed, "congresses", Congress)
    officials = _typed(parsed, "officials", Official)
    _link_elected(congresses, officials)
    province, province_2025 = _province(parsed)
    return Article(
        id=article_id(parsed.text),
        source=source,
        url=url,
        text=parsed.text,
        title=parsed.title,
        published_at=parsed.published_at,
        authors=parsed.authors,
        photo_credits=parsed.photo_credits,
        province=province,
        province_2025=province_2025,
        sections=parsed.sections,
        removed=parsed.removed,
        congresses=congresses,
        terms=_typed(parsed, "terms", Term),
        officials=officials,
        indicators=_typed(parsed, "indicators", Indicator),
        campaigns=_typed(parsed, "campaigns", Campaign),
        documents=_typed(parsed, "documents", DocumentRef),
        organizations=_typed(parsed, "organizations", Organization),
        locations=_typed(parsed, "locations", Location),
        warnings=parsed.warnings,
        pipeline_version=__version__,
    )


def _province(parsed: ParsedArticle) -> tuple[str | None, str | None]:
    from vnunion_nlp.extractors import locations

    infer = getattr(locations, "infer_province", None)
    if infer is None:
        return None, None
    result: tuple[str | None, str | None] = infer(parsed, parsed.records.get("locations", []))
    return result
