"""The number expressions of a section, before any check.

``_candidates`` runs the one compiled scan for numbers in digits and looks numbers in words up
from their lead word (``_word_matches``, with exact guards that skip most lead words at C
speed). The spans no number may come from are found here too: quoted names and titles
(``_names_in_quotes``) and the document and term records (``_disjoint``), tested by bisection
(``_inside``).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from typing import Final

import regex

from vnunion_nlp.engine import HOLD_GIL
from vnunion_nlp.extractors.indicators.patterns import (
    _AMBIGUOUS_ALONE,
    _LEADS,
    _LEADS_APART,
    _NO_DIGITS,
    _NO_WORDS,
    _Groups,
    _Patterns,
)
from vnunion_nlp.extractors.indicators.prefilters import _SPACE_SET, _SPACES

# (start, end, groups, text) of a number expression, section-local
_Candidate = tuple[int, int, _Groups, str]
_WORDS_WINDOW = 200  # a number in words and the counted noun after it fit in this


def _candidates(pat: _Patterns, text: str, folded: str | None) -> list[_Candidate]:
    """Every number expression of a section, in digits or in words, by start; ``folded`` is
    the section case-folded one character for one, or None (see ``_folded``)."""
    candidates = _digit_matches(pat, text)
    words = _word_matches(pat, text, folded)
    if words:  # the scan finds the numbers in digits in text order already
        candidates.extend(words)
        candidates.sort(key=lambda c: c[0])
    return candidates


def _digit_matches(pat: _Patterns, text: str) -> list[_Candidate]:
    """The matches of ``pat.digits``, scanned only from the first digit to the last.

    Every match opens with a digit (``(?=\\d)``), which the ``regex`` engine tests at every
    character by a Unicode look-up (~140 instructions): the stdlib engine finds the first and the
    last digit at a few a character, the scan starts at the first and stops after the match that
    reaches past the last (no other can start there). A third of the characters of a section
    stand before its first digit or after its last, or in a section without any.
    """
    first = _digits_or_astral().search(text)
    if first is None:
        return []
    last = _last_digit_or_astral().match(text)
    end = last.end() if last is not None else len(text)
    make, no_words = _Groups._make, _NO_WORDS  # groups() is much cheaper than groupdict()
    found: list[_Candidate] = []
    for m in pat.digits.finditer(text, first.start(), concurrent=HOLD_GIL):
        found.append((m.start(), m.end(), make(m.groups() + no_words), m.group(0)))
        if m.end() >= end:
            break
    return found


@functools.cache
def _digit_class() -> str:
    """A stdlib class of what the ``regex`` engine reads as ``\\d`` in the BMP, and of every
    character past it (the engines' Unicode versions may differ there: never skip one)."""
    digits = "".join(c for c in map(chr, range(0x10000)) if _DIGIT.match(c))
    return f"[{re.escape(digits)}\U00010000-\U0010ffff]"


@functools.cache
def _digits_or_astral() -> re.Pattern[str]:
    return re.compile(_digit_class())


@functools.cache
def _last_digit_or_astral() -> re.Pattern[str]:
    return re.compile(f"(?s:.*){_digit_class()}")  # greedy: backs off from the end to the last


_DIGIT: Final = regex.compile(r"\d")


def _word_matches(pat: _Patterns, text: str, folded: str | None) -> list[_Candidate]:
    """Numbers written in words, in text order, without overlaps.

    Looking each lead word up with ``str.find`` in the lower-cased text and matching only
    there is several times faster than a regex scan, which tries its lead-word alternation at
    every character. The match runs on a short slice: ``regex`` costs time in the length of the
    string it is given, whatever ``pos``, so matching in the whole of a huge paragraph would be
    quadratic. The section case-folded (``folded``) serves as the lower-cased text: where every
    character folds to one, the lead words stand at the same places in both (``_SAME_LEADS``).
    """
    lowered = folded if folded is not None and _SAME_LEADS not in text else text.lower()
    if len(lowered) != len(text):  # a character whose lower case is longer: offsets differ
        return [
            (m.start(), m.end(), _Groups._make(_NO_DIGITS + m.groups()), m.group(0))
            for m in pat.words.finditer(text)
            if m.group(0).lower() not in _AMBIGUOUS_ALONE
        ]
    found: list[_Candidate] = []
    for lead in _LEADS:
        at = lowered.find(lead)
        while at >= 0:
            after_at = at + len(lead)
            if (
                (at and _glued_before(text[at - 1]))
                or (
                    _LEADS_APART
                    and (
                        text[after_at : after_at + 1] not in _SPACE_SET  # before slicing 200
                        or not _may_count(pat, text[after_at : at + _WORDS_WINDOW])
                    )
                )
            ):
                at = lowered.find(lead, at + 1)
                continue
            base = max(0, at - 1)  # one character before, for the look-behind
            match = pat.words.match(text[base : at + _WORDS_WINDOW], at - base, None, HOLD_GIL)
            if match is not None and match.group(0).lower() not in _AMBIGUOUS_ALONE:
                groups = _Groups._make(_NO_DIGITS + match.groups())
                found.append((base + match.start(), base + match.end(), groups, match.group(0)))
            at = lowered.find(lead, at + 1)
    found.sort(key=lambda c: c[0])
    kept: list[_Candidate] = []
    for candidate in found:
        if not kept or candidate[0] >= kept[-1][1]:
            kept.append(candidate)
    return kept


# The one character that folds to one but lower-cases to another where either is a letter of a
# lead word (long s: folded "s"); where each character folds to one, each lower-cases to one
# too (tests/test_indicators.py pins both over all of Unicode)
_SAME_LEADS = "\u017f"


def _may_count(pat: _Patterns, after: str) -> bool:
    """``pat.words`` may match a lead word followed by ``after`` (its slice, see below): after
    white space, a numeral word or a counted noun (maybe quoted) comes first. Case folding
    tests it the way ``regex.IGNORECASE`` does (see ``_EndCue``)."""
    if not after or after[0] not in _SPACES:
        return False
    head = after.lstrip(_SPACES)[: pat.after_lead_longest]
    folded = head.casefold()
    if len(folded) != len(head):
        return True
    return pat.after_lead.starts(folded) or (
        folded[:1] in '“"' and pat.counted_firsts.starts(folded[1:])
    )


def _glued_before(char: str) -> bool:
    """``char`` fails ``_TOKEN_START`` for sure (``str.isalnum`` is ``[\\p{L}\\p{N}]`` or less
    below U+10000, whatever the Unicode versions): no number starts after it."""
    return char < _ASTRAL and (char.isalnum() or char in "_./,:-–")


_ASTRAL = "\U00010000"


def _names_in_quotes(pat: _Patterns, text: str, starts: list[int]) -> list[tuple[int, int]]:
    """Spans of quoted names and titles (campaigns, programmes): their numbers are no figures.

    Quoted speech is not skipped: it is opened by "cho biết:", followed by an attribution
    dash ("” - ông A cho hay") or holds a full stop between sentences.

    Only the spans that hold one of ``starts`` (the candidates' starts, sorted) are returned,
    the only ones ever asked about: the speech tests run on those alone, and the scan stops
    at the first quote after the last start.
    """
    spans: list[tuple[int, int]] = []
    if not starts or ("“" not in text and '"' not in text):  # every quote opens with one
        return spans
    last = starts[-1]
    for quote in pat.quotes.finditer(text, concurrent=HOLD_GIL):
        start, end = quote.span()
        if start > last:
            break  # this quote and every later one start after every candidate
        first = bisect.bisect_left(starts, start)
        if first == len(starts) or starts[first] >= end:
            continue  # no candidate inside
        if (
            pat.speech_inside.search(quote.group(0), None, None, HOLD_GIL)
            or pat.speech_after.match(text[end : end + 4], None, None, HOLD_GIL)
            or pat.speech_before.search(text[max(0, start - 40) : start], None, None, HOLD_GIL)
        ):
            continue
        spans.append((start, end))
    return spans


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    """``offset`` inside one of ``spans`` (sorted by start, not overlapping)."""
    at = bisect.bisect_right(spans, (offset, _MAX)) - 1
    return at >= 0 and spans[at][0] <= offset < spans[at][1]


_MAX = 1 << 62


def _disjoint(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans sorted and merged where they overlap (for bisection in ``_inside``)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
