"""The same fact stated twice is kept once.

``_fact_keys`` reduces a figure to what makes it one fact (its numbers, its unit with
abbreviations spelled out, the subject of a percentage; then whether it is a target and the
direction of its comparator), and ``_Facts`` remembers the mentions of each key: a repeat in
another sentence, or in the same one after the same two words (``_words_before``), is dropped,
and a headline, which drops comparators and target cues, is matched on the figures alone.
"""

from __future__ import annotations

from typing import Final

from vnunion_nlp.extractors.indicators.checks import _Found
from vnunion_nlp.extractors.indicators.patterns import _key, _Patterns
from vnunion_nlp.extractors.indicators.subjects import _WORD
from vnunion_nlp.records import Comparator

# "hơn 95%" and "trên 95%" can be one fact; "trên 1 tỉ" and "gần 1 tỉ" cannot.
_DIRECTION: dict[Comparator, int] = {"=": 0, "~": 0, ">": 1, "≥": 1, "<": -1, "≤": -1}


_HEADLINE_KINDS: Final = frozenset({"title", "heading"})
_Mention = tuple[int, int, str]  # section, sentence start, the two words before the number


class _Facts:
    """The facts stated so far, to keep each one once ("the same fact stated twice is one").

    A repeat in another sentence is the same fact; within one sentence it is another fact
    ("01 đồng chí được A khen, 01 đồng chí được B khen") unless the words before the number are
    the same too (a headline run into its body). A headline drops comparators and target cues
    ("10kg thịt" over "ít nhất 10kg"), so against a headline only the figures and unit count.
    """

    def __init__(self) -> None:
        self._full: dict[tuple[object, ...], list[_Mention]] = {}
        self._headline: dict[tuple[object, ...], list[_Mention]] = {}
        self._any: dict[tuple[object, ...], list[_Mention]] = {}

    def is_new(
        self, keys: tuple[tuple[object, ...], tuple[object, ...]], mention: _Mention, headline: bool
    ) -> bool:
        full, base = keys
        if _repeats(self._full.get(full), mention) or _repeats(self._headline.get(base), mention):
            return False
        if headline and _repeats(self._any.get(base), mention):
            return False
        self._full.setdefault(full, []).append(mention)
        self._any.setdefault(base, []).append(mention)
        if headline:
            self._headline.setdefault(base, []).append(mention)
        return True


def _repeats(earlier: list[_Mention] | None, mention: _Mention) -> bool:
    return earlier is not None and any(m[:2] != mention[:2] or m[2] == mention[2] for m in earlier)


def _fact_keys(
    pat: _Patterns, found: _Found, subject: str | None, is_target: bool
) -> tuple[tuple[object, ...], tuple[object, ...]]:
    """(full key, base key) of a mention. Base: the figures and the unit (abbreviations spelled
    out; a ratio is specific enough without one) and, for a percentage, its ``subject`` (that
    of any other figure is not read). Full: also whether it is a target and the direction of
    its comparator."""
    if found.total is not None:
        unit: str | None = None
    else:
        unit = pat.synonyms.get(found.unit, _key(found.unit)) if found.unit else None
    subject_key = _subject_key(pat, subject) if found.unit == "%" else None
    base = (found.value, found.value_max, found.total, unit, subject_key)
    return (*base, is_target, _DIRECTION[found.comparator]), base


def _words_before(text: str, offset: int, plain_spaces: bool) -> str:
    """The two words before ``offset``, lower case (a bounded look back)."""
    piece = text[max(0, offset - 40) : offset].lower()
    words = piece.split() if plain_spaces else _WORD.findall(piece)
    return " ".join(words[-2:])


def _subject_key(pat: _Patterns, subject: str | None) -> str:
    """The subject of a percentage with its abbreviations spelled out, lower case."""
    if not subject:
        return ""
    return " ".join(pat.synonyms.get(w, w.lower()) for w in subject.split())
