"""Web-chrome detection: which lines of a page are site furniture rather than the article.

Each line of the normalised text is judged by general signals, never by the strings of any one
page: its *shape* (an image file name, a URL, no letters at all), its *language* (a line of words
that are not Vietnamese syllables, like link-farm spam or English interface labels), a *cue
lexicon* (``data/chrome.yaml``: interface words, breadcrumbs, widget headers), and its *position*
(a comment, poll or rating widget in the second half of the page opens the footer: everything
after it is chrome; a second copy of the headline near the top is chrome). Removed lines are kept
as ``boilerplate`` sections with the signal that removed them, so nothing is lost.
"""

from __future__ import annotations

import functools
from typing import Final

import regex

from vnunion_nlp.cues import ChromeCues
from vnunion_nlp.engine import HOLD_GIL
from vnunion_nlp.lexicon import load_yaml
from vnunion_nlp.metadata import is_byline_cue
from vnunion_nlp.normalize import fold, fold_keeping_spaces


@functools.cache
def cues() -> ChromeCues:
    return load_yaml("chrome.yaml", ChromeCues)


@functools.cache
def _labels() -> frozenset[str]:
    """Menu labels and whole interface lines: either may stand in a breadcrumb."""
    return cues().menu_labels | cues().lines


@functools.cache
def _label_first_words() -> frozenset[str]:
    return frozenset(label.split()[0] for label in _labels() if label.split())


_MAX_WEATHER_WORDS: Final = 80
MAX_COUNTED_WORDS: Final = _MAX_WEATHER_WORDS  # the largest word count that any layout rule reads


class Line:
    """One non-empty line of the normalised text.

    A plain class, not a dataclass with `functools.cached_property`: that one takes a lock on each
    first read before Python 3.12, and lines are made and read by the thousand.
    """

    __slots__ = (
        "_folded",
        "_single_spaced",
        "_words",
        "end",
        "start",
        "text",
        "word_count",
    )

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        # Told for the lines that `count_words` scans; False for the longer ones it splits.
        self._single_spaced = len(text) <= _LONG_TEXT and single_spaced(text)
        self.word_count = _word_count(text, self._single_spaced)
        self._folded: str | None = None
        self._words: list[str] | None = None

    @property
    def folded(self) -> str:
        """The line folded (lower case, no diacritics), its words joined by single spaces."""
        if self._folded is None:
            # Folding keeps the single spaces of a line, save where it strips combining marks:
            # there is no need to scan the folded line for them.
            folded = fold_keeping_spaces(self.text) if self._single_spaced else None
            if folded is None:
                folded = fold(self.text)
                # Most folded lines are spaced so already: splitting and joining them costs a
                # third of the folding (measured).
                if not single_spaced(folded):
                    folded = " ".join(folded.split())
            self._folded = folded
        return self._folded

    @property
    def words(self) -> list[str]:
        if self._words is None:
            self._words = self.text.split()
        return self._words


def count_words(text: str) -> int:
    """The number of words, or ``MAX_COUNTED_WORDS + 1`` for a text with more.

    No rule compares a count with more; splitting a paragraph in full costs more than the rest of
    its layout checks together.
    """
    return _word_count(text, len(text) <= _LONG_TEXT and single_spaced(text))


def _word_count(text: str, spaced: bool) -> int:
    """`count_words`, told whether the text is `single_spaced` (False for one longer than
    ``_LONG_TEXT``, whose spaces are not counted)."""
    if spaced:
        # One word more than spaces; counting them costs half of the split (measured).
        return min(text.count(" ") + 1, MAX_COUNTED_WORDS + 1) if text else 0
    # Splitting off the first words stops after them, where the scans would read every
    # character: for a long paragraph a quarter of their cost (measured).
    return len(text.split(maxsplit=MAX_COUNTED_WORDS))


def single_spaced(text: str) -> bool:
    """True when ``" ".join(text.split()) == text``, told by scans at C speed.

    A printable text holds no white space but the ASCII space: every other white-space character
    is unprintable. With no double space and none at its ends, its words are joined by single
    spaces.
    """
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


# Characters past which `count_words` splits rather than scans: from about there a paragraph has
# more than MAX_COUNTED_WORDS words, and the split stops after them (measured: scanning costs
# less below 1,000 characters, splitting less above).
_LONG_TEXT: Final = 1000

_IMAGE_FILE: Final = regex.compile(
    r"[\w().\- ]{1,120}\.(?:jpe?g|png|gif|webp|bmp|tiff?|svg|heic|mxf|mp4)", regex.IGNORECASE
)
# Its longest match: 120 characters, the dot and a four-letter extension. A longer line (most
# paragraphs) cannot be one, and the engine would try 120 characters to learn it.
_MAX_IMAGE_FILE: Final = 125
_URL: Final = regex.compile(r"(?:https?://|www\.)\S+", regex.IGNORECASE)
_LETTER: Final = regex.compile(r"\p{L}")
_NUMERIC_DATE: Final = regex.compile(
    r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}"
)  # a bare dateline is no chrome
_WORD: Final = regex.compile(r"\p{L}+")
# A Vietnamese syllable once folded: optional onset, one to three vowels, optional coda. Used to
# tell a Vietnamese line written without diacritics from a line in another language.
_SYLLABLE: Final = regex.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?"
)
_SEPARATOR_CHARS: Final = "-|»>/•–—:"
_SEPARATOR_SET: Final = frozenset(_SEPARATOR_CHARS)
_SEPARATORS: Final = regex.compile(rf"\s*[{regex.escape(_SEPARATOR_CHARS)}]\s*")
_HEAD_LINES: Final = 8  # a repeated headline is looked for this many lines below the first one
_MAX_MENU_WORDS: Final = 25


def split_lines(text: str) -> list[Line]:
    """Every line of the text that has any non-space character, with its offsets."""
    lines: list[Line] = []
    start = 0
    for piece in text.split("\n"):
        if piece.strip():
            lines.append(Line(start, start + len(piece), piece))
        start += len(piece) + 1
    return lines


def _shape_reason(line: Line) -> str | None:
    text = line.text.strip()
    if _may_be_image_file(text) and _IMAGE_FILE.fullmatch(text, None, None, HOLD_GIL):
        return "image file name"
    # A URL opens with "http" or "www" ("h" and "w" have no other case variant).
    if text[:1] in "hHwW" and _URL.fullmatch(text, None, None, HOLD_GIL):
        return "bare URL"
    if not _has_letter(text) and not _NUMERIC_DATE.search(text, None, None, HOLD_GIL):
        return "no letters"
    return None


def _may_be_image_file(text: str) -> bool:
    """False for a text that `_IMAGE_FILE` cannot match in full: one longer than its longest
    match, or one without the dot before an extension of three or four characters at its end
    (the engine would try up to 120 characters to learn it)."""
    return len(text) <= _MAX_IMAGE_FILE and "." in text[-5:-3]


def _has_letter(text: str) -> bool:
    """Whether `_LETTER` finds a letter; most lines open with an ASCII one, known without the
    call of the pattern."""
    first = text[:1]
    if first.isascii() and first.isalpha():
        return True
    return _LETTER.search(text, None, None, HOLD_GIL) is not None


def is_foreign(text: str) -> bool:
    """True for a line of several words with no Vietnamese letters that are mostly not syllables.

    >>> is_foreign("Skip to main content"), is_foreign("Tin tuc trong ngay")
    (True, False)
    """
    if not text.isascii():
        return False  # a Vietnamese letter, or another non-ASCII character
    words = [w.lower() for w in _WORD.findall(text, concurrent=HOLD_GIL)]
    if len(words) < 2:
        return False
    syllables = sum(1 for w in words if _SYLLABLE.fullmatch(w, None, None, HOLD_GIL))
    return syllables / len(words) < 0.6


def _cue_reason(line: Line) -> str | None:
    if line.word_count > _MAX_MENU_WORDS:
        return None  # interface cues and menus are short
    folded = line.folded.rstrip(" :.")
    if _may_be_breadcrumb(folded) and (reason := _breadcrumb_reason(folded)):
        return reason
    if line.word_count > 12:
        return None
    lexicon = cues()
    if folded in lexicon.lines:
        return "interface cue"
    if line.folded.startswith(lexicon.prefixes):
        return "interface cue"
    return None


def _may_be_breadcrumb(folded: str) -> bool:
    """False for a folded line that `_breadcrumb_reason` rejects: most lines, whose first word
    opens no menu label.

    Each of its rules reads the first word of the first part between separators: that word
    opens a run of labels, or the part is a home label. Without a separator in it, the line's
    first word is that word.
    """
    first = folded.split(maxsplit=1)[0] if folded else ""
    return first in _breadcrumb_first_words() or not _SEPARATOR_SET.isdisjoint(first)


@functools.cache
def _breadcrumb_first_words() -> frozenset[str]:
    return _label_first_words() | {label.split()[0] for label in cues().home_labels}


def _breadcrumb_reason(folded: str) -> str | None:
    parts = [p for p in _split_at_separators(folded) if p]
    if parts and all(_is_label_run(p.split()) for p in parts):
        return "breadcrumb"
    if len(parts) > 1 and _is_label_run(" ".join(parts).split()):
        return "breadcrumb"  # "Thi đua - Khen thưởng": one label written with a dash
    if len(parts) >= 2 and parts[0] in cues().home_labels:
        return "breadcrumb"  # "Trang chủ » Tin tức » <any section>"
    return None


def _split_at_separators(folded: str) -> list[str]:
    # Most lines hold no separator: looking for one at C speed skips the call of the pattern.
    if not any(char in folded for char in _SEPARATOR_CHARS):
        return [folded]
    return _SEPARATORS.split(folded, concurrent=HOLD_GIL)


def _is_label_run(words: list[str]) -> bool:
    """True when the words split into menu labels ("trang chu tin tuc van ban")."""
    if not words or words[0] not in _label_first_words():
        return False  # most lines: no label starts them, so none can split into labels
    labels = _labels()
    run_ends = [0]  # every n such that the first n words split into labels, in order
    for end in range(1, len(words) + 1):
        if end - run_ends[-1] > _MAX_LABEL_WORDS:
            return False  # no label bridges the gap: the words after it cannot be reached
        if any(
            " ".join(words[start:end]) in labels
            for start in run_ends
            if end - start <= _MAX_LABEL_WORDS
        ):
            run_ends.append(end)
    return run_ends[-1] == len(words)


_MAX_LABEL_WORDS: Final = 4  # the longest menu label the breadcrumb rule tries


def _is_weather(line: Line) -> bool:
    if line.word_count > _MAX_WEATHER_WORDS:
        return False
    words = line.folded.replace(",", " ").replace(".", " ").split()
    if not words:
        return False
    hits = sum(map(cues().weather.__contains__, words))
    return hits >= 4 and hits / len(words) >= 0.15


def _opens_tail(line: Line) -> bool:
    return line.word_count <= 12 and line.folded.startswith(cues().tail_openers)


def find_chrome(lines: list[Line]) -> dict[int, str]:
    """Indices of the lines that are web chrome, each with the signal that removed it."""
    chrome: dict[int, str] = {}
    for i, line in enumerate(lines):
        reason = _shape_reason(line) or _cue_reason(line)
        if reason is None and is_foreign(line.text) and not is_byline_cue(line.text):
            reason = "foreign language"
        if reason:
            chrome[i] = reason
    total = sum(len(line.text) for line in lines) or 1
    seen = 0
    for i, line in enumerate(lines):
        seen += len(line.text)
        if i not in chrome and seen / total > 0.5 and _is_weather(line):
            chrome[i] = "weather widget"
        if seen / total > 0.5 and _opens_tail(line):
            for j in range(i, len(lines)):
                chrome.setdefault(j, "page footer widget")
            break
    _mark_repeated_headline(lines, chrome)
    return chrome


def _is_site_banner(line: Line) -> bool:
    """A site's name alone ("Liên đoàn Lao động tỉnh Hòa Bình"): a head, an administrative word
    and capitalised words only; any lower-case word after that makes it a headline."""
    if line.word_count > 9:
        return False
    head = next((h for h in cues().site_name_heads if line.folded.startswith(h + " ")), None)
    if head is None:
        return False
    rest = line.words[len(head.split()) :]
    if rest and fold(rest[0]) in {"tinh", "thanh", "huyen", "quan", "nganh"}:
        rest = rest[2:] if fold(rest[0]) == "thanh" else rest[1:]
    return bool(rest) and all(w[:1].isupper() for w in rest)


def _mark_repeated_headline(lines: list[Line], chrome: dict[int, str]) -> None:
    content = [i for i in range(len(lines)) if i not in chrome]
    if not content:
        return
    if len(content) > 2 and _is_site_banner(lines[content[0]]):
        chrome[content[0]] = "site banner"
        content = content[1:]
    first = lines[content[0]]
    for i in content[1:_HEAD_LINES]:
        # Compare lengths first: folding every long paragraph of the top costs more than it finds.
        if abs(len(lines[i].text) - len(first.text)) <= 2 and lines[i].folded == first.folded:
            chrome[i] = "repeated headline"
