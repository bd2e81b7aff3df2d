"""Vietnamese numbers: digits with dot thousands and comma decimals, Roman numerals, words.

The doctests are the specification (they run under ``pytest --doctest-modules``).

>>> parse_number("1.226")
1226
>>> parse_number("15,5")
15.5
>>> parse_number("07")
7
>>> parse_roman("XIII")
13
>>> parse_number_words("hai mươi lăm"), parse_number_words("hàng trăm nghìn")
(25, 100000)
>>> parse_money("15 triệu đồng"), parse_money("2.600 tỷ đồng")
((15000000, 'VND'), (2600000000000, 'VND'))
>>> parse_percent("15,5%"), parse_ratio("739/739"), parse_range("từ 2 đến 3")
(15.5, (739, 739), (2, 3))
>>> parse_quantity("hơn 40 tỉ đồng")
Quantity(value=40000000000, value_max=None, total=None, percent=None, unit='VND', approximate=False)

The number words form a closed grammatical class (like the Roman digits), so they live here
rather than in a data file; the cue words around numbers are in ``data/indicator_cues.yaml``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Final

import regex

from vnunion_nlp.engine import HOLD_GIL

Number = int | float

_ROMAN_VALUES: Final = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_ROMAN_RE: Final = regex.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
# Digits the Vietnamese way: dot groups thousands, comma marks decimals.
NUMBER_PATTERN: Final = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_DIGITS_RE: Final = regex.compile(NUMBER_PATTERN)

# Source: Vietnamese grammar. mốt/lăm/tư are the forms used after mươi; linh/lẻ fill a zero.
DIGIT_WORDS: dict[str, int] = {
    "không": 0,
    "một": 1,
    "mốt": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "tư": 4,
    "năm": 5,
    "lăm": 5,
    "nhăm": 5,
    "sáu": 6,
    "bảy": 7,
    "bẩy": 7,
    "tám": 8,
    "chín": 9,
}
# Scale words that close a group; values ≥ 1000 may scale everything before them.
MULTIPLIERS: dict[str, int] = {
    "trăm": 100,
    "nghìn": 1_000,
    "ngàn": 1_000,
    "vạn": 10_000,  # "15 vạn công nhân": ten thousand, still common in northern reporting
    "triệu": 1_000_000,
    "tỷ": 1_000_000_000,
    "tỉ": 1_000_000_000,
}
_FILLERS: Final = frozenset({"linh", "lẻ"})
# "hai mươi", "hai chục": times ten within a group.
_TENS: Final = frozenset({"mươi", "chục"})
# "hàng trăm", "vài nghìn": a magnitude, not an exact count.
APPROXIMATE_WORDS: Final = frozenset({"hàng", "vài", "mấy"})
# Money: the currency word after the number, to its ISO code.
CURRENCIES: dict[str, str] = {"đồng": "VND", "vnđ": "VND", "vnd": "VND", "usd": "USD"}

_MONEY_RE: Final = regex.compile(
    rf"""
    (?:(?P<approx>hàng|vài)\s+)?
    (?P<number>{NUMBER_PATTERN})?          # 15, 2.600, 1,5 (absent in "hàng trăm triệu")
    \s*(?P<scale>(?:(?:trăm|nghìn|ngàn|vạn|triệu|tỷ|tỉ)\s*)*)
    (?P<currency>đồng|vnđ|vnd|usd)
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
_RANGE_RE: Final = regex.compile(
    rf"(?:từ\s+)?(?P<low>{NUMBER_PATTERN})\s*(?:[-–—]|đến|tới)\s*(?P<high>{NUMBER_PATTERN})",
    regex.IGNORECASE,
)
_RATIO_RE: Final = regex.compile(rf"(?P<part>{NUMBER_PATTERN})\s*/\s*(?P<whole>{NUMBER_PATTERN})")
_PERCENT_RE: Final = regex.compile(rf"(?P<number>{NUMBER_PATTERN})\s*%")
_COMPARATOR_WORDS: Final = regex.compile(
    r"^(?:hơn|trên|gần|khoảng|dưới|ít nhất|tối đa|không quá|đạt|là)\s+", regex.IGNORECASE
)


@dataclass(frozen=True)
class Quantity:
    """A parsed quantity: a number, a range or a ratio, with its unit when it is % or money."""

    value: Number
    value_max: Number | None = None
    total: Number | None = None
    percent: float | None = None
    unit: str | None = None
    approximate: bool = False


def parse_roman(text: str) -> int | None:
    """Value of a well-formed Roman numeral (upper case), else None.

    >>> parse_roman("VII"), parse_roman("IIII"), parse_roman("")
    (7, None, None)
    """
    if not text or not _ROMAN_RE.fullmatch(text, None, None, HOLD_GIL):
        return None
    total = 0
    for char, following in zip(text, [*text[1:], ""], strict=True):
        value = _ROMAN_VALUES[char]
        total += -value if following and _ROMAN_VALUES[following] > value else value
    return total


@functools.lru_cache(maxsize=4096)  # pure, and called for every number of every article
def parse_number(text: str) -> int | float | None:
    """Value of a number written the Vietnamese way (``1.226``, ``15,5``, ``07``), else None.

    >>> parse_number("20.300"), parse_number("1.076"), parse_number("abc")
    (20300, 1076, None)
    """
    text = text.strip()
    if not _DIGITS_RE.fullmatch(text, None, None, HOLD_GIL):
        return None
    integer, _, decimals = text.replace(".", "").partition(",")
    if decimals:
        return float(f"{integer}.{decimals}")
    return int(integer)


def _tidy(value: float) -> Number:
    """An int when the value is integral (15,5 triệu is 15500000, not 15500000.0)."""
    nearest = round(value)
    if abs(value - nearest) <= 1e-9 * max(1.0, abs(value)):
        return int(nearest)  # 32,2 × 10⁹ is 32200000000, whatever the binary float says
    return round(value, 6)


@functools.lru_cache(maxsize=4096, typed=True)  # pure; typed: 2 and 2.0 are kept apart
def scale(value: Number, words: str) -> Number:
    """``value`` times every scale word in ``words`` ("triệu", "trăm nghìn").

    >>> scale(15, "triệu"), scale(1.5, "tỷ"), scale(32.2, "tỷ"), scale(3, "")
    (15000000, 1500000000, 32200000000, 3)
    """
    result: float = value
    for word in words.lower().split():
        factor = MULTIPLIERS.get(word)
        if factor is None:
            raise ValueError(f"not a scale word: {word!r}")
        result *= factor
    return _tidy(result)


def parse_number_words(text: str) -> int | None:
    """Value of a number written in words, else None (any word that is not a numeral).

    A leading "hàng" / "vài" (an order of magnitude) is accepted; scale words without a digit
    before them count as one (``hàng trăm nghìn`` → 100000).

    >>> parse_number_words("mười lăm"), parse_number_words("ba trăm linh năm")
    (15, 305)
    >>> parse_number_words("hai nghìn tỷ"), parse_number_words("một triệu hai trăm nghìn")
    (2000000000000, 1200000)
    >>> parse_number_words("bốn mươi mốt"), parse_number_words("hàng chục")
    (41, 10)
    >>> parse_number_words("một số") is None, parse_number_words("năm một") is None
    (True, True)
    >>> parse_number_words("mười lăm vạn")
    150000
    """
    words = text.lower().split()
    if words and words[0] in APPROXIMATE_WORDS:
        words = words[1:]
    if not words:
        return None
    total = group = current = 0
    previous = ""
    for word in words:
        if word in DIGIT_WORDS:
            if previous in DIGIT_WORDS:
                return None  # "năm một" (in "2 năm một lần") is two words, not one number
            current += DIGIT_WORDS[word]
        elif word == "mười":
            current += 10
        elif word in _TENS:
            current = (current or 1) * 10
        elif word == "trăm":
            group += (current or 1) * 100
            current = 0
        elif word in MULTIPLIERS:
            factor = MULTIPLIERS[word]
            below = group + current
            if below == 0 and 0 < total < factor:
                total *= factor  # "hai nghìn tỷ": the scale applies to what came before
            else:
                total += (below or 1) * factor
            group = current = 0
        elif word not in _FILLERS:
            return None
        previous = word
    return total + group + current


def parse_money(text: str) -> tuple[Number, str] | None:
    """(amount, ISO currency) of a money expression with its scale words multiplied out.

    >>> parse_money("765 triệu đồng"), parse_money("1,5 tỷ đồng"), parse_money("500.000 đồng")
    ((765000000, 'VND'), (1500000000, 'VND'), (500000, 'VND'))
    >>> parse_money("hàng trăm triệu đồng"), parse_money("5 đồng chí")
    ((100000000, 'VND'), None)
    """
    text = _COMPARATOR_WORDS.sub("", text.strip(), concurrent=HOLD_GIL)
    match = _MONEY_RE.fullmatch(text, None, None, HOLD_GIL)
    if match is None:
        return None
    currency = CURRENCIES[match["currency"].lower()]
    scale_words = match["scale"] or ""
    if match["number"] is not None:
        number = parse_number(match["number"])
        if number is None:
            return None
        return scale(number, scale_words), currency
    value = parse_number_words(scale_words)
    return (value, currency) if value else None


def parse_percent(text: str) -> float | None:
    """Percentage of ``81%`` or ``15,5 %``, else None.

    >>> parse_percent("81%"), parse_percent("15,5 %"), parse_percent("81")
    (81.0, 15.5, None)
    """
    match = _PERCENT_RE.fullmatch(text.strip(), None, None, HOLD_GIL)
    if match is None:
        return None
    number = parse_number(match["number"])
    return None if number is None else float(number)


def parse_ratio(text: str) -> tuple[Number, Number] | None:
    """(part, whole) of ``1.076/1.317``, else None; the part may not exceed the whole.

    >>> parse_ratio("1.076/1.317"), parse_ratio("28/3")
    ((1076, 1317), None)
    """
    match = _RATIO_RE.fullmatch(text.strip(), None, None, HOLD_GIL)
    if match is None:
        return None
    part, whole = parse_number(match["part"]), parse_number(match["whole"])
    if part is None or whole is None or part > whole or whole == 0:
        return None
    return part, whole


def parse_range(text: str) -> tuple[Number, Number] | None:
    """(low, high) of ``2 - 3``, ``2-3``, ``1 – 2``, ``từ 2 đến 3``; None unless low < high.

    >>> parse_range("2-3"), parse_range("1 – 2"), parse_range("2020 - 2017")
    ((2, 3), (1, 2), None)
    """
    match = _RANGE_RE.fullmatch(text.strip(), None, None, HOLD_GIL)
    if match is None:
        return None
    low, high = parse_number(match["low"]), parse_number(match["high"])
    if low is None or high is None or low >= high:
        return None
    return low, high


def parse_quantity(text: str) -> Quantity | None:
    """The quantity of an expression: money, percentage, ratio, range, number or words.

    Comparator words in front ("hơn", "khoảng") are ignored here; the extractor reads them.

    >>> parse_quantity("15,5%")
    Quantity(value=15.5, value_max=None, total=None, percent=None, unit='%', approximate=False)
    >>> parse_quantity("2 - 3%").value_max, parse_quantity("1.110/1.317").total
    (3, 1317)
    >>> parse_quantity("hàng trăm nghìn").approximate, parse_quantity("ngày mai")
    (True, None)
    """
    text = _COMPARATOR_WORDS.sub("", text.strip(), concurrent=HOLD_GIL)
    if not text:
        return None
    money = parse_money(text)
    if money is not None:
        return Quantity(money[0], unit=money[1], approximate=_is_approximate(text))
    is_percent = text.endswith("%")
    body = text.rstrip("% ") if is_percent else text
    unit = "%" if is_percent else None
    number = parse_number(body)
    if number is not None:
        return Quantity(number, unit=unit)
    bounds = parse_range(body)
    if bounds is not None:
        return Quantity(bounds[0], value_max=bounds[1], unit=unit)
    ratio = parse_ratio(body) if not is_percent else None
    if ratio is not None:
        return Quantity(ratio[0], total=ratio[1])
    words = parse_number_words(body) if not is_percent else None
    if words is not None:
        return Quantity(words, approximate=_is_approximate(body))
    return None


def _is_approximate(text: str) -> bool:
    first = text.split(maxsplit=1)[0].lower() if text.split() else ""
    return first in APPROXIMATE_WORDS


__all__ = [
    "APPROXIMATE_WORDS",
    "CURRENCIES",
    "DIGIT_WORDS",
    "MULTIPLIERS",
    "NUMBER_PATTERN",
    "Number",
    "Quantity",
    "parse_money",
    "parse_number",
    "parse_number_words",
    "parse_percent",
    "parse_quantity",
    "parse_range",
    "parse_ratio",
    "parse_roman",
    "scale",
]
