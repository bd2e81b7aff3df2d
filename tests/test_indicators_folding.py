"""``_folded_sections`` (the sections cut from the article's shared lower case) against folding
each section on its own, and the Unicode facts it rests on."""

from __future__ import annotations

import pytest

from vnunion_nlp.document import ParsedArticle
from vnunion_nlp.extractors.indicators import extract_indicators
from vnunion_nlp.extractors.indicators.prefilters import (
    _COMMON_BLOCKS,
    _LOWER_NOT_FOLD,
    _folded,
    _folded_sections,
    _in_common_blocks,
    _lower_is_folding,
    _shared_folding,
)

_COMMON_CHARS = "".join(
    chr(block << 8 | low) for block in _COMMON_BLOCKS for low in range(256) if block or low
)


def test_lower_is_case_folding_in_the_common_blocks() -> None:
    others = [c for c in _COMMON_CHARS if c not in _LOWER_NOT_FOLD]
    assert all(c.lower() == c.casefold() for c in others)
    # and lowering is context free there: only "Σ" (outside them) lowers by its neighbours
    text = "".join(others)
    assert ("A" + text + "A").lower() == "a" + "".join(c.lower() for c in text) + "a"
    assert ord("\u03a3") >> 8 not in _COMMON_BLOCKS


@pytest.mark.parametrize(
    "text",
    [
        "Đạt 95% chỉ tiêu\nCó 3 NGƯỜI “Mái ấm” – 2 tỷ đồng",  # the common case: cut from the lower case
        "Có 3 ſố\nhai người",  # long s lower-cases as itself but folds to "s"
        "Straße 5 người\nCÓ 2 ĐƠN VỊ",  # ß folds longer: that section gets None
        "2 người\nİ 3 người",  # İ lower-cases longer too: the article's offsets shift
        "ΣΑΣ 4 người\nCó 2 đơn vị",  # Greek (final sigma): outside the common blocks
        "\u212a 3 người\nCó 2 đơn vị",  # Kelvin sign: outside the common blocks
        "Có 3 người \U0001f600\nhai đơn vị",  # an astral character
        "Có 3 người \ud800\nhai đơn vị",  # a lone surrogate
        "\u1e9e 2 người\nẞ",  # capital sharp s lower-cases to ß, folds to "ss"
        "a\x00b 2 người",  # the mask character inside a section
    ],
)
def test_folded_sections_equal_folding_each_section(text: str) -> None:
    masked = ParsedArticle.from_paragraphs(text).masked_content()
    shared = _shared_folding(masked, _in_common_blocks(masked.text))
    folded = _folded_sections(masked, shared)
    assert folded == [_folded(s.text) for _, s in masked.content]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đạt 95% chỉ tiêu – “Mái ấm”", True),
        ("ſố", False),
        ("ß", False),
        ("Σ", False),
        ("\U0001f600", False),
        ("\ud800", False),
        ("", True),
    ],
)
def test_lower_is_folding(text: str, expected: bool) -> None:
    assert _lower_is_folding(text) is expected
    if expected:
        assert text.lower() == text.casefold()


def test_indicators_are_those_of_sections_folded_one_by_one() -> None:
    # the same article, once with a character that makes every section be folded on its own
    plain = "Năm 2024, công đoàn có 1.200 đoàn viên, đạt 95% kế hoạch."
    odd = plain + "\nΣ"
    found = [(i.start, i.end, i.value, i.unit) for i in extract_indicators(_article(plain))]
    found_odd = [(i.start, i.end, i.value, i.unit) for i in extract_indicators(_article(odd))]
    assert found
    assert found == found_odd


def _article(text: str) -> ParsedArticle:
    return ParsedArticle.from_paragraphs(text)
