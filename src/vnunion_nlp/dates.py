"""Dates written in the body of Vietnamese news: find them, with offsets, and resolve them.

Public API
----------
``DateMention``
    One date as written: ``start``/``end`` offsets into the text, ``text`` (the evidence, from the
    part of day or "ngày" cue to the last digit: "Chiều 28/3", "ngày 12/6/2021"), the resolved
    ``date`` (``None`` when the year is unknown), ``year_inferred`` (the year came from
    ``reference_year``) and ``part_of_day`` ("sáng", "chiều", "tối", "trưa", lower case).
    A range of days in one month ("ngày 19 và 20/7", "từ ngày 1 đến 3/12/2023", "16-17/5/2023")
    is one mention: ``date`` is its first day, ``date_end`` its last.
``find_dates(text, reference_year=None)``
    Every full date (day and month, year optional) in a text, in order.
``date_at_start(text, reference_year=None)``
    The date that opens a text, if one does: ``find_dates(text)[0]`` when that starts at 0.
``resolve_date(text, reference_year=None)``
    The first date in a short string ("Chiều 28/3", "ngày 20 tháng 5 năm 2020").

What counts as a date
---------------------
Only dates with a day: "tháng 5/2020" (a month) is skipped, not turned into the first of the month,
because a made-up day would look as precise as a real one. Forms:

* numeric ``D/M/YYYY``, ``D-M-YYYY``, ``D.M.YYYY`` (one separator throughout);
* numeric ``D/M`` and ``D-M`` without a year, only after a cue (``ngày``, a part of day, a
  weekday), because bare "2/3" is more often a fraction ("2/3 số đoàn viên") than a date;
* words: ``[ngày|mùng|mồng] D tháng M [năm YYYY]`` (a cue or the year is required).

Numbers glued to other digits, slashes or letters are not dates: ratios ("1.076/1.317",
"739/739"), document symbols ("677/LĐLĐ-TCTGNC", "15/2019/NĐ-CP"). Impossible days (31/2) are
rejected. A date without a year takes ``reference_year`` (``year_inferred=True``); without one its
``date`` is ``None``.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Final

import regex

from vnunion_nlp.engine import HOLD_GIL

__all__ = ["DateMention", "date_at_start", "find_dates", "resolve_date"]

MIN_YEAR: Final = 1900
MAX_YEAR: Final = 2100
# A leap year, to check "29/2" when the year is unknown.
_ANY_LEAP_YEAR: Final = 2000

# The cue before a date: part of day, weekday, "ngày". The calendar's own words (a closed set of
# grammar, not domain vocabulary), so they live here rather than in a data file.
_CUE: Final = r"""
    (?:
        (?P<pod>sáng|chiều|tối|trưa)(?:\s+nay)?\s*,?\s+        # part of day: "Chiều 28/3"
    )?
    (?:
        (?P<weekday>thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)  # "thứ Sáu, 28/3"
        \s*[,(]?\s*
    )?
    (?:(?P<ngay>ngày|mùng|mồng)\s+)?
"""

# Digits of a date must stand alone: not glued to a digit, slash, decimal point or letter before,
# nor followed by a digit, slash, letter, or ".5"/",5"/"-5" (ratios, decimals, symbols).
_BEFORE: Final = r"(?<![\p{L}\d/.,\-])"
_AFTER: Final = r"(?![\p{L}\d/]|[.,\-]\d)"

_NUMERIC: Final = regex.compile(
    rf"""
    (?<![\p{{L}}\d])                      # the cue (or the day) starts a word
    {_CUE}
    {_BEFORE}
    (?P<day>\d{{1,2}})
    (?P<sep>[/.\-])
    (?P<month>\d{{1,2}})
    (?:(?P=sep)(?P<year>\d{{4}}))?        # the same separator throughout
    {_AFTER}
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# "ngày 19 và 20/7", "16 - 17/5/2023": a range shares the month (and year) of its last day, so
# reading only the last day ("20/7") would give the wrong start of a two-day congress.
_RANGE: Final = regex.compile(
    rf"""
    (?<![\p{{L}}\d])
    {_CUE}
    {_BEFORE}
    (?P<day>\d{{1,2}})
    \s*(?:và|đến|-|–)\s*(?:ngày\s+)?
    (?P<day2>\d{{1,2}})
    (?P<sep>[/.\-])
    (?P<month>\d{{1,2}})
    (?:(?P=sep)(?P<year>\d{{4}}))?
    {_AFTER}
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

_WORDS: Final = regex.compile(
    rf"""
    (?<![\p{{L}}\d])
    {_CUE}
    (?P<day>\d{{1,2}})\s+tháng\s+(?P<month>\d{{1,2}})
    (?:\s*(?:năm\s+|,\s*)(?P<year>\d{{4}}))?
    (?![\p{{L}}\d/])
    """,
    regex.VERBOSE | regex.IGNORECASE,
)


@dataclass(frozen=True)
class _Groups:
    """The indices of the groups of a date pattern (read by index: see ``vnunion_nlp.lexicon``)."""

    pod: int
    weekday: int
    ngay: int
    day: int
    day2: int | None  # only in ``_RANGE``
    sep: int | None  # only in the numeric forms, ``_RANGE`` and ``_NUMERIC``
    month: int
    year: int


def _groups(pattern: regex.Pattern[str]) -> _Groups:
    index = pattern.groupindex
    return _Groups(
        pod=index["pod"],
        weekday=index["weekday"],
        ngay=index["ngay"],
        day=index["day"],
        day2=index.get("day2"),
        sep=index.get("sep"),
        month=index["month"],
        year=index["year"],
    )


_PATTERNS: Final = tuple((pattern, _groups(pattern)) for pattern in (_RANGE, _NUMERIC, _WORDS))


@dataclass(frozen=True)
class DateMention:
    """A date as written in a text. ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    date: dt.date | None
    year_inferred: bool
    part_of_day: str | None
    date_end: dt.date | None = None  # the last day of a range, else None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _mention(
    m: regex.Match[str], groups: _Groups, reference_year: int | None
) -> DateMention | None:
    day, month = int(m[groups.day]), int(m[groups.month])
    year_text = m[groups.year]
    part_of_day = m[groups.pod]
    cued = bool(part_of_day or m[groups.weekday] or m[groups.ngay])
    if year_text is None:
        # "2/3", "1.5" alone are fractions and decimals; a yearless date needs its cue, and the
        # dot form needs its year ("28.3" is a decimal even after "ngày" too rarely to matter).
        if not cued or (groups.sep is not None and m[groups.sep] == "."):
            return None
        if not _valid(_ANY_LEAP_YEAR, month, day):
            return None
        if reference_year is None or not _valid(reference_year, month, day):
            date, inferred = None, False
        else:
            date, inferred = dt.date(reference_year, month, day), True
    else:
        year = int(year_text)
        if not (MIN_YEAR <= year <= MAX_YEAR) or not _valid(year, month, day):
            return None
        date, inferred = dt.date(year, month, day), False
    pod = part_of_day.lower() if part_of_day else None
    date_end: dt.date | None = None
    if groups.day2 is not None:
        day2 = int(m[groups.day2])
        if day2 <= day or not _valid(_ANY_LEAP_YEAR, month, day2):
            return None
        if date is not None:
            if not _valid(date.year, month, day2):
                return None
            date_end = date.replace(day=day2)
    return DateMention(m.start(), m.end(), m.group(0), date, inferred, pod, date_end)


def find_dates(text: str, reference_year: int | None = None) -> list[DateMention]:
    """Every date with a day in ``text``, in order of position, never overlapping.

    >>> [(d.text, d.date) for d in find_dates("Chiều 28/3, đại hội khai mạc", 2023)]
    [('Chiều 28/3', datetime.date(2023, 3, 28))]
    >>> d = find_dates("sáng 1/12/2023 tại hội trường")[0]
    >>> (d.date, d.part_of_day, d.year_inferred)
    (datetime.date(2023, 12, 1), 'sáng', False)
    >>> [d.date for d in find_dates("ngày 20 tháng 5 năm 2020 và 28-3-2023, 28.3.2023")]
    [datetime.date(2020, 5, 20), datetime.date(2023, 3, 28), datetime.date(2023, 3, 28)]
    >>> find_dates("đạt 1.076/1.317 người; 739/739; số 677/LĐLĐ-TCTGNC; ngày 31/2/2020")
    []
    >>> find_dates("ngày 28/3")[0].date is None  # no year, no reference year
    True
    """
    found: list[DateMention] = []
    for pattern, groups in _PATTERNS:
        for m in pattern.finditer(text, concurrent=HOLD_GIL):
            mention = _mention(m, groups, reference_year)
            if mention is not None:
                found.append(mention)
    found.sort(key=lambda d: (d.start, -d.end))
    result: list[DateMention] = []
    for mention in found:
        if not result or mention.start >= result[-1].end:
            result.append(mention)
    return result


def date_at_start(text: str, reference_year: int | None = None) -> DateMention | None:
    """The date that opens ``text``: ``find_dates(text)[0]`` if it starts at 0, else ``None``.

    A reader that wants only a date right where it stands spares the search of the rest: where
    a pattern matches at 0, its ``match`` is the first match of its ``finditer``. Of those, the
    longest wins, the first pattern on a tie, as in the stable sort of ``find_dates``.

    >>> date_at_start("ngày 12/6/2021 của Bộ").text, date_at_start("theo ngày 12/6/2021")
    ('ngày 12/6/2021', None)
    """
    best: DateMention | None = None
    for pattern, groups in _PATTERNS:
        m = pattern.match(text, None, None, HOLD_GIL)
        mention = _mention(m, groups, reference_year) if m is not None else None
        if mention is not None and (best is None or mention.end > best.end):
            best = mention
    return best


@functools.lru_cache(maxsize=4096)
def _dateparser_fallback(text: str) -> dt.date | None:
    # dateparser handles word forms our rules do not ("20 tháng Năm, 2020", month names), but it
    # is slow, misses "Chiều 28/3" and "sáng 1/12/2023", and reads relative words ("hôm nay")
    # as today; so it runs last, on short strings with a digit, needs a full date, and is cached.
    import dateparser  # deferred: importing it costs more than all our regexes

    parsed = dateparser.parse(
        text,
        languages=["vi"],
        settings={
            "DATE_ORDER": "DMY",
            "REQUIRE_PARTS": ["day", "month", "year"],
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    if parsed is None or not (MIN_YEAR <= parsed.year <= MAX_YEAR):
        return None
    result: dt.date = parsed.date()
    return result


def resolve_date(text: str, reference_year: int | None = None) -> dt.date | None:
    """The first date in a short string, or ``None``.

    Our rules first (see ``find_dates``); dateparser only when they find nothing.

    >>> resolve_date("Chiều 28/3", 2023)
    datetime.date(2023, 3, 28)
    >>> resolve_date("ngày 12/6/2021")
    datetime.date(2021, 6, 12)
    >>> resolve_date("20 tháng Năm, 2020")
    datetime.date(2020, 5, 20)
    >>> resolve_date("tháng 5/2020") is None
    True
    """
    mentions = find_dates(text, reference_year)
    if mentions:
        return mentions[0].date
    if len(text) > 60 or not any(c.isdigit() for c in text):
        return None
    return _dateparser_fallback(text.strip())
