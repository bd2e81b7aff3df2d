"""Vietnamese numbers: digits with dot thousands and comma decimals, Roman numerals, words.

>>> parse_number("1.226")
1226
>>> parse_number("15,5")
15.5
>>> parse_number("07")
7
>>> parse_roman("XIII")
13
"""

from __future__ import annotations

import regex

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_ROMAN_RE = regex.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_DIGITS_RE = regex.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")


def parse_roman(text: str) -> int | None:
    """Value of a well-formed Roman numeral (upper case), else None.

    >>> parse_roman("VII"), parse_roman("IIII"), parse_roman("")
    (7, None, None)
    """
    if not text or not _ROMAN_RE.fullmatch(text):
        return None
    total = 0
    for char, following in zip(text, [*text[1:], ""], strict=True):
        value = _ROMAN_VALUES[char]
        total += -value if following and _ROMAN_VALUES[following] > value else value
    return total


def parse_number(text: str) -> int | float | None:
    """Value of a number written the Vietnamese way (``1.226``, ``15,5``, ``07``), else None.

    >>> parse_number("20.300"), parse_number("1.076"), parse_number("abc")
    (20300, 1076, None)
    """
    text = text.strip()
    if not _DIGITS_RE.fullmatch(text):
        return None
    integer, _, decimals = text.replace(".", "").partition(",")
    if decimals:
        return float(f"{integer}.{decimals}")
    return int(integer)
