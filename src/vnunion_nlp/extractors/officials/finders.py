"""Where a pattern may start: stdlib pre-scans that keep only the places a match can open at.

The regex module tries a pattern's look-behind at every character of a search; the stdlib engine
finds a literal opening word at C speed. ``_StartFinder`` and ``_starts`` list the places where
a phrase of a data file starts after no letter, and ``_matches`` tries a pattern there alone,
giving what ``finditer`` would.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterable, Iterator
from typing import Final

import regex

from vnunion_nlp.engine import HOLD_GIL
from vnunion_nlp.lexicon import prefix_tree


class _Letters(dict[str, bool]):
    """Whether a character is a letter to the regex module (``\\p{L}``), asked once a character."""

    def __missing__(self, char: str) -> bool:
        self[char] = letter = _LETTER.match(char, None, None, HOLD_GIL) is not None
        return letter


_LETTER: Final = regex.compile(r"\p{L}")
_IS_LETTER: Final = _Letters()


def _starts(
    finder: re.Pattern[str], text: str, limit: int | None = None, start: int = 0
) -> list[int]:
    """Every place in ``text[start:limit]`` where ``finder`` matches and no letter comes before.

    Overlapping places too ("PGS.TS" holds "TS"). Every pattern these places feed opens with
    ``(?<![\\p{L}])`` or a stricter look-behind and with a phrase ``finder`` matches, and a list
    lead's honorific follows a space or its look-behind: no match can start elsewhere.
    """
    limit = len(text) if limit is None else limit
    places: list[int] = []
    found = finder.search(text, start, limit)
    while found is not None:
        place = found.start()
        if place == 0 or not _IS_LETTER[text[place - 1]]:
            places.append(place)
        found = finder.search(text, place + 1, limit)
    return places


class _StartFinder:
    """``_starts`` of the phrases of data files, each its own kind, by one stdlib pattern per
    first character.

    Each such pattern opens with a literal, which the engine finds by a fast string search: the one
    pattern of all phrases was tried at every character opening any of them (half the time), and
    so was one pattern of the phrases opening with a capital letter (a set of first characters is
    tested a character at a time, several times slower than a literal). The kinds (honorifics,
    titles) share a first character's scan, each in its group of the pattern, when no phrase of
    one kind is a prefix of another kind's: then at most one kind matches at a place. A pattern
    whose phrases hold their first character nowhere else cannot match inside its own match (its
    matches are the phrases, their white space aside), so one ``finditer`` finds all its places;
    the others are searched again after every place, as ``_starts`` does.

    Right after the opening its phrases share (its first character, "ch" for "chị") a pattern
    looks back for a Latin letter before it: most places of a short word are inside longer ones
    ("ông" in "công", "không"), and each cost a match read in Python, or at least a call into the
    matcher where the longer literal would not have stopped. The look-back knows only letters of
    ``\\p{L}``, so it drops no place ``_starts`` keeps; the letter test on what is left keeps
    the places exactly. A scan starts at the first place of that opening, found by ``str.find``
    (a ``memchr`` for one character, ~15x faster than the engine's scan, and a skipping search for
    more, ~2x, started at the first place of its first character): many articles hold no "Ô",
    "K" or "Q", nor "luậ" or "giá".
    """

    def __init__(self, *kinds: Iterable[str]) -> None:
        self._kinds = len(kinds)
        groups: dict[str, list[list[str]]] = {}
        for kind, phrases in enumerate(kinds):
            for phrase in (" ".join(p.split()) for p in phrases):
                if phrase:
                    groups.setdefault(phrase[0], [[] for _ in kinds])[kind].append(phrase)
        finders: list[tuple[str, re.Pattern[str], tuple[int, ...], bool]] = []
        for first, by_kind in groups.items():
            present = [(kind, group) for kind, group in enumerate(by_kind) if group]
            shared = (
                [present] if _apart([group for _, group in present]) else [[k] for k in present]
            )
            for part in shared:
                phrases = [phrase for _, group in part for phrase in group]
                finders.append(
                    (
                        _opening(phrases) or first,
                        _finder([group for _, group in part]),
                        tuple(kind for kind, _ in part),
                        any(first in p[1:] for p in phrases),
                    )
                )
        self._finders = tuple(finders)

    def places(self, text: str) -> list[list[int]]:
        """Sorted places in ``text``, a list per kind."""
        found: list[set[int]] = [set() for _ in range(self._kinds)]
        for opening, finder, kinds, inner in self._finders:
            # A longer opening is looked for from its first character's first place: the
            # search for one character is a ``memchr``, that for more reads every character.
            start = text.find(opening[0])
            if start >= 0 and len(opening) > 1:
                start = text.find(opening, start)
            if start < 0:
                continue
            matches = _all_matches(finder, text, start) if inner else finder.finditer(text, start)
            for match in matches:
                # The group of the kind that matched; one kind alone has no group.
                found[kinds[match.lastindex - 1 if match.lastindex else 0]].add(match.start())
        return [
            sorted(p for p in places if p == 0 or not _IS_LETTER[text[p - 1]]) for places in found
        ]


def _all_matches(finder: re.Pattern[str], text: str, start: int) -> Iterator[re.Match[str]]:
    """A match at every place from ``start`` where ``finder`` matches, overlapping ones too."""
    found = finder.search(text, start)
    while found is not None:
        yield found
        found = finder.search(text, found.start() + 1)


def _apart(groups: list[list[str]]) -> bool:
    """Whether no phrase of one group is a prefix of another group's phrase (or the same)."""
    return not any(
        a.startswith(b) or b.startswith(a)
        for one, other in itertools.combinations(groups, 2)
        for a in one
        for b in other
    )


def _finder(groups: list[list[str]]) -> re.Pattern[str]:
    """The phrases of ``groups``, which all open with one character, not after a Latin letter;
    a capturing group for each of ``groups`` when they are more than one."""
    phrases = [phrase for group in groups for phrase in group]
    opening = _opening(phrases)
    if len(groups) == 1:
        rests = [prefix_tree(phrase[len(opening) :] for phrase in phrases)]
    else:
        rests = [f"({prefix_tree(phrase[len(opening) :] for phrase in group)})" for group in groups]
    if not opening:  # a phrase of one character or word
        return re.compile("|".join(rests))
    escaped = re.escape(opening)
    return re.compile(f"{escaped}(?<!{_latin_letters()}{escaped})(?:{'|'.join(rests)})")


def _opening(group: list[str]) -> str:
    """The literal all of ``group`` opens with, up to a space, and that every phrase goes on past
    by another character than white space (the look-back goes before the rest): "ch" for "chị"."""
    opening = group[0].split(" ")[0]
    while opening and any(
        not p.startswith(opening) or len(p) == len(opening) or p[len(opening)].isspace()
        for p in group
    ):
        opening = opening[:-1]
    return opening


@functools.cache
def _latin_letters() -> str:
    """A stdlib class of the Latin letters (Vietnamese ones too) that ``\\p{L}`` holds."""
    blocks = itertools.chain(range(0x250), range(0x1E00, 0x1F00))
    return "[" + "".join(re.escape(c) for c in map(chr, blocks) if _LETTER.match(c)) + "]"


def _viable(check: re.Pattern[str], text: str, places: list[int], limit: int) -> list[int]:
    """The ``places`` where ``check`` matches in ``text[:limit]``: a pattern that matches
    wherever a costlier one does (and more), so that the costlier one is tried only there."""
    return [place for place in places if check.match(text, place, limit)]


def _matches(
    pattern: regex.Pattern[str], text: str, places: Iterable[int], limit: int
) -> Iterator[regex.Match[str]]:
    """``pattern.finditer(text, 0, limit)`` for a pattern whose matches start only at ``places``
    (ascending): tried there alone, and not inside the match before, as finditer does."""
    end = 0
    for place in places:
        if place < end:
            continue
        if (match := pattern.match(text, place, limit, HOLD_GIL)) is not None:
            yield match
            end = match.end()


def _slice(places: list[int], base: int, end: int, at_base: object) -> list[int]:
    """The places in ``[base, end)``, counted from ``base``; ``base`` too if ``at_base``."""
    low = bisect.bisect_left(places, base)
    high = bisect.bisect_left(places, end, low)
    if low == high:  # most sections have no place of a kind
        return [0] if at_base else []
    inside = [place - base for place in places[low:high]]
    if at_base and not (inside and inside[0] == 0):
        inside.insert(0, 0)
    return inside
