"""Extractor for `indicators` records (see ../shared/ANNOTATION.md "Indicator").

One compiled regex pass per content section finds every number expression (digits with their
range, ratio, percent sign and scale words, or a number written in words); each candidate then
goes through an ordered chain of cheap checks on the few words around it:

1. *context*: inside quotes (campaign names, titles), inside a document or term record, after a
   blocking word (``lần thứ``, ``khóa``, ``số``, ``ngày``, ``năm`` …) or a list number → dropped;
2. *shape*: bare years, year ranges, dates written ``28/3``, descending "ranges" → dropped;
3. *unit*: money (``đồng`` → VND), ``%``, a known counted noun, else a lower-case noun phrase
   (lower confidence); a time length, age or rating (``5 năm``, ``3 sao``) drops it, and so does
   a plain number with no unit at all;
4. *comparator*, *target*, *period* and *subject* are read from the cue words around it.

The same fact stated twice (headline and body) is kept once, with its first evidence.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex
from pydantic import field_validator

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

    @field_validator(
        "target_cues",
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
    )
    @classmethod
    def _non_empty(cls, words: list[str]) -> list[str]:
        if not words or any(not w.strip() for w in words):
            raise ValueError("must be a non-empty list of non-empty phrases")
        return words


_NOT_WORD = r"(?![\p{L}\p{N}])"
_YEAR = r"(?:19|20)\d\d"
# "tỷ lệ" is "rate", not a billion.
_SCALE_WORDS = rf"(?:{_alt(set(MULTIPLIERS))})(?!\s+lệ)"
# "không" (also "not") and "một" alone (also "a") are left out: they are not counts alone.
_NUMERAL_WORDS = (
    rf"(?:{_alt({*DIGIT_WORDS, 'mười', 'mươi', 'chục', 'linh', 'lẻ'} - {'không'})}|{_SCALE_WORDS})"
)
# A number in words starts with a digit word ("Tỷ lệ" is no number); see _AMBIGUOUS_ALONE.
_LEAD_WORDS = _alt({*DIGIT_WORDS, "mười"} - {"không", "mốt", "lăm", "nhăm"})
# Alone, "năm" is mostly "year" and "một" mostly "a": never a count by themselves.
_AMBIGUOUS_ALONE = frozenset({"năm", "một", "tư"})


@dataclass(frozen=True)
class _Patterns:
    """Everything compiled from the cue file, once per process."""

    cues: IndicatorCues
    candidate: regex.Pattern[str]
    unit_folded: regex.Pattern[str] | None
    unit_exact: regex.Pattern[str] | None
    currency: regex.Pattern[str]
    non_unit: regex.Pattern[str]
    fallback_unit: regex.Pattern[str]
    blocking: regex.Pattern[str]
    blocking_exception: regex.Pattern[str]
    comparator_before: regex.Pattern[str]
    comparator_after: regex.Pattern[str]
    comparator_of: dict[str, Comparator]
    total: regex.Pattern[str]
    target: regex.Pattern[str]
    period: regex.Pattern[str]
    rate: regex.Pattern[str]
    rate_end: regex.Pattern[str]
    subject_stop: regex.Pattern[str]
    percent_subject_stop: regex.Pattern[str]
    quotes: regex.Pattern[str]
    list_number_after: regex.Pattern[str]
    clause_end: regex.Pattern[str]


@functools.cache
def _patterns() -> _Patterns:
    cues = load_yaml("indicator_cues.yaml", IndicatorCues)
    candidate = regex.compile(
        rf"""
        (?<![\p{{L}}\p{{N}}_./,:\-–])          # start of a token: not Covid-19, 02-NQ, 1.2.3
        (?:
            (?P<words>(?:{_alt(set(APPROXIMATE_WORDS))})\s+(?:{_SCALE_WORDS}|chục)
                    (?:\s+(?:{_NUMERAL_WORDS}))*                    # hàng trăm nghìn
                | (?:{_LEAD_WORDS})(?:\s+(?:{_NUMERAL_WORDS}))*     # hai mươi, ba trăm
            ){_NOT_WORD}
          | (?P<a>{NUMBER_PATTERN})
            (?:
                \s*/\s*(?P<whole>{NUMBER_PATTERN})                # ratio 739/739 (or a date)
                (?:\s*\(\s*(?:đạt|bằng|chiếm|tỷ\s+lệ|tỉ\s+lệ)?\s*   # "(đạt 100%)" after it
                    (?P<rpct>{NUMBER_PATTERN})\s*%\s*\))?
              | \s*[-–—]\s*(?P<hi>{NUMBER_PATTERN})                # range 2 - 3 (or years)
              | \s+(?:đến|tới)\s+(?P<hi2>{NUMBER_PATTERN})         # range từ 2 đến 3
            )?
            (?:(?P<pct>\s?%)|(?P<scale>(?:\s+(?:{_SCALE_WORDS}))+){_NOT_WORD})?
        )
        (?![\p{{L}}\p{{N}}_/]|[-–/.,:]\p{{N}})   # end of a token: not 17:23, 20/5/2020, 470_x
        """,
        regex.VERBOSE | regex.IGNORECASE,
    )
    folded_units = [u for u in cues.units if u == u.lower()]
    exact_units = [u for u in cues.units if u != u.lower()]
    comparator_of: dict[str, Comparator] = {}
    for symbol, group in cues.comparators.items():
        for phrase in [*group.before, *group.after]:
            comparator_of[_key(phrase)] = symbol
    before = [p for g in cues.comparators.values() for p in g.before]
    after = [p for g in cues.comparators.values() for p in g.after]
    unit_tail = rf"{_NOT_WORD}"
    return _Patterns(
        cues=cues,
        candidate=candidate,
        unit_folded=regex.compile(
            rf"\s+(?P<unit>{_alt(folded_units)}){unit_tail}", regex.IGNORECASE
        )
        if folded_units
        else None,
        unit_exact=regex.compile(rf"\s+(?P<unit>{_alt(exact_units)}){unit_tail}")
        if exact_units
        else None,
        currency=regex.compile(
            rf"\s+(?P<unit>{_alt(list(cues.currencies))}){_NOT_WORD}(?!\s+chí)",
            regex.IGNORECASE,
        ),
        non_unit=regex.compile(rf"\s+(?:{_alt(cues.non_units)}){_NOT_WORD}", regex.IGNORECASE),
        fallback_unit=regex.compile(r"\s+(?P<unit>\p{Ll}+(?:\s+\p{Ll}+)?)" + _NOT_WORD),
        blocking=regex.compile(
            rf"(?:^|[^\p{{L}}\p{{N}}])(?:{_alt(cues.blocking_before)})\s*$", regex.IGNORECASE
        ),
        blocking_exception=regex.compile(
            rf"(?:^|[^\p{{L}}])(?:{_alt(cues.blocking_exceptions)})\s*$", regex.IGNORECASE
        ),
        comparator_before=regex.compile(
            rf"(?:^|[^\p{{L}}])(?P<cue>{_alt(before)})\s*$", regex.IGNORECASE
        ),
        comparator_after=regex.compile(rf"\s*(?P<cue>{_alt(after)}){_NOT_WORD}", regex.IGNORECASE)
        if after
        else regex.compile(r"(?!)"),
        comparator_of=comparator_of,
        total=regex.compile(
            # a few words of subject may come first: "150 đại biểu chính thức trong tổng số 162"
            rf"(?:\s+\p{{Ll}}+){{0,4}}?\s*,?\s*(?:{_alt(cues.total_cues)})\s+"
            rf"(?P<total>{NUMBER_PATTERN}){_NOT_WORD}",
            regex.IGNORECASE,
        ),
        target=regex.compile(rf"(?<![\p{{L}}])(?:{_alt(cues.target_cues)}){_NOT_WORD}", regex.I),
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
        quotes=regex.compile(r"“[^”\n]*”|\"[^\"\n]*\""),
        list_number_after=regex.compile(r"[.)](?:\s|$)|\s*(?:là|\.)?\s*:"),
        clause_end=regex.compile(r"[.!?;](?=\s|$)|\n"),
    )


def _subject_stop_pattern(stops: list[str]) -> regex.Pattern[str]:
    return regex.compile(
        rf"""[;.:()!?…“”"\d\n]
        | ,\s*(?=(?-i:\p{{Lu}}))             # a comma before a capital opens a new clause
        | (?<![\p{{L}}])(?<!\bcó\s)           # "có tổ chức công đoàn" qualifies the noun
          (?:{_alt(stops)}){_NOT_WORD}""",
        regex.VERBOSE | regex.IGNORECASE,
    )


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


def _extract(doc: ParsedArticle) -> list[Indicator]:
    pat = _patterns()
    taken = [
        (r.start, r.end)
        for kind in ("documents", "terms")
        for r in doc.records.get(kind, [])
        if r.end - r.start < 80  # a long evidence span would hide real figures
    ]
    results: list[Indicator] = []
    seen: set[tuple[object, ...]] = set()
    sections = doc.sections
    for index, section in doc.content():
        section_target = _section_is_target(pat, sections, index)
        context_period = _context_period(pat, sections, index)
        for found in _find(pat, section, taken):
            clause_start, clause_end = _clause(pat, section.text, found.start)
            clause = section.text[clause_start:clause_end]
            local = found.start - clause_start
            is_target = section_target or _cue_before(pat.target, clause, local)
            period = _nearest_period(pat, clause, local) or context_period
            key = (
                found.value,
                found.value_max,
                found.total,
                found.unit,
                (found.subject or "").lower() if found.unit == "%" else None,
            )
            if key in seen:
                continue
            seen.add(key)
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


def _find(pat: _Patterns, section: Section, taken: list[tuple[int, int]]) -> list[_Found]:
    """Candidates of one section that pass every check (section-local offsets)."""
    text = section.text
    quoted = [m.span() for m in pat.quotes.finditer(text)]
    consumed_until = -1
    found: list[_Found] = []
    for match in pat.candidate.finditer(text):
        start = match.start()
        if start < consumed_until or _inside(start, quoted):
            continue
        absolute = section.start + start
        if any(a <= absolute < b for a, b in taken):
            continue
        result = _check(pat, text, match)
        if result is not None:
            found.append(result)
            consumed_until = result.end
    return found


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= offset < b for a, b in spans)


def _check(pat: _Patterns, text: str, match: regex.Match[str]) -> _Found | None:
    """The indicator a candidate stands for, or None when a check rejects it."""
    start, end = match.span()
    before = text[max(0, start - _BEFORE_WINDOW) : start]
    if pat.blocking.search(before) and not pat.blocking_exception.search(before):
        return None
    after = text[end : end + _AFTER_WINDOW]
    if not before.strip(" -–•+*\t") and pat.list_number_after.match(after):
        return None  # list numbering "1." / "Một là:"
    shape = _shape(match)
    if shape is None:
        return None
    value, value_max, total, percent, is_percent, scaled, approximate = shape

    # Unit: the longest of a known noun and a currency word; %, else a fallback noun.
    unit_match = _longest(
        [
            m
            for m in (
                pat.unit_folded.match(after) if pat.unit_folded else None,
                pat.unit_exact.match(after) if pat.unit_exact else None,
                pat.currency.match(after),
            )
            if m is not None
        ]
    )
    non_unit = pat.non_unit.match(after)
    if non_unit is not None and (unit_match is None or non_unit.end() >= unit_match.end()):
        return None  # a length of time, an age, a rating; "lần lượt" (in turn) is no "lần"
    if unit_match is not None and _starts_name(pat, unit_match["unit"]):
        unit_match = None
    confidence = 0.9
    unit: str | None
    if is_percent:
        unit, unit_end = "%", 0
    elif unit_match is not None:
        unit, unit_end = unit_match["unit"], unit_match.end()
        currency = pat.cues.currencies.get(unit) or _currency_of(pat, unit)
        if currency is not None:
            unit = currency
    else:
        unit, unit_end = _fallback_unit(pat, after)
        confidence = 0.6
        if unit is None and total is not None and percent is not None:
            unit, unit_end, confidence = None, 0, 0.8
        elif unit is None or _after_name(before):
            return None  # "France 24 dẫn lời": a number in a name, not a count
    if _looks_like_year(match, unit_match is not None or is_percent or scaled):
        return None
    if match["words"] is not None and unit_match is None and not scaled:
        return None  # words need a known noun: "một số", "Ba là", "năm ngoái"

    evidence_end = end + unit_end
    comparator: Comparator = "~" if approximate else "="
    evidence_start = start
    cue = pat.comparator_before.search(before)
    if cue is not None:
        symbol = pat.comparator_of[_key(cue["cue"])]
        # "từ 2 - 3": the range itself carries the bounds.
        if not (value_max is not None and _key(cue["cue"]) == "từ"):
            comparator = symbol
        evidence_start = start - (len(before) - cue.start("cue"))
    rest = text[evidence_end : evidence_end + _AFTER_WINDOW]
    after_cue = pat.comparator_after.match(rest)
    if after_cue is not None:
        comparator = pat.comparator_of[_key(after_cue["cue"])]
        evidence_end += after_cue.end()
    elif total is None and unit != "%":
        whole = pat.total.match(rest)
        whole_value = parse_number(whole["total"]) if whole else None
        if whole is not None and whole_value is not None and whole_value > value:
            total = whole_value
            evidence_end += whole.end()
    unit_start = end + unit_match.start("unit") if unit_match and not is_percent else None
    if unit_start is None and unit is not None and unit != "%":
        unit_start = end + unit_end - len(unit)  # the fallback noun, as written
    subject = _subject(pat, text, start, end + unit_end, unit, unit_start)
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
        value_text=match.group(0),
        confidence=confidence,
    )


_Shape = tuple[Number, Number | None, Number | None, float | None, bool, bool, bool]


def _shape(match: regex.Match[str]) -> _Shape | None:
    """(value, value_max, total, percent, is_percent, scaled, approximate), or None."""
    if match["words"] is not None:
        words = match["words"]
        number = parse_number_words(words)
        if number is None or number == 0 or words.lower() in _AMBIGUOUS_ALONE:
            return None
        first = words.split()[0].lower()
        has_scale = any(w.lower() in MULTIPLIERS or w.lower() == "chục" for w in words.split())
        return number, None, None, None, False, has_scale, first in APPROXIMATE_WORDS
    value = parse_number(match["a"])
    if value is None:
        return None
    scale_words = match["scale"] or ""
    high_text = match["hi"] or match["hi2"]
    value_max = parse_number(high_text) if high_text else None
    if value_max is not None and value_max <= value:
        return None  # "3-2" is a date, not a range
    if (
        value_max is not None
        and regex.fullmatch(_YEAR, match["a"])
        and regex.fullmatch(_YEAR, high_text or "")
    ):
        return None  # year range 2020 - 2025
    total: Number | None = None
    percent: float | None = None
    if match["whole"] is not None:
        total = parse_number(match["whole"])
        if total is None or total == 0 or value > total:
            return None  # 28/3 is a date
        if match["rpct"] is not None:
            stated = parse_number(match["rpct"])
            percent = None if stated is None else float(stated)
        elif value <= 31 and total <= 12:
            return None  # 1/5 reads as a date unless a percentage confirms the ratio
    if scale_words:
        value = scale(value, scale_words)
        value_max = scale(value_max, scale_words) if value_max is not None else None
        total = scale(total, scale_words) if total is not None else None  # 6,8/32,2 tỷ đồng
    return value, value_max, total, percent, match["pct"] is not None, bool(scale_words), False


def _looks_like_year(match: regex.Match[str], has_unit: bool) -> bool:
    """A bare 19xx/20xx with no counted noun after it."""
    digits = match["a"]
    return (
        digits is not None
        and not has_unit
        and match["whole"] is None
        and regex.fullmatch(_YEAR, digits) is not None
    )


_NAME_BEFORE = regex.compile(r"(?<=[\p{L}\p{N},;:]\s+)\p{Lu}[\p{L}\p{N}]*\s*$")


def _after_name(before: str) -> bool:
    """The number follows a capitalised word that does not open the sentence."""
    return _NAME_BEFORE.search(before) is not None


def _starts_name(pat: _Patterns, unit: str) -> bool:
    """A capitalised single word not listed so ("1 Bộ …") starts a name, not a unit."""
    return " " not in unit and unit[0].isupper() and unit not in pat.cues.units


def _longest(matches: list[regex.Match[str]]) -> regex.Match[str] | None:
    return max(matches, key=lambda m: m.end(), default=None)


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
    stops = {_key(w) for w in pat.cues.fallback_stops}
    subject_stops = {_key(w) for w in pat.cues.subject_stops}
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
) -> str | None:
    """What is counted: the unit and the phrase after it, or the "tỷ lệ …" phrase before.

    The phrase after ends at punctuation, a digit, a verb or preposition of ``subject_stops``,
    a comma before a capital (a new clause) or after a few words.
    """
    tail = text[unit_end : unit_end + _AFTER_WINDOW]
    stop = (pat.percent_subject_stop if unit == "%" else pat.subject_stop).search(tail)
    following = tail[: stop.start()] if stop else tail
    words = list(regex.finditer(r"\S+", following))[:_SUBJECT_MAX_WORDS]
    phrase_end = unit_end + (words[-1].end() if words else 0)
    has_after = bool(words) and words[0].group(0)[0].isalpha()
    if unit == "%":
        if has_after:
            return _tidy_subject(text[unit_end:phrase_end])
        return _rate_subject(pat, text, start)
    if unit in {"VND", "USD"}:
        return None
    if not has_after:
        return _rate_subject(pat, text, start) or (unit or None)
    head = unit_start if unit_start is not None else unit_end
    return _tidy_subject(text[head:phrase_end])


def _tidy_subject(phrase: str) -> str | None:
    phrase = _TRAILING_JOINERS.sub("", " ".join(phrase.split())).strip(" ,–-")
    return phrase or None


_TRAILING_JOINERS = regex.compile(r"(?:[\s,]+(?:và|hoặc|cùng))+\s*$", regex.IGNORECASE)


def _rate_subject(pat: _Patterns, text: str, start: int) -> str | None:
    """The phrase between "Tỷ lệ" and the verb or comparator before the number."""
    window_start = max(0, start - _CLAUSE_WINDOW)  # bounded: linear on huge paragraphs
    clause_start = max(
        (m.end() for m in pat.clause_end.finditer(text, window_start, start)),
        default=window_start,
    )
    rates = list(pat.rate.finditer(text, clause_start, start))
    if not rates:
        return None
    phrase = text[rates[-1].end() : start]
    # The subject ends at a digit ("tỷ lệ A 1 - 2 x và B từ 2 x": B has no rate of its own),
    # a bracket, the verb that links it to the figure, or a comparator.
    cut = pat.rate_end.search(phrase)
    if cut is not None:
        phrase = phrase[: cut.start()]
    return _tidy_subject(" ".join(phrase.split()[:_SUBJECT_MAX_WORDS]).strip(" ,:("))


def _clause(pat: _Patterns, text: str, offset: int) -> tuple[int, int]:
    """Bounds of the clause holding ``offset`` (between . ! ? ; or line breaks)."""
    window_start = max(0, offset - _CLAUSE_WINDOW)
    start = max(
        (m.end() for m in pat.clause_end.finditer(text, window_start, offset)),
        default=window_start,
    )
    end_match = pat.clause_end.search(text, offset, offset + _CLAUSE_WINDOW)
    return start, end_match.start() if end_match else min(len(text), offset + _CLAUSE_WINDOW)


def _cue_before(pattern: regex.Pattern[str], clause: str, offset: int) -> bool:
    """A cue in the clause before ``offset`` (the unit after the number never counts)."""
    return pattern.search(clause, 0, offset) is not None


def _nearest_period(pat: _Patterns, clause: str, offset: int) -> str | None:
    """The period phrase of the clause closest to ``offset``."""
    periods = list(pat.period.finditer(clause))
    if not periods:
        return None
    # A single year ("năm 2020") is more precise than a term or "hằng năm": it wins, then the
    # nearest one.
    best = min(
        periods,
        key=lambda m: (
            regex.fullmatch(rf"\S+\s+{_YEAR}", m.group(0)) is None,
            min(abs(m.start() - offset), abs(m.end() - offset)),
        ),
    )
    return " ".join(best.group(0).split())


def _context_text(sections: list[Section], index: int) -> str:
    """Heading or sidebar title over a section, or the lead-in paragraph of its list."""
    section = sections[index]
    parts: list[str] = []
    if section.heading:
        parts.append(section.heading)
    if section.parent is not None and 0 <= section.parent < len(sections):
        parts.append(sections[section.parent].text)
    if section.kind == "list_item":
        previous = index - 1
        while previous >= 0 and sections[previous].kind == "list_item":
            previous -= 1
        if previous >= 0 and sections[previous].text.rstrip().endswith(":"):
            parts.append(sections[previous].text)
    return "\n".join(parts)


def _section_is_target(pat: _Patterns, sections: list[Section], index: int) -> bool:
    """A list item under a heading, sidebar or lead-in that announces targets."""
    if sections[index].kind != "list_item":
        return False
    return pat.target.search(_context_text(sections, index)) is not None


def _context_period(pat: _Patterns, sections: list[Section], index: int) -> str | None:
    """The period named by the heading or sidebar a section sits under."""
    context = _context_text(sections, index)
    match = pat.period.search(context) if context else None
    return " ".join(match.group(0).split()) if match else None


__all__ = ["EXTRACTOR", "IndicatorCues", "extract_indicators"]
