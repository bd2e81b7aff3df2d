"""The scan for numbers in digits, run only from a section's first digit to its last, finds what
the whole scan finds: on texts whose digits sit at the edges, inside words the scan rejects, in
other scripts, or next to characters outside the BMP."""

from __future__ import annotations

import pytest

from vnunion_nlp.engine import HOLD_GIL
from vnunion_nlp.extractors.indicators.candidates import _digit_matches
from vnunion_nlp.extractors.indicators.patterns import _NO_WORDS, _Groups, _patterns


def _whole_scan(text: str) -> list[tuple[int, int, _Groups, str]]:
    return [
        (m.start(), m.end(), _Groups._make(m.groups() + _NO_WORDS), m.group(0))
        for m in _patterns().digits.finditer(text, concurrent=HOLD_GIL)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Không có con số nào ở đây.",
        "1.226 đoàn viên",
        "Đạt 739/739 (đạt 100%)",
        "Hỗ trợ 15 triệu đồng",
        "từ 90% trở lên, 2 - 3 lớp",
        "Phòng chống Covid-19",  # the last digit in a token the scan rejects
        "Covid-19 và 25 cơ sở, Covid-19",
        "Năm 2024: 07 đơn vị; văn bản 02-NQ/TW",
        "٣ đơn vị và ١٢٣ người",  # Arabic-Indic digits
        "𝟙𝟚 và 3 người 😀",  # characters outside the BMP
        "5",
        "x 5",
        "5 x",
    ],
)
def test_digit_span_scan_finds_what_the_whole_scan_finds(text: str) -> None:
    assert _digit_matches(_patterns(), text) == _whole_scan(text)
