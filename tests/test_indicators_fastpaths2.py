"""``_word_matches`` (lead words looked up with ``str.find``) against the scan it stands for."""

from __future__ import annotations

import pytest

from vnunion_nlp.extractors.indicators.candidates import _word_matches
from vnunion_nlp.extractors.indicators.patterns import (
    _AMBIGUOUS_ALONE,
    _NO_DIGITS,
    _Groups,
    _patterns,
)
from vnunion_nlp.extractors.indicators.prefilters import _folded


def _by_pattern(text: str) -> list[tuple[int, int, _Groups, str]]:
    """What ``_word_matches`` stands for: the words pattern scanned over the whole text."""
    return [
        (m.start(), m.end(), _Groups._make(_NO_DIGITS + m.groups()), m.group(0))
        for m in _patterns().words.finditer(text)
        if m.group(0).lower() not in _AMBIGUOUS_ALONE
    ]


@pytest.mark.parametrize(
    "text",
    [
        "ba người dự, có hai đơn vị",  # a number at the start
        "Đơn vị có ba người",  # at the end: no noun after
        "Đơn vị có ba",
        "xhai người, chính người, ban người, 2.ba người, a-hai người",  # glued or inside words
        "năm 2020 có năm người, năm nay",  # "năm" of dates
        "BA NGƯỜI và Hai Đơn Vị",  # upper case
        "İstanbul có năm đơn vị",  # İ lower-cases longer
        "Straße có bốn người",  # ß folds longer
        "\u0345hai người và ι ba người",  # U+0345 is no letter but folds to one
        "\U0001d400hai người",  # an astral letter before
        "hai\u00a0người, ba \n  đơn vị, bốn\t“đơn vị”",  # odd white space, a quote
        "hai mươi ba người, một trăm người, tư người",  # overlaps, "một"/"tư" alone
        "mười lăm nghìn người và chín trăm",
    ],
)
def test_word_matches_are_the_pattern_scan(text: str) -> None:
    pat = _patterns()
    expected = _by_pattern(text)
    assert _word_matches(pat, text, _folded(text)) == expected
    assert _word_matches(pat, text, None) == expected


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Có ſáu người và hai đơn vị", ["hai"]),  # lower case keeps the long s: no "sáu"
        ("hai" + " " * 300 + "người", []),  # the noun beyond the window
    ],
)
def test_word_matches_where_the_scan_reads_less(text: str, words: list[str]) -> None:
    pat = _patterns()
    for folded in (_folded(text), None):
        assert [c[3] for c in _word_matches(pat, text, folded)] == words
