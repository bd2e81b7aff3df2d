"""Text normalisation with a map back to input offsets.

What it does, in one linear pass plus two length-preserving passes:

* line endings → ``\\n``; zero-width characters, soft hyphens, BOMs and C0/C1 control characters
  are dropped; any run of horizontal white space (NBSP, thin, ideographic, tab …) becomes one
  space, and spaces at the start or end of a line are dropped;
* Unicode NFC, applied to every base letter followed by combining marks (old corpora and
  Windows-1258 input are decomposed);
* one tone-mark placement for the open syllables *oa*, *oe*, *uy*: the **classic** placement,
  with the mark on the first vowel (``hoà`` → ``hòa``, ``khoẻ`` → ``khỏe``, ``thuý`` → ``thúy``,
  ``Uỷ`` → ``Ủy``). It is the form most union sites use (``khóa``, ``hóa``, ``Ủy viên``). Closed
  syllables (``hoàng``, ``thuyền``) and *qu* (``quý``) are left as they are;
* double quotes in all their forms (``" „ ‟ « » ＂ ″``) become typographic ``“`` and ``”``,
  opening or closing by position; single guillemets become ``‘ ’``.

The two last passes preserve length, so the offset map only records the first pass.
``python -m vnunion_nlp.normalize FILE`` prints the normalised text of a file.
"""

from __future__ import annotations

import bisect
import codecs
import functools
import re
import sys
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Final

import regex

from vnunion_nlp.engine import HOLD_GIL

# Why by hand: no maintained library keeps an offset map through NFC and white-space folding.
_ODD_SPACE: Final = r"\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_DROPPED: Final = r"\u200b-\u200d\u2060\ufeff\u00ad\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f"
_LINE_ENDS: Final = r"\r\n\u2028\u2029\x85"
_LINE_END_CHARS: Final = "\r\n\u2028\u2029\x85"
# A plain space between two characters that stay: the one white space the first pass leaves as
# it is. Every other run of spaces, odd spaces and dropped characters is rewritten as a whole, so
# what is dropped never leaves two spaces side by side or a space at a line edge.
_LONE_SPACE: Final = rf"(?<=[^{_LINE_ENDS}])[ ](?=[^ {_LINE_ENDS}{_ODD_SPACE}{_DROPPED}])"
_SPACES_AND_CONTROLS: Final = rf"""
      (?P<eol>\r\n?|[\u2028\u2029\x85])                        # line endings
    | (?P<hspace>(?!{_LONE_SPACE})[{_DROPPED}]*+[ {_ODD_SPACE}][ {_ODD_SPACE}{_DROPPED}]*)
    | (?P<drop>[{_DROPPED}]+)                                # zero-width, soft hyphen, controls
"""
_SPECIAL: Final = rf"\r\u2028\u2029\x85{_DROPPED}{_ODD_SPACE}"
# The guard lets a match start only at a special character or at a space that is not lone (see
# `_LONE_SPACE`): without it the engine tries every alternative at every position. With the
# guard, the stdlib engine skips ahead faster than `regex` (measured on 6,000-character
# articles: 2.5 ms → 0.8 ms), and this pattern needs no Unicode property.
_GUARD: Final = (
    rf"(?=[ {_SPECIAL}])"
    rf"(?:(?=[{_SPECIAL}])|(?=[ ](?:[ \n{_SPECIAL}]|\Z))|(?<![^{_LINE_ENDS}])(?=[ ]))"
)
# Only text that is not already NFC (checked at C speed) pays for the composition alternative.
_FIRST_PASS: Final = re.compile(f"{_GUARD}(?:{_SPACES_AND_CONTROLS})", re.VERBOSE)
_FIRST_PASS_NFC: Final = regex.compile(
    _SPACES_AND_CONTROLS
    # NFC may change it; odd spaces are left to `hspace` (NFC maps U+2000 to U+2002, not " ")
    + rf"""| (?P<combining>\P{{M}}?
                (?:(?![{_ODD_SPACE}])(?:\p{{M}}|\p{{NFC_QC=No}}|\p{{NFC_QC=Maybe}}))+)""",
    regex.VERBOSE,
)

_VOWEL_TONES: Final = {
    # vowel: (with huyền, sắc, hỏi, ngã, nặng)
    "a": "àáảãạ",
    "e": "èéẻẽẹ",
    "y": "ỳýỷỹỵ",
    "o": "òóỏõọ",
    "u": "ùúủũụ",
}
_TONED: Final = {c: (base, i) for base, tones in _VOWEL_TONES.items() for i, c in enumerate(tones)}
_TONED.update(
    {
        c.upper(): (base.upper(), i)
        for base, tones in _VOWEL_TONES.items()
        for i, c in enumerate(tones)
    }
)

# o+a, o+e, u+y with the mark on the second vowel, ending the syllable, not after q. The stdlib
# engine finds the pairs not followed by an ASCII letter (đoàn, hoàng are closed) ~20x faster
# than `regex` scans for the whole rule; the two other checks (no q before, no other letter
# after) are made for each pair found, the second by `regex`, whose \p{L} the rule uses. One
# pattern for each first vowel: the engine skips to a literal first letter, where it tests every
# character against a set (measured: 2.7x faster for the four than for one pattern of them all).
# Pairs cannot overlap (the second letter is never o or u), so no pair hides another.
_MARKED_A_E: Final = "".join(_VOWEL_TONES[v] + _VOWEL_TONES[v].upper() for v in "ae")
_MARKED_Y: Final = _VOWEL_TONES["y"] + _VOWEL_TONES["y"].upper()
_NEW_STYLE_PAIRS: Final = tuple(
    re.compile(f"{first}[{seconds}](?![a-zA-Z])")
    for first, seconds in (
        ("o", _MARKED_A_E),
        ("O", _MARKED_A_E),
        ("u", _MARKED_Y),
        ("U", _MARKED_Y),
    )
)
_LETTER: Final = regex.compile(r"\p{L}")

# The double quotes (" „ ‟ « » ＂ ″) and single guillemets that `_quote` may change; “ and ” stay.
_CHANGING_QUOTES: Final = '"„‟«»＂″‹›'


def _move_tones(text: str) -> str:
    parts: list[str] = []
    last = 0
    pairs = sorted((m for p in _NEW_STYLE_PAIRS for m in p.finditer(text)), key=re.Match.start)
    for pair in pairs:
        start, end = pair.span()
        if text[start - 1 : start] in ("q", "Q") or _LETTER.match(text, end, end + 1, HOLD_GIL):
            continue
        parts.append(text[last:start])
        parts.append(_move_tone(pair[0]))
        last = end
    if not parts:
        return text
    parts.append(text[last:])
    return "".join(parts)


def _move_tone(pair: str) -> str:
    """The pair (o or u, then a, e or y with a mark) with the mark on its first vowel instead."""
    v1, v2 = pair[0], pair[1]
    base2, tone = _TONED[v2]
    toned_v1 = _VOWEL_TONES[v1.lower()][tone]
    return (toned_v1.upper() if v1.isupper() else toned_v1) + base2


def _quote(text: str, pos: int) -> str:
    char = text[pos]
    if char in "«»‹›" and text[pos - 1 : pos] == " " and text[pos + 1 : pos + 2] == " ":
        return char  # a lone guillemet between spaces is a breadcrumb separator, not a quote
    if char in "‹›":
        return "‘" if char == "‹" else "’"
    if char in "“«„‟":
        return "“"
    if char in "”»":
        return "”"
    # Straight or ambiguous quote: opening when it follows a line start, a space or an opener.
    before = text[pos - 1] if pos > 0 else "\n"
    return "“" if before.isspace() or before in "([{“‘:" else "”"


def _fix_quotes(text: str) -> str:
    """Every quote replaced by `_quote`, which reads its neighbours in the text as it was."""
    # One C-speed search per quote character: most of them are in no article.
    positions = sorted(
        at for char in _CHANGING_QUOTES if char in text for at in _find_all(text, char)
    )
    if not positions:
        return text
    parts: list[str] = []
    last = 0
    for at in positions:
        parts.append(text[last:at])
        parts.append(_quote(text, at))
        last = at + 1
    parts.append(text[last:])
    return "".join(parts)


def _find_all(text: str, char: str) -> Iterator[int]:
    at = text.find(char)
    while at >= 0:
        yield at
        at = text.find(char, at + 1)


@dataclass(frozen=True)
class Normalized:
    """Normalised text and the map from its offsets back to the input's."""

    text: str
    source: str
    # Sorted breakpoints (normalised offset, input offset): after each change the two advance
    # together again, so any offset maps through the last breakpoint at or before it.
    _norm_points: list[int] = field(default_factory=list, repr=False)
    _input_points: list[int] = field(default_factory=list, repr=False)

    def to_input(self, offset: int) -> int:
        """Map an offset of the normalised text to the matching offset of the input."""
        if not 0 <= offset <= len(self.text):
            raise ValueError(f"offset {offset} outside the normalised text")
        i = bisect.bisect_right(self._norm_points, offset) - 1
        if i < 0:
            return offset
        return self._input_points[i] + (offset - self._norm_points[i])


_MAX_TRIES: Final = 32  # articles need a few


def _first_pass(text: str) -> Iterator[re.Match[str] | regex.Match[str]]:
    """The matches of the first pass, in order."""
    if not unicodedata.is_normalized("NFC", text):
        return _FIRST_PASS_NFC.finditer(text, concurrent=HOLD_GIL)
    lines = text.split("\n")
    # Every special character is unprintable (`str.isprintable` runs at C speed), so a text whose
    # lines are all printable has none: its matches can only start at the spaces of the guard.
    if not all(line.isprintable() for line in lines):
        return _FIRST_PASS.finditer(text)
    return _matches_at_spaces(text, lines)


def _matches_at_spaces(text: str, lines: list[str]) -> Iterator[re.Match[str]]:
    """What `_FIRST_PASS.finditer` gives for a text with no special character, where a match can
    only start at a space that starts or ends a line or is doubled.

    Trying the pattern only there skips the attempt at every other space of the text, which is
    what the stdlib engine spends its time on.
    """
    pos = 0  # where the last match ended
    start = 0  # where the line starts
    tries = 0
    for line in lines:
        at = _next_space(line, start, max(pos, start))
        while at >= 0:
            tries += 1
            if tries > _MAX_TRIES:
                # A text of many matches: the engine's own scan costs less from here on. No match
                # starts between the last one and `at`, so it finds the same matches.
                yield from _FIRST_PASS.finditer(text, at)
                return
            match = _FIRST_PASS.match(text, at)
            if match is not None:
                pos = match.end()
                yield match
            at = _next_space(line, start, max(pos, at + 1))
        start += len(line) + 1


def _next_space(line: str, start: int, pos: int) -> int:
    """The first space of the line, from ``pos`` on, where a match may start; -1 for none."""
    offset = pos - start
    if offset == 0 and line[:1] == " ":
        return start
    doubled = line.find("  ", offset)
    if doubled >= 0:
        return start + doubled
    last = len(line) - 1
    return start + last if last >= offset and line[-1:] == " " else -1


def normalize(text: str) -> Normalized:
    """Normalise Vietnamese text; see the module docstring for the exact rules.

    >>> normalize("Ho\u0300a  Bi\u0300nh\u00a0“X”").text
    'Hòa Bình “X”'
    >>> normalize("thuỷ khoẻ quý hoàng").text
    'thủy khỏe quý hoàng'
    >>> n = normalize("a\u200b  b")
    >>> n.text, n.to_input(2)
    ('a b', 4)
    """
    parts: list[str] = []
    norm_points: list[int] = []
    input_points: list[int] = []
    pos = 0
    out_len = 0
    for m in _first_pass(text):
        kind = m.lastgroup
        if kind == "eol":
            repl = "\n"
        elif kind == "drop":
            repl = ""
        elif kind == "hspace":
            start, end = m.span()
            at_line_start = start == 0 or text[start - 1] in _LINE_END_CHARS
            at_line_end = end == len(text) or text[end] in _LINE_END_CHARS
            repl = "" if at_line_start or at_line_end else " "
        else:
            repl = unicodedata.normalize("NFC", m[0])
        if repl == m[0]:
            continue
        parts.append(text[pos : m.start()])
        out_len += m.start() - pos
        parts.append(repl)
        out_len += len(repl)
        pos = m.end()
        norm_points.append(out_len)
        input_points.append(pos)
    parts.append(text[pos:])
    out = "".join(parts)
    # Both passes below keep the length, so the offset map stays valid.
    out = _move_tones(out)
    out = _fix_quotes(out)
    return Normalized(out, text, norm_points, input_points)


# `str.translate` looks up every character: a dict raises and catches a KeyError for each one it
# leaves as it is (most of them), a list indexed by code point does not (measured: 2.6x faster).
# Characters past the end of the list are left as they are too (IndexError is a LookupError);
# the list reaches past the general punctuation (“ ” – …) so that common text never gets there.
_FOLD_TABLE_SIZE: Final = 0x2100


def _fold_table() -> list[int | str]:
    table: list[int | str] = list(range(_FOLD_TABLE_SIZE))
    table[ord("đ")] = table[ord("Đ")] = "d"
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        char = chr(code)
        parts = unicodedata.normalize("NFD", char)
        base = "".join(c for c in parts if not unicodedata.combining(c))
        if len(base) == 1 and base != char:
            table[code] = base.lower()
    return table


_FOLD: Final = _fold_table()
_COMBINING: Final = regex.compile(r"\p{M}")


@functools.cache
def _marks_or_astral() -> re.Pattern[str]:
    """A stdlib class of what `_COMBINING` finds in the BMP, and of every character past it (the
    engines' Unicode versions may differ there: such a character is left to `_COMBINING`).

    The ``regex`` engine tests ``\\p{M}`` at each character by a Unicode look-up (~140
    instructions), the stdlib engine tests its class at a few; folded lines that are not ASCII
    (quotes, dashes) are scanned in full.
    """
    bmp = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))
    marks = "".join(_COMBINING.findall(bmp))
    return re.compile(f"[{re.escape(marks)}\U00010000-\U0010ffff]")


def _has_mark(folded: str) -> bool:
    """Whether `_COMBINING` finds a combining mark in ``folded``."""
    if folded.isascii():  # takes no time
        return False
    found = _marks_or_astral().search(folded)
    if found is None:
        return False
    return found[0] <= "\uffff" or _COMBINING.search(folded, None, None, HOLD_GIL) is not None


def fold(text: str) -> str:
    """Lower-case and strip diacritics (đ → d) for lenient look-ups, not for offsets.

    >>> fold("Liên đoàn Lao động")
    'lien doan lao dong'
    """
    folded = fold_keeping_spaces(text)
    return folded if folded is not None else _without_marks(_lower(text.translate(_FOLD)))


def fold_keeping_spaces(text: str) -> str | None:
    """``fold(text)`` where its white space is that of ``text``, else None.

    Folding keeps every white-space character and turns every other character into characters
    that are none (pinned by tests/test_layout_speed_c1.py); only the stripping of combining
    marks, when the text holds any, may leave white space side by side or at an end.
    """
    if text.isascii():  # takes no time; the table leaves ASCII as it is
        return text.lower()
    folded = _fold_by_codec(text) if len(text) >= _CODEC_LENGTH else None
    if folded is not None:
        return folded  # the codec holds no combining mark
    folded = _lower(text.translate(_FOLD))
    return None if _has_mark(folded) else folded


# `str.translate` looks every character up through Python objects (its ASCII shortcut stops at the
# first other character). A charmap codec looks characters up in C tables: lower-cased text whose
# every character is one of the codec's 256 is encoded to one byte a character, the bytes of the
# Vietnamese letters are folded by `bytes.translate`, and the bytes decoded back (measured: the
# lines of the benchmark articles fold 2.3x faster; the layout stage takes 7 % fewer instructions).
# The codec's four calls cost more than `str.translate` for a word or two (measured: from about
# eight characters on, the codec costs fewer instructions).
_CODEC_LENGTH: Final = 8
_VIETNAMESE_VOWELS: Final = "aăâeêioôơuưy"
_TONE_MARKS: Final = "\u0300\u0301\u0309\u0303\u0323"  # huyền, sắc, hỏi, ngã, nặng


def _codec_characters() -> str:
    """The 256 characters of the fold codec: ASCII, the lower-case Vietnamese letters, and the
    punctuation and symbols of the Latin-1 block and of general punctuation that articles use."""
    toned = "".join(
        unicodedata.normalize("NFC", vowel + mark)
        for vowel in _VIETNAMESE_VOWELS
        for mark in _TONE_MARKS
    )
    letters = "đ" + "".join(v for v in _VIETNAMESE_VOWELS if not v.isascii()) + toned
    symbols = "".join(map(chr, range(0xA0, 0xC0))) + "×÷" + "".join(map(chr, range(0x2010, 0x2028)))
    chars = "".join(map(chr, range(0x80))) + letters + symbols + "′″●"
    if len(chars) != 256 or len(set(chars)) != 256:
        raise AssertionError("the fold codec needs 256 distinct characters")
    return chars


_CODEC_CHARS: Final = _codec_characters()
_CODEC_ENCODING: Final = codecs.charmap_build(_CODEC_CHARS)
# byte of a character → byte of its fold: the fold of each is one character of the codec
_CODEC_FOLDING: Final = bytes(_CODEC_CHARS.index(c.translate(_FOLD).lower()) for c in _CODEC_CHARS)


def _fold_by_codec(text: str) -> str | None:
    """``text.translate(_FOLD).lower()`` by the fold codec; None for a text with a character
    outside it.

    Lower-casing first changes nothing: for every character whose lower case is in the codec,
    folding its lower case gives the fold of the character (tests/test_layout_speed_c1.py), and
    `str.lower` reads neighbours only for "Σ", which is outside.
    """
    try:
        encoded = codecs.charmap_encode(text.lower(), "strict", _CODEC_ENCODING)[0]
    except UnicodeEncodeError:
        return None
    return codecs.charmap_decode(encoded.translate(_CODEC_FOLDING), "strict", _CODEC_CHARS)[0]


def _lower(text: str) -> str:
    """``text.lower()`` as CPython gives it in both builds: mypyc compiles ``text.lower()`` to a
    lower case a character at a time, which misses the one rule that reads the neighbours (a
    final "Σ" lowers to "ς"), and folding must be the same compiled or not."""
    return text.lower() if "Σ" not in text else _CPYTHON_LOWER(text)


# CPython's own method, called as an object (mypyc compiles it then as a call, not inline)
_CPYTHON_LOWER: Final[Callable[[str], str]] = str.lower


def _without_marks(folded: str) -> str:
    # Rare: text that was not NFC-normalised and still carries combining marks.
    decomposed = unicodedata.normalize("NFD", folded)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    for path in args:
        with open(path, encoding="utf-8") as handle:
            sys.stdout.write(normalize(handle.read()).text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
