"""The exact fast paths of the whole-text scans: the phrases of a case-sensitive scanner looked
for in the lowered text, one search shared by the scanners of capitalised names, the known
campaign names told for each section from the article's lowered text, and the clause words told
by bounded searches."""

from __future__ import annotations

import pytest
import regex

from vnunion_nlp.document import MASK, ParsedArticle
from vnunion_nlp.extractors import campaigns
from vnunion_nlp.extractors.indicators.clauses import _LazyScan
from vnunion_nlp.lexicon import alternation
from vnunion_nlp.records import Section
from vnunion_nlp.scanning import WordScanner, scan_content

BEFORE, AFTER = r"(?<![\p{L}\d])(?P<word>", r")(?![\p{L}\d])"
DISTRICTS = ["huyện", "Huyện", "quận", "Quận", "thị xã", "Thị xã"]

LOWERED_CASES = [
    # words, article (one paragraph a line)
    # the lowered text holds the lowered phrases where the text holds no phrase
    (DISTRICTS, "HUYỆN Ba Vì, hUyện Mê Linh\nQUẬN 1, Thị Xã Sơn Tây, thị xã Ba Đồn"),
    # "İ" lowers to two characters: the lowered text's offsets shift, the text is read instead
    (DISTRICTS, "İstanbul, huyện Ba Vì\nQuận 3"),
    # odd white space: the heads are looked for in the lowered text and checked
    (DISTRICTS, "Thị  xã Sơn Tây, thị\u00a0xã Ba Đồn\nthị\U0001f600xã, Thị xã"),
    # a phrase that starts with another, in both cases
    (["Bộ luật", "Bộ Luật", "Luật", "bộ luật"], "Bộ luật Lao động, BỘ LUẬT\nLuật Công đoàn, luật"),
    # "Σ" lowers by its context: such phrases are looked for as written
    (["ΟΔΟΣ", "Οδος", "οδος"], "ΟΔΟΣ ΟΔΟΣΑ οδος\nΟδος"),
]


@pytest.mark.parametrize(("words", "article"), LOWERED_CASES)
def test_a_case_sensitive_scan_of_the_lowered_text_finds_what_the_one_pattern_finds(
    words: list[str], article: str
) -> None:
    doc = ParsedArticle.from_paragraphs(article)
    one = regex.compile(f"{BEFORE}(?:{alternation(words)}){AFTER}")
    scanner = WordScanner(words, BEFORE, AFTER)
    got = [(i, m.start() - base, m[0]) for i, _, base, m in scan_content(doc, scanner)]
    alone = [(i, m.start(), m[0]) for i, s in doc.content() for m in one.finditer(s.text)]
    assert got == alone


def test_phrases_written_in_several_cases_are_looked_for_lowered() -> None:
    assert WordScanner(DISTRICTS, BEFORE, AFTER).reads_lowered
    assert not WordScanner(["ΟΔΟΣ", "Οδος", "οδος"], BEFORE, AFTER).reads_lowered
    assert not WordScanner(["Huyện", "Quận"], BEFORE, AFTER).reads_lowered


SHARED_CASES = [
    # a phrase of the other scanner inside, before or overlapping one of this scanner's
    "Công đoàn Hà Nội, Hà Nam Định, Hải Phòng\nSở Hà Nội và Sơn La, Sở, Sơn Sóc Trăng",
    # places where only the other's phrases stand, and odd white space in a phrase
    "Ban  Chấp hành, Hà\u00a0Nội, Bộ\nCao Bằng Cao, Cà Mau Hội",
]


@pytest.mark.parametrize("article", SHARED_CASES)
def test_scanners_sharing_a_search_find_what_their_one_patterns_find(article: str) -> None:
    # groups that open with several words: searched for with a prefix tree
    words = {
        "mine": ["Hà Nội", "Hải Phòng", "Hà Nam", "Sơn La", "Sóc Trăng", "Cao Bằng", "Cà Mau"],
        "other": ["Sở", "Sơn", "Ban Chấp hành", "Bộ", "Công đoàn", "Nam Định", "Nội", "Hà", "Hội"],
    }
    mine = WordScanner(words["mine"], BEFORE, AFTER, shares_with=words["other"])
    other = WordScanner(words["other"], BEFORE, AFTER, shares_with=words["mine"])
    assert mine._phrases._shared is other._phrases._shared is not None
    doc = ParsedArticle.from_paragraphs(article)
    for scanner, group in ((mine, "mine"), (other, "other"), (mine, "mine")):
        one = regex.compile(f"{BEFORE}(?:{alternation(words[group])}){AFTER}")
        got = [(i, m.start() - base, m[0]) for i, _, base, m in scan_content(doc, scanner)]
        alone = [(i, m.start(), m[0]) for i, s in doc.content() for m in one.finditer(s.text)]
        assert got == alone


@pytest.mark.parametrize(
    "texts",
    [
        ["Tiêu đề", "Hưởng ứng Tháng Công nhân", "Mái ấm, Công đoàn", "Không có"],
        # a section holding the mask: each section is lowered on its own
        ["Tiêu đề", f"Tết sum{MASK}vầy", "Tết sum vầy", f"tháng{MASK}công nhân"],
        # final sigma and a character lowering to two, next to the mask
        ["ΟΔΟΣ", "ΣTết sum vầy", "İ tháng cn", "Tết sum vầyΣ"],
    ],
)
def test_naming_known_is_each_sections_own_test(texts: list[str]) -> None:
    sections: list[Section] = []
    offset = 0
    for text in texts:
        sections.append(Section(kind="paragraph", start=offset, end=offset + len(text), text=text))
        offset += len(text) + 1
    doc = ParsedArticle(text="\n".join(texts), sections=sections)
    masked = doc.masked_content()
    keys = campaigns._lexicon().known_keys
    expected = [campaigns._names_known(s.text.lower(), keys) for _, s in masked.content]
    assert campaigns._naming_known(masked) == expected


@pytest.mark.parametrize(
    ("folded", "words"),
    [
        ("năm nay năm 2020 nhiệm kỳ", ("năm", "nhiệm kỳ")),
        ("aaaa", ("aa", "a")),
        ("", ("năm",)),
        ("giai đoạn", ("năm",)),
    ],
)
def test_may_match_tells_a_word_inside_each_range(folded: str, words: tuple[str, ...]) -> None:
    scan = _LazyScan(regex.compile("x"), folded, folded, words)
    for start in range(len(folded) + 1):
        for end in range(start, len(folded) + 1):
            inside = any(word in folded[start:end] for word in words)
            assert scan._may_match(start, end) is inside, (start, end)
