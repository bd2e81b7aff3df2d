"""Fast scanning of the content sections for patterns that open with a word from a data file.

Two costs dominate a scan with the ``regex`` engine: a pattern that opens with a big alternation
is tried at nearly every character, and every call of the engine costs about a microsecond, once
per short section. ``WordScanner`` splits such a pattern by the first letter of its words, and
finds where one of its phrases stands with one search of the standard ``re`` engine, which skips
the characters that open no phrase at C speed (the ``regex`` engine has no such fast search for a
choice of letters, and is slow to try a case-insensitive pattern); only there is the pattern of
that letter tried. ``scan_content`` runs it once over the content sections joined by a mask
character, instead of once per section; that text (and its lower case) is made once per article
for all the scans of its extractors (``ParsedArticle.masked_content``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

import regex

from vnunion_nlp.document import MaskedContent, ParsedArticle, white_space
from vnunion_nlp.engine import HOLD_GIL
from vnunion_nlp.errors import DataFileError
from vnunion_nlp.lexicon import alternation, prefix_tree
from vnunion_nlp.records import Section


class WordScanner:
    """``finditer`` of ``before (?:words) after``, run as one pattern per first letter of the words.

    At one position only the group of that position's letter can match, so the matches of all
    groups, read from the left without overlaps, are exactly the one pattern's ``finditer``.
    ``before`` must not consume characters (a look-behind), or that would no longer hold. A group
    is tried only where one of its phrases stands (see ``_Phrases``); where that cannot be told
    exactly, each group whose letter is in the text is run over it.
    """

    def __init__(
        self,
        words: Iterable[str],
        before: str = "",
        after: str = "",
        flags: int = 0,
        shares_with: Iterable[str] = (),
    ) -> None:
        """``shares_with``: the phrases of other scanners that read the same text, searched for
        with these in one search (see ``_SharedSearch``)."""
        fold = bool(flags & regex.IGNORECASE)
        groups: dict[str, list[str]] = {}
        for word in (w.strip() for w in words):
            if word:
                groups.setdefault(word[0].casefold() if fold else word[0], []).append(word)
        if not groups:
            raise DataFileError("empty word group")
        # A case-insensitive group must be read longest phrase first at every character, which
        # only the flat alternation guarantees (see ``prefix_tree``).
        body = alternation if fold else prefix_tree
        patterns = {
            letter: regex.compile(f"{before}(?:{body(group)}){after}", flags)
            for letter, group in groups.items()
        }
        self._groups = tuple(
            (_spellings(letter) if fold else (letter,), pattern)
            for letter, pattern in patterns.items()
        )
        # The groups are those of ``before`` and ``after``: every pattern numbers them alike.
        self.groupindex = next(iter(patterns.values())).groupindex
        self._phrases = _Phrases(groups, patterns, fold, shares_with)
        self.folds = fold  # case-insensitive
        # whether ``_finditer`` looks for the phrases in ``lowered`` (see ``_Phrases``)
        self.reads_lowered = fold or self._phrases.lowered_words is not None

    def _present(self, text: str, pos: int, end: int) -> Iterator[regex.Pattern[str]]:
        for letters, pattern in self._groups:
            if not letters or any(text.find(c, pos, end) >= 0 for c in letters):
                yield pattern

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> list[regex.Match[str]]:
        """The matches ``finditer`` of the one pattern would give, in order."""
        end = len(text) if endpos is None else endpos
        return self._finditer(text, pos, end)

    def _finditer(
        self,
        text: str,
        pos: int,
        end: int,
        lowered: str | None = None,
        plain_spacing: bool = False,
    ) -> list[regex.Match[str]]:
        """``finditer``; ``lowered`` is ``text[pos:end].lower()`` if the caller has it, and
        ``plain_spacing`` whether its every white space is one space."""
        found = self._phrases.matches(text, pos, end, lowered=lowered, plain_spacing=plain_spacing)
        if found is not None:
            return found
        found = []
        for pattern in self._present(text, pos, end):
            found.extend(pattern.finditer(text, pos, end, overlapped=True, concurrent=HOLD_GIL))
        if len(found) < 2:
            return found
        found.sort(key=_start)
        out: list[regex.Match[str]] = []
        reached = -1
        for match in found:
            if match.start() >= reached:
                out.append(match)
                reached = max(match.end(), match.start() + 1)
        return out

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
        """The match ``search`` of the one pattern would give: the leftmost."""
        end = len(text) if endpos is None else endpos
        found = self._phrases.matches(text, pos, end, first=True)
        if found is not None:
            return found[0] if found else None
        matches = (p.search(text, pos, end, HOLD_GIL) for p in self._present(text, pos, end))
        return min((m for m in matches if m is not None), key=_start, default=None)


class _Phrases:
    """Where a phrase stands: only there can the pattern of its first letter match.

    Phrases are literals there, any run of white space between their words (every character the
    ``regex`` engine reads as ``\\s``), looked for with the standard ``re`` engine. That finds
    every place the pattern matches, and more (it checks no word edge); ``matches`` tries the
    pattern at each place from the left, and goes on after the match, as ``finditer`` does.

    A scanner searches the text for a prefix tree of its phrases, which skips the characters that
    open none at C speed (with the phrases of the scanners it shares that search with, see
    ``_SharedSearch``). One that is case-insensitive, or whose every group opens with one word
    ("huyện", "Bộ luật"), instead looks for the first words of its phrases ("heads") with
    ``str.find``, faster for a few words (the search would stop at every common lower-case letter
    that opens one), and checks the whole phrase at each before trying the pattern (slow to try
    when case-insensitive). A case-insensitive scanner reads the lower-cased text for the
    lower-cased phrases. That finds every place the engine matches, unless the text holds a
    character that the engine's case folding equates with a letter of a phrase but that
    lower-cases to another (the long "ſ" for "s"), or one whose lower case is longer (offsets
    would move, and "İ" matches "i"): ``matches`` then gives None, and the caller scans with the
    engine. In a text whose every white space is one space (``MaskedContent.plain_spacing``), a
    phrase stands exactly where it is written with single spaces: there the whole phrases are
    looked for instead of their heads, which spares the places of a common head ("công", "thị")
    that open no phrase. A case-sensitive scanner whose phrases are written in several cases
    ("Huyện", "huyện") looks for their fewer lower cases in the lowered text, where the caller
    has it with the text's offsets, and checks each place in the text (``str.find`` costs about
    the same for any word: fewer words, fewer scans).
    """

    def __init__(
        self,
        groups: dict[str, list[str]],
        patterns: dict[str, regex.Pattern[str]],
        fold: bool,
        shares_with: Iterable[str] = (),
    ) -> None:
        self._always_scan = False
        odd: set[str] = set()
        phrases: list[str] = []
        self._by_first: dict[str, regex.Pattern[str]] = {}
        for letter, words in groups.items():
            for word in words:
                phrase = word.lower() if fold else word
                if fold:
                    self._always_scan |= len(phrase) != len(word)
                    for char, low in zip(word, phrase, strict=False):
                        odd.update(c for c in _spellings(char) if c.lower() != low)
                # The first character of a place names the group to try there.
                group = self._by_first.setdefault(phrase[0], patterns[letter])
                self._always_scan |= group is not patterns[letter]
                phrases.append(phrase)
        tree = re.compile(prefix_tree(phrases, space=_space_run()))
        self._search, self._at = tree.search, tree.match
        self._fold = fold
        self._heads = _heads(phrases) if fold or _each_opens_with_a_word(groups) else None
        self._literals = _unprefixed({" ".join(phrase.split()) for phrase in phrases})
        self._odd = tuple(sorted(odd))
        self._shared: _SharedSearch | None = None
        if self._heads is None and not fold:
            others = {phrase.strip() for phrase in shares_with} - {""}
            self._shared = _shared_search(frozenset(phrases) | others) if others else None
        # (heads, literals) lower-cased, for a case-sensitive scanner whose phrases are written
        # in several cases ("Huyện", "huyện"): fewer words to look for in the lowered text.
        self.lowered_words: tuple[tuple[str, ...], tuple[str, ...]] | None = None
        if not fold and self._heads is not None and all(map(_lowers_alone, phrases)):
            heads = _unprefixed({head.lower() for head in self._heads})
            literals = _unprefixed({literal.lower() for literal in self._literals})
            if len(heads) < len(self._heads) and len(literals) < len(self._literals):
                self.lowered_words = heads, literals

    def matches(
        self,
        text: str,
        pos: int,
        end: int,
        first: bool = False,
        lowered: str | None = None,
        plain_spacing: bool = False,
    ) -> list[regex.Match[str]] | None:
        """The matches in ``text[pos:end]``, in order (only the first if ``first``); None: scan
        with the engine instead. ``lowered``: ``text[pos:end].lower()``, if already made;
        ``plain_spacing``: every white space of ``text[pos:end]`` is one space."""
        if self._always_scan:
            return None
        if self._heads is None:
            return self._searched(text, pos, end, first)
        hay = text[pos:end] if not self._fold else lowered or text[pos:end].lower()
        if len(hay) != end - pos or any(text.find(c, pos, end) >= 0 for c in self._odd):
            return None
        # A whole phrase, found as written, needs no check; no two of them start at one place.
        checked = plain_spacing
        words = self._literals if plain_spacing else self._heads
        lowered_words = self.lowered_words
        if lowered_words is not None and lowered is not None and len(lowered) == end - pos:
            # Where the text holds a phrase, its lower case holds the lowered phrase: each
            # character lowers to one (the lengths agree) and none of a phrase by its context.
            starts = places_of(lowered, lowered_words[plain_spacing])
            checked = False
        else:
            starts = places_of(hay, words)
        out: list[regex.Match[str]] = []
        reached = -1
        for start in starts:
            if start < reached or (not checked and self._at(hay, start) is None):
                continue
            match = self._by_first[hay[start]].match(text, pos + start, end, HOLD_GIL)
            if match is not None:
                out.append(match)
                if first:
                    break
                reached = max(match.end() - pos, start + 1)
        return out

    def _searched(self, text: str, pos: int, end: int, first: bool) -> list[regex.Match[str]]:
        if self._shared is not None and pos == 0 and end == len(text):
            return self._tried(text, self._shared.places(text), first)
        out: list[regex.Match[str]] = []
        while (place := self._search(text, pos, end)) is not None:
            start = place.start()
            match = self._by_first[text[start]].match(text, start, end, HOLD_GIL)
            if match is None:
                pos = start + 1
                continue
            out.append(match)
            if first:
                break
            pos = max(match.end(), start + 1)
        return out

    def _tried(self, text: str, places: list[int], first: bool) -> list[regex.Match[str]]:
        """``_searched`` over the whole ``text``, given the ``places`` where a phrase of this
        scanner or of another stands, in order: those of this one are the places its own search
        would find one after another."""
        out: list[regex.Match[str]] = []
        end = len(text)
        reached = 0
        for start in places:
            if start < reached or self._at(text, start) is None:
                continue
            match = self._by_first[text[start]].match(text, start, end, HOLD_GIL)
            if match is not None:
                out.append(match)
                if first:
                    break
                reached = max(match.end(), start + 1)
        return out


class _SharedSearch:
    """Where a phrase of any of several case-sensitive scanners stands in a text, found by one
    search and kept for the last text asked for (told by identity): the scanners of capitalised
    names (provinces, bodies) read the same content, and the engine's time goes to skipping the
    characters that open no phrase, ~13 ns a character, nearly as much for the phrases of all as
    for those of one (measured: 97 µs an article for both, 73 and 64 µs apart). Each keeps the
    places of its own phrases (``_Phrases._tried``)."""

    def __init__(self, phrases: frozenset[str]) -> None:
        self._search = re.compile(prefix_tree(sorted(phrases), space=_space_run())).search
        self._last: tuple[str, list[int]] | None = None

    def places(self, text: str) -> list[int]:
        """Where a phrase stands in ``text``, in order (overlapping places too)."""
        last = self._last
        if last is not None and last[0] is text:
            return last[1]
        found: list[int] = []
        pos = 0
        while (place := self._search(text, pos)) is not None:
            found.append(place.start())
            pos = place.start() + 1
        self._last = text, found  # one assignment: another thread sees the old pair or this
        return found


@functools.cache
def _shared_search(phrases: frozenset[str]) -> _SharedSearch:
    """The one search of these phrases, for every scanner that shares it."""
    return _SharedSearch(phrases)


def places_of(hay: str, words: Iterable[str]) -> list[int]:
    """Where any of the ``words`` stands in ``hay``, in order (overlapping places too): a
    ``str.find`` loop a word, several times faster than a regex scan for the alternation."""
    starts: list[int] = []
    for word in words:
        at = hay.find(word)
        while at >= 0:
            starts.append(at)
            at = hay.find(word, at + 1)
    starts.sort()
    return starts


def _heads(phrases: list[str]) -> tuple[str, ...]:
    """The first words of the phrases, but those that start with another: they add no place."""
    return _unprefixed({phrase.split()[0] for phrase in phrases})


def _lowers_alone(phrase: str) -> bool:
    """Whether each character of ``phrase`` lowers to one, whatever stands around it (all but
    "Σ", which lowers to "ς" at a word's end)."""
    return "Σ" not in phrase and all(len(char.lower()) == 1 for char in phrase)


def _unprefixed(words: set[str]) -> tuple[str, ...]:
    """The ``words`` but those that start with another (so that no two stand at one place)."""
    return tuple(sorted(w for w in words if not any(w != o and w.startswith(o) for o in words)))


def _each_opens_with_a_word(groups: dict[str, list[str]]) -> bool:
    """Whether all phrases of each group open with one word of two letters or more."""
    firsts = [{word.split()[0] for word in words} for words in groups.values()]
    return all(len(first) == 1 and len(next(iter(first))) > 1 for first in firsts)


@functools.cache
def _space_run() -> str:
    """A ``re`` pattern for a run of the characters the ``regex`` engine reads as ``\\s``."""
    spaces = "".join(re.escape(c) for c in white_space())
    return f"[{spaces}\U00010000-\U0010ffff]+"  # outside the BMP: none, but never skip one


def _start(match: regex.Match[str]) -> int:
    return match.start()


def _spellings(letter: str) -> tuple[str, ...]:
    """Every character a case-insensitive match of ``letter`` may meet ("ſ" for "s" too)."""
    return tuple(sorted(_case_classes().get(letter.casefold(), {letter})))


@functools.cache
def _case_classes() -> dict[str, set[str]]:
    classes: dict[str, set[str]] = {}
    for code in range(0x10000):  # no character outside the BMP folds to one inside it
        char = chr(code)
        folded = char.casefold()
        if len(folded) == 1 and folded != char:
            classes.setdefault(folded, {folded}).add(char)
    return classes


def scan_content(
    doc: ParsedArticle, scanner: WordScanner
) -> Iterator[tuple[int, Section, int, regex.Match[str]]]:
    """(index, section, base, match) for the matches of ``scanner`` in the content sections, as
    scanning each section's text alone would give them; ``match.start() - base`` is the offset in
    ``section.text``.

    The scanner's patterns must not consume the mask character (no ``.``, ``\\S`` or negated
    class), so that no match runs from one section into the next.
    """
    return _scan(doc.masked_content(), scanner)


def _scan(
    masked: MaskedContent, scanner: WordScanner
) -> Iterator[tuple[int, Section, int, regex.Match[str]]]:
    lowered = masked.lowered() if scanner.reads_lowered else None
    text = masked.text
    for match in scanner._finditer(text, 0, len(text), lowered, masked.plain_spacing()):
        yield (*masked.section_at(match.start()), match)


def first_matches(
    doc: ParsedArticle, scanners: Iterable[WordScanner]
) -> list[tuple[int, Section, int]]:
    """(index, section, start of the first match) of every content section where any of the
    ``scanners`` matches, in order: a test of the cue words that a section needs for a costlier
    pattern to be tried there (from the first), made for all the content at once (``scan_content``).
    """
    masked = doc.masked_content()
    firsts: dict[int, tuple[Section, int]] = {}
    for scanner in scanners:
        for index, section, base, match in _scan(masked, scanner):
            start = match.start() - base
            if index not in firsts or start < firsts[index][1]:
                firsts[index] = section, start
    return [(index, *firsts[index]) for index in sorted(firsts)]
