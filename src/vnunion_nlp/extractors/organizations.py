"""Organisations: union, party and state bodies named in the text, with abbreviations expanded.

A name opens with a head from ``data/org_types.yaml`` ("LĐLĐ", "Công đoàn", "Chi bộ", "UBND")
and runs on over capitalised words, abbreviations and administrative words ("tỉnh", "khối") up
to anything else. A head alone names a body only when it is unique ("Bộ Chính trị", "Huyện ủy");
"các cấp Công đoàn" or "tổ chức Công đoàn" is a kind of body, not a named one. A name stops where
an official's name begins ("Bí thư Thành ủy Đinh La Thăng"). A committee has the type of its
body ("Ban Chấp hành Chi bộ" is party). Abbreviations are expanded from
``data/abbreviations.tsv``, overridden by the article's own definitions ("Liên đoàn Lao động
(LĐLĐ)").
Groups are read by index (see ``vnunion_nlp.lexicon``).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final

import regex

from vnunion_nlp.cues import OrgTypes
from vnunion_nlp.document import ParsedArticle
from vnunion_nlp.engine import HOLD_GIL
from vnunion_nlp.errors import DataFileError
from vnunion_nlp.extractors.locations import province_names
from vnunion_nlp.lexicon import alternation as _alt
from vnunion_nlp.lexicon import load_tsv, load_yaml
from vnunion_nlp.normalize import fold
from vnunion_nlp.records import Level, Official, Organization
from vnunion_nlp.scanning import WordScanner, scan_content

EXTRACTOR: Final = "organizations"
_WORD: Final = regex.compile(r"\p{L}+")
_REST_WORD: Final = regex.compile(r"\S+")
_TOKENS: Final = regex.compile(r"([\p{L}\-]+)")
# The parenthesis is searched first and the words before it read backwards: a pattern that
# starts with the words would be tried at every position (measured: 9 ms a 6,000-character article).
_DEFINITION: Final = regex.compile(r"\((?P<short>\p{Lu}[\p{Lu}\-]{1,9})\)")
_SHORT: Final = _DEFINITION.groupindex["short"]
_NOT_LONG_FORM: Final = regex.compile(r"[^\p{L},\s]")
_PHRASE: Final = regex.compile(r"[\p{L}\- ]+")
_LONG_FORM_WORDS: Final = 8  # the longest long form looked for ("công nhân, viên chức, lao động")


@dataclass(frozen=True)
class _Patterns:
    types: OrgTypes
    abbreviations: dict[str, str]
    name: WordScanner
    name_head: int  # the index of group "head" of ``name``, in all of its patterns
    inner_head: regex.Pattern[str]  # its group "head" is the whole match
    generic: tuple[str, ...]  # the generic words before a head, each with its space after
    not_final: frozenset[str]
    level_cues: tuple[tuple[Level, re.Pattern[str]], ...]  # any cue, each between spaces


@functools.cache
def _patterns() -> _Patterns:
    types = load_yaml("org_types.yaml", OrgTypes)
    _phrases_are_words(types.heads, types.sector_words, types.modifier_words)
    # A continuation word, in this order: a head inside the name ("Ban Chấp hành Công đoàn …"
    # continues over "Công đoàn"), a sector or administrative phrase (before the capitalised
    # word, which would take "Cơ" of "Cơ quan" and stop there), any capitalised word.
    word = _by_first_letter(types.heads, types.sector_words, types.modifier_words)
    # The provinces' names (locations) are searched for with the heads: one search of the
    # content finds both (see ``scanning._SharedSearch``).
    name = WordScanner(
        types.heads,
        r"(?<![\p{L}])(?P<head>",
        rf")(?P<rest>(?:\s+{word}){{0,8}})(?![\p{{L}}])",
        shares_with=province_names(),
    )
    return _Patterns(
        types=types,
        abbreviations={r["abbreviation"]: r["expansion"] for r in load_tsv("abbreviations.tsv")},
        name=name,
        name_head=name.groupindex["head"],
        inner_head=regex.compile(rf"(?<![\p{{L}}])(?P<head>{_alt(types.heads)})(?![\p{{L}}])"),
        generic=tuple(f"{g} " for g in types.generic_before),
        not_final=frozenset(types.generic_before),
        level_cues=tuple(
            (level, re.compile("|".join(re.escape(f" {cue} ") for cue in cues)))
            for level, cues in types.levels.items()
        ),
    )


_CAPITALISED_WORD: Final = r"\p{Lu}[\p{L}&-]*"


def _by_first_letter(*word_lists: Iterable[str]) -> str:
    """``(?:alternation(list 1)|alternation(list 2)|…|capitalised word)``, grouped by first letter.

    Of the alternatives of that pattern only those opening with the letter at hand can match, in
    their order, the capitalised word last: so ``Cô(?:ng\\s+đoàn|…|[\\p{L}&-]*)|…`` tries the same
    ones in the same order, and the same match wins, without trying each of the ~90 words at every
    word of a name (measured: 6.3 → 4.7 µs a name).
    """
    words = [
        w
        for ws in word_lists
        for w in sorted({w.strip() for w in ws if w.strip()}, key=_longest_first)
    ]
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(regex.escape(word[1:]).replace(r"\ ", r"\s+"))
    branches: list[str] = []
    capitals = ""  # first letters of a group that ends with the capitalised word
    for letter, tails in groups.items():
        if regex.fullmatch(r"\p{Lu}", letter):
            tails.append(_CAPITALISED_WORD.removeprefix(r"\p{Lu}"))
            capitals += regex.escape(letter)
        branches.append(f"{regex.escape(letter)}(?:{'|'.join(tails)})")
    # Another capital opens no group: only the capitalised word matches there.
    branches.append(f"(?![{capitals}]){_CAPITALISED_WORD}" if capitals else _CAPITALISED_WORD)
    return f"(?:{'|'.join(branches)})"


def _longest_first(word: str) -> tuple[int, str]:
    return -len(word), word  # the order of ``lexicon.alternation``


def find_definitions(text: str) -> dict[str, str]:
    """Abbreviations the article defines: "công đoàn cơ sở (CĐCS)" → {"CĐCS": "công đoàn cơ sở"}.

    The long form is the shortest run of words before the parenthesis whose initials spell the
    abbreviation (Đ counting as D).

    >>> find_definitions("Liên đoàn Lao động (LĐLĐ) tỉnh và người lao động (NLĐ)")
    {'LĐLĐ': 'Liên đoàn Lao động', 'NLĐ': 'người lao động'}
    """
    found: dict[str, str] = {}
    for match in _DEFINITION.finditer(text, concurrent=HOLD_GIL):
        abbreviation = match[_SHORT]
        short = abbreviation.replace("-", "")
        start = match.start()
        while start and text[start - 1].isspace():  # spaces before the parenthesis, as \s
            start -= 1
        window = text[max(0, start - 12 * _LONG_FORM_WORDS) : start]
        breaks = [b.end() for b in _NOT_LONG_FORM.finditer(window, concurrent=HOLD_GIL)]
        window = window[breaks[-1] :] if breaks else window  # a run of words and commas only
        words = list(_WORD.finditer(window, concurrent=HOLD_GIL))[-_LONG_FORM_WORDS:]
        wanted = fold(short)
        initials = ""  # of the last ``size`` words, upper-cased
        for size in range(1, len(words) + 1):
            first = words[-size]
            initials = first[0][0].upper() + initials
            if fold(initials) == wanted:
                found[abbreviation] = window[first.start() :].strip(" ,")
                break
    return found


def expand_abbreviations(text: str, definitions: Mapping[str, str] | None = None) -> str:
    """Expand every whole-token abbreviation; the article's definitions win over the lexicon.

    >>> expand_abbreviations("Chủ tịch LĐLĐ tỉnh")
    'Chủ tịch Liên đoàn Lao động tỉnh'
    """
    return _expand(text, {**_patterns().abbreviations, **(definitions or {})})


def _expand(text: str, table: Mapping[str, str]) -> str:
    parts = _TOKENS.split(
        text, concurrent=HOLD_GIL
    )  # the tokens at odd indices, what is between them around
    parts[1::2] = [table.get(token, token) for token in parts[1::2]]
    return "".join(parts)


def _expand_name(name: str, table: Mapping[str, str]) -> str:
    """``_expand`` of a name, without splitting it with the engine when no word holds "&".

    A name is its words joined by single spaces, and each word holds only letters, "-" and "&"
    (the characters of the name pattern and of its phrases, see ``_phrases_are_words``; every
    ``\\s`` of the engine is a space to ``str.split``): without "&" each word is one token.
    """
    if "&" in name:
        return _expand(name, table)
    return " ".join([table.get(word, word) for word in name.split(" ")])


def _phrases_are_words(*phrase_lists: Iterable[str]) -> None:
    """The phrases of a name hold only letters, "-" and spaces, as ``_expand_name`` reads it."""
    for phrase in (p for phrases in phrase_lists for p in phrases):
        if not _PHRASE.fullmatch(phrase):
            raise DataFileError(f"org_types.yaml: {phrase!r} holds more than letters, - and spaces")


def _capitalised(name: str) -> str:
    """A body's name opens with a capital, also when it opens with an expansion ("CĐCS …")."""
    return name[:1].upper() + name[1:]


def _type(name: str, head: str) -> str:
    """A committee has the type of the body it belongs to: the next head in its name."""
    pat = _patterns()
    inner = (
        pat.inner_head.search(name, len(head), None, HOLD_GIL)
        if head in pat.types.committees
        else None
    )
    return pat.types.heads[inner[0] if inner else head]


def _level(name: str) -> Level | None:
    # Lower case, not folded: folding makes "cơ quan" read as "quận".
    words = f" {name.lower()} "
    for level, cues in _patterns().level_cues:
        if cues.search(words):
            return level
    return None


def _person_starts(doc: ParsedArticle) -> list[int]:
    """Where the names of the officials already found begin, in order."""
    starts = set()
    for official in doc.records.get("officials", []):
        if isinstance(official, Official):
            at = doc.text.find(official.name, official.start, official.end)
            if at >= 0:
                starts.add(at)
    return sorted(starts)


def _first_person(text: str, start: int, end: int, persons: list[int], shift: int) -> int:
    """Where the first word of ``text[start:end]`` that opens a person's name begins, ``end`` if
    none; ``shift`` takes an offset of ``text`` to the article's."""
    for word in _REST_WORD.finditer(text, start, end, concurrent=HOLD_GIL):
        if shift + word.start() in persons:
            return word.start()
    return end


def _person_within(starts: list[int], start: int, end: int) -> bool:
    """Whether a person's name begins in ``[start, end)``: seldom, so the words of a name are
    looked at one by one only then."""
    at = bisect.bisect_left(starts, start)
    return at < len(starts) and starts[at] < end


def extract_organizations(doc: ParsedArticle) -> list[Organization]:
    """Every named body of the article, merged by folded name, in order of first mention.

    Reads the officials already extracted: a name stops before a person's name that follows a
    title ("Bí thư Thành ủy Đinh La Thăng" → "Thành ủy").
    """
    pat = _patterns()
    definitions = find_definitions(doc.text)  # the article's own win over the lexicon's
    table = {**pat.abbreviations, **definitions} if definitions else pat.abbreviations
    persons = _person_starts(doc)
    generic, not_final, head_group = pat.generic, pat.not_final, pat.name_head
    found: dict[str, Organization] = {}
    for index, section, base, match in scan_content(doc, pat.name):
        head = match[head_group]
        head_end = match.end(head_group)
        shift = section.start - base  # from the scanned text to the article's
        rest_end = match.end()
        if _person_within(persons, shift + head_end, shift + rest_end):
            rest_end = _first_person(match.string, head_end, rest_end, persons, shift)
        # The words after the head, split as the engine's ``\S+`` would: they hold letters, "&"
        # and "-", with runs of the engine's ``\s`` between them, at which ``str.split`` splits.
        rest = match.string[head_end:rest_end].rstrip()
        words = rest.split()
        while words and words[-1] in not_final:  # "Công đoàn các cấp": "các" continues no name
            rest = rest[: -len(words.pop())].rstrip()
        if not words and head not in pat.types.standalone:
            continue  # "Công đoàn" alone is the union in general
        local = match.start() - base
        before = section.text[max(0, local - 12) : local]
        if before.endswith(generic) and head not in pat.types.standalone:
            continue  # "các cấp Công đoàn", "tổ chức Công đoàn"
        start = shift + match.start()
        end = shift + head_end + len(rest)
        name = " ".join(doc.text[start:end].split())
        key = fold(name)
        if key in found:
            continue
        found[key] = Organization(
            start=start,
            end=end,
            text=doc.text[start:end],
            section_index=index,
            extractor=EXTRACTOR,
            name=name,
            expanded=_capitalised(_expand_name(name, table)),
            type=_type(name, head),
            level=_level(name),
        )
    return sorted(found.values(), key=lambda o: o.start)
