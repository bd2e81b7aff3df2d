"""Extractor for `indicators` records (see ../shared/ANNOTATION.md "Indicator").

One compiled regex pass per content section finds every number in digits (with its range,
ratio, percent sign, glued unit and scale words); numbers in words are looked up from their
lead word. Each candidate then goes through an ordered chain of cheap checks on the few words
around it:

1. *context*: inside a quoted name or title (not quoted speech), inside a document or term
   record, after a blocking word (``lần thứ``, ``khóa``, ``số``, ``ngày``, ``năm`` …) or a list
   number → dropped;
2. *shape*: bare years, year ranges, dates written ``28/3``, descending "ranges" → dropped;
3. *unit*: money (``đồng`` → VND), ``%``, a known counted noun, an abbreviation in capitals,
   else a lower-case noun phrase (lower confidence); a time length, age or rating (``5 năm``,
   ``3 sao``) drops it unless the wording makes the length a measured limit ("không quá 2
   ngày"), and so does a plain number with no unit, a frequency ("2 lần/năm"), a vague
   magnitude ("hàng trăm") or a figure already given ("05 nhiệm vụ nêu trên");
4. *whole and share*: "N unit/M …" and "N/M unit (đạt X%)" complete a ratio;
5. *comparator*, *target*, *period* and *subject* are read from the cue words around it.

The same fact stated twice (headline and body, or two sentences) is kept once, with its first
evidence. Every pattern runs on a bounded slice around the number, so that the work stays linear
in the length of the text.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable
from dataclasses import dataclass

import regex
from pydantic import field_validator, model_validator

from vnunion_nlp.document import ParsedArticle
from vnunion_nlp.lexicon import DataModel, load_yaml
from vnunion_nlp.lexicon import alternation as _alt
from vnunion_nlp.numbers import (
    APPROXIMATE_WORDS,
    DIGIT_WORDS,
    MULTIPLIERS,
    NUMBER_PATTERN,
    Number,
    parse_number,
    parse_number_words,
    scale,
)
from vnunion_nlp.records import Comparator, Indicator, Section

EXTRACTOR = "indicators"
_SUBJECT_MAX_WORDS = 8
_BEFORE_WINDOW = 48  # characters read before a number: enough for "không vượt quá" + spaces
_AFTER_WINDOW = 120
_CLAUSE_WINDOW = 400  # a clause longer than this is cut: cues further away do not count


class ComparatorCues(DataModel):
    """Phrases before / after a number that set one comparator."""

    before: list[str]
    after: list[str]


class IndicatorCues(DataModel):
    """Schema of ``data/indicator_cues.yaml`` (its header explains every field)."""

    comparators: dict[Comparator, ComparatorCues]
    target_cues: list[str]
    achieved_before: list[str]
    period_words: list[str]
    period_phrases: list[str]
    rate_words: list[str]
    rate_verbs: list[str]
    total_cues: list[str]
    units: list[str]
    currencies: dict[str, str]
    non_units: list[str]
    blocking_before: list[str]
    blocking_exceptions: list[str]
    subject_stops: list[str]
    subject_verbs: list[str]
    fallback_stops: list[str]
    unit_synonyms: dict[str, str]
    durations: list[str]
    duration_before: list[str]
    duration_after: list[str]
    frequency_units: list[str]
    year_before: list[str]
    anaphoric_units: list[str]
    percent_nouns: list[str]
    anaphora_after: list[str]
    speech_verbs: list[str]

    @field_validator(
        "target_cues",
        "achieved_before",
        "period_words",
        "period_phrases",
        "rate_words",
        "rate_verbs",
        "total_cues",
        "units",
        "non_units",
        "blocking_before",
        "subject_stops",
        "subject_verbs",
        "fallback_stops",
        "durations",
        "duration_before",
        "duration_after",
        "frequency_units",
        "year_before",
        "anaphoric_units",
        "percent_nouns",
        "anaphora_after",
        "speech_verbs",
    )
    @classmethod
    def _non_empty(cls, words: list[str]) -> list[str]:
        if not words or any(not w.strip() for w in words):
            raise ValueError("must be a non-empty list of non-empty phrases")
        return words

    @model_validator(mode="after")
    def _durations_are_non_units(self) -> IndicatorCues:
        missing = set(self.durations) - set(self.non_units)
        if missing:
            raise ValueError(f"durations not listed as non_units: {sorted(missing)}")
        return self


_NOT_WORD = r"(?![\p{L}\p{N}])"
_YEAR = r"(?:19|20)\d\d"
# "tỷ lệ" is "rate", not a billion.
_SCALE_WORDS = rf"(?:{_alt(set(MULTIPLIERS))})(?!\s+lệ)"
# "không" (also "not") and "một" alone (also "a") are left out: they are not counts alone.
_NUMERALS = frozenset({*DIGIT_WORDS, "mười", "mươi", "chục", "linh", "lẻ"} - {"không"})
_NUMERAL_WORDS = rf"(?:{_alt(_NUMERALS)}|{_SCALE_WORDS})"
# A number in words starts with a digit word ("Tỷ lệ" is no number); see _AMBIGUOUS_ALONE.
_LEADS = frozenset({*DIGIT_WORDS, "mười"} - {"không", "mốt", "lăm", "nhăm"})
_LEAD_WORDS = _alt(_LEADS)
# ``_word_matches`` reads where the lead found ends only if no lead starts another or ends in a
# scale word (then the one found is the one matched, and it needs a word after it)
_LEADS_APART = not any(a != b and b.startswith(a) for a in _LEADS for b in _LEADS) and not any(
    lead.endswith(tuple(MULTIPLIERS)) for lead in _LEADS
)
# Alone, "một" is mostly "a" and "tư" mostly "private" / "fourth": never a count by themselves
# ("năm" alone is a count only before a counted noun, which every number in words needs).
_AMBIGUOUS_ALONE = frozenset({"một", "tư"})
_YEAR_RE = regex.compile(_YEAR)
_UNIT_AHEAD = regex.compile(r"\s+[\p{L}“\"]")
# groups that carry their own unit: a percentage, a glued unit, a ratio's stated share
_SELF_UNITS = ("pct", "lowpct", "lowpct2", "glued", "rpct")
_VAGUE_BEFORE = regex.compile(
    rf"(?:^|[^\p{{L}}])(?:{_alt(APPROXIMATE_WORDS)})\s+$", regex.IGNORECASE | regex.REVERSE
)
_YEAR_PERIOD = regex.compile(rf"\S+\s+{_YEAR}")
_TOKEN_START = r"(?<![\p{L}\p{N}_./,:\-–])"  # not Covid-19, 02-NQ, 1.2.3
# The end of a number token: not 17:23, 20/5/2020, 470_x; after "%" or a glued unit a slash
# opens a rate ("4,8%/năm", "500.000đ/suất"), after bare digits a date or a symbol.
_TOKEN_END = r"(?![\p{L}\p{N}_]|[-–/.,:]\p{N})(?:(?<=[%\p{L}])|(?!/))"


@dataclass(frozen=True)
class _Patterns:
    """Everything compiled from the cue file, once per process."""

    cues: IndicatorCues
    digits: regex.Pattern[str]
    words: regex.Pattern[str]
    digit_groups: tuple[str, ...]
    after_lead: _Affixes  # first words, case-folded, of what may follow a lead word
    counted_firsts: _Affixes  # first words, case-folded, of the counted nouns
    after_lead_longest: int  # the longest of ``after_lead`` and a quote
    word_groups: tuple[str, ...]
    unit_leads: tuple[_Lead, ...]  # a known noun (folded, exact case), a currency word
    abbreviation: regex.Pattern[str]
    non_unit: _Lead
    fallback_unit: regex.Pattern[str]
    blocking: _EndCue
    blocking_exception: _EndCue
    comparator_before: _EndCue
    comparator_after: _Guarded
    comparator_of: dict[str, Comparator]
    total: _Guarded
    unit_total: _Guarded
    ratio_percent: regex.Pattern[str]
    duration_before: _EndCue
    duration_after: regex.Pattern[str]
    per_duration: regex.Pattern[str]
    per_frequency: regex.Pattern[str]
    year_before: _EndCue
    anaphora: _Guarded
    target: regex.Pattern[str]
    target_words: tuple[str, ...]  # a target cue holds one
    period: regex.Pattern[str]
    period_words: tuple[str, ...]  # a period phrase holds one
    rate: regex.Pattern[str]
    rate_end: regex.Pattern[str]
    subject_stop: regex.Pattern[str]
    percent_subject_stop: regex.Pattern[str]
    quotes: regex.Pattern[str]
    speech_before: regex.Pattern[str]
    speech_inside: regex.Pattern[str]
    speech_after: regex.Pattern[str]
    list_number_after: regex.Pattern[str]
    fallback_stops: frozenset[str]
    subject_stop_words: frozenset[str]
    anaphoric_units: frozenset[str]
    frequency_units: frozenset[str]
    percent_nouns: frozenset[str]
    synonyms: dict[str, str]


def _group_names(pattern: regex.Pattern[str]) -> tuple[str, ...]:
    """Names of the groups in the order of ``Match.groups()``."""
    by_index = {index: name for name, index in pattern.groupindex.items()}
    return tuple(by_index.get(i, "") for i in range(1, pattern.groups + 1))


def _before(phrases: list[str]) -> _EndCue:
    """Phrases that end right before a number; searched backwards, from the number."""
    return _EndCue(
        regex.compile(
            rf"(?:^|[^\p{{L}}\p{{N}}])(?P<cue>{_alt(phrases)})\s*$",
            regex.IGNORECASE | regex.REVERSE,
        ),
        phrases,
    )


# What ``\s`` matches in ``regex`` (every white space is below U+3001): ``str.isspace`` also
# takes U+001C-U+001F, which ``regex`` does not.
_BMP_START = "".join(map(chr, range(0x3001)))
_SPACES = "".join(regex.findall(r"\s", _BMP_START))
_SPACE_SET = frozenset(_SPACES)
_ODD_SPACES = "".join(c for c in _BMP_START if c.isspace() and c not in _SPACES)


def _plain_spaces(text: str) -> bool:
    """``str.split`` splits ``text`` where ``regex``'s ``\\S+`` would (no U+001C-U+001F)."""
    return not any(c in text for c in _ODD_SPACES)


class _EndCue:
    """A backward ``_before`` pattern behind an exact test at C speed.

    A match ends with the last word of one phrase, right before the trailing white space; the
    test asks ``str.endswith`` for those words, case-folded. Case folding matches every
    character the way ``regex.IGNORECASE`` does, except for a few (U+0130) whose folding is
    longer: a slice holding one is left to the pattern.
    """

    def __init__(self, pattern: regex.Pattern[str], phrases: list[str]) -> None:
        self._pattern = pattern
        ends = {p.split()[-1].casefold() for p in phrases if p.strip()}
        self._ends = _Affixes(ends, suffixes=True)
        self._longest = max(len(e) for e in ends)

    def search(self, before: str) -> regex.Match[str] | None:
        tail = before.rstrip(_SPACES)[-self._longest :]
        folded = tail.casefold()
        if len(folded) == len(tail) and not self._ends.ends(folded):
            return None
        return self._pattern.search(before)

    def search_folded(self, before: str, folded: str | None) -> regex.Match[str] | None:
        """``search``, given ``before`` without its trailing white space case-folded, or None
        when that changes its length (see ``_folded_end``): one folding serves every cue."""
        if folded is not None and not self._ends.ends(folded):
            return None
        return self._pattern.search(before)


def _folded_end(before: str) -> str | None:
    """``before`` without its trailing white space, case-folded, for ``_EndCue.search_folded``;
    None where folding changes its length."""
    return _folded(before.rstrip(_SPACES))


def _folded(text: str) -> str | None:
    """``text`` case-folded where that keeps one character for one (see ``_EndCue``), else
    None."""
    folded = text.casefold()
    return folded if len(folded) == len(text) else None


class _Guarded:
    """A forward pattern behind an exact test at C speed: every match holds one of ``words``
    (case-folded; see ``_EndCue`` for the few characters left to the pattern)."""

    def __init__(self, pattern: regex.Pattern[str], words: tuple[str, ...]) -> None:
        self._pattern = pattern
        self._words = words

    def match(self, text: str, pos: int = 0) -> regex.Match[str] | None:
        piece = text[pos:]
        folded = piece.casefold()
        if len(folded) == len(piece) and not any(word in folded for word in self._words):
            return None
        return self._pattern.match(text, pos)

    def match_in(
        self, text: str, pos: int, folded: str | None, start: int, end: int
    ) -> regex.Match[str] | None:
        """``match``, given a case-folded string whose ``start:end`` is ``text[pos:]`` folded
        (one character for one), or None: one folding serves every pattern after a number."""
        if folded is not None and not any(folded.find(w, start, end) >= 0 for w in self._words):
            return None
        return self._pattern.match(text, pos)


class _Lead:
    """A pattern ``\\s+[“"]?(?:phrases)…`` matched at the start of a text, behind an exact
    test at C speed: after the white space (and a quote, where the pattern takes one) the text
    starts with the first word of a phrase, case-folded where the pattern ignores case (see
    ``_EndCue`` for the few characters left to the pattern)."""

    def __init__(self, pattern: regex.Pattern[str], phrases: list[str]) -> None:
        self._pattern = pattern
        self._fold = bool(pattern.flags & regex.IGNORECASE)
        self._quoted = '[“\\"]?' in pattern.pattern
        firsts = {p.split()[0] for p in phrases if p.strip()}
        firsts = {f.casefold() for f in firsts} if self._fold else firsts
        self._firsts = _Affixes(firsts)
        self._longest = max(len(f) for f in firsts) + 1  # and a quote

    def match(self, text: str) -> regex.Match[str] | None:
        if not text or text[0] not in _SPACES:
            return None  # ``\\s+`` comes first
        head = text.lstrip(_SPACES)[: self._longest]
        folded = head.casefold()
        return self.match_head(text, head, folded if len(folded) == len(head) else None)

    def match_head(self, text: str, head: str, folded: str | None) -> regex.Match[str] | None:
        """``match`` for a ``text`` that starts with white space, given what follows it:
        ``head`` (at least its first ``_longest`` characters) and ``head`` case-folded, or
        None when that changes its length. One head serves every lead tried after a number."""
        if self._fold:
            if folded is None:
                return self._pattern.match(text)
            head = folded
        if self._firsts.starts(head) or (
            self._quoted and head[:1] in '“"' and self._firsts.starts(head[1:])
        ):
            return self._pattern.match(text)
        return None


class _Affixes:
    """``str.startswith`` (or ``endswith``) any of many words, asked only of the words that
    share the first (last) character: a tuple of a hundred words costs a hundred tests."""

    def __init__(self, words: Iterable[str], suffixes: bool = False) -> None:
        grouped: dict[str, list[str]] = {}
        for word in words:
            grouped.setdefault(word[-1] if suffixes else word[0], []).append(word)
        self._by_char = {char: tuple(group) for char, group in grouped.items()}

    def starts(self, text: str) -> bool:
        return text.startswith(self._by_char.get(text[:1], ()))

    def ends(self, text: str) -> bool:
        return text.endswith(self._by_char.get(text[-1:], ()))


def _cover(phrases: Iterable[str]) -> tuple[str, ...]:
    """Words, case-folded, one of which every phrase holds: a match of the phrases holds one.

    Greedy: the word held by most phrases not yet covered, the longest of those on a tie.
    """
    left = [set(p.casefold().split()) for p in phrases]
    chosen: list[str] = []
    while left:
        counts: dict[str, int] = {}
        for words in left:
            for word in words:
                counts[word] = counts.get(word, 0) + 1
        best = max(sorted(counts), key=lambda w: (counts[w], len(w)))
        chosen.append(best)
        left = [words for words in left if best not in words]
    return tuple(chosen)


@functools.cache
def _patterns() -> _Patterns:
    cues = load_yaml("indicator_cues.yaml", IndicatorCues)
    number = NUMBER_PATTERN
    digits = regex.compile(
        rf"""
        (?=\d)  # what (?P<a>) starts with: tried first, it makes the scan faster by a quarter
        {_TOKEN_START}
        (?P<a>{number})
        (?:
            \s*/\s*(?P<whole>{number})                           # ratio 739/739 (or a date)
            (?:\s*\(\s*(?:đạt|bằng|chiếm|tỷ\s+lệ|tỉ\s+lệ)?\s*     # "(đạt 100%)" after it
                (?P<rpct>{number})\s*%\s*\))?
          | (?P<lowpct>\s?%)?\s*[-–—]\s*(?P<hi>{number})          # range 2 - 3, 70%-75%
          | (?P<lowpct2>\s?%)?\s+(?:đến|tới)\s+(?P<hi2>{number})  # range từ 85% đến 90%
        )?
        (?:
            (?P<pct>\s?%)
          | (?P<glued>đ|vnđ|vnd|kg){_NOT_WORD}                   # 500.000đ, 10kg
          | (?P<scale>(?:\s+(?:{_SCALE_WORDS})){{1,3}}){_NOT_WORD}    # trăm nghìn tỷ at most
        )?
        {_TOKEN_END}
        """,
        regex.VERBOSE | regex.IGNORECASE,
    )
    folded_units = [u for u in cues.units if u == u.lower()]
    exact_units = [u for u in cues.units if u != u.lower()]
    counted = _alt([*cues.units, *cues.currencies])
    # A number in words needs a counted noun (or a scale word) after it: checking that here
    # keeps the many "năm" (year) and "ba" out of the per-candidate checks.
    words = regex.compile(
        rf"""
        {_TOKEN_START}
        (?P<words>(?:{_LEAD_WORDS})(?:\s+(?:{_NUMERAL_WORDS})){{0,7}}+){_NOT_WORD}
        (?:(?=\s+[“"]?(?:{counted}){_NOT_WORD})|(?<=(?:{_alt(set(MULTIPLIERS))})))
        """,
        regex.VERBOSE | regex.IGNORECASE,
    )
    comparator_of: dict[str, Comparator] = {}
    for symbol, group in cues.comparators.items():
        for phrase in [*group.before, *group.after]:
            comparator_of[_key(phrase)] = symbol
    before = [p for g in cues.comparators.values() for p in g.before]
    after = [p for g in cues.comparators.values() for p in g.after]
    durations = _alt(cues.durations)
    after_lead = _first_words_folded([*_NUMERALS, *MULTIPLIERS, *cues.units, *cues.currencies])
    other_non_units = [w for w in cues.non_units if w not in set(cues.durations)]
    return _Patterns(
        cues=cues,
        digits=digits,
        words=words,
        digit_groups=_group_names(digits),
        after_lead=_Affixes(after_lead),
        counted_firsts=_Affixes(_first_words_folded([*cues.units, *cues.currencies])),
        after_lead_longest=1 + max(len(w) for w in after_lead),
        word_groups=_group_names(words),
        unit_leads=tuple(
            lead
            for lead in (
                # a quoted name may be what is counted: 4 “Mái ấm Công đoàn”
                _Lead(
                    regex.compile(
                        rf"\s+[“\"]?(?P<unit>{_alt(folded_units)}){_NOT_WORD}", regex.IGNORECASE
                    ),
                    folded_units,
                )
                if folded_units
                else None,
                _Lead(
                    regex.compile(rf"\s+[“\"]?(?P<unit>{_alt(exact_units)}){_NOT_WORD}"),
                    exact_units,
                )
                if exact_units
                else None,
                _Lead(
                    regex.compile(
                        rf"\s+(?P<unit>{_alt(list(cues.currencies))}){_NOT_WORD}(?!\s+chí)",
                        regex.IGNORECASE,
                    ),
                    list(cues.currencies),
                ),
            )
            if lead is not None
        ),
        # an unlisted abbreviation in capitals counts people or bodies: 936 CN, 4 KCN, 77.000 CBCNVC
        abbreviation=regex.compile(r"\s+(?P<unit>\p{Lu}{2,}(?:-\p{Lu}{2,})?)(?![\p{L}\p{N}])"),
        non_unit=_Lead(
            regex.compile(
                rf"\s+(?:(?P<unit>{durations})|{_alt(other_non_units)}){_NOT_WORD}",
                regex.IGNORECASE,
            ),
            cues.non_units,
        ),
        fallback_unit=regex.compile(r"\s+(?P<unit>\p{Ll}+(?:\s+\p{Ll}+)?)" + _NOT_WORD),
        blocking=_before(cues.blocking_before),
        blocking_exception=_before(cues.blocking_exceptions),
        comparator_before=_before(before),
        comparator_after=_Guarded(
            regex.compile(rf"\s*(?P<cue>{_alt(after)}){_NOT_WORD}", regex.IGNORECASE)
            if after
            else regex.compile(r"(?!)"),
            _cover(after),
        ),
        comparator_of=comparator_of,
        total=_Guarded(
            regex.compile(
                # a few words of subject may come first: "150 đại biểu chính thức trong tổng số 162"
                rf"(?:\s+\p{{Ll}}+){{0,4}}?\s*,?\s*(?:{_alt(cues.total_cues)})\s+"
                rf"(?P<total>{number}){_NOT_WORD}",
                regex.IGNORECASE,
            ),
            _cover(cues.total_cues),
        ),
        # "19.260 CĐ cơ sở/21.148 đơn vị": the whole follows the unit
        unit_total=_Guarded(
            regex.compile(
                rf"(?:\s+\p{{Ll}}+){{0,3}}?\s*/\s*(?P<total>{number})(?![\p{{N}}]|[-–/.,:]\p{{N}})"
            ),
            ("/",),
        ),
        # "47/48 đoàn viên (đạt 97,9%)": the stated share of a ratio, after its unit
        ratio_percent=regex.compile(
            rf"[^\d()\n.;!?]{{0,80}}?\(\s*(?:đạt|bằng|chiếm|tỷ\s+lệ|tỉ\s+lệ)?\s*"
            rf"(?P<pct>{number})\s*%\s*\)",
            regex.IGNORECASE,
        ),
        duration_before=_before(cues.duration_before),
        duration_after=regex.compile(
            rf"\s+(?:{_alt(cues.duration_after)}){_NOT_WORD}|\s+lên\s+\d", regex.IGNORECASE
        ),
        per_duration=regex.compile(rf"\s*/\s*(?:{durations}){_NOT_WORD}", regex.IGNORECASE),
        per_frequency=regex.compile(
            rf"\s*/\s*(?:{_alt(cues.frequency_units)}){_NOT_WORD}", regex.IGNORECASE
        ),
        year_before=_before(cues.year_before),
        anaphora=_Guarded(
            regex.compile(
                rf"[^\d.;:!?\n]{{0,40}}?(?<![\p{{L}}])(?:{_alt(cues.anaphora_after)}){_NOT_WORD}",
                regex.IGNORECASE,
            ),
            _cover(cues.anaphora_after),
        ),
        # "đạt 150% chỉ tiêu", "vượt chỉ tiêu": a result measured against a target
        target=regex.compile(
            rf"(?<![\p{{L}}])(?<!%\s*|(?<![\p{{L}}])(?:{_alt(cues.achieved_before)})\s+)"
            rf"(?:{_alt(cues.target_cues)}){_NOT_WORD}",
            regex.I,
        ),
        target_words=_cover(cues.target_cues),
        period_words=_cover([*cues.period_words, *cues.period_phrases]),
        period=regex.compile(
            rf"""(?<![\p{{L}}])(?:
                  (?:{_alt(cues.period_words)})\s+{_YEAR}(?:\s*[-–]\s*{_YEAR})?(?!\d)
                | (?:{_alt(cues.period_phrases)}){_NOT_WORD}(?!\s+{_YEAR})
            )""",
            regex.VERBOSE | regex.IGNORECASE,
        ),
        rate=regex.compile(rf"(?<![\p{{L}}])(?:{_alt(cues.rate_words)}){_NOT_WORD}", regex.I),
        rate_end=regex.compile(
            rf"[\d(;:]|(?<![\p{{L}}])(?:{_alt([*cues.rate_verbs, *before])}){_NOT_WORD}",
            regex.IGNORECASE,
        ),
        subject_stop=_subject_stop_pattern([*cues.subject_stops, *cues.subject_verbs, *before]),
        percent_subject_stop=_subject_stop_pattern([*cues.subject_stops, *before]),
        # a quote ends at the next opening quote too: unclosed ones cannot make this quadratic
        quotes=regex.compile(r"“[^“”\n]*”|\"[^\"\n]*\""),
        speech_before=regex.compile(
            rf"(?<![\p{{L}}])(?:{_alt(cues.speech_verbs)})\s*:\s*$",
            regex.IGNORECASE | regex.REVERSE,
        ),
        speech_inside=regex.compile(r"[.!?…]\s+\p{Lu}"),
        speech_after=regex.compile(r"\s*[-–—]\s"),
        list_number_after=regex.compile(r"[.)](?:\s|$)|\s*(?:là|\.)?\s*:"),
        fallback_stops=frozenset(_key(w) for w in cues.fallback_stops),
        subject_stop_words=frozenset(_key(w) for w in cues.subject_stops),
        anaphoric_units=frozenset(_key(w) for w in cues.anaphoric_units),
        frequency_units=frozenset(_key(w) for w in cues.frequency_units),
        percent_nouns=frozenset(_key(w) for w in cues.percent_nouns),
        synonyms={k: _key(v) for k, v in cues.unit_synonyms.items()},
    )


def _first_words_folded(phrases: list[str]) -> tuple[str, ...]:
    return tuple(sorted({p.split()[0].casefold() for p in phrases if p.strip()}))


def _subject_stop_pattern(stops: list[str]) -> regex.Pattern[str]:
    return regex.compile(
        rf"""[;.:()!?…“”"\d\n]
        | ,\s*(?=(?-i:\p{{Lu}}))             # a comma before a capital opens a new clause
        | (?<![\p{{L}}])(?<!\bcó\s)           # "có tổ chức công đoàn" qualifies the noun
          (?:{_alt(stops)}){_NOT_WORD}""",
        regex.VERBOSE | regex.IGNORECASE,
    )


@functools.lru_cache(maxsize=4096)  # pure, and asked of every unit found
def _key(phrase: str) -> str:
    return " ".join(phrase.lower().split())


@dataclass
class _Found:
    """One candidate that passed the checks, in section-local offsets."""

    start: int
    end: int
    value: Number
    value_max: Number | None
    total: Number | None
    percent: float | None
    unit: str | None
    subject: str | None
    comparator: Comparator
    value_text: str
    confidence: float


def extract_indicators(doc: ParsedArticle) -> list[Indicator]:
    """Every reported or targeted number that counts or measures something, in text order.

    Args:
        doc: the parsed article; document and term records already extracted are respected
            (a number inside them is not an indicator).

    Returns:
        One Indicator per distinct fact (value, range, total, unit and, for percentages,
        subject); never raises on odd text.
    """
    try:
        return _extract(doc)
    except (ValueError, ArithmeticError, IndexError):  # odd text must not break a batch
        return []


# "hơn 95%" and "trên 95%" can be one fact; "trên 1 tỉ" and "gần 1 tỉ" cannot.
_DIRECTION: dict[Comparator, int] = {"=": 0, "~": 0, ">": 1, "≥": 1, "<": -1, "≤": -1}


def _extract(doc: ParsedArticle) -> list[Indicator]:
    pat = _patterns()
    taken = _disjoint(
        (r.start, r.end)
        for kind in ("documents", "terms")
        for r in doc.records.get(kind, [])
        if r.end - r.start < 80  # a long evidence span would hide real figures
    )
    results: list[Indicator] = []
    facts = _Facts()
    sections = doc.sections
    contexts = _Contexts(pat, sections)
    for index, section in doc.content():
        section_target, context_period = contexts.of(index)
        headline = section.kind in _HEADLINE_KINDS
        candidates = _candidates(pat, section.text)
        if not candidates:
            continue  # no number: the clause scan is not needed
        bounds = _Bounds(pat, section.text)
        for found in _find(pat, section, candidates, taken, bounds):
            clause_start, clause_end = bounds.clause(found.start)
            sentence_start = bounds.sentence_start(found.start)
            is_target = section_target or bounds.target_between(
                clause_start, clause_end, found.start
            )
            period = bounds.nearest_period(clause_start, clause_end, found.start)
            period = period or context_period
            mention = (
                index,
                sentence_start,
                _words_before(section.text, found.start, bounds.plain_spaces),
            )
            if not facts.is_new(_fact_keys(pat, found, is_target), mention, headline):
                continue
            start, end = section.start + found.start, section.start + found.end
            results.append(
                Indicator(
                    start=start,
                    end=end,
                    text=doc.text[start:end],
                    section_index=index,
                    extractor=EXTRACTOR,
                    confidence=found.confidence,
                    value=found.value,
                    value_max=found.value_max,
                    total=found.total,
                    percent=found.percent,
                    unit=found.unit,
                    subject=found.subject,
                    comparator=found.comparator,
                    is_target=is_target,
                    period=period,
                    value_text=found.value_text,
                )
            )
    return results


_HEADLINE_KINDS = frozenset({"title", "heading"})
_Mention = tuple[int, int, str]  # section, sentence start, the two words before the number


class _Facts:
    """The facts stated so far, to keep each one once ("the same fact stated twice is one").

    A repeat in another sentence is the same fact; within one sentence it is another fact
    ("01 đồng chí được A khen, 01 đồng chí được B khen") unless the words before the number are
    the same too (a headline run into its body). A headline drops comparators and target cues
    ("10kg thịt" over "ít nhất 10kg"), so against a headline only the figures and unit count.
    """

    def __init__(self) -> None:
        self._full: dict[tuple[object, ...], list[_Mention]] = {}
        self._headline: dict[tuple[object, ...], list[_Mention]] = {}
        self._any: dict[tuple[object, ...], list[_Mention]] = {}

    def is_new(
        self, keys: tuple[tuple[object, ...], tuple[object, ...]], mention: _Mention, headline: bool
    ) -> bool:
        full, base = keys
        if _repeats(self._full.get(full), mention) or _repeats(self._headline.get(base), mention):
            return False
        if headline and _repeats(self._any.get(base), mention):
            return False
        self._full.setdefault(full, []).append(mention)
        self._any.setdefault(base, []).append(mention)
        if headline:
            self._headline.setdefault(base, []).append(mention)
        return True


def _repeats(earlier: list[_Mention] | None, mention: _Mention) -> bool:
    return earlier is not None and any(m[:2] != mention[:2] or m[2] == mention[2] for m in earlier)


def _disjoint(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans sorted and merged where they overlap (for bisection in ``_inside``)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _fact_keys(
    pat: _Patterns, found: _Found, is_target: bool
) -> tuple[tuple[object, ...], tuple[object, ...]]:
    """(full key, base key) of a mention. Base: the figures and the unit (abbreviations spelled
    out; a ratio is specific enough without one) and, for a percentage, its subject. Full:
    also whether it is a target and the direction of its comparator."""
    if found.total is not None:
        unit: str | None = None
    else:
        unit = pat.synonyms.get(found.unit, _key(found.unit)) if found.unit else None
    subject = _subject_key(pat, found.subject) if found.unit == "%" else None
    base = (found.value, found.value_max, found.total, unit, subject)
    return (*base, is_target, _DIRECTION[found.comparator]), base


_WORD = regex.compile(r"\S+")


def _words_before(text: str, offset: int, plain_spaces: bool) -> str:
    """The two words before ``offset``, lower case (a bounded look back)."""
    piece = text[max(0, offset - 40) : offset].lower()
    words = piece.split() if plain_spaces else _WORD.findall(piece)
    return " ".join(words[-2:])


def _first_words(text: str, plain_spaces: bool) -> tuple[int, str]:
    """(end of the first ``_SUBJECT_MAX_WORDS`` words, first word) of ``text``; (0, "") if none.

    ``str.split`` does it several times faster than ``_WORD`` where it splits the same way.
    """
    if not plain_spaces:
        words = list(_WORD.finditer(text))[:_SUBJECT_MAX_WORDS]
        return (words[-1].end(), words[0].group(0)) if words else (0, "")
    parts = text.split(None, _SUBJECT_MAX_WORDS)
    if not parts:
        return 0, ""
    if len(parts) > _SUBJECT_MAX_WORDS:  # the last part is the rest, from the next word on
        return len(text[: len(text) - len(parts[-1])].rstrip()), parts[0]
    return len(text.rstrip()), parts[0]


def _subject_key(pat: _Patterns, subject: str | None) -> str:
    """The subject of a percentage with its abbreviations spelled out, lower case."""
    if not subject:
        return ""
    return " ".join(pat.synonyms.get(w, w.lower()) for w in subject.split())


def _candidates(pat: _Patterns, text: str) -> list[_Candidate]:
    """Every number expression of a section, in digits or in words, by start."""
    names = pat.digit_groups  # groups() is much cheaper than groupdict()
    candidates = [
        (m.start(), m.end(), dict(zip(names, m.groups(), strict=True)), m.group(0))
        for m in pat.digits.finditer(text)
    ]
    candidates.extend(_word_matches(pat, text))
    candidates.sort(key=lambda c: c[0])
    return candidates


def _find(
    pat: _Patterns,
    section: Section,
    candidates: list[_Candidate],
    taken: list[tuple[int, int]],
    bounds: _Bounds,
) -> list[_Found]:
    """The ``candidates`` of one section that pass every check (section-local offsets)."""
    text = section.text
    quoted = _names_in_quotes(pat, text)
    consumed_until = -1
    found: list[_Found] = []
    for candidate in candidates:
        start = candidate[0]
        if start < consumed_until or (quoted and _inside(start, quoted)):
            continue
        absolute = section.start + start
        if taken and _inside(absolute, taken):
            continue
        result = _check(pat, text, candidate, bounds)
        if result is not None:
            found.append(result)
            consumed_until = result.end
    return found


# (start, end, groups, text) of a number expression, section-local
_Candidate = tuple[int, int, dict[str, str | None], str]
_WORDS_WINDOW = 200  # a number in words and the counted noun after it fit in this


def _word_matches(pat: _Patterns, text: str) -> list[_Candidate]:
    """Numbers written in words, in text order, without overlaps.

    Looking each lead word up with ``str.find`` and matching only there is several times
    faster than a regex scan, which tries its lead-word alternation at every character. The
    match runs on a short slice: ``regex`` costs time in the length of the string it is given,
    whatever ``pos``, so matching in the whole of a huge paragraph would be quadratic.
    """
    lowered = text.lower()
    names = pat.word_groups
    found: list[_Candidate] = []
    if len(lowered) != len(text):  # a character whose lower case is longer: offsets differ
        found = [
            (m.start(), m.end(), dict(zip(names, m.groups(), strict=True)), m.group(0))
            for m in pat.words.finditer(text)
        ]
    for lead in _LEADS if not found else ():
        at = lowered.find(lead)
        while at >= 0:
            if (at and _glued_before(text[at - 1])) or (
                _LEADS_APART and not _may_count(pat, text[at + len(lead) : at + _WORDS_WINDOW])
            ):
                at = lowered.find(lead, at + 1)
                continue
            base = max(0, at - 1)  # one character before, for the look-behind
            match = pat.words.match(text[base : at + _WORDS_WINDOW], at - base)
            if match is not None and match.group(0).lower() not in _AMBIGUOUS_ALONE:
                groups = dict(zip(names, match.groups(), strict=True))
                found.append((base + match.start(), base + match.end(), groups, match.group(0)))
            at = lowered.find(lead, at + 1)
    found.sort(key=lambda c: c[0])
    kept: list[_Candidate] = []
    for candidate in found:
        if not kept or candidate[0] >= kept[-1][1]:
            kept.append(candidate)
    return kept


def _letter_or_quote(after: str, first: str) -> bool:
    """``_UNIT_AHEAD`` matches ``after`` (which starts with white space), ``first`` being its
    first character after that white space. Below U+0250 ``str.isalpha`` is ``\\p{L}``
    whatever the Unicode versions; any other character is left to the pattern."""
    if not first:
        return False
    if first in '“"' or (first < "\u0250" and first.isalpha()):
        return True
    return first >= "\u0250" and _UNIT_AHEAD.match(after) is not None


def _may_count(pat: _Patterns, after: str) -> bool:
    """``pat.words`` may match a lead word followed by ``after`` (its slice, see below): after
    white space, a numeral word or a counted noun (maybe quoted) comes first. Case folding
    tests it the way ``regex.IGNORECASE`` does (see ``_EndCue``)."""
    if not after or after[0] not in _SPACES:
        return False
    head = after.lstrip(_SPACES)[: pat.after_lead_longest]
    folded = head.casefold()
    if len(folded) != len(head):
        return True
    return pat.after_lead.starts(folded) or (
        folded[:1] in '“"' and pat.counted_firsts.starts(folded[1:])
    )


def _glued_before(char: str) -> bool:
    """``char`` fails ``_TOKEN_START`` for sure (``str.isalnum`` is ``[\\p{L}\\p{N}]`` or less
    below U+10000, whatever the Unicode versions): no number starts after it."""
    return char < _ASTRAL and (char.isalnum() or char in "_./,:-–")


_ASTRAL = "\U00010000"


def _names_in_quotes(pat: _Patterns, text: str) -> list[tuple[int, int]]:
    """Spans of quoted names and titles (campaigns, programmes): their numbers are no figures.

    Quoted speech is not skipped: it is opened by "cho biết:", followed by an attribution
    dash ("” - ông A cho hay") or holds a full stop between sentences.
    """
    spans: list[tuple[int, int]] = []
    if "“" not in text and '"' not in text:  # every quote opens with one of them
        return spans
    for quote in pat.quotes.finditer(text):
        start, end = quote.span()
        if (
            pat.speech_inside.search(quote.group(0))
            or pat.speech_after.match(text[end : end + 4])
            or pat.speech_before.search(text[max(0, start - 40) : start])
        ):
            continue
        spans.append((start, end))
    return spans


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    """``offset`` inside one of ``spans`` (sorted by start, not overlapping)."""
    at = bisect.bisect_right(spans, (offset, _MAX)) - 1
    return at >= 0 and spans[at][0] <= offset < spans[at][1]


_MAX = 1 << 62


def _check(pat: _Patterns, text: str, candidate: _Candidate, bounds: _Bounds) -> _Found | None:
    """The indicator a candidate stands for, or None when a check rejects it.

    Every pattern runs on a short slice around the number (see ``_word_matches``).
    """
    start, end, groups, value_text = candidate
    after = text[end : end + _AFTER_WINDOW]
    # Every unit pattern and _UNIT_AHEAD open with ``\\s+``: the text after that white space,
    # taken once, serves them all (see ``_Lead.match_head``).
    spaced = bool(after) and after[0] in _SPACE_SET
    head = after.lstrip(_SPACES) if spaced else ""
    word_ahead = spaced and _letter_or_quote(after, head[:1])
    get = groups.get
    if not word_ahead and not any(get(g) for g in _SELF_UNITS):
        return None  # "2. Trong", "60, chủ", "1 2": no word, so no unit, follows
    folded = _folded(head)
    before = text[max(0, start - _BEFORE_WINDOW) : start]
    folded_before = _folded_end(before)
    if pat.blocking.search_folded(before, folded_before) and not (
        pat.blocking_exception.search_folded(before, folded_before)
    ):
        return None
    if not before.strip(" -–•+*\t") and pat.list_number_after.match(after):
        return None  # list numbering "1." / "Một là:"
    shape = _shape(groups)
    if shape is None:
        return None
    value, value_max, total, percent, is_percent, scaled, date_like = shape
    glued = groups.get("glued")

    # Unit: the longest of a known noun and a currency word (the first of those as long)
    unit_match: regex.Match[str] | None = None
    if spaced and not (is_percent or glued):
        for lead in pat.unit_leads:
            found = lead.match_head(after, head, folded)
            if found is not None and (unit_match is None or found.end() > unit_match.end()):
                unit_match = found
        non_unit = pat.non_unit.match_head(after, head, folded)
        if non_unit is not None and (unit_match is None or non_unit.end() >= unit_match.end()):
            # a length of time, an age, a rating; "lần lượt" (in turn) is no "lần"; a length
            # of time that is a measured limit or amount is one
            if non_unit["unit"] is None or not _measured_duration(
                pat, before, folded_before, after[non_unit.end() :], value_max
            ):
                return None
            unit_match = non_unit
    if unit_match is not None and _starts_name(pat, unit_match["unit"]):
        unit_match = None
    confidence = 0.9
    unit: str | None
    if is_percent:
        unit, unit_end = "%", 0
    elif glued:
        unit, unit_end = _currency_of(pat, glued) or glued.lower(), 0
    elif unit_match is not None:
        unit, unit_end = unit_match["unit"], unit_match.end()
        currency = pat.cues.currencies.get(unit) or _currency_of(pat, unit)
        if currency is not None:
            unit = currency
    else:
        abbreviation = None if _after_name(before) else pat.abbreviation.match(after)
        if abbreviation is not None:
            unit, unit_end, confidence = abbreviation["unit"], abbreviation.end(), 0.7
        else:
            unit, unit_end = _fallback_unit(pat, after)
            confidence = 0.6
            if unit is None and total is not None and percent is not None:
                unit, unit_end, confidence = None, 0, 0.8
            elif unit is None or _after_name(before):
                return None  # "France 24 dẫn lời": a number in a name, not a count
    if _looks_like_year(groups, unit_match is not None or is_percent or scaled or bool(glued)):
        return None
    # words need a known noun ("một số", "Ba là", "năm ngoái"), and not one they point back
    # at ("hai tổ chức" = the two just named)
    words = groups.get("words")
    if (
        words is not None
        and words[:3].lower() == "năm"
        and pat.year_before.search_folded(before, folded_before)
    ):
        return None  # "Hằng năm chi bộ …": a year
    if words is not None and _VAGUE_BEFORE.search(before):
        return None  # "vài ba điểm", "hàng trăm người": a magnitude, no figure
    if words is not None and not scaled:
        if unit_match is None or _key(unit_match["unit"]) in pat.anaphoric_units:
            return None
        if words.lower() == "năm" and " " not in unit_match["unit"].strip():
            return None  # "là năm bản lề": "năm" alone counts only nouns of 2+ syllables
    tail = text[end : end + 3 * _AFTER_WINDOW]  # positions in it are relative to ``end``
    tail_folded = _folded(tail)
    if (
        unit is not None
        and _key(unit) in pat.frequency_units
        and pat.per_duration.match(tail, unit_end)
    ):
        return None  # "1 lần/tháng" is a frequency
    if unit_end and pat.anaphora.match_in(tail, unit_end, tail_folded, unit_end, len(tail)):
        return None  # "07 nội dung kể trên": a figure already given
    if (
        unit is not None
        and isinstance(value, float)
        and _key(unit) in pat.percent_nouns
        and value_max is None
        and total is None
    ):
        unit = "%"  # "đạt 133,4 chỉ tiêu": no count of targets has decimals

    evidence_end = end + unit_end
    if total is None and unit not in (None, "%", "VND", "USD") and unit_end:
        at = evidence_end - end
        whole = pat.unit_total.match_in(tail, at, tail_folded, at, len(tail))
        whole_value = parse_number(whole["total"]) if whole else None
        if whole is not None and whole_value is not None and whole_value > value:
            total = whole_value
            evidence_end = end + whole.end()
    if total is not None and percent is None:
        stated = pat.ratio_percent.match(tail, evidence_end - end)
        if stated is not None:
            percent_value = parse_number(stated["pct"])
            percent = None if percent_value is None else float(percent_value)
            evidence_end = end + stated.end()
    if date_like and percent is None:
        return None  # 1/5 reads as a date unless a percentage confirms the ratio
    comparator: Comparator = "="
    evidence_start = start
    cue = pat.comparator_before.search_folded(before, folded_before)
    if cue is not None:
        symbol = pat.comparator_of[_key(cue["cue"])]
        # "từ 2 - 3": the range itself carries the bounds.
        if not (value_max is not None and _key(cue["cue"]) == "từ"):
            comparator = symbol
        evidence_start = start - (len(before) - cue.start("cue"))
    rest = text[evidence_end : evidence_end + _AFTER_WINDOW]
    at = evidence_end - end  # ``rest`` in ``tail``, where it fits: ``tail_folded`` serves it
    rest_folded = tail_folded if at + len(rest) <= len(tail) else None
    after_cue = pat.comparator_after.match_in(rest, 0, rest_folded, at, at + len(rest))
    if after_cue is not None:
        comparator = pat.comparator_of[_key(after_cue["cue"])]
        evidence_end += after_cue.end()
    elif total is None and unit != "%":
        whole = pat.total.match_in(rest, 0, rest_folded, at, at + len(rest))
        whole_value = parse_number(whole["total"]) if whole else None
        if whole is not None and whole_value is not None and whole_value > value:
            total = whole_value
            evidence_end += whole.end()
    unit_start = end + unit_match.start("unit") if unit_match and not is_percent else None
    if unit_start is None and unit is not None and unit != "%" and unit_end:
        unit_start = end + unit_end - len(unit)  # the fallback noun, as written
    subject = _subject(pat, text, start, end + unit_end, unit, unit_start, bounds)
    return _Found(
        start=evidence_start,
        end=evidence_end,
        value=value,
        value_max=value_max,
        total=total,
        percent=percent,
        unit=unit,
        subject=subject,
        comparator=comparator,
        value_text=value_text,
        confidence=confidence,
    )


def _measured_duration(
    pat: _Patterns,
    before: str,
    folded_before: str | None,
    following: str,
    value_max: Number | None,
) -> bool:
    """A length of time that is a limit, change or rate ("không quá 2 ngày", "lên 6 tháng",
    "từ 3 tháng trở lên", "36 giờ/tháng", "từ 10-15 năm"), not the span of a period."""
    if pat.per_frequency.match(following):
        return False  # "3 năm/lần": how often, not how long
    if pat.duration_before.search_folded(before, folded_before) or pat.duration_after.match(
        following
    ):
        return True
    if pat.per_duration.match(following):
        return True
    if value_max is not None:
        cue = pat.comparator_before.search_folded(before, folded_before)
        return cue is not None and _key(cue["cue"]) == "từ"
    return False


_Shape = tuple[Number, Number | None, Number | None, float | None, bool, bool, bool]


def _shape(match: dict[str, str | None]) -> _Shape | None:
    """(value, value_max, total, percent, is_percent, scaled, date_like), or None.

    ``date_like``: a ratio such as 1/5 that reads as a date unless a percentage confirms it.
    """
    words = match.get("words")
    if words is not None:
        number = parse_number_words(words)
        if number is None or number == 0 or words.lower() in _AMBIGUOUS_ALONE:
            return None
        has_scale = any(w.lower() in MULTIPLIERS or w.lower() == "chục" for w in words.split())
        return number, None, None, None, False, has_scale, False
    low = match["a"]
    if low is None:
        return None
    value = parse_number(low)
    if value is None:
        return None
    scale_words = match["scale"] or ""
    high_text = match["hi"] or match["hi2"]
    value_max = parse_number(high_text) if high_text else None
    if value_max is not None and value_max <= value:
        return None  # "3-2" is a date, not a range
    if value_max is not None and _YEAR_RE.fullmatch(low) and _YEAR_RE.fullmatch(high_text or ""):
        return None  # year range 2020 - 2025
    total: Number | None = None
    percent: float | None = None
    date_like = False
    if match["whole"] is not None:
        total = parse_number(match["whole"])
        if total is None or total == 0 or value > total:
            return None  # 28/3 is a date
        if match["rpct"] is not None:
            stated = parse_number(match["rpct"])
            percent = None if stated is None else float(stated)
        elif value <= 31 and total <= 12:
            date_like = True
    if scale_words:
        value = scale(value, scale_words)
        value_max = scale(value_max, scale_words) if value_max is not None else None
        total = scale(total, scale_words) if total is not None else None  # 6,8/32,2 tỷ đồng
    is_percent = (
        match["pct"] is not None or match["lowpct"] is not None or match["lowpct2"] is not None
    )
    return value, value_max, total, percent, is_percent, bool(scale_words), date_like


def _looks_like_year(match: dict[str, str | None], has_unit: bool) -> bool:
    """A bare 19xx/20xx with no counted noun after it."""
    digits = match.get("a")
    return (
        digits is not None
        and not has_unit
        and match.get("whole") is None
        and _YEAR_RE.fullmatch(digits) is not None
    )


_NAME_BEFORE = regex.compile(r"(?<=[\p{L}\p{N},;:]\s+)\p{Lu}[\p{L}\p{N}]*\s*$")


def _after_name(before: str) -> bool:
    """The number follows a capitalised word that does not open the sentence."""
    return _NAME_BEFORE.search(before) is not None


def _starts_name(pat: _Patterns, unit: str) -> bool:
    """A capitalised single word not listed so ("1 Bộ …") starts a name, not a unit."""
    return (
        " " not in unit
        and unit[0].isupper()
        and unit not in pat.cues.units
        and unit not in pat.cues.currencies
    )


def _currency_of(pat: _Patterns, unit: str) -> str | None:
    folded = unit.lower()
    for word, code in pat.cues.currencies.items():
        if word.lower() == folded:
            return code
    return None


def _fallback_unit(pat: _Patterns, after: str) -> tuple[str | None, int]:
    """A lower-case noun of one or two syllables after the number, else (None, 0)."""
    match = pat.fallback_unit.match(after)
    if match is None:
        return None, 0
    words = match["unit"].split()
    stops, subject_stops = pat.fallback_stops, pat.subject_stop_words
    if words[0] in stops or words[0] in subject_stops:
        return None, 0
    if len(words) == 2 and (words[1] in stops or words[1] in subject_stops):
        return words[0], match.start("unit") + len(words[0])
    return " ".join(words), match.end()


def _subject(
    pat: _Patterns,
    text: str,
    start: int,
    unit_end: int,
    unit: str | None,
    unit_start: int | None,
    bounds: _Bounds,
) -> str | None:
    """What is counted: the unit and the phrase after it, or the "tỷ lệ …" phrase before.

    The phrase after ends at punctuation, a digit, a verb or preposition of ``subject_stops``,
    a comma before a capital (a new clause) or after a few words.
    """
    if unit in {"VND", "USD"}:
        return None
    tail = text[unit_end : unit_end + _AFTER_WINDOW]
    stop = (pat.percent_subject_stop if unit == "%" else pat.subject_stop).search(tail)
    following = tail[: stop.start()] if stop else tail
    words_end, first_word = _first_words(following, bounds.plain_spaces)
    phrase_end = unit_end + words_end
    has_after = bool(first_word) and first_word[0].isalpha()
    if unit == "%":
        if has_after:
            return _tidy_subject(text[unit_end:phrase_end])
        return _rate_subject(pat, text, start, bounds)
    if not has_after:
        return _rate_subject(pat, text, start, bounds) or (unit or None)
    head = unit_start if unit_start is not None else unit_end
    return _tidy_subject(text[head:phrase_end])


def _tidy_subject(phrase: str) -> str | None:
    phrase = " ".join(phrase.split())
    # a joiner can only be cut where the phrase (no white space at its end now) ends with one
    folded = _folded(phrase[-_JOINER_LONGEST:])
    if folded is None or folded.endswith(_JOINERS):
        phrase = _TRAILING_JOINERS.sub("", phrase)
    return phrase.strip(" ,–-") or None


_JOINERS = ("và", "hoặc", "cùng")
_JOINER_LONGEST = max(map(len, _JOINERS))
_TRAILING_JOINERS = regex.compile(rf"(?:[\s,]+(?:{_alt(_JOINERS)}))+\s*$", regex.IGNORECASE)


def _rate_subject(pat: _Patterns, text: str, start: int, bounds: _Bounds) -> str | None:
    """The phrase between "Tỷ lệ" and the verb or comparator before the number."""
    clause_start = bounds.clause_start(start)
    base = max(0, clause_start - 1)  # one character before, for the look-behind
    rates = list(pat.rate.finditer(text[base:start], clause_start - base))
    if not rates:
        return None
    phrase = text[base + rates[-1].end() : start]
    # The subject ends at a digit ("tỷ lệ A 1 - 2 x và B từ 2 x": B has no rate of its own),
    # a bracket, the verb that links it to the figure, or a comparator.
    cut = pat.rate_end.search(phrase)
    if cut is not None:
        phrase = phrase[: cut.start()]
    return _tidy_subject(" ".join(phrase.split()[:_SUBJECT_MAX_WORDS]).strip(" ,:("))


class _Bounds:
    """Clause and sentence ends of one section, found in one pass; looked up by bisection.

    A clause ends at . ! ? ; or a line break, a sentence at . ! ? or a line break; either is
    cut ``_CLAUSE_WINDOW`` characters from the number, so that cues far away never count and
    a huge paragraph stays linear.
    """

    def __init__(self, pat: _Patterns, text: str) -> None:
        self._length = len(text)
        # every clause end is one character; those that are no ";" end sentences too
        stops = _clause_stops(text)
        self._clause_starts = stops
        self._clause_ends = [at + 1 for at in stops]
        self._sentence_ends = [at + 1 for at in stops if text[at] != ";"]
        folded = text.casefold()
        # a character that folds longer would shift offsets: no word test then
        folded_or_none = folded if len(folded) == len(text) else None
        self._targets = _LazyScan(pat.target, text, folded_or_none, pat.target_words)
        self._periods = _LazyScan(pat.period, text, folded_or_none, pat.period_words)
        self.plain_spaces = _plain_spaces(text)

    def target_between(self, start: int, end: int, offset: int) -> bool:
        """A target cue of the clause ``start:end`` (``clause(offset)``) that ends before
        ``offset`` (the unit after the number never counts)."""
        cues = self._targets.within(start, end)
        return bool(cues) and cues[0][1] <= offset

    def nearest_period(self, start: int, end: int, offset: int) -> str | None:
        """The period phrase of the clause ``start:end`` closest to ``offset``; a single year
        ("năm 2020") is more precise than a term or "hằng năm" and wins."""
        periods = self._periods.within(start, end)
        if not periods:
            return None
        best = min(
            periods,
            key=lambda m: (
                _YEAR_PERIOD.fullmatch(m[2]) is None,
                min(abs(m[0] - offset), abs(m[1] - offset)),
            ),
        )
        return " ".join(best[2].split())

    def clause(self, offset: int) -> tuple[int, int]:
        """Bounds of the clause holding ``offset``."""
        start = _last_at_most(self._clause_ends, offset, offset - _CLAUSE_WINDOW)
        at = bisect.bisect_left(self._clause_starts, offset)
        limit = min(self._length, offset + _CLAUSE_WINDOW)
        if at < len(self._clause_starts) and self._clause_starts[at] < limit:
            return start, self._clause_starts[at]
        return start, limit

    def clause_start(self, offset: int) -> int:
        return _last_at_most(self._clause_ends, offset, offset - _CLAUSE_WINDOW)

    def sentence_start(self, offset: int) -> int:
        return _last_at_most(self._sentence_ends, offset, offset - _CLAUSE_WINDOW)


def _clause_stops(text: str) -> list[int]:
    """Offsets of the clause ends of ``text``: ``\\n``, or one of ``.!?;…`` before white space
    (``regex``'s ``\\s``) or at the end. One ``str.find`` loop a character runs several times
    faster than a regex scan."""
    found: list[int] = []
    for char in _CLAUSE_CHARS:
        at = text.find(char)
        while at >= 0:
            found.append(at)
            at = text.find(char, at + 1)
    found.sort()
    last = len(text) - 1
    return [at for at in found if at == last or text[at] == "\n" or text[at + 1] in _SPACE_SET]


_CLAUSE_CHARS = ".!?;…\n"

_MARGIN = 64  # longer than any cue phrase: a rescan from here finds one cut at the old end


class _LazyScan:
    """Matches of one pattern in a section, scanned only inside the clauses that hold numbers.

    The clauses are asked for in text order; where one overlaps the run already scanned (a long
    paragraph without stops) only its new part is scanned, so that the work stays linear.
    """

    def __init__(
        self, pattern: regex.Pattern[str], text: str, folded: str | None, words: tuple[str, ...]
    ) -> None:
        self._pattern = pattern
        self._text = text
        self._folded = folded  # the case-folded text, one character for one, or None
        self._words = words  # every match holds one of these, case-folded
        self._matches: list[tuple[int, int, str]] = []  # start, end, text
        self._starts: list[int] = []
        self._run = (0, 0)  # the contiguous range scanned last

    def within(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The matches inside ``start:end``, by start."""
        run_start, run_end = self._run
        if run_start <= start <= run_end:
            scan_from = max(start, run_end - _MARGIN)
            self._run = (run_start, max(run_end, end))
        else:
            scan_from = start
            self._run = (start, end)
        if scan_from < end and self._may_match(scan_from, end):
            base = max(0, scan_from - 1)  # one character before, for the look-behind
            piece = self._text[base:end]  # a slice: see _word_matches
            for match in self._pattern.finditer(piece, scan_from - base):
                found = (base + match.start(), base + match.end(), match.group(0))
                at = bisect.bisect_left(self._starts, found[0])
                if at == len(self._starts) or self._starts[at] != found[0]:
                    self._starts.insert(at, found[0])
                    self._matches.insert(at, found)
        first = bisect.bisect_left(self._starts, start)
        last = bisect.bisect_left(self._starts, end)
        if first == last:
            return []
        return [m for m in self._matches[first:last] if m[1] <= end]

    def _may_match(self, start: int, end: int) -> bool:
        folded = self._folded
        if folded is None:
            return True
        return any(folded.find(word, start, end) >= 0 for word in self._words)


def _last_at_most(ends: list[int], offset: int, floor: int) -> int:
    """The last of the sorted ``ends`` at or before ``offset``, but not before ``floor``."""
    at = bisect.bisect_right(ends, offset) - 1
    return max(ends[at] if at >= 0 else 0, floor, 0)


def _lead_ins(sections: list[Section]) -> list[int]:
    """For every section, the last section before it that is no list item (-1 if none): the
    lead-in of a run of list items, found in one pass (a walk back from each item of a long
    list would be quadratic)."""
    lead_ins: list[int] = []
    last = -1
    for index, section in enumerate(sections):
        lead_ins.append(last)
        if section.kind != "list_item":
            last = index
    return lead_ins


def _context_text(sections: list[Section], index: int, lead_ins: list[int]) -> str:
    """Heading or sidebar title over a section, or the lead-in paragraph of its list."""
    section = sections[index]
    parts: list[str] = []
    if section.heading:
        parts.append(section.heading)
    if section.parent is not None and 0 <= section.parent < len(sections):
        parts.append(sections[section.parent].text)
    if section.kind == "list_item":
        previous = lead_ins[index]
        if previous >= 0 and sections[previous].text.rstrip().endswith(":"):
            parts.append(sections[previous].text)
    return "\n".join(parts)


class _Contexts:
    """Target and period cues of the context texts of one article's sections, each context
    read once (every item of a list shares one)."""

    def __init__(self, pat: _Patterns, sections: list[Section]) -> None:
        self._pat = pat
        self._sections = sections
        self._lead_ins = _lead_ins(sections)
        self._seen: dict[str, tuple[bool, str | None]] = {}

    def of(self, index: int) -> tuple[bool, str | None]:
        """(a list item under a heading, sidebar or lead-in that announces targets, the period
        named by the heading or sidebar the section sits under)."""
        context = _context_text(self._sections, index, self._lead_ins)
        cues = self._seen.get(context)
        if cues is None:
            target = self._pat.target.search(context) is not None
            match = self._pat.period.search(context) if context else None
            cues = target, " ".join(match.group(0).split()) if match else None
            self._seen[context] = cues
        is_item = self._sections[index].kind == "list_item"
        return is_item and cues[0], cues[1]


__all__ = ["EXTRACTOR", "IndicatorCues", "extract_indicators"]
