"""Extractor for `indicators` records (see ../shared/ANNOTATION.md "Indicator").

One compiled regex, tried where a digit follows no digit, finds every number in digits (with
its range, ratio, percent sign, glued unit and scale words); numbers in words are looked up
from their lead word. Each candidate then goes through an ordered chain of cheap checks on the
few words around it:

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

The package is cut by concern: ``patterns`` holds the schema of the cue file and what is compiled
from it, ``prefilters`` the exact C-speed guards in front of those patterns, ``candidates`` the
number expressions of a section, ``checks`` the per-candidate checks, ``subjects`` what a figure
counts, ``clauses`` the clause, sentence and context cues, and ``facts`` the merging of repeats.
"""

from __future__ import annotations

from typing import Final

from vnunion_nlp.cues import IndicatorCues
from vnunion_nlp.document import ParsedArticle
from vnunion_nlp.extractors.indicators.candidates import _ArticleScan, _candidates, _disjoint
from vnunion_nlp.extractors.indicators.checks import _find, _subject_of
from vnunion_nlp.extractors.indicators.clauses import _Bounds, _Contexts
from vnunion_nlp.extractors.indicators.facts import (
    _HEADLINE_KINDS,
    _fact_keys,
    _Facts,
    _words_before,
)
from vnunion_nlp.extractors.indicators.patterns import _patterns
from vnunion_nlp.extractors.indicators.prefilters import _folded_sections
from vnunion_nlp.records import Indicator, validated_list

EXTRACTOR: Final = "indicators"


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
    taken = _disjoint(
        (r.start, r.end)
        for kind in ("documents", "terms")
        for r in doc.records.get(kind, [])
        if r.end - r.start < 80  # a long evidence span would hide real figures
    )
    results: list[dict[str, object]] = []
    facts = _Facts()
    sections = doc.sections
    contexts = _Contexts(pat, sections)
    masked = doc.masked_content()
    # one case folding a section (cut from the article's) serves every word test; the lead
    # words and digits of the numbers are looked for in the whole article at once
    scan = _ArticleScan(masked)
    folded_sections = _folded_sections(masked, scan.shared)
    for (index, section), base, folded in zip(
        masked.content, masked.bases, folded_sections, strict=True
    ):
        length = len(section.text)
        leads, digit_starts = scan.leads(base, length), scan.digit_starts(base, length)
        candidates = _candidates(pat, section.text, folded, leads, digit_starts)
        if not candidates:
            continue  # no number: neither the clause scan nor the context cues are needed
        section_target, context_period = contexts.of(index)
        headline = section.kind in _HEADLINE_KINDS
        bounds = _Bounds(pat, section.text, folded)
        for found in _find(pat, section, candidates, taken, bounds):
            clause_start, clause_end, sentence_start = bounds.place(found.start)
            is_target = section_target or bounds.target_between(
                clause_start, clause_end, found.start
            )
            mention = (
                index,
                sentence_start,
                _words_before(section.text, found.start, bounds.plain_spaces),
            )
            # the subject of a percentage is part of its fact; any other is read, like the
            # period, only for a figure that is no repeat
            percent = found.unit == "%"
            subject = _subject_of(pat, section.text, found, bounds) if percent else None
            if not facts.is_new(_fact_keys(pat, found, subject, is_target), mention, headline):
                continue
            if not percent:
                subject = _subject_of(pat, section.text, found, bounds)
            period = bounds.nearest_period(clause_start, clause_end, found.start)
            period = period or context_period
            start, end = section.start + found.start, section.start + found.end
            results.append(
                {
                    "start": start,
                    "end": end,
                    "text": doc.text[start:end],
                    "section_index": index,
                    "extractor": EXTRACTOR,
                    "confidence": found.confidence,
                    "value": found.value,
                    "value_max": found.value_max,
                    "total": found.total,
                    "percent": found.percent,
                    "unit": found.unit,
                    "subject": subject,
                    "comparator": found.comparator,
                    "is_target": is_target,
                    "period": period,
                    "value_text": found.value_text,
                }
            )
    return validated_list(Indicator, results)  # one validation for the article


__all__ = ["EXTRACTOR", "IndicatorCues", "extract_indicators"]
