"""The number expressions of a section, before any check.

``_candidates`` tries the compiled pattern for numbers in digits where a digit follows no digit
and looks numbers in words up from their lead word (``_word_matches``, with exact guards that
skip most lead words at C speed); ``_ArticleScan`` finds both kinds of places for all the
sections of an article at once. The spans no number may come from are found here too: quoted
names and titles (``_names_in_quotes``) and the document and term records (``_disjoint``),
tested by bisection (``_inside``).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from typing import Final

import regex

from vnunion_nlp.document import MaskedContent
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
from vnunion_nlp.extractors.indicators.prefilters import (
    _SPACE_SET,
    _SPACES,
    _in_common_blocks,
    _shared_folding,
)

# (start, end, groups, text) of a number expression, section-local
_Candidate = tuple[int, int, _Groups, str]
_WORDS_WINDOW = 200  # a number in words and the counted noun after it fit in this


def _candidates(
    pat: _Patterns,
    text: str,
    folded: str | None,
    leads: list[_LeadPlace] | None = None,
    digit_starts: list[int] | None = None,
) -> list[_Candidate]:
    """Every number expression of a section, in digits or in words, by start; ``folded`` is
    the section case-folded one character for one, or None (see ``_folded``); ``leads`` and
    ``digit_starts``: the section's, if already found (``_ArticleScan``)."""
    candidates = _digit_matches(pat, text, digit_starts)
    words = _word_matches(pat, text, folded, leads)
    if words:  # the scan finds the numbers in digits in text order already
        candidates.extend(words)
        candidates.sort(key=lambda c: c[0])
    return candidates


def _digit_matches(
    pat: _Patterns, text: str, digit_starts: list[int] | None = None
) -> list[_Candidate]:
    """The matches of ``pat.digits``, as ``finditer`` gives them.

    Every match opens with a digit (``(?=\\d)``) that follows no number (its look-behind),
    which the ``regex`` engine tests at every character by a Unicode look-up (~140
    instructions). Where the places of the digits that follow no digit are known
    (``digit_starts``, a superset of where a match can start), the pattern is tried at each of
    them from the left, after the match before, as ``finditer`` does. Otherwise the scan runs
    only from the first digit to the last (found by the stdlib engine), and stops after the
    match that reaches past the last (no other can start there).
    """
    make, no_words = _Groups._make, _NO_WORDS  # groups() is much cheaper than groupdict()
    found: list[_Candidate] = []
    if digit_starts is not None:
        reached = 0
        for start in digit_starts:
            if start >= reached and (m := pat.digits.match(text, start, None, HOLD_GIL)):
                found.append((m.start(), m.end(), make(m.groups() + no_words), m.group(0)))
                reached = m.end()
        return found
    first = _digits_or_astral().search(text)
    if first is None:
        return []
    last = _last_digit_or_astral().match(text)
    end = last.end() if last is not None else len(text)
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


def _word_matches(
    pat: _Patterns, text: str, folded: str | None, leads: list[_LeadPlace] | None = None
) -> list[_Candidate]:
    """Numbers written in words, in text order, without overlaps.

    Looking each lead word up with ``str.find`` in the lower-cased text and matching only
    there is several times faster than a regex scan, which tries its lead-word alternation at
    every character. The match runs on a short slice: ``regex`` costs time in the length of the
    string it is given, whatever ``pos``, so matching in the whole of a huge paragraph would be
    quadratic. The section case-folded (``folded``) serves as the lower-cased text: where every
    character folds to one, the lead words stand at the same places in both (``_SAME_LEADS``).
    ``leads``: the places of the lead words in that lower-cased text, if already found.
    """
    if leads is None:
        lowered = folded if folded is not None and _SAME_LEADS not in text else text.lower()
        if len(lowered) != len(text):  # a character whose lower case is longer: offsets differ
            return [
                (m.start(), m.end(), _Groups._make(_NO_DIGITS + m.groups()), m.group(0))
                for m in pat.words.finditer(text, concurrent=HOLD_GIL)
                if m.group(0).lower() not in _AMBIGUOUS_ALONE
            ]
        leads = _lead_places(lowered)
    # A match starts where its lead word does, so the places give the matches by start: one
    # that starts inside the match kept before is never tried.
    kept: list[_Candidate] = []
    for at, lead in leads:
        if kept and at < kept[-1][1]:
            continue
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
            continue
        base = max(0, at - 1)  # one character before, for the look-behind
        match = pat.words.match(text[base : at + _WORDS_WINDOW], at - base, None, HOLD_GIL)
        if match is not None and match.group(0).lower() not in _AMBIGUOUS_ALONE:
            groups = _Groups._make(_NO_DIGITS + match.groups())
            kept.append((base + match.start(), base + match.end(), groups, match.group(0)))
    return kept


# where a lead word stands in the lower-cased text, and the word
_LeadPlace = tuple[int, str]


def _lead_places(lowered: str) -> list[_LeadPlace]:
    """Every place of a lead word in ``lowered``, overlapping ones too, by place (those of one
    place in the order of ``_LEADS``, as a stable sort leaves them)."""
    found: list[_LeadPlace] = []
    for lead in _LEADS:
        at = lowered.find(lead)
        while at >= 0:
            found.append((at, lead))
            at = lowered.find(lead, at + 1)
    found.sort(key=_place)
    return found


def _place(lead: _LeadPlace) -> int:
    return lead[0]


class _ArticleScan:
    """What ``_candidates`` looks for in every section, looked for once in the whole article's
    content and handed out a section at a time: a ``str.find`` or a stdlib scan costs a call as
    well as its characters, and the sections are many and short.

    - The lead words of numbers in words, in the article's shared lower case
      (``_shared_folding``): a section's lower case is its cut of it, so they stand at the same
      places in both; none reaches from one section into the next, since each is letters and the
      sections are apart by ``MASK``. That lower case holds no ``_SAME_LEADS`` (which lower-cases
      as it does not fold), so each section would have read its lower case too.
    - The digits that follow no digit, where every character of the article lies in
      ``_COMMON_BLOCKS``: there the only digits (of ``_digit_class``) are ASCII, so the ASCII
      encoding with "?" for every other character keeps each at its place, and a byte map finds
      them by ``bytes.find``. The digits pattern is then tried at those places only: the
      ``regex`` engine spent ~25 ns a character between the first digit of a section and its
      last, and the stdlib ~15 ns a character to find those two.
    """

    def __init__(self, masked: MaskedContent) -> None:
        in_common_blocks = _in_common_blocks(masked.text)
        self.shared = _shared_folding(masked, in_common_blocks)
        self._leads = _lead_places(self.shared) if self.shared is not None else []
        self._lead_places = [at for at, _ in self._leads]
        # a space first, so that a digit at the start of the text follows a non-digit too: the
        # character at i is the byte at i + 1
        self._digits = (
            b" " + masked.text.encode("ascii", "replace").translate(_DIGIT_MAP)
            if in_common_blocks
            else None
        )

    def leads(self, base: int, length: int) -> list[_LeadPlace] | None:
        """The lead words of the section at ``base`` of ``length`` characters, section-local;
        None where the lower case is not shared (the section then looks for them itself)."""
        if self.shared is None:
            return None
        first = bisect.bisect_left(self._lead_places, base)
        last = bisect.bisect_left(self._lead_places, base + length, first)
        return [(at - base, lead) for at, lead in self._leads[first:last]]

    def digit_starts(self, base: int, length: int) -> list[int] | None:
        """Where a digit that follows no digit stands in the section at ``base`` of ``length``
        characters, section-local; None where left to ``_digit_matches``."""
        if self._digits is None:
            return None
        starts: list[int] = []
        stop = base + length + 1  # the map is one longer: see __init__
        at = self._digits.find(b" 0", base, stop)
        while at >= 0:
            starts.append(at - base)
            at = self._digits.find(b" 0", at + 2, stop)
        return starts


# every ASCII digit to "0", every other byte to a space
_DIGIT_MAP: Final = bytes(0x30 if 0x30 <= byte <= 0x39 else 0x20 for byte in range(256))


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
