"""Exact fast paths of the officials extractor, pinned against the slow way they stand for."""

from __future__ import annotations

from unittest import mock

import pytest
import regex

from vnunion_nlp.extractors.officials import _post_clause, _post_taken, names
from vnunion_nlp.extractors.officials.names import _place_back_to_title, _word_end
from vnunion_nlp.extractors.officials.patterns import _PLACE_BEFORE, _PUNCT, _patterns
from vnunion_nlp.extractors.officials.roles import _COMBINING_MARK, _folded_word, _role_before
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
        "“Ông”,",  # marks stripped at both ends
        "…",  # marks alone: no word
        "(İ)",  # stripped, then the combining dot of its lower case
        "(a\u0301)",  # stripped, then a combining mark
        "(ΑΣ).",  # a final sigma before a mark
        "-x²-",
        "TP.HCM,",  # a mark inside
        "'_'",
        "(2023)",
    ],
)
def test_folded_word_as_the_slow_way(word: str) -> None:
    assert _folded_word(word) == _slow_folded_word(word)


@pytest.mark.parametrize(
    ("text", "section_end"),
    [
        ("ông Nguyễn Văn Hùng phát biểu", None),
        ("ông Nguyễn Văn An's nói", None),
        ("ông Nguyễn Văn An’ nói", None),
        ("ông Nguyễn Văn An-Đê nói", None),
        ("ông Nguyễn Văn An-", None),
        ("ông H' Hen Niê, Phó Chủ tịch", None),
        ("ông Lê Văn Tám-Đê.", None),
        ("ông Nguyễn Văn\nKhải cho biết", None),
        ("ông Nguyễn Văn Hùng", None),
        ("ông Nguyễn Văn Hùng2", None),
        ("ông Nguyễn Văn Hùngxyz", 19),  # a name read in its section alone, a letter after it
    ],
)
def test_word_end_of_a_whole_name(text: str, section_end: int | None) -> None:
    start = text.index(" ") + 1
    named = _patterns().name_at.match(text, start, section_end or len(text))
    assert named is not None
    count = len(named.group().split())
    assert _word_end(text, start, count, named.end()) == _word_end(text, start, count)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Chủ tịch UBND tỉnh Sơn", "La Cầm Văn Chính phát biểu"),
        ("Chủ tịch LĐLĐ TP.", "Hà Nội Phạm Bá Vĩnh"),
        ("Chủ tịch LĐLĐ TP.", "Hồ Chí Minh Trần Văn A"),
        ("Giám đốc", "Nguyễn Văn A"),
        ("Giám đốc", "Anh Văn B"),
    ],
)
def test_place_back_to_title_as_the_slow_way(title: str, text: str) -> None:
    fast = _place_back_to_title(title, text, 0)
    with mock.patch.object(names, "_place_words", return_value=("",)):
        assert _place_back_to_title(title, text, 0) == fast


@pytest.mark.parametrize(
    "before",
    [
        "hội nghị, đồng chí ",
        "Chủ tịch UBND tỉnh ",
        "xã\n",
        "TP. ",
        "Tp.\n\n",
        "TRƯỜNG  ",
        "tỉnhx ",
        "",
    ],
)
def test_place_before_read_from_the_end_as_a_search(before: str) -> None:
    forward = regex.compile(_PLACE_BEFORE.pattern.removeprefix("(?r)"))
    assert bool(_PLACE_BEFORE.match(before)) == bool(forward.search(before))


@pytest.mark.parametrize(
    "after",
    [
        " được bầu làm Chủ tịch Công đoàn cơ sở.",
        " tái đắc cử chức danh Bí thư Chi bộ",
        " được bầu giữ chức Phó Chủ tịch",
        ", xlàm Chủ tịch, làm Chủ tịch LĐLĐ",
        " làm làm Trưởng đoàn",
        " đắc cử Chủ tịch HĐND và ông B được bầu làm Phó",
        " phát biểu tại hội nghị",
        "",
    ],
)
def test_post_taken_as_a_search_of_the_clause(after: str) -> None:
    clause = _post_clause(after, 0, [])
    found = _post_taken(after, 0, [])
    expected = _patterns().post_taken.search(clause)
    assert (found and found.span()) == (expected and expected.span())


def _slow_role_before(before: str) -> str | None:
    pat = _patterns()
    nearest = None
    for nearest in pat.roles_before.finditer(before):  # noqa: B007 - the last cue
        pass
    return pat.role_groups[nearest.lastgroup] if nearest is not None and nearest.lastgroup else None


@pytest.mark.parametrize(
    "before",
    [
        "",
        "theo",
        "theo ong",  # anchored at the start
        "va theo ong",  # not at the start
        "con theo ong",
        "du hoi nghi co",
        "du hoi nghi co su tham du cua",  # a cue inside the match before is skipped
        "tham du le co ong",  # "du … co" inside "tham du … co"
        "du du du co co",  # repeated openers, overlapping padded finds
        "dung co",  # an opener inside a word
        "bau ban chap hanh va duoc tuyen duong",  # the last cue wins
        "trao tang bang khen cho",  # "tang bang khen cho" inside "trao tang … cho"
        "du a b c d e f g h i j k l m co",  # more words between than a cue reads
        "tp hcm du co",
    ],
)
def test_role_before_as_a_search(before: str) -> None:
    assert _role_before(before) == _slow_role_before(before)
