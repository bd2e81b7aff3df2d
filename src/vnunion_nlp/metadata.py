"""Article metadata from its lines: publication time, authors, photo credits.

Datelines come in the site forms ``Thứ Sáu, 22/05/2020 | 17:23``, ``20:06 23/01/2025``,
``Đăng lúc: Thứ ba - 28/04/2020 15:50``, ``Cập nhật: 08:15 12/09/2022`` and the long form
``ngày 22 tháng 5 năm 2020``. Numeric forms are read by the rules below, which also fix the day
order (Vietnamese dates are day first); dateparser is the fallback for a dateline cue followed by a
form the rules do not know.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from typing import Final
from zoneinfo import ZoneInfo

import dateparser
import regex

from vnunion_nlp.cues import LayoutCues
from vnunion_nlp.engine import HOLD_GIL
from vnunion_nlp.lexicon import load_yaml
from vnunion_nlp.normalize import fold

VIETNAM: Final = ZoneInfo("Asia/Ho_Chi_Minh")


@functools.cache
def layout_cues() -> LayoutCues:
    return load_yaml("layout.yaml", LayoutCues)


_DATE: Final = regex.compile(
    r"""(?<![\d/.-])
    (?: (?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})              # 22/05/2020
      | ngày\s+(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2}),?\s+năm\s+(?P<y2>\d{4}) )  # long form
    (?![\d/])""",
    regex.VERBOSE | regex.IGNORECASE,
)
# Every date holds a digit: looking for one costs a quarter of trying the date (measured).
_DIGIT: Final = regex.compile(r"\d")  # not `re`: its Unicode tables are older, with fewer digits
_TIME: Final = regex.compile(r"(?<![\d/:])(?P<H>[01]?\d|2[0-3])\s*[:hg]\s*(?P<M>[0-5]\d)(?![\d/])")
# Opens with the cue word, not with the "(" before it, so that it is tried only where the word
# is (measured: 5× faster over every line); the "(" is stripped from the caption instead.
_CREDIT_CUES: Final = ("Ảnh", "Ảnh minh họa", "Nguồn ảnh")
_MAX_CREDIT: Final = 60  # characters of the credit
_CREDIT: Final = regex.compile(
    rf"(?:{'|'.join(_CREDIT_CUES)})\s*:\s*(?P<credit>[^()\n]{{1,{_MAX_CREDIT}}}?)\s*\)?\s*$",
    regex.IGNORECASE,
)
# Read by index (see ``vnunion_nlp.lexicon``).
_CREDIT_GROUP: Final = _CREDIT.groupindex["credit"]
# A cue matches only text of its own length, opening with its first letter in either case (no
# full case folding).
_CREDIT_CUE_LENGTHS: Final = frozenset(len(cue) for cue in _CREDIT_CUES)
_CREDIT_CUE_FIRSTS: Final = frozenset(
    c for cue in _CREDIT_CUES for c in (cue[0].lower(), cue[0].upper())
)
# The longest byline and dateline, in words (`sections` skips longer lines before the split).
MAX_BYLINE_WORDS: Final = 12
MAX_DATELINE_WORDS: Final = 30
# Compiled once: `regex.search(pattern, …)` looks its pattern up in a cache at every call.
_TWO_LETTERS: Final = regex.compile(r"\p{L}{2}")
_UNIT_DASH: Final = regex.compile(r"\s+[-–]\s+")
_NAME_SPLIT: Final = regex.compile(r"\s+-\s+|\s*[,;]\s+|\s+và\s+")


def parse_datetime(line: str) -> dt.datetime | None:
    """Publication time in a dateline, aware in Asia/Ho_Chi_Minh; None when there is none.

    >>> parse_datetime("Thứ Sáu, 22/05/2020 | 17:23").isoformat()
    '2020-05-22T17:23:00+07:00'
    >>> parse_datetime("20:06 23/01/2025").isoformat()
    '2025-01-23T20:06:00+07:00'
    >>> parse_datetime("Cập nhật ngày 22 tháng 5 năm 2020").isoformat()
    '2020-05-22T00:00:00+07:00'
    """
    match = _DATE.search(line, None, None, HOLD_GIL)
    if match is None:
        return _fallback_datetime(line)
    day = int(match["d"] or match["d2"])
    month = int(match["m"] or match["m2"])
    year = int(match["y"] or match["y2"])
    outside_date = line[: match.start()] + " " + line[match.end() :]
    time = _TIME.search(outside_date, None, None, HOLD_GIL)
    hour, minute = (int(time["H"]), int(time["M"])) if time else (0, 0)
    try:
        return dt.datetime(year, month, day, hour, minute, tzinfo=VIETNAM)
    except ValueError:
        return None


def _fallback_datetime(line: str) -> dt.datetime | None:
    folded = fold(line)
    if not folded.startswith(layout_cues().dateline_cues):
        return None
    value = line.split(":", 1)[1] if ":" in line else line
    parsed = dateparser.parse(
        value,
        languages=["vi"],
        settings={
            "DATE_ORDER": "DMY",
            "TIMEZONE": "Asia/Ho_Chi_Minh",
            "RETURN_AS_TIMEZONE_AWARE": True,
            "STRICT_PARSING": True,
        },
    )
    return parsed.astimezone(VIETNAM) if parsed else None


def looks_like_dateline(line: str) -> bool:
    """A short line that states a publication time (a date with a time, weekday or cue)."""
    if len(line.split(maxsplit=MAX_DATELINE_WORDS)) > MAX_DATELINE_WORDS:
        return False
    date = _DATE.search(line, None, None, HOLD_GIL) if _DIGIT.search(line) else None
    if date is None:
        return False
    folded = fold(line)
    cues = layout_cues()
    if folded.startswith(cues.dateline_cues) or any(w in folded for w in cues.weekdays):
        return True
    rest = (line[: date.start()] + line[date.end() :]).strip(" |-,")
    return bool(_TIME.fullmatch(rest, None, None, HOLD_GIL)) or not _TWO_LETTERS.search(rest)


def is_byline_cue(text: str) -> bool:
    """A short line that opens with an author or source cue ("Theo VTC14", "Tác giả: …").

    >>> is_byline_cue("Theo TTXVN"), is_byline_cue("Theo thống kê của Tổng cục, năm nay tăng 5%.")
    (True, False)
    """
    return (
        text.rstrip()[-1:] not in ".;:"
        and len(text.split(maxsplit=MAX_BYLINE_WORDS)) <= MAX_BYLINE_WORDS
        and fold(text).startswith(layout_cues().byline_prefixes)
    )


def split_photo_credit(text: str) -> tuple[str, str | None]:
    """Split a caption into its text and its photo credit ("… Ảnh: M.Đ" → M.Đ)."""
    match = _search_credit(text)
    if match is None:
        return text, None
    return text[: match.start()].rstrip(" \t("), match[_CREDIT_GROUP].strip()


def _search_credit(text: str) -> regex.Match[str] | None:
    """``_CREDIT.search(text)``, with the pattern tried only where a cue may start.

    The `regex` engine tries the cues at every position of a line (~100 ns a character), while a
    cue is followed by white space and a colon, and most lines hold no colon or one. So each cue
    is tried only where it would end before a colon and its first letter stands: stepping back
    from the colon over the white space (the pattern's ``\\s`` is white space to `str.isspace`
    too) passes every such end. A colon too far from the end of the line for the credit after it
    to fit is skipped: a paragraph saying "Ảnh: …" is no caption. The colons are read from the
    last one back, so the reading stops at the first too far away: the credit after an earlier
    colon would be longer still.
    """
    colon = text.rfind(":")
    if colon < 0:
        return None  # most lines: no colon, no credit
    credit_end = _credit_end_bound(text)
    starts: set[int] = set()
    while colon >= 0:
        credit_start = colon + 1  # at the latest: past the white space after the colon
        while credit_start < len(text) and text[credit_start].isspace():
            credit_start += 1
        if credit_end - credit_start > _MAX_CREDIT:
            break
        starts.update(_cue_starts(text, colon))
        colon = text.rfind(":", 0, colon)
    for start in sorted(starts):
        match = _CREDIT.match(text, start, None, HOLD_GIL)
        if match is not None:
            return match
    return None


def _credit_end_bound(text: str) -> int:
    """Where the credit of a match ends at the earliest: after it come only white space and one
    closing parenthesis."""
    end = len(text.rstrip())
    if text[end - 1 : end] == ")":
        end = len(text[: end - 1].rstrip())
    return end


def _cue_starts(text: str, colon: int) -> Iterator[int]:
    """Where a cue that ends before the colon, white space between, would start."""
    end = colon
    while True:
        for length in _CREDIT_CUE_LENGTHS:
            if end >= length and text[end - length] in _CREDIT_CUE_FIRSTS:
                yield end - length
        if end == 0 or not text[end - 1].isspace():
            return
        end -= 1


def authors_from_byline(text: str) -> list[str]:
    """Author names in a byline; upper-case names are title-cased.

    >>> authors_from_byline("ĐÀM NGUYỄN")
    ['Đàm Nguyễn']
    >>> authors_from_byline("Tác giả bài viết: Đàm Hải Hòa - Ban TCTGNC")
    ['Đàm Hải Hòa']
    >>> authors_from_byline("MINH ANH - HOÀNG LONG")
    ['Minh Anh', 'Hoàng Long']
    """
    folded = fold(text)
    body = text
    for prefix in layout_cues().byline_prefixes:
        if folded.startswith(prefix):
            body = text[len(prefix) :].lstrip(" :")
            # "Tác giả: Name - Department": what follows the dash is a unit, not a second author.
            body = _UNIT_DASH.split(body, maxsplit=1, concurrent=HOLD_GIL)[0]
            break
    body = body.strip(" .()")
    words = body.split()
    if not words:
        return []
    if not all(w[:1].isupper() for w in words if w[:1].isalpha() and w != "và"):
        return [body]  # an organisation as author ("Trung tâm Văn hóa, … huyện"): keep it whole
    names = [
        n.strip(" .()") for n in _NAME_SPLIT.split(body, concurrent=HOLD_GIL) if n.strip(" .()")
    ]
    # ĐÀM NGUYỄN is a name in capitals; a one-word VTC14 or ANTV is an acronym, kept as is.
    return [n.title() if n.isupper() and len(n.split()) >= 2 else n for n in names]
