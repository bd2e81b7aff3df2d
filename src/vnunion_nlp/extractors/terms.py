"""Terms: mandate periods such as "nhiệm kỳ 2020 - 2025" or "khóa X, nhiệm kỳ 2018 - 2023".

A term needs a term cue (nhiệm kỳ, NK) followed by two years; a plan period ("giai đoạn 2015 -
2020", "từ năm 2015 - 2020") or a bare range has no cue and is no term. The session comes from a
"khóa X" right before the cue. Repeated mentions of the same years are one record. The relation
comes from the words right after the years ("vừa qua" → previous, "tới" → next); otherwise the
latest term of the article is current and earlier ones are previous.
The years of a match are read by group index (see ``vnunion_nlp.lexicon``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Final

import regex

from vnunion_nlp.cues import TermCues
from vnunion_nlp.document import ParsedArticle
from vnunion_nlp.engine import HOLD_GIL
from vnunion_nlp.lexicon import alternation as _alt
from vnunion_nlp.lexicon import load_yaml
from vnunion_nlp.numbers import parse_roman
from vnunion_nlp.records import Term, TermRelation
from vnunion_nlp.scanning import WordScanner, first_matches

EXTRACTOR: Final = "terms"
# The session is read in the last 40 characters before the cue and its body in the 100 before.
_BEFORE_REACH: Final = 140


@dataclass(frozen=True)
class _Patterns:
    term: regex.Pattern[str]
    years: tuple[int, int]  # the indices of groups "y1" and "y2" of ``term``
    # Every term holds a match of one of these cues (the term words in any case, the acronyms as
    # written), found with ``str.find`` where ``term`` costs ~50 ns a character: a section
    # without one is not scanned, one with one from the first (``first_matches``).
    cues: tuple[WordScanner, ...]
    session_before: regex.Pattern[str]
    previous_after: regex.Pattern[str]
    next_after: regex.Pattern[str]
    organization_before: regex.Pattern[str]


@functools.cache
def _patterns() -> _Patterns:
    cues = load_yaml("term_cues.yaml", TermCues)
    year = r"(?:19|20)\d\d"
    term = regex.compile(
        rf"""(?<![\p{{L}}\d])
        (?P<cue>(?i:{_alt(cues.term_words)})|{_alt(cues.term_acronyms)})
        \s*\(?\s*(?P<y1>{year})\s*[-–—]\s*(?P<y2>{year})\s*\)?(?!\d)""",
        regex.VERBOSE,
    )
    return _Patterns(
        term=term,
        years=(term.groupindex["y1"], term.groupindex["y2"]),
        cues=(
            WordScanner(cues.term_words, flags=regex.I),
            WordScanner(cues.term_acronyms),
        ),
        session_before=regex.compile(
            rf"(?i:{_alt(cues.session_words)})\s+(?P<session>[IVXLC]+|\d{{1,2}})\s*[,(]?\s*$"
        ),
        previous_after=regex.compile(
            rf"\s*,?\s*(?:{_alt(cues.previous_after)})(?!\p{{L}})", regex.I
        ),
        next_after=regex.compile(rf"\s*,?\s*(?:{_alt(cues.next_after)})(?!\p{{L}})", regex.I),
        # The body a "khóa" belongs to: from an organisation head to the "khóa", with no
        # punctuation between ("Ban Chấp hành Chi bộ LĐLĐ tỉnh khóa VII").
        organization_before=regex.compile(
            rf"(?<!\p{{L}})(?P<org>(?:{_alt(cues.organization_heads)})[^,.;:“”()]*?)\s*$"
        ),
    )


def _session(before: str) -> tuple[int | None, int]:
    """Session number of a "khóa X" ending ``before``, and where that phrase starts."""
    match = _patterns().session_before.search(before[-40:], None, None, HOLD_GIL)
    if match is None:
        return None, len(before)
    raw = match["session"]
    number = int(raw) if raw.isdigit() else parse_roman(raw)
    return number, len(before) - len(before[-40:]) + match.start()


def _organization(before: str) -> str | None:
    """The body owning a "khóa": only read where the text names one right before the "khóa"."""
    match = _patterns().organization_before.search(before[-100:], None, None, HOLD_GIL)
    return " ".join(match["org"].split()) if match is not None else None


def _relation(after: str, before: str) -> TermRelation | None:
    pat = _patterns()
    if pat.previous_after.match(after, None, None, HOLD_GIL):
        return "previous"
    if pat.next_after.match(after, None, None, HOLD_GIL):
        return "next"
    return None


def extract_terms(doc: ParsedArticle) -> list[Term]:
    """Every distinct mandate period of the article, in order of first mention."""
    pat = _patterns()
    by_years: dict[tuple[int, int], Term] = {}
    first_year, last_year = pat.years
    for index, section, first in first_matches(doc, pat.cues):
        text = section.text
        for match in pat.term.finditer(text, first, concurrent=HOLD_GIL):
            start_year, end_year = int(match[first_year]), int(match[last_year])
            if not 0 < end_year - start_year <= 10:
                continue  # "2020 - 2018" or a century: no mandate period
            # Only the last words before the cue are read ("khóa X" and its body); copying the
            # whole text before every match made long inputs quadratic.
            before = text[max(0, match.start() - _BEFORE_REACH) : match.start()]
            session, org_end = _session(before)
            owner = _organization(before[:org_end]) if session is not None else None
            relation = _relation(text[match.end() : match.end() + 20], before)
            key = (start_year, end_year)
            existing = by_years.get(key)
            if existing is not None:
                existing.session = existing.session or session
                existing.organization = existing.organization or owner
                existing.relation = existing.relation or relation
                continue
            by_years[key] = Term(
                start=section.start + match.start(),
                end=section.start + match.end(),
                text=match[0],
                section_index=index,
                extractor=EXTRACTOR,
                start_year=start_year,
                end_year=end_year,
                session=session,
                organization=owner,
                relation=relation,
            )
    terms = list(by_years.values())
    _fill_relations(terms)
    return terms


def _fill_relations(terms: list[Term]) -> None:
    """Terms without a cue: the latest is current, earlier ones are previous."""
    dated = [t for t in terms if t.end_year is not None]
    if not dated:
        return
    latest = max(t.end_year for t in dated if t.end_year is not None)
    for term in dated:
        if term.relation is None:
            term.relation = "current" if term.end_year == latest else "previous"
