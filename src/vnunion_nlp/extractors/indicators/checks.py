"""The per-candidate checks: which number expressions are indicators, and what they measure.

``_find`` walks a section's candidates in order, skipping those inside quoted names, document
or term records or the evidence of the figure before; ``_check`` runs the ordered chain of cheap
checks on the few words around each one (context, shape, unit, whole and share, comparator) and
returns a ``_Found`` or None. ``_shape`` reads value, range, ratio and percent from the match,
``_measured_duration`` keeps a length of time that is a measured limit, and the small helpers
after it read units, currencies and names.
"""

from __future__ import annotations

from typing import Final

import regex

from vnunion_nlp.engine import HOLD_GIL
from vnunion_nlp.extractors.indicators.candidates import _Candidate, _inside, _names_in_quotes
from vnunion_nlp.extractors.indicators.clauses import _Bounds
from vnunion_nlp.extractors.indicators.patterns import (
    _AFTER_WINDOW,
    _AMBIGUOUS_ALONE,
    _BEFORE_WINDOW,
    _YEAR,
    _Groups,
    _key,
    _Patterns,
)
from vnunion_nlp.extractors.indicators.prefilters import _SPACE_SET, _SPACES, _Span
from vnunion_nlp.extractors.indicators.subjects import _subject
from vnunion_nlp.lexicon import alternation as _alt
from vnunion_nlp.numbers import (
    APPROXIMATE_WORDS,
    MULTIPLIERS,
    Number,
    parse_number,
    parse_number_words,
    scale,
)
from vnunion_nlp.records import Comparator, Section

_YEAR_RE: Final = regex.compile(_YEAR)
_UNIT_AHEAD: Final = regex.compile(r"\s+[\p{L}“\"]")
_VAGUE_BEFORE: Final = regex.compile(
    rf"(?:^|[^\p{{L}}])(?:{_alt(APPROXIMATE_WORDS)})\s+$", regex.IGNORECASE | regex.REVERSE
)


class _Found:
    """One candidate that passed the checks, in section-local offsets.

    A plain class with its own ``__init__``, no dataclass: one is built for every figure, and
    mypyc compiles a dataclass's generated ``__init__`` only as interpreted code, many times
    slower to call."""

    def __init__(
        self,
        start: int,
        end: int,
        value: Number,
        value_max: Number | None,
        total: Number | None,
        percent: float | None,
        unit: str | None,
        comparator: Comparator,
        value_text: str,
        confidence: float,
        number_start: int,
        unit_end: int,
        unit_start: int | None,
    ) -> None:
        self.start = start
        self.end = end
        self.value = value
        self.value_max = value_max
        self.total = total
        self.percent = percent
        self.unit = unit
        self.comparator = comparator
        self.value_text = value_text
        self.confidence = confidence
        # what ``_subject`` reads the subject from (asked only of a figure no repeat, see there)
        self.number_start = number_start
        self.unit_end = unit_end
        self.unit_start = unit_start


def _find(
    pat: _Patterns,
    section: Section,
    candidates: list[_Candidate],
    taken: list[tuple[int, int]],
    bounds: _Bounds,
) -> list[_Found]:
    """The ``candidates`` of one section that pass every check (section-local offsets)."""
    text = section.text
    quoted = _names_in_quotes(pat, text, [candidate[0] for candidate in candidates])
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


def _check(pat: _Patterns, text: str, candidate: _Candidate, bounds: _Bounds) -> _Found | None:
    """The indicator a candidate stands for, or None when a check rejects it.

    Every pattern runs on a short slice around the number (see ``_word_matches``).
    """
    start, end, groups, value_text = candidate
    after = text[end : end + _AFTER_WINDOW]
    # Every unit pattern and _UNIT_AHEAD open with ``\\s+``: where the text after that white
    # space starts serves them all (see ``_Lead.match_at``).
    spaced = bool(after) and after[0] in _SPACE_SET
    head = after.lstrip(_SPACES) if spaced else ""
    word_ahead = spaced and _letter_or_quote(after, head[:1])
    if not word_ahead and not _has_own_unit(groups):
        return None  # "2. Trong", "60, chủ", "1 2": no word, so no unit, follows
    head_at = end + len(after) - len(head)
    folded = bounds.folded  # the section case-folded: no slice around the number is folded
    before_start = max(0, start - _BEFORE_WINDOW)
    before = text[before_start:start]
    folded_before: _Span | None = None
    if folded is not None:
        folded_before = folded, before_start, before_start + len(before.rstrip(_SPACES))
    if pat.blocking.search_folded(before, folded_before) and not (
        pat.blocking_exception.search_folded(before, folded_before)
    ):
        return None
    if not before.strip(" -–•+*\t") and pat.list_number_after.match(after, None, None, HOLD_GIL):
        return None  # list numbering "1." / "Một là:"
    shape = _shape(groups)
    if shape is None:
        return None
    value, value_max, total, percent, is_percent, scaled, date_like = shape
    glued = groups.glued

    # Unit: the longest of a known noun and a currency word (the first of those as long)
    unit_match: regex.Match[str] | None = None
    if spaced and not (is_percent or glued) and _may_lead(pat, folded, head_at):
        for lead in pat.unit_leads:
            found = lead.match_at(after, text, folded, head_at)
            if found is not None and (unit_match is None or found.end() > unit_match.end()):
                unit_match = found
        non_unit = pat.non_unit.match_at(after, text, folded, head_at)
        if non_unit is not None and (unit_match is None or non_unit.end() >= unit_match.end()):
            # a length of time, an age, a rating; "lần lượt" (in turn) is no "lần"; a length
            # of time that is a measured limit or amount is one
            if non_unit[pat.unit_group] is None or not _measured_duration(
                pat, before, folded_before, after[non_unit.end() :], value_max
            ):
                return None
            unit_match = non_unit
    # groups by index, read once: ``regex`` looks a name up by raising inside (``_group_index``)
    unit_word = "" if unit_match is None else unit_match[pat.unit_group]
    if unit_match is not None and _starts_name(pat, unit_word):
        unit_match, unit_word = None, ""
    confidence = 0.9
    unit: str | None
    if is_percent:
        unit, unit_end = "%", 0
    elif glued:
        unit, unit_end = _currency_of(pat, glued) or glued.lower(), 0
    elif unit_match is not None:
        unit, unit_end = unit_word, unit_match.end()
        currency = pat.cues.currencies.get(unit) or _currency_of(pat, unit)
        if currency is not None:
            unit = currency
    else:
        abbreviation = None if _after_name(before) else _abbreviation(pat, after, head)
        if abbreviation is not None:
            unit, unit_end = abbreviation[pat.unit_group], abbreviation.end()
            confidence = 0.7
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
    words = groups.words
    if (
        words is not None
        and words[:3].lower() == "năm"
        and pat.year_before.search_folded(before, folded_before)
    ):
        return None  # "Hằng năm chi bộ …": a year
    if words is not None and _VAGUE_BEFORE.search(before, None, None, HOLD_GIL):
        return None  # "vài ba điểm", "hàng trăm người": a magnitude, no figure
    if words is not None and not scaled:
        if unit_match is None or _key(unit_word) in pat.anaphoric_units:
            return None
        if words.lower() == "năm" and " " not in unit_word.strip():
            return None  # "là năm bản lề": "năm" alone counts only nouns of 2+ syllables
    tail = text[end : end + 3 * _AFTER_WINDOW]  # positions in it are relative to ``end``
    tail_end = end + len(tail)
    if (
        unit is not None
        and _key(unit) in pat.frequency_units
        and pat.per_duration.match(tail, unit_end, None, HOLD_GIL)
    ):
        return None  # "1 lần/tháng" is a frequency
    if unit_end and pat.anaphora.match_in(tail, unit_end, folded, end + unit_end, tail_end):
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
        whole = pat.unit_total.match_in(tail, at, folded, evidence_end, tail_end)
        whole_value = parse_number(whole[pat.total_group]) if whole else None
        if whole is not None and whole_value is not None and whole_value > value:
            total = whole_value
            evidence_end = end + whole.end()
    if total is not None and percent is None:
        stated = pat.ratio_percent.match(tail, evidence_end - end, None, HOLD_GIL)
        if stated is not None:
            percent_value = parse_number(stated[pat.pct_group])
            percent = None if percent_value is None else float(percent_value)
            evidence_end = end + stated.end()
    if date_like and percent is None:
        return None  # 1/5 reads as a date unless a percentage confirms the ratio
    comparator: Comparator = "="
    evidence_start = start
    cue = pat.comparator_before.search_folded(before, folded_before)
    if cue is not None:
        cue_key = _key(cue[pat.cue_group])
        symbol = pat.comparator_of[cue_key]
        # "từ 2 - 3": the range itself carries the bounds.
        if not (value_max is not None and cue_key == "từ"):
            comparator = symbol
        evidence_start = start - (len(before) - cue.start(pat.cue_group))
    rest = text[evidence_end : evidence_end + _AFTER_WINDOW]
    rest_end = evidence_end + len(rest)
    after_cue = pat.comparator_after.match_in(rest, 0, folded, evidence_end, rest_end)
    if after_cue is not None:
        comparator = pat.comparator_of[_key(after_cue[pat.cue_group])]
        evidence_end += after_cue.end()
    elif total is None and unit != "%":
        whole = pat.total.match_in(rest, 0, folded, evidence_end, rest_end)
        whole_value = parse_number(whole[pat.total_group]) if whole else None
        if whole is not None and whole_value is not None and whole_value > value:
            total = whole_value
            evidence_end += whole.end()
    unit_start = end + unit_match.start(pat.unit_group) if unit_match and not is_percent else None
    if unit_start is None and unit is not None and unit != "%" and unit_end:
        unit_start = end + unit_end - len(unit)  # the fallback noun, as written
    return _Found(
        start=evidence_start,
        end=evidence_end,
        value=value,
        value_max=value_max,
        total=total,
        percent=percent,
        unit=unit,
        comparator=comparator,
        value_text=value_text,
        confidence=confidence,
        number_start=start,
        unit_end=end + unit_end,
        unit_start=unit_start,
    )


def _subject_of(pat: _Patterns, text: str, found: _Found, bounds: _Bounds) -> str | None:
    """What ``found`` counts (see ``_subject``): read apart from the checks, so that it is read
    only where needed (a repeat of a figure other than a percentage needs none)."""
    return _subject(
        pat, text, found.number_start, found.unit_end, found.unit, found.unit_start, bounds
    )


def _may_lead(pat: _Patterns, folded: str | None, head_at: int) -> bool:
    """One of ``pat.unit_leads`` or ``pat.non_unit`` may match after the number, the word after
    it (maybe quoted) starting at ``head_at`` in the section case-folded: one test for the
    exact tests of all four (see ``_Lead.match_at``; case folding keeps a match of an exact-case
    lead a match of its folded first word)."""
    if folded is None:
        return True
    firsts = pat.unit_firsts
    return firsts.starts_at(folded, head_at) or (
        folded[head_at : head_at + 1] in '“"' and firsts.starts_at(folded, head_at + 1)
    )


def _measured_duration(
    pat: _Patterns,
    before: str,
    folded_before: _Span | None,
    following: str,
    value_max: Number | None,
) -> bool:
    """A length of time that is a limit, change or rate ("không quá 2 ngày", "lên 6 tháng",
    "từ 3 tháng trở lên", "36 giờ/tháng", "từ 10-15 năm"), not the span of a period."""
    if pat.per_frequency.match(following, None, None, HOLD_GIL):
        return False  # "3 năm/lần": how often, not how long
    if pat.duration_before.search_folded(before, folded_before) or pat.duration_after.match(
        following, None, None, HOLD_GIL
    ):
        return True
    if pat.per_duration.match(following, None, None, HOLD_GIL):
        return True
    if value_max is not None:
        cue = pat.comparator_before.search_folded(before, folded_before)
        return cue is not None and _key(cue[pat.cue_group]) == "từ"
    return False


_Shape = tuple[Number, Number | None, Number | None, float | None, bool, bool, bool]


def _shape(match: _Groups) -> _Shape | None:
    """(value, value_max, total, percent, is_percent, scaled, date_like), or None.

    ``date_like``: a ratio such as 1/5 that reads as a date unless a percentage confirms it.
    """
    words = match.words
    if words is not None:
        number = parse_number_words(words)
        if number is None or number == 0 or words.lower() in _AMBIGUOUS_ALONE:
            return None
        has_scale = any(w.lower() in MULTIPLIERS or w.lower() == "chục" for w in words.split())
        return number, None, None, None, False, has_scale, False
    low = match.a
    if low is None:
        return None
    value = parse_number(low)
    if value is None:
        return None
    scale_words = match.scale or ""
    high_text = match.hi or match.hi2
    value_max = parse_number(high_text) if high_text else None
    if value_max is not None and value_max <= value:
        return None  # "3-2" is a date, not a range
    if (
        value_max is not None
        and _YEAR_RE.fullmatch(low, None, None, HOLD_GIL)
        and _YEAR_RE.fullmatch(high_text or "")
    ):
        return None  # year range 2020 - 2025
    total: Number | None = None
    percent: float | None = None
    date_like = False
    if match.whole is not None:
        total = parse_number(match.whole)
        if total is None or total == 0 or value > total:
            return None  # 28/3 is a date
        if match.rpct is not None:
            stated = parse_number(match.rpct)
            percent = None if stated is None else float(stated)
        elif value <= 31 and total <= 12:
            date_like = True
    if scale_words:
        value = scale(value, scale_words)
        value_max = scale(value_max, scale_words) if value_max is not None else None
        total = scale(total, scale_words) if total is not None else None  # 6,8/32,2 tỷ đồng
    is_percent = match.pct is not None or match.lowpct is not None or match.lowpct2 is not None
    return value, value_max, total, percent, is_percent, bool(scale_words), date_like


def _has_own_unit(groups: _Groups) -> bool:
    """The groups carry their own unit: a percentage, a glued unit, a ratio's stated share."""
    return bool(groups.pct or groups.lowpct or groups.lowpct2 or groups.glued or groups.rpct)


def _looks_like_year(match: _Groups, has_unit: bool) -> bool:
    """A bare 19xx/20xx with no counted noun after it."""
    digits = match.a
    return (
        digits is not None
        and not has_unit
        and match.whole is None
        and _YEAR_RE.fullmatch(digits, None, None, HOLD_GIL) is not None
    )


_NAME_BEFORE: Final = regex.compile(r"(?<=[\p{L}\p{N},;:]\s+)\p{Lu}[\p{L}\p{N}]*\s*$")


def _after_name(before: str) -> bool:
    """The number follows a capitalised word that does not open the sentence.

    The capital must open the last word of ``before`` (white space comes before it): where
    that word starts with a character below U+0250 that is no capital (``str.isupper`` holds
    for every ``\\p{Lu}`` there, whatever the Unicode versions), or no white space comes
    before it, the pattern cannot match and is not run.
    """
    words = before.rstrip(_SPACES).rsplit(None, 1)
    if len(words) < 2:
        return False
    first = words[1][0]
    if first < "\u0250" and not first.isupper():
        return False
    return _NAME_BEFORE.search(before, None, None, HOLD_GIL) is not None


def _abbreviation(pat: _Patterns, after: str, head: str) -> regex.Match[str] | None:
    """``pat.abbreviation.match(after)``, ``head`` being ``after`` without its leading white
    space: a capital must open it (see ``_after_name``)."""
    first = head[:1]
    if not first or (first < "\u0250" and not first.isupper()):
        return None
    return pat.abbreviation.match(after, None, None, HOLD_GIL)


def _starts_name(pat: _Patterns, unit: str) -> bool:
    """A capitalised single word not listed so ("1 Bộ …") starts a name, not a unit."""
    return (
        " " not in unit
        and unit[0].isupper()
        and unit not in pat.cues.units
        and unit not in pat.cues.currencies
    )


def _currency_of(pat: _Patterns, unit: str) -> str | None:
    return pat.currency_codes.get(unit.lower())


def _fallback_unit(pat: _Patterns, after: str) -> tuple[str | None, int]:
    """A lower-case noun of one or two syllables after the number, else (None, 0)."""
    match = pat.fallback_unit.match(after, None, None, HOLD_GIL)
    if match is None:
        return None, 0
    words = match[pat.unit_group].split()
    stops, subject_stops = pat.fallback_stops, pat.subject_stop_words
    if words[0] in stops or words[0] in subject_stops:
        return None, 0
    if len(words) == 2 and (words[1] in stops or words[1] in subject_stops):
        return words[0], match.start(pat.unit_group) + len(words[0])
    return " ".join(words), match.end()


def _letter_or_quote(after: str, first: str) -> bool:
    """``_UNIT_AHEAD`` matches ``after`` (which starts with white space), ``first`` being its
    first character after that white space. Below U+0250 ``str.isalpha`` is ``\\p{L}``
    whatever the Unicode versions; any other character is left to the pattern."""
    if not first:
        return False
    if first in '“"' or (first < "\u0250" and first.isalpha()):
        return True
    return first >= "\u0250" and _UNIT_AHEAD.match(after, None, None, HOLD_GIL) is not None
