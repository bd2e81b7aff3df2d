"""The start places of an article, found once, and their slices for each section.

A scan costs ~1 us a call besides its characters, and an article has a dozen short sections and a
window after every name: the honorifics, verbs taking a post and position titles are found once
in the whole text, and each section takes the ones inside it. The honorifics and titles that a
name follows are told apart there too, once: most have none after them, and a section with no
place of a route, no colon and no list going on from the section before yields no name.
"""

from __future__ import annotations

import bisect
import re

from vnunion_nlp.extractors.officials.finders import _IS_LETTER, _slice, _starts, _viable
from vnunion_nlp.extractors.officials.patterns import _patterns
from vnunion_nlp.records import Section


class _Starts:
    """Where honorifics start (``_starts``), and where a route to a name may start: an honorific
    and a position title with a family name after them (``honorific_named``, ``title_named``),
    a verb taking a post.

    A plain class, made for every section: under mypyc a dataclass keeps the interpreted
    ``__init__`` of the dataclasses module (thousands of instructions a construction)."""

    def __init__(
        self, honorifics: list[int], named: list[int], verbs: list[int], heads: list[int]
    ) -> None:
        self.honorifics = honorifics
        self.named = named
        self.verbs = verbs
        self.heads = heads


def _article_starts(text: str) -> tuple[_Starts, list[int]]:
    """``_Starts`` of the whole article text, by one scan each, and every place of a route, sorted.

    A name may follow a place in the article text and not in its section, when it is in the next
    one: more places than the section alone has, harmless (see ``_section_starts``).
    """
    pat = _patterns()
    honorifics, head_places = pat.route_starts.places(text)
    named = _viable(pat.honorific_named, text, honorifics, len(text))
    verbs = sorted({place for form in pat.post_starts for place in _verb_starts(form, text)})
    heads = _viable(pat.title_named, text, head_places, len(text))
    return _Starts(honorifics, named, verbs, heads), sorted([*named, *verbs, *heads])


def _verb_starts(form: tuple[str, re.Pattern[str]], text: str) -> list[int]:
    """``_starts`` of a form taking a post, from the first place of its opening word: found by
    ``str.find``, a skipping search about twice as fast as the engine's scan, and absent from
    most articles ("tái", "trúng")."""
    word, pattern = form
    at = text.find(word)
    return [] if at < 0 else _starts(pattern, text, None, at)


def _section_starts(
    text: str, starts: _Starts, routes: list[int], section: Section
) -> _Starts | None:
    """The ``_Starts`` that scanning ``section.text`` alone would give, in its offsets, or more;
    None when the section has no place of a route and no colon (no name can be found there but
    in a list going on from the section before). ``routes`` are the places of every route.

    Past its first character a place has the same character before it in both. A phrase that
    runs past the section's end, or a name after it in the next section, gives a place the
    section alone would not: harmless, as every pattern fed by these places is matched inside the
    section and fails there. The first character follows no letter in the section alone, but may
    in the article: asked again, and taken as a place of every route it may open.
    """
    pat = _patterns()
    base, end = section.start, section.end
    first = base > 0 and _IS_LETTER[text[base - 1]]
    colon = text.find(":", base, end) >= 0
    at = bisect.bisect_left(routes, base)
    if not first and not colon and (at == len(routes) or routes[at] >= end):
        return None
    honorific_first = first and pat.honorific_start.match(text, base, end)
    verb_first = first and any(form.match(text, base, end) for _, form in pat.post_starts)
    return _Starts(
        _slice(starts.honorifics, base, end, honorific_first) if colon else [],
        _slice(starts.named, base, end, honorific_first),
        _slice(starts.verbs, base, end, verb_first),
        _slice(starts.heads, base, end, first and pat.head_start.match(text, base, end)),
    )
