"""Exact tests at C speed in front of the indicator patterns.

A ``regex`` search costs time even where it finds nothing, and most numbers have none of the
cue words around them. ``_EndCue`` (a phrase ending right before a number), ``_Guarded`` (a
pattern whose matches hold one of a few words) and ``_Lead`` (a phrase right after a number)
first ask ``str.endswith``, ``str.find`` or ``str.startswith`` (through ``_Affixes``) whether a
match is possible at all, on case-folded text, and run the pattern only then; where case folding
would change offsets they leave the answer to the pattern, so the result is always the pattern's.
The checks fold a whole section once and give these tests offsets into it (``_Span``,
``_Lead.match_at``, ``_Guarded.match_in``): no slice around a number is folded on its own. The
sections are not even folded one by one: where the article's lower case, shared by all the
extractors, is its case folding, each is cut from it (``_folded_sections``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

import regex

from vnunion_nlp.document import MaskedContent
from vnunion_nlp.engine import HOLD_GIL

# What ``\s`` matches in ``regex`` (every white space is below U+3001): ``str.isspace`` also
# takes U+001C-U+001F, which ``regex`` does not.
_BMP_START: Final = "".join(map(chr, range(0x3001)))
_SPACES: Final = "".join(regex.findall(r"\s", _BMP_START))
_SPACE_SET: Final = frozenset(_SPACES)
_ODD_SPACES: Final = "".join(c for c in _BMP_START if c.isspace() and c not in _SPACES)


def _plain_spaces(text: str) -> bool:
    """``str.split`` splits ``text`` where ``regex``'s ``\\S+`` would (no U+001C-U+001F)."""
    return not any(c in text for c in _ODD_SPACES)


class _EndCue:
    """A backward ``_before`` pattern behind an exact test at C speed.

    A match ends with the last word of one phrase, right before the trailing white space; the
    test asks ``str.endswith`` for those words, case-folded. Case folding matches every
    character the way ``regex.IGNORECASE`` does, except for a few (U+0130) whose folding is
    longer: a slice holding one is left to the pattern.
    """

    def __init__(self, pattern: regex.Pattern[str], phrases: list[str]) -> None:
        self.pattern = pattern
        ends = {p.split()[-1].casefold() for p in phrases if p.strip()}
        self._ends = _Affixes(ends, suffixes=True)

    def search_folded(self, before: str, folded: _Span | None) -> regex.Match[str] | None:
        """``search``, given where ``before`` without its trailing white space lies in a
        case-folded text (see ``_Span``), or None where folding changes lengths: one folding of a
        section serves every cue of every number in it."""
        if folded is not None and not self._ends.ends_in(*folded):
            return None
        return self.pattern.search(before, None, None, HOLD_GIL)


# (case-folded text, start, end): the piece ``start:end`` of a text case-folded one character for
# one, without slicing it out
_Span = tuple[str, int, int]


def _folded(text: str) -> str | None:
    """``text`` case-folded where that keeps one character for one (see ``_EndCue``), else
    None."""
    folded = text.casefold()
    return folded if len(folded) == len(text) else None


def _shared_folding(masked: MaskedContent, in_common_blocks: bool) -> str | None:
    """The lower case of the article that the extractors make once and share, where it is also
    its case folding, one character for one (then offsets are the same in both texts); else
    None. ``in_common_blocks``: ``_in_common_blocks(masked.text)``."""
    lowered = masked.lowered()
    if len(lowered) != len(masked.text) or not _lower_is_folding(masked.text, in_common_blocks):
        return None
    return lowered


def _folded_sections(masked: MaskedContent, shared: str | None) -> list[str | None]:
    """``_folded`` of each of ``masked.content``, cut from ``shared`` (``_shared_folding``)
    where there is one: then no section is case-folded (``str.casefold`` costs ~40 instructions
    a character)."""
    sections = [section.text for _, section in masked.content]
    if shared is None:
        return [_folded(text) for text in sections]
    bases = masked.bases
    return [shared[base : base + len(text)] for base, text in zip(bases, sections, strict=True)]


# Below U+10000, the blocks (high bytes) of nearly all text: Latin with its extensions and the
# Vietnamese letters, and general punctuation. In them every character but those of
# ``_LOWER_NOT_FOLD`` lower-cases as it case-folds, whatever its neighbours (only "Σ", outside
# them, lower-cases by context): tests/test_indicators_folding.py pins both.
_COMMON_BLOCKS: Final = bytes((0x00, 0x01, 0x02, 0x1E, 0x20))
_LOWER_NOT_FOLD: Final = "".join(
    char
    for block in _COMMON_BLOCKS
    for char in map(chr, range(block << 8, (block + 1) << 8))
    if char.lower() != char.casefold()
)


def _in_common_blocks(text: str) -> bool:
    """Every character of ``text`` lies in ``_COMMON_BLOCKS``: the high bytes of its UTF-16 code
    units, sliced and deleted at C speed, tell."""
    high_bytes = text.encode("utf-16-le", "surrogatepass")[1::2]
    return not high_bytes.translate(None, _COMMON_BLOCKS)


def _lower_is_folding(text: str, in_common_blocks: bool | None = None) -> bool:
    """``text.lower()`` is ``text.casefold()``: every character lies in ``_COMMON_BLOCKS`` and is
    none of ``_LOWER_NOT_FOLD``; ``in_common_blocks``: ``_in_common_blocks(text)``, if known."""
    if in_common_blocks is None:
        in_common_blocks = _in_common_blocks(text)
    return in_common_blocks and not any(char in text for char in _LOWER_NOT_FOLD)


class _Guarded:
    """A forward pattern behind an exact test at C speed: every match holds one of ``words``
    (case-folded; see ``_EndCue`` for the few characters left to the pattern) and, where
    ``reach`` is given, one that starts at most ``reach`` characters after the match does."""

    def __init__(
        self, pattern: regex.Pattern[str], words: tuple[str, ...], reach: int | None = None
    ) -> None:
        self.pattern = pattern
        # each word with how far after the start of a match it may end (no limit without
        # ``reach``), paired once: a ``zip`` with a keyword costs a lot at every call
        self._spans = tuple(
            (word, len(word) + reach if reach is not None else _NO_LIMIT) for word in words
        )

    def match_in(
        self, text: str, pos: int, folded: str | None, start: int, end: int
    ) -> regex.Match[str] | None:
        """``match``, given a case-folded string whose ``start:end`` is ``text[pos:]`` folded
        (one character for one), or None: one folding serves every pattern after a number."""
        if folded is not None and not self._holds_word(folded, start, end):
            return None
        return self.pattern.match(text, pos, None, HOLD_GIL)

    def _holds_word(self, folded: str, start: int, end: int) -> bool:
        for word, span in self._spans:
            stop = start + span
            if folded.find(word, start, stop if stop < end else end) >= 0:
                return True
        return False


_NO_LIMIT: Final = 1 << 62


class _Lead:
    """A pattern ``\\s+[“"]?(?:phrases)…`` matched at the start of a text, behind an exact
    test at C speed: after the white space (and a quote, where the pattern takes one) the text
    starts with the first word of a phrase, case-folded where the pattern ignores case (see
    ``_EndCue`` for the few characters left to the pattern)."""

    def __init__(self, pattern: regex.Pattern[str], phrases: list[str]) -> None:
        self.pattern = pattern
        self._fold = bool(pattern.flags & regex.IGNORECASE)
        self._quoted = '[“\\"]?' in pattern.pattern
        firsts = {p.split()[0] for p in phrases if p.strip()}
        firsts = {f.casefold() for f in firsts} if self._fold else firsts
        self._firsts = _Affixes(firsts)

    def match_at(
        self, text: str, source: str, folded: str | None, pos: int
    ) -> regex.Match[str] | None:
        """``match`` for a ``text`` that starts with white space, whatever follows it being
        ``source`` from ``pos`` on (or a longer text), and ``folded`` that ``source``
        case-folded one character for one, or None. One section, folded once, serves every lead
        tried after every number in it."""
        if self._fold:
            if folded is None:
                return self.pattern.match(text)
            source = folded
        if self._firsts.starts_at(source, pos) or (
            self._quoted
            and source[pos : pos + 1] in '“"'
            and self._firsts.starts_at(source, pos + 1)
        ):
            return self.pattern.match(text, None, None, HOLD_GIL)
        return None


class _Affixes:
    """``str.startswith`` (or ``endswith``) any of many words, asked only of the words that
    share the first (last) character: a tuple of a hundred words costs a hundred tests."""

    def __init__(self, words: Iterable[str], suffixes: bool = False) -> None:
        grouped: dict[str, list[str]] = {}
        for word in words:
            grouped.setdefault(word[-1] if suffixes else word[0], []).append(word)
        self._by_char = {char: tuple(group) for char, group in grouped.items()}

    def starts(self, text: str) -> bool:
        return text.startswith(self._by_char.get(text[:1], ()))

    def starts_at(self, text: str, pos: int) -> bool:
        """``starts(text[pos:])``, without slicing."""
        return text.startswith(self._by_char.get(text[pos : pos + 1], ()), pos)

    def ends_in(self, text: str, start: int, end: int) -> bool:
        """``text[start:end]`` ends with one of the words, without slicing."""
        last = text[end - 1 : end] if end > start else ""
        return text.endswith(self._by_char.get(last, ()), start, end)


def _cover(phrases: Iterable[str]) -> tuple[str, ...]:
    """Words, case-folded, one of which every phrase holds: a match of the phrases holds one.

    Greedy: the word held by most phrases not yet covered, the longest of those on a tie.
    """
    left = [set(p.casefold().split()) for p in phrases]
    chosen: list[str] = []
    while left:
        counts: dict[str, int] = {}
        for words in left:
            for word in words:
                counts[word] = counts.get(word, 0) + 1
        best = max(sorted(counts), key=lambda w: (counts[w], len(w)))
        chosen.append(best)
        left = [words for words in left if best not in words]
    return tuple(chosen)
