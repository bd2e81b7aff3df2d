"""The exact shortcuts of the layout stage and of folding, pinned against what they replace."""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest

from vnunion_nlp.clean import Line
from vnunion_nlp.normalize import (
    _CODEC_CHARS,
    _COMBINING,
    _FOLD,
    _fold_by_codec,
    _marks_or_astral,
    fold,
    fold_keeping_spaces,
)
from vnunion_nlp.sections import _SECOND_WORD_LA

_ALL_CHARACTERS = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000]


def _fold_by_the_regex_engine(text: str) -> str:
    """`fold` as it was: `_COMBINING` tells whether there are marks to strip."""
    folded = text.translate(_FOLD).lower()
    if folded.isascii() or _COMBINING.search(folded) is None:
        return folded
    decomposed = unicodedata.normalize("NFD", folded)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def test_the_stdlib_class_holds_the_marks_of_the_regex_engine() -> None:
    marks = _marks_or_astral()
    for char in _ALL_CHARACTERS:
        if char <= "\uffff":
            assert (marks.match(char) is None) == (_COMBINING.match(char) is None), hex(ord(char))
        else:
            assert marks.match(char) is not None, hex(ord(char))


# fmt: off
FOLDS = [
    ("plain", "Liên đoàn Lao động"),
    ("quotes, no mark", "“Tin tức” – Công đoàn"),
    ("a mark after a quote", "“Tin” tu\u0300c"),
    ("a mark alone", "\u0301"),
    ("an astral letter, no mark", "Tin 𝐀 tức –"),
    ("an astral letter, then a mark", "Tin 𝐀 tu\u0301c –"),
    ("an astral mark", "Tin x\U0001d165 –"),
    ("dotted capital I", "İstanbul –"),
    ("final sigma", "ΟΔΟΣ Tin"),
    ("Vietnamese", "ĐẠI HỘI Công đoàn “Ủy ban” – nhiệm kỳ 2023…"),
    ("a word too short for the codec", "Đại"),
    ("outside the codec", "Tin ü tức"),
    ("final sigma, codec length", "ΟΔΟΣ Tin tức"),
    ("Kelvin sign", "\u212a Tin tức"),
    ("no-break space", "Tin\u00a0tức"),
    ("combining mark", "Tin tu\u0301c"),
]
# fmt: on


@pytest.mark.parametrize(("case", "text"), FOLDS, ids=[f[0] for f in FOLDS])
def test_every_fold_is_the_fold_of_the_regex_engine(case: str, text: str) -> None:
    """``fold`` is the regex engine's fold; the two shortcuts, where they answer, give the same."""
    assert fold(text) == _fold_by_the_regex_engine(text)
    kept = fold_keeping_spaces(text)
    assert kept is None or kept == fold(text)
    by_codec = _fold_by_codec(text)
    assert by_codec is None or by_codec == text.translate(_FOLD).lower()


def test_folding_keeps_white_space_and_makes_none() -> None:
    """Why `Line.folded` need not scan a folded single-spaced line: each white-space character
    folds into itself and every other one into characters that are none (``str.lower`` reads its
    neighbours only for "Σ", which becomes another letter either way)."""
    for char in _ALL_CHARACTERS:
        folded = char.translate(_FOLD).lower()
        if char.isspace():
            assert folded == char, hex(ord(char))
        else:
            assert folded, hex(ord(char))
            assert not any(c.isspace() for c in folded), hex(ord(char))


# fmt: off
SPACED_LINES = [
    ("plain", "Trang chủ » Tin tức"),
    ("combining mark between spaces", "Tin \u0301 tức"),
    ("combining mark at the start", "\u0301 Tin tức"),
    ("combining mark at the end", "Tin tức \u0301"),
    ("dotted capital I", "İ Tin"),
    ("quotes", "“Tin” tức"),
]
# fmt: on


@pytest.mark.parametrize(("case", "text"), SPACED_LINES, ids=[s[0] for s in SPACED_LINES])
def test_folded_single_spaced_line(case: str, text: str) -> None:
    assert Line(0, len(text), text).folded == " ".join(fold(text).split())


def test_stdlib_white_space_is_that_of_split() -> None:
    spaces = re.compile(r"\s")
    for char in _ALL_CHARACTERS:
        assert (spaces.match(char) is not None) == char.isspace(), hex(ord(char))


# fmt: off
SECOND_WORDS = [
    "Một là: tăng cường", "Một  là", " Một là", "Một\tlà", "Một\u2003là", "Mộtlà là",
    "là là", "là", "Một lại", "Một\u00a0là", "Hai\x1clà", "Một\n là", "Một là",
]
# fmt: on


@pytest.mark.parametrize("text", SECOND_WORDS)
def test_second_word_pattern_is_the_split(text: str) -> None:
    words = text.split(maxsplit=2)
    expected = len(words) > 1 and words[1].startswith("là")
    assert (_SECOND_WORD_LA.match(text) is not None) == expected


def test_the_fold_codec_folds_as_the_table() -> None:
    """Every character whose lower case the codec holds folds by the codec as by the table, and
    nothing it gives is a combining mark (so `fold` strips none)."""
    codec = frozenset(_CODEC_CHARS)
    assert not any(_COMBINING.match(c) for c in _CODEC_CHARS)
    for char in _ALL_CHARACTERS:
        if all(c in codec for c in char.lower()):
            assert _fold_by_codec(char) == char.translate(_FOLD).lower(), hex(ord(char))
        else:
            assert _fold_by_codec(char) is None, hex(ord(char))
