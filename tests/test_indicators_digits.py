"""The guarded scan for numbers in digits matches exactly what the unguarded one matches.

``_digits_pattern(guarded=True)`` (``_Patterns.digits``) skips the optional parts after a
value where a look-ahead shows none of them can start; these tests pin that it finds the same
spans and groups as the pattern without the guard, on tricky inputs and on random text.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnunion_nlp.extractors.indicators.patterns import _digits_pattern, _patterns

_PLAIN = _digits_pattern(guarded=False)


def _found(
    pattern_text: str, guarded: bool
) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    pattern = _patterns().digits if guarded else _PLAIN
    return [(m.span(), m.groups()) for m in pattern.finditer(pattern_text)]


@pytest.mark.parametrize(
    "text",
    [
        "1.234.5 người",
        "ngày 20/5/2020 tại",
        "lãi 12,5%/năm",
        "3-4-5 lần",
        "lúc 17:23 hôm",
        "mục 1.2.3",
        "Covid-19 và 19 ca",
        "٣٤ người, ١٢٫٥%",  # Arabic-Indic digits
        "１２３ đoàn viên ５%",  # fullwidth digits
        "12 İ 3 TRİỆU",
        "5 ſ 7 triệu",
        "2 - 3 - 4 người",
        "70%-75% và 85 % đến 90 %",
        "từ 85% tới 90%, 10 TỚI 12",
        "739/739 đoàn viên (đạt 100%)",
        "47 / 48 (tỷ lệ 97,9 %)",
        "500.000đ/suất, 10kg, 3 VNĐ, 4 vnd, 5 KG, 6 Kg",
        "1,5 triệu, 2 trăm nghìn tỷ, 3 tỷ lệ, 4 Tỉ",
        "12  triệu và 13\ttriệu, 14\u00a0tỷ",
        "12 tr 13 ng 14 tri 15 đế",
        "số 02-NQ/TW và 153/2016/NĐ-CP",
        "12",
        "12 ",
        "12%",
        "12 %",
        "12/",
        "12-",
        "12 đến",
        "x12 _12 .12 ,12 :12 -12 –12 12_ 12a",
        "4,8%/năm 500.000đ/suất 12/ năm",
        "1.000.000,50 đồng; 1.00 và 1.0000",
        "3 v 4 vạn 5 ván 6 k 7 đ 8 Đ",
        "9 —10 và 11— 12",
        "13\n/14 và 15 \n- 16",
    ],
)
def test_guarded_digits_match_the_plain_pattern(text: str) -> None:
    assert _found(text, guarded=True) == _found(text, guarded=False)


_PIECES = [
    *"0123456789",
    "٣",
    "５",
    *".,/:-–—%",
    " ",
    "  ",
    "\n",
    "\u00a0",
    *"đĐvVkKtTnNgGhHiIİſ",
    "đến",
    "tới",
    "trăm",
    "nghìn",
    "ngàn",
    "vạn",
    "triệu",
    "tỷ",
    "tỉ",
    "lệ",
    "vnđ",
    "kg",
    "(đạt ",
    ")",
    "người",
]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=24).map("".join))
def test_guarded_digits_match_the_plain_pattern_on_random_text(text: str) -> None:
    assert _found(text, guarded=True) == _found(text, guarded=False)
