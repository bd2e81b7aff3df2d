"""Exact fast paths of the officials extractor, pinned against the slow way they stand for."""

from __future__ import annotations

import pytest

from vnunion_nlp.extractors.officials.patterns import _PUNCT
from vnunion_nlp.extractors.officials.roles import _COMBINING_MARK, _folded_word
from vnunion_nlp.normalize import fold


def _slow_folded_word(word: str) -> str | None:
    if _COMBINING_MARK.search(word.lower()):
        return None
    return " ".join(_PUNCT.sub(" ", fold(word)).split())


@pytest.mark.parametrize(
    "word",
    [
        "Đồng",
        "(Ông,",
        "biểu:",
        "COVID-19",
        "İstanbul",  # lower case "i" and a combining dot
        "a\u0301",  # a combining mark
        "\u212a",  # the Kelvin sign, lower case "k"
        "x²",
        "ǅ",
        "2023",
        "_",
        "Σ",
    ],
)
def test_folded_word_as_the_slow_way(word: str) -> None:
    assert _folded_word(word) == _slow_folded_word(word)
