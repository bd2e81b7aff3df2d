"""The word guard in front of the indicator patterns answers as its plain definition does:
``_Guarded._holds_word`` (a word inside ``start:end``, starting at most ``reach`` after
``start``), on inputs where a word sits right at the limits."""

from __future__ import annotations

import pytest
import regex

from vnunion_nlp.extractors.indicators.prefilters import _Guarded


def _holds_word_plainly(
    words: tuple[str, ...], reach: int | None, folded: str, start: int, end: int
) -> bool:
    return any(
        folded[at : at + len(word)] == word and at + len(word) <= end
        for word in words
        for at in range(start, end if reach is None else start + reach + 1)
    )


@pytest.mark.parametrize(
    ("words", "reach", "folded"),
    [
        (("kể", "nêu"), 3, "ab kể nêu kể"),
        (("kể", "nêu"), 0, "kể nêu"),
        (("trên", "kể"), None, "xx trên yy kể"),
        (("/",), None, "12/3 / 4"),
        (("aa", "a"), 1, "baaab"),
    ],
)
def test_holds_word_answers_as_its_definition(
    words: tuple[str, ...], reach: int | None, folded: str
) -> None:
    guarded = _Guarded(regex.compile("(?!)"), words, reach)
    for start in range(len(folded) + 1):
        for end in range(start, len(folded) + 1):
            expected = _holds_word_plainly(words, reach, folded, start, end)
            assert guarded._holds_word(folded, start, end) == expected, (start, end)
