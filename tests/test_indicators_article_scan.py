"""``_ArticleScan`` (the lead words and digits of the numbers, looked for in the whole article at
once) against looking for them section by section, and the Unicode facts it rests on."""

from __future__ import annotations

import re

import pytest

from vnunion_nlp.document import ParsedArticle
from vnunion_nlp.extractors.indicators.candidates import (
    _SAME_LEADS,
    _ArticleScan,
    _candidates,
    _digit_class,
    _digit_matches,
    _lead_places,
    _word_matches,
)
from vnunion_nlp.extractors.indicators.patterns import _patterns
from vnunion_nlp.extractors.indicators.prefilters import (
    _COMMON_BLOCKS,
    _LOWER_NOT_FOLD,
    _folded_sections,
)

_ASCII_DIGITS = "0123456789"


def test_a_shared_lower_case_holds_no_long_s() -> None:
    # where the article's lower case is shared, no section needs its own (``_SAME_LEADS``)
    assert _SAME_LEADS in _LOWER_NOT_FOLD


def test_the_only_digits_of_the_common_blocks_are_ascii() -> None:
    common = "".join(chr(block << 8 | low) for block in _COMMON_BLOCKS for low in range(256))
    assert re.findall(_digit_class(), common) == list(_ASCII_DIGITS)


@pytest.mark.parametrize(
    "text",
    [
        "Có ba người dự\nhai đơn vị và năm người\nmười lăm đoàn viên",  # one lead or more a section
        "Hai\nNăm người\nba",  # at the starts and ends of sections
        "chính người, ban người, tư vấn\nmột trăm người, tư người",  # inside words, overlaps
        "không có số nào\n\nđơn vị mới",  # no lead, no digit
        "hai mươi ba người\nmộtba người",  # glued to the lead before
        "a\x00hai người\nba\x00người 5",  # the mask character inside a section
        "Năm 2024 có 1.226 đoàn viên, đạt 95%\n12/6/2021\n“Mái ấm” – 2 tỷ đồng",  # digits
        "Covid-19\nA1 và 3\n7",  # digits that open no number; one alone
        "12\n3 người 1.226 và 1,5 triệu; 2.600.000đ; 739/739 (đạt 100%)",  # inner digits
        "x–5 và “3 người” (2), ²4 người",  # after a dash, a quote, a superscript
        "có \u0663 người\nhai người 5",  # an Arabic-Indic digit: left to the stdlib
        "có \U0001d7d3 người\n2 người",  # an astral digit
        "có ² người\n３ người",  # a superscript two (no digit); a full-width three
        "Có 3 ſáu người\nhai đơn vị",  # long s: the lower case is not shared
        "İ hai người\nba 4 người",  # İ lower-cases longer: offsets would move
    ],
)
def test_the_article_scan_gives_what_each_section_finds(text: str) -> None:
    masked = ParsedArticle.from_paragraphs(text).masked_content()
    scan = _ArticleScan(masked)
    pat = _patterns()
    for (_, section), base, folded in zip(
        masked.content, masked.bases, _folded_sections(masked, scan.shared), strict=True
    ):
        length = len(section.text)
        leads, digit_starts = scan.leads(base, length), scan.digit_starts(base, length)
        if digit_starts is not None:
            assert digit_starts == [
                at
                for at, char in enumerate(section.text)
                if char in _ASCII_DIGITS and not (at and section.text[at - 1] in _ASCII_DIGITS)
            ]
            assert _digit_matches(pat, section.text, digit_starts) == _digit_matches(
                pat, section.text
            )
        if leads is not None:
            assert leads == _lead_places(section.text.lower())
            assert _word_matches(pat, section.text, folded, leads) == _word_matches(
                pat, section.text, folded
            )
        assert _candidates(pat, section.text, folded, leads, digit_starts) == _candidates(
            pat, section.text, folded
        )


@pytest.mark.parametrize(
    ("text", "shared", "digits_mapped"),
    [
        ("Có 3 người\nhai đơn vị", True, True),
        ("Có 3 ſáu người", False, True),  # long s lower-cases as itself but folds to "s"
        ("İ hai người", False, True),  # İ (U+0130) lower-cases longer
        ("có \u0663 người", False, False),  # outside the common blocks
    ],
)
def test_what_the_article_scan_finds_at_once(text: str, shared: bool, digits_mapped: bool) -> None:
    scan = _ArticleScan(ParsedArticle.from_paragraphs(text).masked_content())
    assert (scan.shared is not None) is shared
    assert (scan.digit_starts(0, 1) is not None) is digits_mapped
