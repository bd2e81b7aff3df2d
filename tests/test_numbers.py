"""Vietnamese number parsing (vnunion_nlp.numbers); the module's doctests are the spec too."""

from __future__ import annotations

import pytest

from vnunion_nlp.numbers import (
    Quantity,
    parse_money,
    parse_number,
    parse_number_words,
    parse_percent,
    parse_quantity,
    parse_range,
    parse_ratio,
    parse_roman,
    scale,
)

# fmt: off
NUMBERS = [
    ("1.226", 1226), ("20.300", 20300), ("15,5", 15.5), ("07", 7), ("1.292.184", 1292184),
    ("0,7", 0.7), ("12", 12), ("", None), ("1.2", None), ("abc", None), ("12a", None),
]
WORDS = [
    ("một", 1), ("hai", 2), ("ba", 3), ("bốn", 4), ("tư", 4), ("năm", 5), ("sáu", 6), ("bảy", 7),
    ("tám", 8), ("chín", 9), ("mười", 10), ("mười lăm", 15), ("hai mươi", 20),
    ("hai mươi mốt", 21), ("ba mươi tư", 34), ("chín mươi lăm", 95), ("một trăm", 100),
    ("hai trăm linh năm", 205), ("ba nghìn", 3000), ("bốn ngàn", 4000),
    ("năm triệu", 5_000_000), ("hai tỷ", 2_000_000_000), ("ba tỉ", 3_000_000_000),
    ("hàng trăm", 100), ("hàng chục", 10), ("hai chục", 20), ("hàng trăm nghìn", 100_000), ("hàng nghìn tỷ", 1_000_000_000_000),
    ("một triệu hai trăm nghìn", 1_200_000), ("vài trăm", 100),
    ("một số", None), ("", None), ("lần thứ", None),
    ("năm một", None), ("hai ba", None), ("mười lăm vạn", 150_000), ("ba vạn", 30_000),
]
MONEY = [
    ("15 triệu đồng", (15_000_000, "VND")), ("hơn 40 tỉ đồng", (40_000_000_000, "VND")),
    ("765 triệu đồng", (765_000_000, "VND")), ("2.600 tỷ đồng", (2_600_000_000_000, "VND")),
    ("1,5 tỷ đồng", (1_500_000_000, "VND")), ("300.000 đồng", (300_000, "VND")),
    ("12,5 tỷ USD", (12_500_000_000, "USD")), ("hàng trăm triệu đồng", (100_000_000, "VND")),
    ("khoảng 4 triệu đồng", (4_000_000, "VND")),
    ("5 đồng chí", None), ("15 triệu", None), ("đồng", None),
    ("2 vạn đồng", (20_000, "VND")),
]
PERCENTS = [("81%", 81.0), ("15,5%", 15.5), ("100 %", 100.0), ("81", None), ("%", None)]
RATIOS = [
    ("739/739", (739, 739)), ("1.076/1.317", (1076, 1317)), ("24 / 28", (24, 28)),
    ("28/3", None), ("5/0", None), ("20/5/2020", None),
]
RANGES = [
    ("2 - 3", (2, 3)), ("2-3", (2, 3)), ("1 – 2", (1, 2)), ("từ 2 đến 3", (2, 3)),
    ("300-500", (300, 500)), ("1,5 - 2", (1.5, 2)), ("3-2", None), ("2 - 2", None),
]
QUANTITIES = [
    ("81%", Quantity(81, unit="%")),
    ("2 - 3%", Quantity(2, value_max=3, unit="%")),
    ("739/739", Quantity(739, total=739)),
    ("hơn 40 tỉ đồng", Quantity(40_000_000_000, unit="VND")),
    ("hàng trăm nghìn", Quantity(100_000, approximate=True)),
    ("1 - 2", Quantity(1, value_max=2)),
    ("07", Quantity(7)),
    ("ngày mai", None),
    ("", None),
]
ROMANS = [("VII", 7), ("XIII", 13), ("X", 10), ("XIX", 19), ("IIII", None), ("", None), ("vii", None)]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), NUMBERS, ids=[t or "empty" for t, _ in NUMBERS])
def test_parse_number(text: str, expected: float | None) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(("text", "expected"), WORDS, ids=[t or "empty" for t, _ in WORDS])
def test_parse_number_words(text: str, expected: int | None) -> None:
    assert parse_number_words(text) == expected


@pytest.mark.parametrize(("text", "expected"), MONEY, ids=[t for t, _ in MONEY])
def test_parse_money(text: str, expected: tuple[int, str] | None) -> None:
    assert parse_money(text) == expected


@pytest.mark.parametrize(("text", "expected"), PERCENTS, ids=[t for t, _ in PERCENTS])
def test_parse_percent(text: str, expected: float | None) -> None:
    assert parse_percent(text) == expected


@pytest.mark.parametrize(("text", "expected"), RATIOS, ids=[t for t, _ in RATIOS])
def test_parse_ratio(text: str, expected: tuple[int, int] | None) -> None:
    assert parse_ratio(text) == expected


@pytest.mark.parametrize(("text", "expected"), RANGES, ids=[t for t, _ in RANGES])
def test_parse_range(text: str, expected: tuple[float, float] | None) -> None:
    assert parse_range(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"), QUANTITIES, ids=[t or "empty" for t, _ in QUANTITIES]
)
def test_parse_quantity(text: str, expected: Quantity | None) -> None:
    assert parse_quantity(text) == expected


@pytest.mark.parametrize(("text", "expected"), ROMANS, ids=[t or "empty" for t, _ in ROMANS])
def test_parse_roman(text: str, expected: int | None) -> None:
    assert parse_roman(text) == expected


def test_scale_keeps_integers() -> None:
    assert scale(15.5, "triệu") == 15_500_000
    assert isinstance(scale(15.5, "triệu"), int)
    with pytest.raises(ValueError, match="scale word"):
        scale(2, "đồng")
