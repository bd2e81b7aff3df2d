"""What a figure counts: its subject.

``_subject`` reads the unit and the few words after it, up to a stop (punctuation, a digit, a
verb or preposition, a new clause), or, for a percentage with nothing after it, the "tỷ lệ …"
phrase before the number (``_rate_subject``); ``_tidy_subject`` trims joiners and punctuation.
``_first_words`` and ``_WORD`` split words the way ``regex``'s ``\\S+`` does.
"""

from __future__ import annotations

from typing import Final

import regex

from vnunion_nlp.engine import HOLD_GIL
from vnunion_nlp.extractors.indicators.clauses import _Bounds
from vnunion_nlp.extractors.indicators.patterns import _AFTER_WINDOW, _SUBJECT_MAX_WORDS, _Patterns
from vnunion_nlp.extractors.indicators.prefilters import _folded
from vnunion_nlp.lexicon import alternation as _alt

_WORD: Final = regex.compile(r"\S+")


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
    stop = (pat.percent_subject_stop if unit == "%" else pat.subject_stop).search(
        tail, None, None, HOLD_GIL
    )
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
        phrase = _TRAILING_JOINERS.sub("", phrase, concurrent=HOLD_GIL)
    return phrase.strip(" ,–-") or None


_JOINERS: Final = ("và", "hoặc", "cùng")
_JOINER_LONGEST: Final = max(map(len, _JOINERS))
_TRAILING_JOINERS: Final = regex.compile(rf"(?:[\s,]+(?:{_alt(_JOINERS)}))+\s*$", regex.IGNORECASE)


def _rate_subject(pat: _Patterns, text: str, start: int, bounds: _Bounds) -> str | None:
    """The phrase between "Tỷ lệ" and the verb or comparator before the number."""
    clause_start = bounds.clause_start(start)
    folded = bounds.folded
    if folded is not None and not any(
        folded.find(word, clause_start, start) >= 0 for word in pat.rate_words
    ):
        return None  # no rate word before the number in its clause
    base = max(0, clause_start - 1)  # one character before, for the look-behind
    rates = list(pat.rate.finditer(text[base:start], clause_start - base, concurrent=HOLD_GIL))
    if not rates:
        return None
    phrase = text[base + rates[-1].end() : start]
    # The subject ends at a digit ("tỷ lệ A 1 - 2 x và B từ 2 x": B has no rate of its own),
    # a bracket, the verb that links it to the figure, or a comparator.
    cut = pat.rate_end.search(phrase, None, None, HOLD_GIL)
    if cut is not None:
        phrase = phrase[: cut.start()]
    return _tidy_subject(" ".join(phrase.split()[:_SUBJECT_MAX_WORDS]).strip(" ,:("))
