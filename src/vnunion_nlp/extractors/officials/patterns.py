"""The schema of ``data/officials.yaml`` and every pattern compiled from it.

``_patterns()`` builds, once, the name pattern (a family name from ``data/surnames.tsv`` and one to
three capitalised syllables), the four routes to a name (honorific, title, post taken, list
lead), the patterns that read titles and posts after a name, and the cue tables of the roles.
The few small patterns that need no data file live here too, shared by the other modules.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Final

import regex

from vnunion_nlp.cues import OfficialCues
from vnunion_nlp.extractors.officials.finders import _StartFinder
from vnunion_nlp.lexicon import alternation as _alt
from vnunion_nlp.lexicon import load_tsv, load_yaml, prefix_tree
from vnunion_nlp.normalize import fold
from vnunion_nlp.records import OfficialRole

# Words right before a name that make it a place or a street, not a person. Read from the end
# (``match`` of a text that ends where the name starts): a search tried every character.
_PLACE_BEFORE: Final = regex.compile(
    r"(?r)(?i:tỉnh|huyện|thành\s+phố|TP\.?|quận|thị\s+xã|xã|phường|thị\s+trấn|đường|phố|"
    r"trường|cầu|sông|núi|khu|làng|thôn|bản|ấp|Công\s+ty|công\s+ty)\s*$"
)
# How far a look after a name may read: the regex module scans to ``endpos`` (the end of the
# section by default) before some patterns start, so bounded looks pass one.
_REACH: Final = 400
_PUNCT: Final = regex.compile(r"[\p{P}\p{S}]+")
_PARENTHETICAL: Final = regex.compile(r"\s*\([^()]*\)")
_WORDS: Final = regex.compile(r"\p{L}+(?:['’]|-\p{L}+)*")


@dataclass(frozen=True)
class _Patterns:
    cues: OfficialCues
    name_at: regex.Pattern[str]
    by_honorific: regex.Pattern[str]
    by_title: regex.Pattern[str]
    by_post: regex.Pattern[str]
    by_list: regex.Pattern[str]
    # Where a match of by_honorific, by_title or by_post may start (see ``_starts``).
    honorific_start: re.Pattern[str]
    head_start: re.Pattern[str]
    route_starts: _StartFinder  # of honorifics and of position heads
    # Stdlib checks that a name may follow, tried before by_honorific and by_title (``_viable``).
    honorific_named: re.Pattern[str]
    title_named: re.Pattern[str]
    post_starts: tuple[tuple[str, re.Pattern[str]], ...]  # each form and the word it opens with
    name_before: regex.Pattern[str]
    list_after: regex.Pattern[str]
    list_next: regex.Pattern[str]
    post_taken: regex.Pattern[str]
    post_openers: tuple[str, ...]  # every match of post_taken opens with one
    position_head: regex.Pattern[str]
    position_stop: regex.Pattern[str]
    stop_hint: re.Pattern[str]  # a space and a stop word: where a position_stop match ends its \s+
    head_split: regex.Pattern[str]
    title_breaks: regex.Pattern[str]
    honorific_word: regex.Pattern[str]
    honorific_at: regex.Pattern[str]
    age_after: regex.Pattern[str]
    clause_end: regex.Pattern[str]
    quote_before: regex.Pattern[str]
    roles_before: re.Pattern[str]
    role_groups: dict[str, OfficialRole]
    before_words: frozenset[str]  # every match of roles_before opens with one, a whole word
    # Per role, in cue order: the words its phrases open with, and each phrase padded with
    # spaces (" phat bieu ") after its first word.
    roles_after: tuple[tuple[OfficialRole, frozenset[str], tuple[tuple[str, str], ...]], ...]
    folded_honorifics: tuple[str, ...]
    # " ong" …, and " cho" …: a name's words before tested by one ``endswith`` each.
    padded_honorifics: tuple[str, ...]
    padded_awarded: tuple[str, ...]


def _before_cue(phrase: str) -> str:
    """ "du … co" → "du", up to twelve words, "co"; "^theo" → "theo" opening the sentence."""
    anchored = phrase.startswith("^")
    parts = [regex.escape(p.strip()).replace(r"\ ", r"\s+") for p in phrase.lstrip("^").split("…")]
    body = r"(?:\s+\S+){0,12}?\s+".join(parts)
    return ("^" if anchored else "") + body + r"(?!\S)"


def _roles_before(cues: OfficialCues) -> tuple[re.Pattern[str], dict[str, OfficialRole]]:
    """One pattern for every cue before a name, a group per role: one scan, not one per cue.

    Stdlib ``re``, twice as fast here: it reads only ``_words_of`` output, whose one white
    space is " ", so both engines read its ``\\s`` and ``\\S`` alike.
    """
    groups: dict[str, OfficialRole] = {}
    branches: list[str] = []
    for number, (role, phrases) in enumerate(cues.roles_before.items()):
        groups[f"r{number}"] = role
        branches.append(f"(?P<r{number}>{'|'.join(_before_cue(p) for p in phrases)})")
    # Cues start a word: the one look-behind fails most positions before any cue is tried.
    return re.compile(rf"(?<!\S)(?:{'|'.join(branches)})"), groups


@functools.cache
def _patterns() -> _Patterns:
    cues = load_yaml("officials.yaml", OfficialCues)
    roles_before, role_groups = _roles_before(cues)
    surnames = prefix_tree(row["surname"] for row in load_tsv("surnames.tsv"))
    syllable = r"\p{Lu}\p{Ll}*(?:-\p{Lu}?\p{Ll}+)?"
    name_body = rf"(?:{surnames})(?:\s+{syllable}){{1,3}}(?![\p{{L}}\d])"
    name = rf"(?P<name>{name_body})"
    heads = prefix_tree(cues.position_heads)
    honorifics = prefix_tree(cues.honorifics)
    # A title word may hold inner dots ("TP.HCM", "T.Ư") and may end in the dot of a short
    # abbreviation before a capital ("TP. Hà Nội"), but no other dot: a title does not cross a
    # full stop ("Thủ tướng nói. Văn Duẩn" is a byline). A bracket is a title word too
    # ("Chủ tịch CĐCS Cty X (KCN Suối Dầu) Võ Quang").
    dotted = rf"(?<=(?<![\p{{L}}])(?:{_alt(cues.dotted_abbreviations)}))\.(?=\s+\p{{Lu}})"
    abbreviation_dot = rf"(?:{dotted})?"
    # Possessive: a word given back ends before a letter or a dot and a letter, where nothing
    # that follows a title word (a dot before a space, a space) can match; giving back only
    # cost time, ~15 us a title.
    title_word = rf"(?:[\p{{L}}&-]++(?:\.[\p{{L}}]++)*+{abbreviation_dot}|\([^()\n]{{1,40}}\))"
    list_char = rf"(?:[^;.()“”\n]|\.(?=\p{{L}})|{dotted})"
    prefixes = _alt(cues.position_prefixes)
    # The forms of a verb taking a post, each by the word it opens with (``_verb_starts``).
    elected_forms = (
        ("tái", r"\s+(?:đắc\s+)?cử"),
        ("trúng", r"\s+cử"),
        ("được", r"\s+(?:bầu|chỉ\s+định|bổ\s+nhiệm)"),
    )
    elected = "|".join(word + rest for word, rest in elected_forms)
    taken = (
        r"tái\s+đắc\s+cử|tái\s+cử|đắc\s+cử|trúng\s+cử|được\s+(?:bầu|chỉ\s+định|bổ\s+nhiệm)"
        r"(?:\s+(?:giữ|làm))?|giữ|làm"
    )
    # Every form of ``taken`` opens with one: post_taken is tried only where one starts, where a
    # search tried its look-behind at every character.
    post_openers = ("tái", "đắc", "trúng", "được", "giữ", "làm")
    roles_after = tuple(
        (
            role,
            frozenset(phrase.split()[0] for phrase in phrases),
            tuple((phrase.split()[0], f" {phrase} ") for phrase in phrases),
        )
        for role, phrases in cues.roles.items()
    )
    folded_honorifics = tuple(sorted({fold(h) for h in cues.honorifics}, key=len, reverse=True))
    return _Patterns(
        cues=cues,
        name_at=regex.compile(name_body),
        by_honorific=regex.compile(rf"(?<![\p{{L}}/])(?:{honorifics})\s+{name}"),
        by_title=regex.compile(
            rf"(?<![\p{{L}}])(?P<title>(?:{heads})(?:\s+{title_word}){{0,7}}?)\s+{name}"
        ),
        # A name with no honorific that takes a post: "Đặng Văn Tuấn được bầu làm Phó Chủ tịch".
        # The verb is found first and the name read back from it: scanning for names that might
        # be followed by one tried the family names at every character.
        by_post=regex.compile(rf"(?<![\p{{L}}])(?:{elected})(?!\p{{L}})"),
        # The stdlib engine skips at C speed the characters no phrase starts with, where the
        # regex module tries the look-behind at every one; its \s holds every character of
        # regex's \s (checked over all code points), so it finds every start and more.
        honorific_start=re.compile(honorifics),
        head_start=re.compile(heads),
        route_starts=_StartFinder(cues.honorifics, cues.position_heads),
        # What every match of by_honorific and by_title holds, up to the space after the family
        # name, in the stdlib engine: its \s holds regex's, and a title word is a bracket or a
        # run of other characters than white space. A match there costs ~0.5 us, one of the
        # regex module ~5 us; most places have no name after them.
        honorific_named=re.compile(rf"(?:{honorifics})\s+(?:{surnames})\s"),
        # Possessive: a run of other characters than white space given back ends before one of
        # them, where neither the next word nor the family name can start.
        title_named=re.compile(
            rf"(?:{heads})(?:\s+(?:\([^()\n]{{1,40}}\)|\S++)){{0,7}}?\s+(?:{surnames})\s"
        ),
        post_starts=tuple((word, re.compile(word + rest)) for word, rest in elected_forms),
        name_before=regex.compile(rf"(?<![\p{{L}}]){name}\s+$"),
        # The lead of a list, read back from its colon.
        by_list=regex.compile(
            rf"(?<![\p{{L}}])(?:(?i:các)\s+)?(?:{honorifics})"
            rf"(?:\s+(?P<title>(?:{heads})[^:;.\n]{{0,80}}?))?\s*:$"
        ),
        # "A - Chủ tịch", "A- Chủ tịch", "A –Chủ tịch": a dash with a space on one side at least.
        list_after=regex.compile(
            rf"\s*(?:,|\s*[-–]\s|\s[-–](?=\p{{Lu}}))\s*(?P<list>{list_char}{{2,240}})"
        ),
        list_next=regex.compile(r"\s*(?:,|\s+và\s+)\s*"),
        post_openers=post_openers,
        post_taken=regex.compile(
            rf"(?<!\S)(?:{taken})\s+(?:chức(?:\s+(?:danh|vụ))?\s+)?"
            rf"(?P<post>(?i:(?:{heads}))[^,.;()\n]*)"
        ),
        position_head=regex.compile(rf"^(?:(?:{prefixes})\s+)?(?i:(?:{heads}))(?![\p{{L}}])"),
        position_stop=regex.compile(
            rf"\s+(?:{_alt(cues.position_stops)}|và\s+(?:các\s+)?(?:{honorifics}))(?![\p{{L}}])"
        ),
        # The stdlib engine finds the few words a stop may be at C speed, where the regex module
        # tried position_stop at every character (~13 us a title list).
        stop_hint=re.compile(rf"\s(?:{prefix_tree([*cues.position_stops, 'và'])})"),
        head_split=regex.compile(rf"\s+[-–]\s+(?=(?:(?:{prefixes})\s+)?(?i:(?:{heads}))\b)"),
        # A title holding an honorific or "và" joins two people: "Phó Tổng Giám đốc và đồng
        # chí Vũ Thị Vĩnh Thanh" gives her no title.
        title_breaks=regex.compile(rf"(?<![\p{{L}}])(?:{honorifics}|và)(?![\p{{L}}])"),
        honorific_at=regex.compile(
            rf"\s*(?:{prefix_tree(h for h in cues.honorifics if ' ' in h)})\s"
        ),
        honorific_word=regex.compile(rf"(?<![\p{{L}}])(?:{honorifics})(?![\p{{L}}])"),
        quote_before=regex.compile(rf"[”\"]\s*,\s*(?:(?:{honorifics})\s*)?$"),
        # A clause ends at a full stop (not the dot of "TP. Hà Nội"), ";", a line or a quotation.
        clause_end=regex.compile(
            rf"(?<!(?<![\p{{L}}])(?:{_alt(cues.dotted_abbreviations)}))\.\s|[;\n“]"
        ),
        age_after=regex.compile(rf"\s*\(\s*\d{{1,3}}\s+(?:{_alt(cues.age_words)})(?![\p{{L}}])"),
        roles_before=roles_before,
        role_groups=role_groups,
        before_words=frozenset(
            phrase.lstrip("^").split("…")[0].split()[0]
            for phrases in cues.roles_before.values()
            for phrase in phrases
        ),
        roles_after=roles_after,
        folded_honorifics=folded_honorifics,
        padded_honorifics=tuple(f" {h}" for h in folded_honorifics),
        padded_awarded=tuple(f" {cue}" for cue in cues.awarded_after_cho),
    )
