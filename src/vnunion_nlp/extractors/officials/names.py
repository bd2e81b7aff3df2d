"""Names: where a name ends, what it must not be, and the budgets that bound the checks.

A name's last syllable may open the next sentence ("… Nguyễn Thị Lan Anh cho biết"): openers are
dropped, and an ambiguous one is settled by underthesea's part-of-speech tags. A name is rejected
when it is a place, a historical reference, an author, a photo credit or inside a quoted title.
"""

from __future__ import annotations

import functools
import itertools
from typing import Final

import regex

from vnunion_nlp.document import ParsedArticle
from vnunion_nlp.engine import HOLD_GIL
from vnunion_nlp.extractors.officials.finders import _IS_LETTER
from vnunion_nlp.extractors.officials.patterns import _PLACE_BEFORE, _WORDS, _patterns
from vnunion_nlp.lexicon import load_tsv


def _place_back_to_title(title: str, text: str, name_start: int) -> tuple[str, int]:
    """ "Chủ tịch LĐLĐ tỉnh Sơn" + "La Cầm Văn Chính", "… TP. Hà Nội" + "Hà Nội Phạm Bá Vĩnh":
    the place that opens the name goes back to the title; the name starts after it."""
    # The first word of the name is a word of the place in both sizes: most names open with
    # none of them, and the regex calls are made only for the others.
    if not text.startswith(_place_words(), name_start):
        return title, name_start
    # Three words tell both sizes apart; each match of the regex module costs ~1.5 us.
    found = _WORDS.finditer(text, name_start, name_start + 60, concurrent=HOLD_GIL)
    words = [(m.group(), m.end()) for m in itertools.islice(found, 3)]
    last = title.split()[-1]
    places = _places()
    for size in (2, 1):
        if len(words) <= size:
            continue
        moved = " ".join(w for w, _ in words[:size])
        if f"{last} {moved}" in places or (size == 2 and moved in places):
            start = words[size - 1][1]
            while start < len(text) and text[start].isspace():
                start += 1
            return f"{title} {moved}", start
    return title, name_start


def _ran_on(text: str, end: int) -> bool:
    """The name goes on into a lower-case word, as a sentence does ("… Tú Anh được khen")."""
    following = text[end : end + 3].lstrip(" ")
    return bool(following) and following[0].islower()


@functools.lru_cache(maxsize=256)
def _tagger_splits(sentence: str, name: str) -> bool:
    """Whether underthesea tags ``name`` as a shorter proper noun and its last word apart.

    Imported here: loading the tagger costs seconds, and only ambiguous names need it.
    """
    try:
        from underthesea import pos_tag
    except ImportError:  # pragma: no cover - the tagger is an optional dependency
        return True
    head = " ".join(name.split()[:-1])
    tags: list[tuple[str, str]] = pos_tag(sentence)
    return any(word == head and tag == "Np" for word, tag in tags)


# Ambiguous names checked by the tagger per article at most; beyond, a repeated hostile text
# would only cost time, and the name is trimmed without asking.
_TAGGER_BUDGET: Final = 4


class _Budget:
    def __init__(self) -> None:
        self.tagger_calls = 0
        self.list_leads = 0  # colons whose lead was looked for (``_list_lead``)
        self.leads_capped = False


def _kept_words(text: str, start: int, raw: str, budget: _Budget) -> int:
    """How many words of the matched name belong to it, not to the next sentence."""
    cues = _patterns().cues
    words = raw.split()
    while len(words) > 2 and words[-1] in cues.sentence_openers:
        words.pop()
    if len(words) > 3 and words[-1] in cues.ambiguous_openers:
        end = _word_end(text, start, len(words))
        last = _word_end(text, start, len(words) - 1)
        if _patterns().honorific_at.match(text, last, last + 40, HOLD_GIL):
            words.pop()  # "… Đỗ Kim Hội Đồng chí Đỗ Kim Hội hứa …": the next sentence's honorific
        elif _ran_on(text, end):
            floor = max(0, start - 300)
            sentence_start = max(
                floor, text.rfind(". ", floor, start) + 1, text.rfind("\n", floor, start) + 1
            )
            sentence = text[sentence_start : min(len(text), end + 60)].strip()
            name = " ".join(words)
            if budget.tagger_calls >= _TAGGER_BUDGET:
                words.pop()
            else:
                budget.tagger_calls += 1
                if _tagger_splits(sentence, name):
                    words.pop()
    return len(words)


def _word_end(text: str, start: int, count: int, name_end: int | None = None) -> int:
    """The end of the ``count``-th word (``_WORDS``) from ``start``, or of the last one there.

    ``name_end``: where a name of ``name_at`` from ``start`` ends, if ``count`` is its number of
    words. Its words are words of ``_WORDS`` (letters, a hyphen between them, the apostrophe of
    "H'"), and its last one ends there but where an apostrophe, a hyphen or a letter goes on (a
    letter after a name matched in its section alone): the end is known without the regex call.
    """
    if count <= 0:
        return start
    if name_end is not None:
        following = text[name_end : name_end + 1]
        if not following or (following not in "'’-" and not _IS_LETTER[following]):
            return name_end
    if words := _words_ahead(count).match(text, start, start + 120, HOLD_GIL):
        return words.end()
    end = start
    for _, match in zip(range(count), _WORDS.finditer(text, start, start + 120), strict=False):
        end = match.end()
    return end


@functools.cache
def _words_ahead(count: int) -> regex.Pattern[str]:
    """``count`` words of ``_WORDS`` and what ``finditer`` skips before each, in one call: the
    finditer loop cost ~10 us a name. Atomic, so that a word is never split to make up the count;
    then every word is the longest, as a match of ``_WORDS`` (nothing follows it) is."""
    return regex.compile(rf"(?:\P{{L}}*+(?>{_WORDS.pattern})){{{count}}}")


def _rejected(
    doc: ParsedArticle, text: str, start: int, name: str, *, titled: bool = False
) -> bool:
    """Whether a name is a place, a reference, an author or part of a quoted title.

    After a title ("Chủ tịch UBND tỉnh Trịnh Văn Sơn") a place word before a name of three
    syllables is the title's own: places named so long are in the gazetteer.
    """
    cues = _patterns().cues
    if name in cues.historical or name in doc.authors or name in _places():
        return True
    if text.startswith(tuple(cues.not_names), start):
        return True
    if any(name in credit for credit in doc.photo_credits):
        return True
    if not titled and _PLACE_BEFORE.match(text[max(0, start - 16) : start], None, None, HOLD_GIL):
        return True
    return _in_quoted_title(text, start)


# A quoted name or title ("Học tập theo gương Nguyễn Văn Trỗi") is short; a quotation that runs
# on longer is someone's words, and the people it names are real ones.
_QUOTED_TITLE_MAX: Final = 150


def _in_quoted_title(text: str, start: int) -> bool:
    opened = text.rfind("“", max(0, start - _QUOTED_TITLE_MAX), start)
    if opened < 0 or text.find("”", opened, start) >= 0:
        return False
    closed = text.find("”", start, opened + _QUOTED_TITLE_MAX)
    return closed >= 0


@functools.cache
def _places() -> frozenset[str]:
    return frozenset(r["name"] for r in load_tsv("gazetteer.tsv") if r["level"] == "province")


@functools.cache
def _place_words() -> tuple[str, ...]:
    """Every word of the places of ``_places``."""
    return tuple(sorted({word for place in _places() for word in place.split()}))
