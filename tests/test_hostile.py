"""Bad input gives an Article with warnings or a typed error: never a hang, a crash or lost offsets.

Speed targets (each case under 2 s) are measured by benchmarks/throughput.py; here a generous
alarm only turns a hang (catastrophic backtracking) into a failure instead of a stuck CI run.
"""

from __future__ import annotations

import signal
import unicodedata
from collections.abc import Callable, Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vnunion_nlp import InputError, extract, extract_html
from vnunion_nlp.records import RECORD_TYPES, Article

HANG_GUARD_SECONDS = 60
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Encode like Windows-1258 does: vowels precomposed, tone marks as combining characters."""
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in parts if c in _TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONE_MARKS))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


@pytest.fixture(autouse=True)
def hang_guard() -> Iterator[None]:
    def fail(signum: int, frame: object) -> None:
        raise TimeoutError(f"no answer after {HANG_GUARD_SECONDS} s: a hang")

    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(HANG_GUARD_SECONDS)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def assert_grounded(article: Article) -> None:
    """Every offset inside the text and every evidence equal to its slice."""
    text = article.text
    for section in [*article.sections, *article.removed]:
        assert 0 <= section.start <= section.end <= len(text)
        assert text[section.start : section.end] == section.text
    for name in RECORD_TYPES:
        for record in getattr(article, name):
            assert 0 <= record.start <= record.end <= len(text), (name, record)
            assert text[record.start : record.end] == record.text, (name, record)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000))
def test_any_unicode_string_gives_a_grounded_article(text: str) -> None:
    assert_grounded(extract(text))


_UNION_WORDS = st.sampled_from(
    ["Đại hội", "nhiệm kỳ", "2020 - 2025", "lần thứ", "VII", "đồng chí", "Nguyễn Văn", "Chủ tịch",
     "LĐLĐ", "tỉnh", "“", "”", "1.226", "739/739", "(đạt 100%)", "số", "02-NQ/TW", "ngày",
     "12/6/2021", "phong trào", "thi đua", "khóa", "X", ",", ".", ";", "\n", "triệu đồng", "bầu",
     "gồm", "5", "Ảnh:", "- ", "Một là:", "CÔNG ĐOÀN"]
)  # fmt: skip


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_UNION_WORDS, max_size=120).map(" ".join))
def test_union_word_salad_gives_a_grounded_article(text: str) -> None:
    assert_grounded(extract(text))


def _cases() -> dict[str, Callable[[], str | bytes]]:
    return {
        "10 MB article": lambda: ("Công đoàn tỉnh tổ chức Đại hội lần thứ VII, nhiệm kỳ 2020 - 2025. " * 160_000)[:10_000_000],
        "1 MB line without spaces": lambda: "đ" * 1_000_000,
        "list leads only": lambda: "các đồng chí: " * 21_500,
        "one name repeated": lambda: "Ông Nguyễn Văn An phát biểu. " * 2_000,
        "nhiệm kỳ repeated 100,000 times": lambda: "nhiệm kỳ " * 100_000,
        "50,000 quote characters": lambda: "“" * 25_000 + '"' * 25_000,
        "mojibake": lambda: "CÃ´ng Ä‘oÃ n tá»‰nh tá»• chá»©c Ä\u2018áº¡i há»™i",
        "CP1258 bytes": lambda: to_cp1258("Công đoàn tỉnh tổ chức Đại hội nhiệm kỳ 2023 - 2028"),
        "UTF-16 bytes": lambda: "Công đoàn tỉnh tổ chức Đại hội".encode("utf-16"),
        "empty": lambda: "",
        "only spaces": lambda: " \n\t\u00a0\n ",
        "digits and slashes": lambda: "1/" * 200_000,
        "roman numerals": lambda: "lần thứ " + "X" * 100_000,
        "commas": lambda: "Chủ tịch, " * 100_000,
        "document type words only": lambda: "Nghị quyết số 12 " * 20_000,
        "75,000 one-word lines": lambda: " a \n" * 75_000,
    }  # fmt: skip


@pytest.mark.parametrize("case", list(_cases()))
def test_fixed_hostile_inputs_give_an_article(case: str) -> None:
    article = extract(_cases()[case]())
    assert_grounded(article)
    if not article.text.strip():
        assert article.warnings


def test_huge_input_is_cut_with_a_warning() -> None:
    article = extract(_cases()["10 MB article"]())
    assert "W002" in {w.code for w in article.warnings}


def test_too_many_lines_are_cut_with_a_warning() -> None:
    article = extract(_cases()["75,000 one-word lines"]())
    assert article.text.count("\n") < 3_000
    assert "W002" in {w.code for w in article.warnings}


def test_endless_document_mentions_are_read_up_to_a_cap_with_a_warning() -> None:
    article = extract(_cases()["document type words only"]())
    assert 0 < len(article.documents) <= 400
    assert "W008" in {w.code for w in article.warnings}


def _officials_capped(article: Article) -> bool:
    return any(w.code == "W008" and "officials:" in w.message for w in article.warnings)


def test_endless_list_leads_are_read_up_to_a_cap_with_a_warning() -> None:
    article = extract(_cases()["list leads only"]())
    assert article.officials == []
    assert _officials_capped(article)


def test_endless_name_mentions_are_read_up_to_a_cap_with_a_warning() -> None:
    article = extract(_cases()["one name repeated"]())
    assert [o.name for o in article.officials] == ["Nguyễn Văn An"]
    assert _officials_capped(article)


def test_mojibake_is_repaired_with_a_warning() -> None:
    article = extract("CÃ´ng Ä‘oÃ\u00a0n tá»‰nh tá»• chá»©c há»™i nghá»‹")
    assert article.text.startswith("Công đoàn tỉnh")
    assert "W003" in {w.code for w in article.warnings}


def test_cp1258_bytes_are_decoded_and_reported() -> None:
    article = extract(to_cp1258("Công đoàn tỉnh Hà Giang tổ chức đại hội"))
    assert article.text == "Công đoàn tỉnh Hà Giang tổ chức đại hội"
    assert any(w.code == "W007" and "cp1258" in w.message for w in article.warnings)


@pytest.mark.parametrize(
    "junk",
    [bytes(range(256)) * 40, b"\x00" * 5000, b"\x89PNG\r\n\x1a\n" + bytes(4000)],
    ids=["all byte values", "NULs", "PNG header"],
)
def test_binary_bytes_raise_a_typed_error(junk: bytes) -> None:
    with pytest.raises(InputError):
        extract(junk)


@pytest.mark.parametrize(
    "value", [None, 42, ["a"], object()], ids=["None", "int", "list", "object"]
)
def test_non_text_argument_raises_a_typed_error(value: object) -> None:
    with pytest.raises(InputError):
        extract(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "html",
    ["<div>" * 10_000 + "Công đoàn" + "</div>" * 10_000, "<html><body><p>Lao động", "", "<<<>>>"],
    ids=["nested 10,000 deep", "unclosed", "empty", "garbage"],
)
def test_malformed_html_gives_an_article(html: str) -> None:
    assert_grounded(extract_html(html))
