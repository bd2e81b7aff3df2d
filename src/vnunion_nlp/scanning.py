"""Fast scanning of the content sections for patterns that open with a word from a data file.

Two costs dominate a scan with the ``regex`` engine: a pattern that opens with a big alternation
is tried at nearly every character, and every call of the engine costs about a microsecond, once
per short section. ``WordScanner`` splits such a pattern by the first letter of its words, which
the engine then finds by a fast string search (a case-insensitive pattern is tried only where the
lower-cased first word of one of its phrases stands, found by ``str.find``: the engine has no fast
search for a letter in either case); ``scan_content`` runs it once over the content sections
joined by a mask character, instead of once per section.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Iterator

import regex

from vnunion_nlp.document import ParsedArticle
from vnunion_nlp.errors import DataFileError
from vnunion_nlp.lexicon import alternation, prefix_tree
from vnunion_nlp.records import Section

# Joins the content sections. Normalised text holds no control character, and a scanned pattern
# never consumes it, so to a pattern it is the edge of a section.
_MASK = "\x00"


class WordScanner:
    """``finditer`` of ``before (?:words) after``, run as one pattern per first letter of the words.

    The regex engine finds a literal first character with a fast string search, but tries a pattern
    that opens with a choice of characters (a big alternation of words) at nearly every position:
    ~100 ns a character for the honorifics, against a few ns for each group opening with one
    letter. At one position only the group of that position's letter can match, so the matches of
    all groups, read from the left without overlaps, are exactly the one pattern's ``finditer``.
    ``before`` must not consume characters (a look-behind), or that would no longer hold. A group
    whose letter is not in the text is not run at all: a substring test costs far less than a call
    of the engine, and sections are short.
    """

    def __init__(
        self, words: Iterable[str], before: str = "", after: str = "", flags: int = 0
    ) -> None:
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
        # The engine finds a literal first letter by a fast string search, but not a letter in
        # either case: a case-insensitive group is tried where its lower-cased heads stand.
        self._heads = _Heads(groups, patterns) if fold else None

    def _present(self, text: str, pos: int, end: int) -> Iterator[regex.Pattern[str]]:
        for letters, pattern in self._groups:
            if not letters or any(text.find(c, pos, end) >= 0 for c in letters):
                yield pattern

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> list[regex.Match[str]]:
        """The matches ``finditer`` of the one pattern would give, in order."""
        end = len(text) if endpos is None else endpos
        starts = self._heads.starts(text, pos, end) if self._heads else None
        if starts is not None:
            return _matches_at(starts, text, end)
        found: list[regex.Match[str]] = []
        for pattern in self._present(text, pos, end):
            found.extend(pattern.finditer(text, pos, end, overlapped=True))
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
        starts = self._heads.starts(text, pos, end) if self._heads else None
        if starts is not None:
            return next(iter(_matches_at(starts, text, end, first=True)), None)
        found = (p.search(text, pos, end) for p in self._present(text, pos, end))
        return min((m for m in found if m is not None), key=_start, default=None)


class _Heads:
    """Where a case-insensitive match may start: where a phrase's first word (its "head") stands
    in the lower-cased text, found by ``str.find`` at C speed.

    That finds every place the engine matches, unless the text holds a character that the engine's
    case folding equates with a head letter but that lower-cases to another (the long "ſ" for
    "s"), or one whose lower case is longer (offsets would move): ``starts`` then gives None, and
    the caller scans with the engine.
    """

    def __init__(
        self, groups: dict[str, list[str]], patterns: dict[str, regex.Pattern[str]]
    ) -> None:
        heads: dict[str, regex.Pattern[str]] = {}
        odd: set[str] = set()
        self._always_scan = False
        for letter, words in groups.items():
            for word in words:
                head = word.split()[0]
                lowered = head.lower()
                self._always_scan |= len(lowered) != len(head)
                for char, low in zip(head, lowered, strict=False):
                    odd.update(c for c in _spellings(char) if c.lower() != low)
                heads[lowered] = patterns[letter]
        # A head that starts with another head adds no place of its own.
        self._heads = tuple(
            (head, pattern)
            for head, pattern in heads.items()
            if not any(head != other and head.startswith(other) for other in heads)
        )
        self._odd = tuple(sorted(odd))

    def starts(self, text: str, pos: int, end: int) -> list[tuple[int, regex.Pattern[str]]] | None:
        """(offset, pattern) of every head in ``text[pos:end]``, by offset; None: scan instead."""
        hay = text[pos:end].lower()
        if (
            self._always_scan
            or len(hay) != end - pos
            or any(text.find(c, pos, end) >= 0 for c in self._odd)
        ):
            return None
        starts: list[tuple[int, regex.Pattern[str]]] = []
        for head, pattern in self._heads:
            at = hay.find(head)
            while at >= 0:
                starts.append((pos + at, pattern))
                at = hay.find(head, at + 1)
        starts.sort(key=_first)
        return starts


def _matches_at(
    starts: list[tuple[int, regex.Pattern[str]]], text: str, end: int, first: bool = False
) -> list[regex.Match[str]]:
    """Each pattern tried at its start, in order, read from the left without overlaps (as the
    merge in ``WordScanner.finditer``); only the first match if ``first``."""
    out: list[regex.Match[str]] = []
    reached = -1
    for at, pattern in starts:
        if at < reached:
            continue
        match = pattern.match(text, at, end)
        if match is not None:
            out.append(match)
            if first:
                break
            reached = max(match.end(), at + 1)
    return out


def _first(item: tuple[int, regex.Pattern[str]]) -> int:
    return item[0]


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
    content = list(doc.content())
    bases: list[int] = []
    reached = 0
    for _, section in content:
        bases.append(reached)
        reached += len(section.text) + 1
    masked = _MASK.join(section.text for _, section in content)
    for match in scanner.finditer(masked):
        at = bisect.bisect_right(bases, match.start()) - 1
        index, section = content[at]
        yield index, section, bases[at], match
