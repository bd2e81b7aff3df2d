"""The start places of an article, found once, and their slices for each section.

A scan costs ~1 us a call besides its characters, and an article has a dozen short sections and a
window after every name: the honorifics, verbs taking a post and position titles are found once
in the whole text, and each section takes the ones inside it.
"""

from __future__ import annotations

from dataclasses import dataclass

from vnunion_nlp.extractors.officials.finders import _IS_LETTER, _slice, _starts
from vnunion_nlp.extractors.officials.patterns import _patterns
from vnunion_nlp.records import Section


@dataclass(frozen=True)
class _Starts:
    """Where an honorific, a verb taking a post and a position title start (``_starts``)."""

    honorifics: list[int]
    verbs: list[int]
    heads: list[int]


def _article_starts(text: str) -> _Starts:
    """``_Starts`` of the whole article text, by one scan each: a scan costs ~1 us a call besides
    its characters, and an article has a dozen short sections and a window after every name."""
    pat = _patterns()
    return _Starts(
        pat.honorific_starts.places(text),
        sorted({place for form in pat.post_starts for place in _starts(form, text)}),
        pat.head_starts.places(text),
    )


def _section_starts(text: str, starts: _Starts, section: Section) -> _Starts:
    """The ``_Starts`` that scanning ``section.text`` alone would give, in its offsets, or more.

    Past its first character a place has the same character before it in both. A phrase that
    runs past the section's end gives a place the section alone would not: harmless, as every
    pattern fed by these places is matched inside the section and fails there. The first
    character follows no letter in the section alone, but may in the article: asked again.
    """
    pat = _patterns()
    base, end = section.start, section.end
    first = base > 0 and _IS_LETTER[text[base - 1]]
    verb_first = first and any(form.match(text, base, end) for form in pat.post_starts)
    return _Starts(
        _slice(starts.honorifics, base, end, first and pat.honorific_start.match(text, base, end)),
        _slice(starts.verbs, base, end, verb_first),
        _slice(starts.heads, base, end, first and pat.head_start.match(text, base, end)),
    )
