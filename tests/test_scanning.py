"""The split scanners give exactly what the one pattern they stand for gives."""

from __future__ import annotations

import pytest
import regex

from vnunion_nlp.document import ParsedArticle
from vnunion_nlp.lexicon import alternation
from vnunion_nlp.scanning import WordScanner, scan_content

BEFORE, AFTER = r"(?<![\p{L}])(?P<word>", r")(?:\s+\p{Lu}\p{Ll}*)*(?![\p{L}])"

CASES = [
    # words, flags, text
    (["Công đoàn", "Công đoàn cơ sở", "Chi bộ"], 0, "Công đoàn cơ sở Điện lực và Chi bộ Hà Nội"),
    (["Ban Chấp hành", "Công đoàn"], 0, "Ban Chấp hành Công đoàn Giáo dục, Công đoàn Ngành"),
    (["ông", "bà", "anh"], 0, "không ông Nguyễn Văn An, bà Lê Thị Hoa và anh Tuấn"),
    (["nghị quyết", "kế hoạch"], regex.I, "Nghị quyết số 02, KẾ HOẠCH 15 và nghị  quyết"),
    (["sáng kiến"], regex.I, "ſáng kiến"),  # "ſ" folds to "s"
    # case-insensitive groups are tried where their lower-cased first words stand
    (
        ["quyết định", "quy định", "quy chế"],
        regex.I,
        "QUYẾT ĐỊNH 5, Quy định, quy chế; quyquy định",
    ),
    (["kế hoạch", "hoạch định"], regex.I, "Kế hoạch định kỳ và hoạch định"),  # overlapping heads
    (["nghị quyết"], regex.I, "İ Nghị quyết"),  # "İ" lower-cases longer: the engine scans
    (["Hà Nội", "Hà Nam"], 0, "Hà Nội\nHà Nam, Hà Nộii"),
    # a phrase found where the pattern fails: the next place may start inside it
    (["Hà Nội", "Nội Bài"], 0, "xHà Nội Bài, Hà Nộix Nội Bài"),
    # phrases are found across any white space the engine reads as \s
    (["Hà Nội", "Công ty"], 0, "Hà\u00a0Nội, Hà \t Nội, Công\u3000ty, Công\u2028ty"),
    (["nghị quyết", "quyết định"], regex.I, "Nghị  quyếtx định, NGHỊ\u00a0QUYẾT, nghị\tquyết"),
    (["kế sách", "kế hoạch"], regex.I, "KẾ ſÁCH, Kế hoạch"),  # "ſ" lower-cases to itself
    # groups that each open with one word are run by the engine
    (["huyện", "Huyện", "thị xã"], 0, "huyện Bình, Huyệnx, thị  xã Sơn"),
]


@pytest.mark.parametrize(("words", "flags", "text"), CASES)
def test_word_scanner_matches_the_one_pattern(words: list[str], flags: int, text: str) -> None:
    one = regex.compile(f"{BEFORE}{alternation(words)}{AFTER}", flags)
    scanner = WordScanner(words, BEFORE, AFTER, flags)
    expected = [(m.span(), m["word"]) for m in one.finditer(text)]
    assert [(m.span(), m["word"]) for m in scanner.finditer(text)] == expected
    first = one.search(text, 3)
    found = scanner.search(text, 3)
    assert (found.span() if found else None) == (first.span() if first else None)


def test_scan_content_matches_each_section_alone() -> None:
    doc = ParsedArticle.from_paragraphs("Công đoàn Ngành\nGiáo dục Công đoàn\n\nCông đoàn Điện lực")
    scanner = WordScanner(["Công đoàn"], BEFORE, AFTER)
    got = [(i, m.start() - base, m[0]) for i, _, base, m in scan_content(doc, scanner)]
    alone = [(i, m.start(), m[0]) for i, s in doc.content() for m in scanner.finditer(s.text)]
    assert got == alone
    assert [text for _, _, text in got] == ["Công đoàn Ngành", "Công đoàn", "Công đoàn Điện"]


def test_masked_content_is_made_again_when_the_sections_change() -> None:
    doc = ParsedArticle.from_paragraphs("Công đoàn Ngành\nHà Nội")
    first = doc.masked_content()
    assert doc.masked_content() is first
    assert first.lowered() == "công đoàn ngành\x00hà nội"
    doc.sections[1] = doc.sections[1].model_copy(update={"text": "Hà Nam"})
    assert doc.masked_content().text == "Công đoàn Ngành\x00Hà Nam"
    same_text = ParsedArticle.from_paragraphs("Công đoàn Ngành\nHà Nam")
    assert same_text.masked_content() is not doc.masked_content()
