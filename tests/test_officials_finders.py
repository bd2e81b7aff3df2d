"""The start finders of the officials extractor, pinned against a plain scan of every place."""

from __future__ import annotations

import pytest
import regex

from vnunion_nlp.extractors.officials.finders import _opening, _StartFinder

_HONORIFICS = ["ông", "Ông", "chị", "bà", "bác sĩ", "đồng chí", "đ/c", "PGS.TS", "TS", "Công nhân"]
_HONORIFICS += ["nhà giáo", "nữ công nhân", "Q", "Bà", "Đại tá"]
# Sharing first characters with the honorifics; "Bàn" and "Q" hold one ("Bà", "Q") as a prefix.
_HEADS = ["công nhân", "chuyên viên", "chi ủy viên", "Ủy viên", "Bàn", "Q", "TUV", "Đại biểu"]


def _slow_places(phrases: list[str], text: str) -> list[int]:
    """Every place where a phrase (its spaces any white space) starts after no letter."""
    patterns = [regex.compile(r"\s+".join(map(regex.escape, p.split()))) for p in phrases]
    return [
        place
        for place in range(len(text))
        if (place == 0 or not regex.match(r"\p{L}", text[place - 1]))
        and any(pattern.match(text, place) for pattern in patterns)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "ông A và Ông B",
        "không công ông",  # "ông" inside longer words
        "Công nhân công nhân, nữ công nhân",  # the first character inside a phrase
        "PGS.TS Lê A; TS B; GS.TS",  # a phrase inside another one
        "đồng \n\t chí, đ/c và đồng-chí",  # white space runs
        "chị chịu, (chị) “bà” bác sĩ bácsĩ",
        "nhà giáo nhà  giáo nhàgiáo",
        "ô ôn, ông",  # the first character before the opening ("ôn") starts: the scan from there
        "Q",  # one character, at the start and at the end
        "xQ Q",
        "chuyên viên chi ủy viên chiủy",
        "no phrase here at all",
        "Ủy viên Uỷ viên ủy viên",
        "Bà Bàn Bàn, Đại tá Đại biểu TUV TS",
        "",
    ],
)
def test_places_as_a_scan_of_every_place(text: str) -> None:
    assert _StartFinder(_HONORIFICS).places(text) == [_slow_places(_HONORIFICS, text)]
    expected = [_slow_places(_HONORIFICS, text), _slow_places(_HEADS, text)]
    assert _StartFinder(_HONORIFICS, _HEADS).places(text) == expected


@pytest.mark.parametrize(
    ("group", "opening"),
    [
        (["chị"], "ch"),  # the look-back goes before a rest
        (["ông"], "ôn"),
        (["đồng chí"], "đồn"),  # not up to a space
        (["bà", "bác sĩ"], "b"),
        (["Q"], ""),  # a phrase of one character
        (["TS", "ThS", "Trung tướng"], "T"),
        (["nhà giáo", "nhà thơ"], "nh"),
    ],
)
def test_opening(group: list[str], opening: str) -> None:
    assert _opening(group) == opening


# Openings of more than one character: "Ôn" ("Ông"), "luậ" ("luật sư"), "Quả" ("Quản đốc").
_LONGER_OPENINGS = ["Ông", "ông", "luật sư", "Quản đốc"]


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
    assert _StartFinder(_LONGER_OPENINGS).places(text) == [_slow_places(_LONGER_OPENINGS, text)]
