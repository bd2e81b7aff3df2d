"""``_names_in_quotes`` keeps only the spans that hold a candidate's start and stops after the
last one: for every start it must answer as the full list of quoted names does."""

from __future__ import annotations

import pytest

from vnunion_nlp.extractors.indicators.candidates import _inside, _names_in_quotes
from vnunion_nlp.extractors.indicators.patterns import _patterns


def _all_names(text: str) -> list[tuple[int, int]]:
    """Every quoted name of ``text``, whatever the candidates (what the filter stands for)."""
    pat = _patterns()
    return [
        quote.span()
        for quote in pat.quotes.finditer(text)
        if not (
            pat.speech_inside.search(quote.group(0))
            or pat.speech_after.match(text[quote.end() : quote.end() + 4])
            or pat.speech_before.search(text[max(0, quote.start() - 40) : quote.start()])
        )
    ]


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("Phong trào “Xanh 3 sạch” có 20 người", [17, 28]),  # inside, then outside
        ("Có 20 người dự “Ngày 5 tốt”", [3]),  # the only quote opens after the last start
        ('“5 điều” và "10 việc" nữa', [1, 13]),  # a start right after each opening quote
        ('“5 điều” và "10 việc" nữa', [0, 12]),  # a start on the quote itself
        ("Chương trình “Mái ấm” có 7 hộ, “Tết 2 lần”", [24, 35]),  # a quote without a start
        ("Ông A cho biết: “Có 30 người dự”, và “Quỹ 4 mùa”", [20, 42]),  # speech, then a name
        ("Kế hoạch “12 tháng” 8 việc", [7, 10, 19, 20]),  # starts before, inside, at the end
        ("Không có dấu ngoặc 5 nào", [19]),
        ("“Mở ngoặc 6 không đóng", [10]),
        ("", []),
    ],
)
def test_names_in_quotes_answers_as_every_name(text: str, starts: list[int]) -> None:
    spans = _names_in_quotes(_patterns(), text, starts)
    names = _all_names(text)
    assert [_inside(start, spans) for start in starts] == [
        _inside(start, names) for start in starts
    ]
    assert set(spans) <= set(names)
