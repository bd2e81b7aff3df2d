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
from zoneinfo import ZoneInfo

import dateparser
import regex

from vnunion_nlp.lexicon import DataModel, load_yaml
from vnunion_nlp.normalize import fold

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


class LayoutCues(DataModel):
    list_number_words: tuple[str, ...]
    caption_starts: tuple[str, ...]
    caption_verbs: tuple[str, ...]
    photo_credit: tuple[str, ...]
    byline_prefixes: tuple[str, ...]
    dateline_cues: tuple[str, ...]
    weekdays: tuple[str, ...]


@functools.cache
def layout_cues() -> LayoutCues:
    return load_yaml("layout.yaml", LayoutCues)


_DATE = regex.compile(
    r"""(?<![\d/.-])
    (?: (?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})              # 22/05/2020
      | ngày\s+(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2}),?\s+năm\s+(?P<y2>\d{4}) )  # long form
    (?![\d/])""",
    regex.VERBOSE | regex.IGNORECASE,
)
_TIME = regex.compile(r"(?<![\d/:])(?P<H>[01]?\d|2[0-3])\s*[:hg]\s*(?P<M>[0-5]\d)(?![\d/])")
# Opens with the cue word, not with the "(" before it, so that it is tried only where the word
# is (measured: 5× faster over every line); the "(" is stripped from the caption instead.
_CREDIT_CUES = ("Ảnh", "Ảnh minh họa", "Nguồn ảnh")
_CREDIT = regex.compile(
    rf"(?:{'|'.join(_CREDIT_CUES)})\s*:\s*(?P<credit>[^()\n]{{1,60}}?)\s*\)?\s*$",
    regex.IGNORECASE,
)
# Every cue holds this word, and each of its letters matches its two cases only (no full case
# folding): in the lower-cased text the word shows where a cue may start, found at C speed.
_CREDIT_WORD = "ảnh"
_CREDIT_WORD_OFFSETS = frozenset(cue.lower().find(_CREDIT_WORD) for cue in _CREDIT_CUES)
_MAX_BYLINE_WORDS = 12
_MAX_DATELINE_WORDS = 30
_NAME_SPLIT = regex.compile(r"\s+-\s+|\s*[,;]\s+|\s+và\s+")


def parse_datetime(line: str) -> dt.datetime | None:
    """Publication time in a dateline, aware in Asia/Ho_Chi_Minh; None when there is none.

    >>> parse_datetime("Thứ Sáu, 22/05/2020 | 17:23").isoformat()
    '2020-05-22T17:23:00+07:00'
    >>> parse_datetime("20:06 23/01/2025").isoformat()
    '2025-01-23T20:06:00+07:00'
    >>> parse_datetime("Cập nhật ngày 22 tháng 5 năm 2020").isoformat()
    '2020-05-22T00:00:00+07:00'
    """
    match = _DATE.search(line)
    if match is None:
        return _fallback_datetime(line)
    day = int(match["d"] or match["d2"])
    month = int(match["m"] or match["m2"])
    year = int(match["y"] or match["y2"])
    outside_date = line[: match.start()] + " " + line[match.end() :]
    time = _TIME.search(outside_date)
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
    if len(line.split(maxsplit=_MAX_DATELINE_WORDS)) > _MAX_DATELINE_WORDS:
        return False
    date = _DATE.search(line)
    if date is None:
        return False
    folded = fold(line)
    cues = layout_cues()
    if folded.startswith(cues.dateline_cues) or any(w in folded for w in cues.weekdays):
        return True
    rest = (line[: date.start()] + line[date.end() :]).strip(" |-,")
    return bool(_TIME.fullmatch(rest)) or not regex.search(r"\p{L}{2}", rest)


def is_byline_cue(text: str) -> bool:
    """A short line that opens with an author or source cue ("Theo VTC14", "Tác giả: …").

    >>> is_byline_cue("Theo TTXVN"), is_byline_cue("Theo thống kê của Tổng cục, năm nay tăng 5%.")
    (True, False)
    """
    return (
        text.rstrip()[-1:] not in ".;:"
        and len(text.split(maxsplit=_MAX_BYLINE_WORDS)) <= _MAX_BYLINE_WORDS
        and fold(text).startswith(layout_cues().byline_prefixes)
    )


def split_photo_credit(text: str) -> tuple[str, str | None]:
    """Split a caption into its text and its photo credit ("… Ảnh: M.Đ" → M.Đ)."""
    match = _search_credit(text)
    if match is None:
        return text, None
    return text[: match.start()].rstrip(" \t("), match["credit"].strip()


def _search_credit(text: str) -> regex.Match[str] | None:
    """``_CREDIT.search(text)``, with the pattern tried only where a cue may start.

    The `regex` engine tries the cues at every position of a line (~100 ns a character), while
    most lines hold no cue word, and none a colon.
    """
    if ":" not in text:
        return None
    lowered = text.lower()
    if len(lowered) != len(text):
        return _CREDIT.search(text)  # a letter lower-cased into two: offsets would not match
    starts: set[int] = set()
    at = lowered.find(_CREDIT_WORD)
    while at >= 0:
        starts.update(at - offset for offset in _CREDIT_WORD_OFFSETS if at >= offset)
        at = lowered.find(_CREDIT_WORD, at + 1)
    for start in sorted(starts):
        match = _CREDIT.match(text, start)
        if match is not None:
            return match
    return None


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
            body = regex.split(r"\s+[-–]\s+", body, maxsplit=1)[0]
            break
    body = body.strip(" .()")
    words = body.split()
    if not words:
        return []
    if not all(w[:1].isupper() for w in words if w[:1].isalpha() and w != "và"):
        return [body]  # an organisation as author ("Trung tâm Văn hóa, … huyện"): keep it whole
    names = [n.strip(" .()") for n in _NAME_SPLIT.split(body) if n.strip(" .()")]
    # ĐÀM NGUYỄN is a name in capitals; a one-word VTC14 or ANTV is an acronym, kept as is.
    return [n.title() if n.isupper() and len(n.split()) >= 2 else n for n in names]
