"""The exact fast paths of the scans: whole phrases where every white space is one space, the
cue words told by a ``WordScanner``, and the campaign cues before a quote."""

from __future__ import annotations

import pytest
import regex

from vnunion_nlp.document import ParsedArticle, white_space
from vnunion_nlp.extractors import campaigns
from vnunion_nlp.lexicon import alternation
from vnunion_nlp.records import Section
from vnunion_nlp.scanning import WordScanner, first_matches, scan_content

BEFORE, AFTER = r"(?<![\p{L}\d])(?P<word>", r")(?![\p{L}\d])"

LITERAL_CASES = [
    # words, flags, article (one paragraph a line)
    # a common head that opens no phrase ("công", "thông"), a phrase that starts with another
    (
        ["công văn", "thông tư", "thông tư liên tịch", "văn bản"],
        regex.I,
        "Công nhân, công văn 12, THÔNG TƯ LIÊN TỊCH 5\nthông tin, Thông tư, văn bản, Văn Bản",
    ),
    (["huyện", "Huyện", "thị xã", "Thị xã"], 0, "thị trường huyện Ba Vì\nThị xã Sơn Tây, thịxã"),
    (["Bộ luật", "Bộ Luật", "Luật"], 0, "Bộ Công an, Bộ luật Lao động\nLuật Công đoàn, Bộ Luật"),
    # odd white space: the heads are looked for and checked, as before
    (["công văn", "văn bản"], regex.I, "công  văn 12, Công\u00a0văn 3\ncông\tvăn, văn bản"),
    (["thị xã"], 0, "thị\u3000xã Sơn Tây, thị xã Ba Đồn"),
    (["đại hội"], regex.I, "ĐẠI HỘI XIII, đại biểu, Đại hội\nhiện đại hội trường"),
    (["ĐH"], 0, "ĐH XII, Đại học ĐHQG\nĐH"),
]


def _one(words: list[str], flags: int) -> regex.Pattern[str]:
    return regex.compile(f"{BEFORE}(?:{alternation(words)}){AFTER}", flags)


@pytest.mark.parametrize(("words", "flags", "article"), LITERAL_CASES)
def test_scan_content_finds_what_the_one_pattern_finds(
    words: list[str], flags: int, article: str
) -> None:
    doc = ParsedArticle.from_paragraphs(article)
    one = _one(words, flags)
    scanner = WordScanner(words, BEFORE, AFTER, flags)
    got = [(i, m.start() - base, m[0]) for i, _, base, m in scan_content(doc, scanner)]
    alone = [(i, m.start(), m[0]) for i, s in doc.content() for m in one.finditer(s.text)]
    assert got == alone


@pytest.mark.parametrize(("words", "flags", "article"), LITERAL_CASES)
def test_first_matches_gives_the_first_match_of_each_section(
    words: list[str], flags: int, article: str
) -> None:
    doc = ParsedArticle.from_paragraphs(article)
    one = regex.compile(alternation(words), flags)  # cue words: no lookaround
    expected = [
        (index, section, found.start())
        for index, section in doc.content()
        if (found := one.search(section.text))
    ]
    assert first_matches(doc, [WordScanner(words, flags=flags)]) == expected


@pytest.mark.parametrize(
    ("texts", "plain"),
    [
        (["Công đoàn Việt Nam", "Hà Nội"], True),
        (["Công đoàn", "Hà  Nội"], False),
        *(([f"Công{space}đoàn"], False) for space in white_space() if space != " "),
    ],
)
def test_plain_spacing_tells_every_other_white_space(texts: list[str], plain: bool) -> None:
    sections = [Section(kind="paragraph", start=0, end=len(text), text=text) for text in texts]
    doc = ParsedArticle(text="\n".join(texts), sections=sections)
    assert doc.masked_content().plain_spacing() is plain


CUE_CASES = [
    "Hưởng ứng phong trào thi đua ",
    "PHONG TRÀO THI ĐUA yêu nước và cuộc  vận động ",
    "các chương trình, Chương trình hành động ",
    "phong trào\u00a0thi đua, hội thi ",
    "ſ cuộc thi thiết kế, xphong trào ",
    "İ tháng hành động ",
]


@pytest.mark.parametrize("text", CUE_CASES)
def test_campaign_cues_are_those_of_the_one_pattern(text: str) -> None:
    lex = campaigns._lexicon()
    data = lex.data
    one = regex.compile(
        rf"{campaigns._W}(?P<cue>{alternation(list(data.cues))}){campaigns._E}"
        rf"(?:\s+(?:{alternation(data.extra_words)}){campaigns._E})?",
        regex.I,
    )
    expected = [(m.span(), m["cue"]) for m in one.finditer(text)]
    assert [(m.span(), m[lex.cue_cue]) for m in lex.cues_in.finditer(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Chủ đề năm 2017 là “Năm kỷ cương”",
        "chủ đề của năm 1999 là năm “Tăng tốc”",
        "năm 2020 là “x”",
        "Năm nay là “Năm an toàn”",  # no year: not searched
        "năm 2017 là năm “Tết”",
    ],
)
def test_themed_year_is_that_of_the_pattern(text: str) -> None:
    quote = text.index("“")
    themed = campaigns._lexicon().themed_year_re.search(text, max(0, quote - 60), quote + 1)
    expected = themed.span() if themed and themed.end() == quote else None
    found = campaigns._themed_year(text, quote, 0)
    assert (found.span() if found else None) == expected
