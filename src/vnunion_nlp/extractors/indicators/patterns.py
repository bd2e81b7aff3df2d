"""The cue file's schema and everything compiled from it, once per process.

``IndicatorCues`` validates ``data/indicator_cues.yaml``; ``_patterns()`` turns it into the
``_Patterns`` every other module reads: the scan for numbers in digits and in words, the unit,
comparator, total, duration, target, period, rate and subject patterns (each behind its exact
prefilter where one pays), and the folded word sets the checks look up. The number-syntax
fragments shared with the other modules (``_NOT_WORD``, ``_YEAR``, the lead words of numbers in
words) and the sizes of the windows read around a number live here too.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import NamedTuple

import regex

from vnunion_nlp.cues import IndicatorCues
from vnunion_nlp.extractors.indicators.prefilters import _Affixes, _cover, _EndCue, _Guarded, _Lead
from vnunion_nlp.lexicon import alternation as _alt
from vnunion_nlp.lexicon import load_yaml, prefix_tree
from vnunion_nlp.numbers import DIGIT_WORDS, MULTIPLIERS, NUMBER_PATTERN
from vnunion_nlp.records import Comparator

_SUBJECT_MAX_WORDS = 8
_BEFORE_WINDOW = 48  # characters read before a number: enough for "không vượt quá" + spaces
_AFTER_WINDOW = 120
_ANAPHORA_REACH = 40  # "kể trên" comes at most this many characters after the counted noun
_CLAUSE_WINDOW = 400  # a clause longer than this is cut: cues further away do not count


_NOT_WORD = r"(?![\p{L}\p{N}])"
_YEAR = r"(?:19|20)\d\d"
# "từ 85% đến 90%": the words that join the two ends of a range
_RANGE_TO = ("đến", "tới")
# units written glued to the digits: 500.000đ, 10kg
_GLUED_UNITS = ("đ", "vnđ", "vnd", "kg")
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


_TOKEN_START = r"(?<![\p{L}\p{N}_./,:\-–])"  # not Covid-19, 02-NQ, 1.2.3
# The end of a number token: not 17:23, 20/5/2020, 470_x; after "%" or a glued unit a slash
# opens a rate ("4,8%/năm", "500.000đ/suất"), after bare digits a date or a symbol.
_TOKEN_END = r"(?![\p{L}\p{N}_]|[-–/.,:]\p{N})(?:(?<=[%\p{L}])|(?!/))"


class _Groups(NamedTuple):
    """The groups of a number expression: those of ``_Patterns.digits`` in their order, then
    that of ``_Patterns.words`` (the others are None). A tuple costs less to build from
    ``Match.groups()`` than a dict, and the checks read it by name all the same."""

    a: str | None  # the value, in digits
    whole: str | None  # the whole of a ratio
    rpct: str | None  # the share a ratio states: "(đạt 97,9%)"
    lowpct: str | None  # "%" after the low end of a range
    hi: str | None  # the high end of a range
    lowpct2: str | None  # "%" after the low end of a range "từ … đến …"
    hi2: str | None  # the high end of that range
    pct: str | None
    glued: str | None  # a unit glued to the digits: 500.000đ
    scale: str | None  # scale words: "trăm nghìn"
    words: str | None  # a number in words


_NO_WORDS: tuple[None] = (None,)
_NO_DIGITS: tuple[None, ...] = (None,) * (len(_Groups._fields) - 1)


@dataclass(frozen=True)
class _Patterns:
    """Everything compiled from the cue file, once per process."""

    cues: IndicatorCues
    digits: regex.Pattern[str]
    words: regex.Pattern[str]
    after_lead: _Affixes  # first words, case-folded, of what may follow a lead word
    counted_firsts: _Affixes  # first words, case-folded, of the counted nouns
    after_lead_longest: int  # the longest of ``after_lead`` and a quote
    unit_leads: tuple[_Lead, ...]  # a known noun (folded, exact case), a currency word
    unit_firsts: _Affixes  # first words, case-folded, of the phrases of unit_leads and non_unit
    abbreviation: regex.Pattern[str]
    non_unit: _Lead
    fallback_unit: regex.Pattern[str]
    unit_group: int  # the index of the group "unit" of the four unit patterns (see _group_index)
    blocking: _EndCue
    blocking_exception: _EndCue
    comparator_before: _EndCue
    comparator_after: _Guarded
    cue_group: int  # the index of the group "cue" of the two comparator patterns
    comparator_of: dict[str, Comparator]
    total: _Guarded
    unit_total: _Guarded
    total_group: int  # the index of the group "total" of the two total patterns
    ratio_percent: regex.Pattern[str]
    pct_group: int  # the index of the group "pct" of ratio_percent
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
    rate_words: tuple[str, ...]  # a rate word holds one
    rate_end: regex.Pattern[str]  # only where a match starts counts (see _starts_only)
    subject_stop: regex.Pattern[str]  # only where a match starts counts, as in the next
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
    currency_codes: dict[str, str]  # currency word in lower case → code (the first listed wins)


def _group_names(pattern: regex.Pattern[str]) -> tuple[str, ...]:
    """Names of the groups in the order of ``Match.groups()``."""
    by_index = {index: name for name, index in pattern.groupindex.items()}
    return tuple(by_index.get(i, "") for i in range(1, pattern.groups + 1))


def _group_index(name: str, *patterns: regex.Pattern[str]) -> int:
    """The index of the group ``name``, one for all of the ``patterns`` that have it (a pattern
    that never matches may have none): the checks read groups by index (see
    ``vnunion_nlp.lexicon``)."""
    indices = {pattern.groupindex[name] for pattern in patterns if name in pattern.groupindex}
    if len(indices) != 1:
        raise AssertionError(f"the group {name!r} must have one index in all its patterns")
    return indices.pop()


def _before(phrases: list[str]) -> _EndCue:
    """Phrases that end right before a number; searched backwards, from the number."""
    return _EndCue(
        regex.compile(
            rf"(?:^|[^\p{{L}}\p{{N}}])(?P<cue>{_alt(phrases)})\s*$",
            regex.IGNORECASE | regex.REVERSE,
        ),
        phrases,
    )


@functools.cache
def _patterns() -> _Patterns:
    cues = load_yaml("indicator_cues.yaml", IndicatorCues)
    number = NUMBER_PATTERN
    digits = _digits_pattern(guarded=True)
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
    if (*_group_names(digits), *_group_names(words)) != _Groups._fields:
        raise AssertionError("_Groups must name the groups of the digits and words patterns")
    comparator_of: dict[str, Comparator] = {}
    for symbol, group in cues.comparators.items():
        for phrase in [*group.before, *group.after]:
            comparator_of[_key(phrase)] = symbol
    before = [p for g in cues.comparators.values() for p in g.before]
    after = [p for g in cues.comparators.values() for p in g.after]
    durations = _alt(cues.durations)
    after_lead = _first_words_folded([*_NUMERALS, *MULTIPLIERS, *cues.units, *cues.currencies])
    other_non_units = [w for w in cues.non_units if w not in set(cues.durations)]
    unit_leads = tuple(
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
    )
    # an unlisted abbreviation in capitals counts people or bodies: 936 CN, 4 KCN, 77.000 CBCNVC
    abbreviation = regex.compile(r"\s+(?P<unit>\p{Lu}{2,}(?:-\p{Lu}{2,})?)(?![\p{L}\p{N}])")
    non_unit = _Lead(
        regex.compile(
            rf"\s+(?:(?P<unit>{durations})|{_alt(other_non_units)}){_NOT_WORD}",
            regex.IGNORECASE,
        ),
        cues.non_units,
    )
    fallback_unit = regex.compile(r"\s+(?P<unit>\p{Ll}+(?:\s+\p{Ll}+)?)" + _NOT_WORD)
    comparator_before = _before(before)
    comparator_after = _Guarded(
        regex.compile(rf"\s*(?P<cue>{_alt(after)}){_NOT_WORD}", regex.IGNORECASE)
        if after
        else regex.compile(r"(?!)"),
        _cover(after),
    )
    total = _Guarded(
        regex.compile(
            # a few words of subject may come first: "150 đại biểu chính thức trong tổng số 162"
            rf"(?:\s+\p{{Ll}}+){{0,4}}?\s*,?\s*(?:{_alt(cues.total_cues)})\s+"
            rf"(?P<total>{number}){_NOT_WORD}",
            regex.IGNORECASE,
        ),
        _cover(cues.total_cues),
    )
    # "19.260 CĐ cơ sở/21.148 đơn vị": the whole follows the unit
    unit_total = _Guarded(
        regex.compile(
            rf"(?:\s+\p{{Ll}}+){{0,3}}?\s*/\s*(?P<total>{number})(?![\p{{N}}]|[-–/.,:]\p{{N}})"
        ),
        ("/",),
    )
    # "47/48 đoàn viên (đạt 97,9%)": the stated share of a ratio, after its unit
    ratio_percent = regex.compile(
        rf"[^\d()\n.;!?]{{0,80}}?\(\s*(?:đạt|bằng|chiếm|tỷ\s+lệ|tỉ\s+lệ)?\s*"
        rf"(?P<pct>{number})\s*%\s*\)",
        regex.IGNORECASE,
    )
    return _Patterns(
        cues=cues,
        digits=digits,
        words=words,
        after_lead=_Affixes(after_lead),
        counted_firsts=_Affixes(_first_words_folded([*cues.units, *cues.currencies])),
        after_lead_longest=1 + max(len(w) for w in after_lead),
        unit_leads=unit_leads,
        abbreviation=abbreviation,
        non_unit=non_unit,
        fallback_unit=fallback_unit,
        unit_group=_group_index(
            "unit",
            *(lead.pattern for lead in unit_leads),
            abbreviation,
            non_unit.pattern,
            fallback_unit,
        ),
        unit_firsts=_Affixes(_first_words_folded([*cues.units, *cues.currencies, *cues.non_units])),
        blocking=_before(cues.blocking_before),
        blocking_exception=_before(cues.blocking_exceptions),
        comparator_before=comparator_before,
        comparator_after=comparator_after,
        cue_group=_group_index("cue", comparator_before.pattern, comparator_after.pattern),
        comparator_of=comparator_of,
        total=total,
        unit_total=unit_total,
        total_group=_group_index("total", total.pattern, unit_total.pattern),
        ratio_percent=ratio_percent,
        pct_group=_group_index("pct", ratio_percent),
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
                rf"[^\d.;:!?\n]{{0,{_ANAPHORA_REACH}}}?(?<![\p{{L}}])"
                rf"(?:{_alt(cues.anaphora_after)}){_NOT_WORD}",
                regex.IGNORECASE,
            ),
            _first_words_folded(cues.anaphora_after),  # one starts a match, in reach of its start
            _ANAPHORA_REACH,
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
        rate_words=_cover(cues.rate_words),
        rate_end=regex.compile(
            rf"[\d(;:]|(?<![\p{{L}}])(?:{_starts_only([*cues.rate_verbs, *before])}){_NOT_WORD}",
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
        currency_codes=_lower_keys(cues.currencies),
    )


def _digits_pattern(guarded: bool) -> regex.Pattern[str]:
    """The scan for numbers in digits: a value, then an optional ratio or range, then an
    optional "%", glued unit or scale words, then the end of the token.

    Nearly every value is followed by none of the optional parts, and trying each of them, all
    case-blind, costs more than finding the value. ``guarded`` puts a look-ahead before them
    that holds wherever one of them may start (each opens with white space and "/", "%", a
    dash, a range or scale word, or with the first letter of a glued unit): where it fails they
    are skipped, and as none of them could have matched there, the pattern matches what it
    matches without the guard (``tests/test_indicators_digits.py`` pins it against
    ``guarded=False``).
    """
    number = NUMBER_PATTERN
    glued_firsts = "".join(sorted({unit[0] for unit in _GLUED_UNITS}))
    spaced = _alt([*_RANGE_TO, *MULTIPLIERS])
    opening = rf"(?=\s*[/%\-–—]|\s+(?:{spaced})|[{glued_firsts}])" if guarded else ""
    return regex.compile(
        rf"""
        (?=\d)  # what (?P<a>) starts with: tried first, it makes the scan faster by a quarter
        {_TOKEN_START}
        (?P<a>{number})
        (?:{opening}
        (?:
            \s*/\s*(?P<whole>{number})                           # ratio 739/739 (or a date)
            (?:\s*\(\s*(?:đạt|bằng|chiếm|tỷ\s+lệ|tỉ\s+lệ)?\s*     # "(đạt 100%)" after it
                (?P<rpct>{number})\s*%\s*\))?
          | (?P<lowpct>\s?%)?\s*[-–—]\s*(?P<hi>{number})          # range 2 - 3, 70%-75%
          | (?P<lowpct2>\s?%)?\s+(?:{_alt(_RANGE_TO)})\s+(?P<hi2>{number})  # từ 85% đến 90%
        )?
        (?:
            (?P<pct>\s?%)
          | (?P<glued>{_alt(_GLUED_UNITS)}){_NOT_WORD}
          | (?P<scale>(?:\s+(?:{_SCALE_WORDS})){{1,3}}){_NOT_WORD}    # trăm nghìn tỷ at most
        )?
        )?
        {_TOKEN_END}
        """,
        regex.VERBOSE | regex.IGNORECASE,
    )


def _lower_keys(codes: dict[str, str]) -> dict[str, str]:
    lowered: dict[str, str] = {}
    for word, code in codes.items():
        lowered.setdefault(word.lower(), code)
    return lowered


def _first_words_folded(phrases: list[str]) -> tuple[str, ...]:
    return tuple(sorted({p.split()[0].casefold() for p in phrases if p.strip()}))


def _starts_only(phrases: list[str]) -> str:
    """The alternation of ``phrases`` for a pattern searched at every character whose matches
    count only by where they start (the stops of a subject): laid out as a prefix tree, which
    matches the same phrases, so at the same places, only faster. A phrase whose words are
    apart by more than one space is read by the two layouts differently: then the flat one."""
    if any(" ".join(p.split()) != p.strip() for p in phrases):
        return _alt(phrases)
    return prefix_tree(phrases)


def _subject_stop_pattern(stops: list[str]) -> regex.Pattern[str]:
    """Where the subject after a number ends; only the start of a match counts."""
    return regex.compile(
        rf"""[;.:()!?…“”"\d\n]
        | ,\s*(?=(?-i:\p{{Lu}}))             # a comma before a capital opens a new clause
        | (?<![\p{{L}}])(?<!\bcó\s)           # "có tổ chức công đoàn" qualifies the noun
          (?:{_starts_only(stops)}){_NOT_WORD}""",
        regex.VERBOSE | regex.IGNORECASE,
    )


@functools.lru_cache(maxsize=4096)  # pure, and asked of every unit found
def _key(phrase: str) -> str:
    return " ".join(phrase.lower().split())
