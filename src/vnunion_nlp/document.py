"""The parsed article that every extractor reads, and what extractors share about records."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Final, TypeVar

import regex

from vnunion_nlp.records import ArticleWarning, Record, Section

RecordT = TypeVar("RecordT", bound=Record)

# Longer inputs are cut by the pipeline, with warning W002. The longest real article seen is
# 37,000 characters (../shared/corpus); every stage is linear, so the cap only bounds what a
# hostile input can cost: about 1 s for 300,000 characters through the whole pipeline.
MAX_CHARS: Final = 300_000
# Each line costs every stage a little (it becomes a section): 75,000 one-word lines, well under
# MAX_CHARS, took 8 s. Real articles have at most 64 lines (seeds, samples); text after this
# many lines is cut, also with warning W002.
MAX_LINES: Final = 3_000

# Section kinds that carry article content; extractors read these and skip bylines and chrome.
CONTENT_KINDS: Final = frozenset(
    {"title", "lead", "heading", "paragraph", "list_item", "caption", "sidebar"}
)

# Joins the content sections in ``MaskedContent``. Normalised text holds no control character,
# and a pattern scanned over it never consumes it, so to a pattern it is the edge of a section.
MASK: Final = "\x00"


@dataclass
class ParsedArticle:
    """Normalised text, its sections and metadata, and the records extracted so far.

    Extractors run in registry order; each may read the records of those before it in
    ``records`` (officials read congresses, for instance).
    """

    text: str
    sections: list[Section]
    removed: list[Section] = field(default_factory=list)
    title: str | None = None
    published_at: dt.datetime | None = None
    authors: list[str] = field(default_factory=list)
    photo_credits: list[str] = field(default_factory=list)
    records: dict[str, list[Record]] = field(default_factory=dict)
    warnings: list[ArticleWarning] = field(default_factory=list)
    # (the sections it was made of, as (section, kind, text), and the masked content)
    _masked: tuple[list[tuple[Section, str, str]], MaskedContent] | None = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        self._masked = None  # set here: a mypyc-compiled dataclass skips defaults of init=False

    def content(self) -> Iterator[tuple[int, Section]]:
        """Yield (index, section) for every section that carries article content."""
        for index, section in enumerate(self.sections):
            if section.kind in CONTENT_KINDS:
                yield index, section

    def masked_content(self) -> MaskedContent:
        """The content sections joined by ``MASK``, made once for every scan of the extractors;
        made again if the sections changed since (other sections, kinds or texts)."""
        sections: list[tuple[Section, str, str]] = [(s, s.kind, s.text) for s in self.sections]
        if self._masked is not None and self._masked[0] == sections:
            return self._masked[1]
        masked = MaskedContent(self)
        self._masked = sections, masked
        return masked

    @property
    def reference_year(self) -> int | None:
        """Year that dates without one ("Chiều 28/3") take: the publication year."""
        return self.published_at.year if self.published_at else None

    @classmethod
    def from_paragraphs(cls, text: str) -> ParsedArticle:
        """Build an article whose every non-empty line is a paragraph (for tests and snippets)."""
        sections: list[Section] = []
        offset = 0
        for line in text.split("\n"):
            if line.strip():
                sections.append(
                    Section(kind="paragraph", start=offset, end=offset + len(line), text=line)
                )
            offset += len(line) + 1
        return cls(text=text, sections=sections)


class MaskedContent:
    """The content sections of an article joined by ``MASK``, and what maps an offset in that text
    back to its section; with its lower case, for the case-insensitive scans."""

    __slots__ = ("_lowered", "_plain_spacing", "bases", "content", "text")

    def __init__(self, doc: ParsedArticle) -> None:
        self.content = list(doc.content())
        self.bases: list[int] = []
        reached = 0
        for _, section in self.content:
            self.bases.append(reached)
            reached += len(section.text) + 1
        self.text = MASK.join(section.text for _, section in self.content)
        self._lowered: str | None = None
        self._plain_spacing: bool | None = None

    def lowered(self) -> str:
        """``text.lower()``, made at the first call."""
        if self._lowered is None:
            self._lowered = self.text.lower()
        return self._lowered

    def plain_spacing(self) -> bool:
        """Whether every white space of the text (``\\s`` to the ``regex`` engine) is one space,
        as in normalised text: there a phrase's words are one space apart (one test per article,
        made at the first call, for all the scans)."""
        if self._plain_spacing is None:
            text = self.text
            self._plain_spacing = "  " not in text and not any(c in text for c in _other_spaces())
        return self._plain_spacing

    def section_at(self, offset: int) -> tuple[int, Section, int]:
        """(index, section, base) of the section holding ``offset``; ``offset - base`` is the
        offset in ``section.text``."""
        at = bisect.bisect_right(self.bases, offset) - 1
        index, section = self.content[at]
        return index, section, self.bases[at]


@functools.cache
def white_space() -> str:
    """The characters the ``regex`` engine reads as ``\\s`` (none is outside the BMP)."""
    bmp = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))
    return "".join(regex.findall(r"\s", bmp))


@functools.cache
def _other_spaces() -> tuple[str, ...]:
    return tuple(c for c in white_space() if c != " ")


def fill_missing(first: RecordT, later: RecordT, fields: Iterable[str]) -> RecordT:
    """``first`` with the ``fields`` it lacks taken from a later mention of the same thing."""
    missing = {
        name: getattr(later, name)
        for name in fields
        if getattr(first, name) is None and getattr(later, name) is not None
    }
    return first.model_copy(update=missing) if missing else first
