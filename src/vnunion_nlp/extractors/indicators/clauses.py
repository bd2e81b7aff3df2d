"""Clause, sentence and context cues of a section, for the numbers it holds.

``_Bounds`` finds a section's clause and sentence ends in one pass and looks them up by
bisection; it reads the target and period cues of a clause through ``_LazyScan``, which scans
only the clauses that hold numbers and never rescans what it has read. ``_Contexts`` reads the
same cues once from the heading, sidebar title or list lead-in over a section.
"""

from __future__ import annotations

import bisect
from typing import Final

import regex

from vnunion_nlp.engine import HOLD_GIL
from vnunion_nlp.extractors.indicators.patterns import _CLAUSE_WINDOW, _YEAR, _Patterns
from vnunion_nlp.extractors.indicators.prefilters import _SPACE_SET, _plain_spaces
from vnunion_nlp.records import Section
from vnunion_nlp.scanning import places_of

_YEAR_PERIOD: Final = regex.compile(rf"\S+\s+{_YEAR}")


class _Bounds:
    """Clause and sentence ends of one section, found in one pass; looked up by bisection.

    A clause ends at . ! ? ; or a line break, a sentence at . ! ? or a line break; either is
    cut ``_CLAUSE_WINDOW`` characters from the number, so that cues far away never count and
    a huge paragraph stays linear. The ends are found when first asked for: in a section whose
    numbers all fail the checks, never.
    """

    def __init__(self, pat: _Patterns, text: str, folded: str | None) -> None:
        self._text = text
        self._length = len(text)
        # the section case-folded (``_folded``) for every word test on it, the checks' too;
        # None where a character folds longer, which would shift offsets (no word test then)
        self.folded = folded
        self.plain_spaces = _plain_spaces(text)  # a few C-speed tests
        self._pat = pat
        # Set up when first asked for (in a section whose numbers all fail the checks, never),
        # by hand: ``functools.cached_property`` is a Python-level descriptor, slower to ask.
        self._clause_stops: list[int] | None = None
        self._sentence_stops: list[int] | None = None
        self._targets: _LazyScan | None = None
        self._periods: _LazyScan | None = None

    def _clauses(self) -> list[int]:
        stops = self._clause_stops
        if stops is None:
            stops = self._clause_stops = _clause_stops(self._text)  # each end is one character
        return stops

    def _sentences(self) -> list[int]:
        stops = self._sentence_stops
        if stops is None:
            text = self._text  # the clause ends that are no ";" end sentences too
            stops = self._sentence_stops = [at for at in self._clauses() if text[at] != ";"]
        return stops

    def target_between(self, start: int, end: int, offset: int) -> bool:
        """A target cue of the clause ``start:end`` (from ``place(offset)``) that ends before
        ``offset`` (the unit after the number never counts)."""
        scan = self._targets
        if scan is None:
            pat = self._pat
            scan = self._targets = _LazyScan(pat.target, self._text, self.folded, pat.target_words)
        cues = scan.within(start, end)
        return bool(cues) and cues[0][1] <= offset

    def nearest_period(self, start: int, end: int, offset: int) -> str | None:
        """The period phrase of the clause ``start:end`` closest to ``offset``; a single year
        ("năm 2020") is more precise than a term or "hằng năm" and wins."""
        scan = self._periods
        if scan is None:
            pat = self._pat
            scan = self._periods = _LazyScan(pat.period, self._text, self.folded, pat.period_words)
        periods = scan.within(start, end)
        if not periods:
            return None
        if len(periods) == 1:
            return " ".join(periods[0][2].split())  # nothing to choose between
        best = min(
            periods,
            key=lambda m: (
                _YEAR_PERIOD.fullmatch(m[2], None, None, HOLD_GIL) is None,
                min(abs(m[0] - offset), abs(m[1] - offset)),
            ),
        )
        return " ".join(best[2].split())

    def place(self, offset: int) -> tuple[int, int, int]:
        """(start, end) of the clause holding ``offset``, and where its sentence starts."""
        stops = self._clauses()
        floor = offset - _CLAUSE_WINDOW
        at = bisect.bisect_left(stops, offset)  # the stops before ``offset`` come before it
        start = max(stops[at - 1] + 1 if at else 0, floor, 0)
        limit = min(self._length, offset + _CLAUSE_WINDOW)
        end = stops[at] if at < len(stops) and stops[at] < limit else limit
        if not at or self._text[stops[at - 1]] != ";":
            return start, end, start  # the stop before ends the sentence too
        return start, end, _after_last_stop(self._sentences(), offset, floor)

    def clause_start(self, offset: int) -> int:
        return _after_last_stop(self._clauses(), offset, offset - _CLAUSE_WINDOW)


def _clause_stops(text: str) -> list[int]:
    """Offsets of the clause ends of ``text``: ``\\n``, or one of ``.!?;…`` before white space
    (``regex``'s ``\\s``) or at the end, found by ``places_of``."""
    found = places_of(text, _CLAUSE_CHARS)
    last = len(text) - 1
    return [at for at in found if at == last or text[at] == "\n" or text[at + 1] in _SPACE_SET]


_CLAUSE_CHARS: Final = ".!?;…\n"

_MARGIN: Final = 64  # longer than any cue phrase: a rescan from here finds one cut at the old end


class _LazyScan:
    """Matches of one pattern in a section, scanned only inside the clauses that hold numbers.

    The clauses are asked for in text order; where one overlaps the run already scanned (a long
    paragraph without stops) only its new part is scanned, so that the work stays linear. A part
    is scanned only if it holds one of the words every match holds (``_may_match``).
    """

    def __init__(
        self, pattern: regex.Pattern[str], text: str, folded: str | None, words: tuple[str, ...]
    ) -> None:
        self._pattern = pattern
        self._text = text
        self._folded = folded  # the case-folded text, one character for one, or None
        self._words = words  # every match holds one of these, case-folded
        self._matches: list[tuple[int, int, str]] = []  # start, end, text
        self._starts: list[int] = []
        self._run = (0, 0)  # the contiguous range scanned last

    def within(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The matches inside ``start:end``, by start."""
        run_start, run_end = self._run
        if run_start <= start <= run_end:
            scan_from = max(start, run_end - _MARGIN)
            self._run = (run_start, max(run_end, end))
        else:
            scan_from = start
            self._run = (start, end)
        if scan_from < end and self._may_match(scan_from, end):
            base = max(0, scan_from - 1)  # one character before, for the look-behind
            piece = self._text[base:end]  # a slice: see _word_matches
            for match in self._pattern.finditer(piece, scan_from - base, concurrent=HOLD_GIL):
                found = (base + match.start(), base + match.end(), match.group(0))
                at = bisect.bisect_left(self._starts, found[0])
                if at == len(self._starts) or self._starts[at] != found[0]:
                    self._starts.insert(at, found[0])
                    self._matches.insert(at, found)
        first = bisect.bisect_left(self._starts, start)
        last = bisect.bisect_left(self._starts, end)
        if first == last:
            return []
        return [m for m in self._matches[first:last] if m[1] <= end]

    def _may_match(self, start: int, end: int) -> bool:
        """One of ``_words`` lies inside ``start:end`` (always true where folding shifts
        offsets).

        A ``str.find`` bounded to the range a word: the ranges asked for are the new parts of
        the clauses that hold numbers, which together cover little more than those clauses, so
        this reads less than one search of the whole section a word, and makes no list."""
        folded = self._folded
        if folded is None:
            return True
        return any(folded.find(word, start, end) >= 0 for word in self._words)


def _after_last_stop(stops: list[int], offset: int, floor: int) -> int:
    """Just after the last of the sorted one-character ``stops`` that ends at or before
    ``offset`` (0 if none), but not before ``floor``."""
    at = bisect.bisect_right(stops, offset - 1) - 1
    return max(stops[at] + 1 if at >= 0 else 0, floor, 0)


def _lead_ins(sections: list[Section]) -> list[int]:
    """For every section, the last section before it that is no list item (-1 if none): the
    lead-in of a run of list items, found in one pass (a walk back from each item of a long
    list would be quadratic)."""
    lead_ins: list[int] = []
    last = -1
    for index, section in enumerate(sections):
        lead_ins.append(last)
        if section.kind != "list_item":
            last = index
    return lead_ins


def _context_text(sections: list[Section], index: int, lead_ins: list[int]) -> str:
    """Heading or sidebar title over a section, or the lead-in paragraph of its list."""
    section = sections[index]
    parts: list[str] = []
    if section.heading:
        parts.append(section.heading)
    if section.parent is not None and 0 <= section.parent < len(sections):
        parts.append(sections[section.parent].text)
    if section.kind == "list_item":
        previous = lead_ins[index]
        if previous >= 0 and sections[previous].text.rstrip().endswith(":"):
            parts.append(sections[previous].text)
    return "\n".join(parts)


class _Contexts:
    """Target and period cues of the context texts of one article's sections, each context
    read once (every item of a list shares one)."""

    def __init__(self, pat: _Patterns, sections: list[Section]) -> None:
        self._pat = pat
        self._sections = sections
        self._lead_ins = _lead_ins(sections)
        self._seen: dict[str, tuple[bool, str | None]] = {}

    def of(self, index: int) -> tuple[bool, str | None]:
        """(a list item under a heading, sidebar or lead-in that announces targets, the period
        named by the heading or sidebar the section sits under)."""
        context = _context_text(self._sections, index, self._lead_ins)
        cues = self._seen.get(context)
        if cues is None:
            target = self._pat.target.search(context, None, None, HOLD_GIL) is not None
            match = self._pat.period.search(context, None, None, HOLD_GIL) if context else None
            cues = target, " ".join(match.group(0).split()) if match else None
            self._seen[context] = cues
        is_item = self._sections[index].kind == "list_item"
        return is_item and cues[0], cues[1]
