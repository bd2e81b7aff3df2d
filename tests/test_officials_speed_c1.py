"""A longer opening of the start finders is looked for from its first character's first place."""

from __future__ import annotations

import pytest
import regex

from vnunion_nlp.extractors.officials.finders import _StartFinder

# Openings of more than one character: "Ôn" ("Ông"), "luậ" ("luật sư"), "Quả" ("Quản đốc").
_PHRASES = ["Ông", "ông", "luật sư", "Quản đốc"]


def _slow_places(text: str) -> list[int]:
    """Every place where a phrase (its spaces any white space) starts after no letter."""
    patterns = [regex.compile(r"\s+".join(map(regex.escape, p.split()))) for p in _PHRASES]
    return [
        place
        for place in range(len(text))
        if (place == 0 or not regex.match(r"\p{L}", text[place - 1]))
        and any(pattern.match(text, place) for pattern in patterns)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ô tô của Ông A",  # the first character well before the opening
        "ÔÔng Ông",  # the first character right before the opening
        "Quốc hội, Quảng Nam, Quản đốc B",  # the first character in other words first
        "lao động, luật, luật sư C",
        "no first character at all",
        "Ô",  # the first character alone, at the end
    ],
)
def test_longer_openings_from_their_first_character(text: str) -> None:
    assert _StartFinder(_PHRASES).places(text) == [_slow_places(text)]
