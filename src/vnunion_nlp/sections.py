"""Split a normalised page into typed sections and read its metadata.

The page is read line by line. Chrome lines (see ``clean``) become ``removed`` sections; the rest
are typed in one pass from the top (title, dateline, lead, then headings, list items, captions and
paragraphs) and one pass from the bottom (the byline, and a sidebar: a titled block of items after
the byline). Every section spans exactly one line of the text, so ``text[start:end]`` is always
the section text.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from typing import Final

import regex

from vnunion_nlp.clean import Line, find_chrome, split_lines
from vnunion_nlp.engine import HOLD_GIL
from vnunion_nlp.metadata import (
    MAX_BYLINE_WORDS,
    MAX_DATELINE_WORDS,
    authors_from_byline,
    is_byline_cue,
    layout_cues,
    looks_like_dateline,
    parse_datetime,
    split_photo_credit,
)
from vnunion_nlp.normalize import fold
from vnunion_nlp.records import Section, SectionKind, validated_list

_BULLETS: Final = "-–—+•*▪●◦"
_LIST_MARKER: Final = regex.compile(
    rf"""^(?: [{regex.escape(_BULLETS)}]\s*\S          # - item, • item
          | \d{{1,2}}[.)]\s+\S               # 1. item, 2) item
          | [a-zđ][)]\s+\S                 # a) item
          | (?P<word>\p{{L}}+)\s+là\s*[:.,]  # Một là: item
        )""",
    regex.VERBOSE,
)


def _common_lowercase(text: str) -> int:
    """How many of the lower-case letters most frequent in Vietnamese text the text holds."""
    return text.count("n") + text.count("h") + text.count("t") + text.count("c")


_SENTENCE_END: Final = regex.compile(r"[.!?](?:\s|$)")
_TERMINAL: Final = '.!?…:;”"'
_MAX_CAPTION_WORDS: Final = 45
_MIN_LEAD_WORDS: Final = 12
_MAX_HEADING_WORDS: Final = 25


@dataclass
class Layout:
    """Sections, removed chrome and metadata of one page."""

    sections: list[Section] = field(default_factory=list)
    removed: list[Section] = field(default_factory=list)
    title: str | None = None
    published_at: dt.datetime | None = None
    authors: list[str] = field(default_factory=list)
    photo_credits: list[str] = field(default_factory=list)


def _is_list_item(text: str) -> bool:
    if not _may_open_list_item(text):
        return False
    match = _LIST_MARKER.match(text, None, None, HOLD_GIL)
    if match is None:
        return False
    word = match["word"]
    return word is None or fold(word) in layout_cues().list_number_words


def _may_open_list_item(text: str) -> bool:
    """False for a text that `_LIST_MARKER` cannot match: most lines, which open with a word that
    no "là" follows. Cheaper than the pattern (measured), and never wrong: a bullet opens an
    item, a "." or ")" follows its number or letter, and "là" is its second word."""
    after_first = text[1:3]
    if text[:1] in _BULLETS or "." in after_first or ")" in after_first:
        return True
    if "là" not in text:
        return False  # found at C speed: no word of the line, the second neither, opens with it
    return _SECOND_WORD_LA.match(text) is not None


# The second word of ``str.split`` opens with "là": the stdlib engine's ``\s`` is `str.isspace`,
# where ``str.split`` splits. It reads the first two words only, where the split copied the rest
# of the line (measured: 6x faster).
_SECOND_WORD_LA: Final = re.compile(r"\s*\S+\s+là")


def _is_upper_heading(line: Line) -> bool:
    if not 2 <= line.word_count <= _MAX_HEADING_WORDS or line.text.rstrip().endswith("."):
        return False
    if _common_lowercase(line.text) * 10 > len(line.text):
        # At most one letter in ten of a heading is not upper case, and a text has no more
        # letters than characters: a line with more of these lower-case letters alone is none.
        # Counted at C speed, where the test below calls two methods on every character.
        return False
    letters = list(filter(str.isalpha, line.text))
    return len(letters) >= 6 and sum(map(str.isupper, letters)) / len(letters) >= 0.9


def _is_name_shaped(line: Line) -> bool:
    return (
        1 <= line.word_count <= 5
        and len(line.text) <= 45
        and all(w[:1].isupper() for w in line.words)
        and not any(c.isdigit() for c in line.text)
        and line.text.rstrip()[-1:] not in _TERMINAL
    )


def _is_byline(line: Line) -> bool:
    """`is_byline_cue` of the line; a line of more words is none, which its word count tells
    without the split of a long paragraph that the function makes."""
    return line.word_count <= MAX_BYLINE_WORDS and is_byline_cue(line.text)


def _is_dateline(line: Line) -> bool:
    """`looks_like_dateline` of the line, skipping the long lines as `_is_byline` does."""
    return line.word_count <= MAX_DATELINE_WORDS and looks_like_dateline(line.text)


def _is_byline_candidate(line: Line, last: bool) -> bool:
    if _is_byline(line):
        return True
    if _is_list_item(line.text):
        return False
    if _is_name_shaped(line):
        return True
    return (
        last
        and line.word_count <= 12
        and line.text.rstrip()[-1:] not in _TERMINAL
        and not any(c.isdigit() for c in line.text)
    )


def _is_caption(line: Line) -> bool:
    text, credit = split_photo_credit(line.text)
    if credit is not None:
        return len(text.split()) <= _MAX_CAPTION_WORDS
    if line.word_count > _MAX_CAPTION_WORDS or ";" in text:
        return False
    if len(_SENTENCE_END.findall(text, concurrent=HOLD_GIL)) > 1:
        return False
    folded = line.folded
    if not folded.startswith(_caption_starts()):
        return False
    return any(f" {v} " in f" {folded} " for v in layout_cues().caption_verbs)


@functools.cache
def _caption_starts() -> tuple[str, ...]:
    return tuple(c + " " for c in layout_cues().caption_starts)


def _tail(lines: list[Line]) -> tuple[int | None, int | None]:
    """Index of the byline and of the sidebar title after it, scanning from the bottom."""
    n = len(lines)
    if n < 3:
        return None, None
    i = n - 1
    while i > 0 and _is_list_item(lines[i].text):
        i -= 1
    if i < n - 1:
        # A block of items at the end: a sidebar when its title follows a byline.
        title = i
        if (
            title > 1
            and lines[title].word_count <= 20
            and not _is_list_item(lines[title].text)
            and _is_byline_candidate(lines[title - 1], last=False)
        ):
            return title - 1, title
        return None, None
    if _is_byline_candidate(lines[i], last=True):
        return i, None
    for j in range(n - 2, max(n - 5, 0), -1):
        if _is_byline(lines[j]):
            return j, None
    return None, None


def parse_layout(text: str) -> Layout:
    """Typed sections, removed chrome and metadata of a normalised page."""
    lines = split_lines(text)
    chrome = find_chrome(lines)
    layout = Layout()
    content = [line for i, line in enumerate(lines) if i not in chrome]
    removed: list[dict[str, object]] = [
        {
            "kind": "boilerplate",
            "start": lines[i].start,
            "end": lines[i].end,
            "text": lines[i].text,
            "reason": reason,
        }
        for i, reason in sorted(chrome.items())
    ]
    kept = _attach(content, _type_lines(content, layout)) if content else []
    built = validated_list(Section, removed + kept)  # one validation for the page
    layout.removed, layout.sections = built[: len(removed)], built[len(removed) :]
    return layout


def _type_lines(content: list[Line], layout: Layout) -> list[SectionKind]:
    kinds: list[SectionKind] = ["paragraph"] * len(content)
    byline, sidebar = _tail(content)
    body_end = byline if byline is not None else len(content)
    position = 0
    if _is_dateline(content[0]) and len(content) > 1:
        kinds[0] = "dateline"
        position = 1
    kinds[position] = "title"
    layout.title = content[position].text
    position += 1
    for i in range(min(position, len(content)), min(position + 3, body_end)):
        if _is_dateline(content[i]):
            kinds[i] = "dateline"
            position = i + 1
            break
    lead_done = False
    for i in range(position, body_end):
        line = content[i]
        if _is_upper_heading(line):
            kinds[i] = "heading"
        elif _is_list_item(line.text):
            kinds[i] = "list_item"
        elif _is_caption(line):
            kinds[i] = "caption"
        elif not lead_done and line.word_count >= _MIN_LEAD_WORDS:
            kinds[i] = "lead"
        lead_done = lead_done or kinds[i] in {"lead", "paragraph", "heading", "list_item"}
    if byline is not None:
        kinds[byline] = "byline"
        layout.authors = authors_from_byline(content[byline].text)
    if sidebar is not None:
        kinds[sidebar] = "sidebar"
        for i in range(sidebar + 1, len(content)):
            kinds[i] = "list_item"
    for i, kind in enumerate(kinds):
        if kind == "dateline" and layout.published_at is None:
            layout.published_at = parse_datetime(content[i].text)
        if kind == "caption":
            credit = split_photo_credit(content[i].text)[1]
            if credit:
                layout.photo_credits.append(credit)
    return kinds


def _attach(content: list[Line], kinds: list[SectionKind]) -> list[dict[str, object]]:
    """The fields of the sections, each under the heading or sidebar that precedes it."""
    fields: list[dict[str, object]] = []
    parent: int | None = None
    heading: str | None = None
    for line, kind in zip(content, kinds, strict=True):
        if kind in {"title", "dateline", "byline"}:
            parent = heading = None
        attached = kind not in {"heading", "sidebar", "title", "dateline", "byline"}
        fields.append(
            {
                "kind": kind,
                "start": line.start,
                "end": line.end,
                "text": line.text,
                "heading": heading if attached else None,
                "parent": parent if attached else None,
            }
        )
        if kind in {"heading", "sidebar"}:
            parent, heading = len(fields) - 1, line.text
    return fields
