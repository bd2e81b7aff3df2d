"""Roles: the cue phrases after a name and in the sentence before it.

Windows are read as folded words ("Ông A, phát biểu:" → "ong a phat bieu"), folded a word at a
time through a cache. A post taken wins wherever it is said, then a cue before the name, a
quotation before it, a cue after it, an award, and the verb after the last item of a list.
"""

from __future__ import annotations

import re
import string
from typing import Final

import regex

from vnunion_nlp.engine import HOLD_GIL
from vnunion_nlp.extractors.officials.patterns import _PUNCT, _patterns
from vnunion_nlp.normalize import fold
from vnunion_nlp.records import OfficialRole


def _words_of(text: str) -> str:
    """ "Ông A, phát biểu:" → "ong a phat bieu": folded words without punctuation.

    Folded a word at a time through a cache: folding costs ~150 ns a character, and the windows
    read around every name repeat the same words. The same as folding the whole text, since
    folding and lower-casing change each character alone (the final sigma looks no further than
    the word); only text with combining marks, where ``fold`` decomposes it all, is folded whole.
    """
    words = list(map(_FOLDED_WORDS.__getitem__, text.split()))
    if None in words:
        return " ".join(_PUNCT.sub(" ", fold(text)).split())
    return " ".join(filter(None, words))


class _FoldedWords(dict[str, str | None]):
    """ "(Ông," → "ong"; None where ``fold`` would decompose a combining mark.

    A dict, not ``lru_cache``: a hit is then a C-level look-up (~5x cheaper), and the windows
    around a name are read a word at a time. Emptied when full, so hostile text stays bounded.
    """

    def __missing__(self, word: str) -> str | None:
        if len(self) >= _FOLDED_WORDS_MAX:
            self.clear()
        self[word] = folded = _folded_word(word)
        return folded


def _folded_word(word: str) -> str | None:
    """A word of ``_FoldedWords``; most often by ``fold`` alone, without the regex calls.

    Letters and digits alone hold no combining mark, nor does their lower case but for "İ"'s
    ("i" and a combining dot); folded to ASCII letters and digits, they hold no punctuation. The
    marks at a word's ends ("(Ông,") are stripped first: each folds to a mark of ``_PUNCT``, which
    would have made a space of it, and the folded letters and digits between are the one word
    left. A third of the new words carry one, and the regex calls cost ~10 us a word.
    """
    core = word.strip(_EDGE_MARKS)
    if core.isalnum() and "İ" not in core:
        folded = fold(core)
        if folded.isascii() and folded.isalnum():
            return folded
    if _COMBINING_MARK.search(word.lower(), None, None, HOLD_GIL):
        return None
    return " ".join(_PUNCT.sub(" ", fold(word), concurrent=HOLD_GIL).split())


_FOLDED_WORDS_MAX: Final = 16384
_FOLDED_WORDS: Final = _FoldedWords()


_COMBINING_MARK: Final = regex.compile(r"\p{M}")
# Marks that open or close a word ("(", ",", "“", "…"): those that fold to a run of ``_PUNCT``.
_EDGE_MARKS: Final = "".join(
    mark for mark in string.punctuation + "“”‘’…–—" if _PUNCT.fullmatch(fold(mark))
)


def _role(doc_text: str, start: int, end: int) -> OfficialRole:
    """The role that the clause after the name and the sentence before it give.

    Taking a post (elected, appointed) wins wherever it is said; otherwise a cue before the name
    ("Dự hội nghị có …", "Theo ông …", "… được tuyên dương … như anh …") describes the list the
    name stands in and wins over a verb after it ("… Chủ tịch LĐLĐ tỉnh chủ trì hội nghị").
    """
    pat = _patterns()
    after_role = _role_after(doc_text, end)
    if after_role is not None and after_role in _TAKES_A_POST:
        return after_role
    floor = max(0, start - 600)
    sentence_start = _sentence_start(doc_text, floor, start)
    raw_before = doc_text[sentence_start:start]
    before = _words_of(raw_before)
    if (role := _role_before(before)) is not None:
        return role
    if _after_quote(raw_before):
        return "speaking"  # "“…”, ông Lê Văn A, Phó Trưởng ban …": the quote is his
    if after_role is not None:
        return after_role
    bare = before
    if bare.endswith(pat.padded_honorifics) or bare in pat.folded_honorifics:
        # The longest first; " ong" of padded_honorifics is "ong" of folded_honorifics.
        for honorific, padded in zip(pat.folded_honorifics, pat.padded_honorifics, strict=True):
            if bare.endswith(padded) or bare == honorific:
                bare = bare[: -len(honorific)].rstrip()
                break
    if bare.endswith(pat.padded_awarded) or bare in pat.cues.awarded_after_cho:
        return "awarded"
    return _list_verb(doc_text, end) or "mentioned"


def _role_before(before: str) -> OfficialRole | None:
    """The role of the last cue in ``before`` (folded words), if any.

    Every cue opens with a word of ``before_words``, a whole word: the pattern is tried where one
    starts alone (found by ``str.find``), skipping those inside the match before, as ``finditer``
    does; a search tried the look-behind and every cue at every character (~19 us a sentence).
    """
    pat = _patterns()
    openers = pat.before_words.intersection(before.split())
    if not openers:
        return None
    padded = f" {before} "  # a word's place in ``padded`` is where it starts in ``before``
    places: list[int] = []
    for word in openers:
        padded_word = f" {word} "
        at = padded.find(padded_word)
        while at >= 0:
            places.append(at)
            at = padded.find(padded_word, at + 1)
    nearest: re.Match[str] | None = None
    end = 0
    for place in sorted(places):
        if place >= end and (match := pat.roles_before.match(before, place)) is not None:
            nearest, end = match, match.end()  # the last cue is the nearest
    if nearest is not None and nearest.lastgroup:
        return pat.role_groups[nearest.lastgroup]
    return None


def _after_quote(raw_before: str) -> bool:
    """Whether ``quote_before`` matches: only from the last quotation mark, as nothing of its
    match after the mark (white space, a comma, an honorific) is one."""
    quote = max(raw_before.rfind("”"), raw_before.rfind('"'))
    return (
        quote >= 0 and _patterns().quote_before.match(raw_before, quote, None, HOLD_GIL) is not None
    )


_TAKES_A_POST: frozenset[str] = frozenset({"re-elected", "elected", "appointed"})


def _role_after(doc_text: str, end: int) -> OfficialRole | None:
    """The cue nearest the name in its clause; a quotation after it is someone's words."""
    window = doc_text[end : end + 160]
    after = f" {_words_of(window[: _clause_stop(window)])} "
    words = set(after.split())
    # Per role, its first phrase in the clause and where; a taken post first, then the nearest.
    # Only phrases opening with a word of the clause are looked for.
    nearest: tuple[int, int, OfficialRole] | None = None
    for role, openers, phrases in _patterns().roles_after:
        if openers.isdisjoint(words):
            continue
        for opener, phrase in phrases:
            if opener in words and (at := after.find(phrase)) >= 0:
                found = (0 if role in _TAKES_A_POST else 1, at, role)
                nearest = found if nearest is None else min(nearest, found)
                break
    return nearest[2] if nearest else None


def _clause_stop(window: str) -> int:
    """Where ``clause_end`` first matches in ``window``, or its end.

    Its look-behind opens every branch, so a search tried it at every character: the marks it
    ends at are found by ``str.find`` instead, and only a full stop is given to the pattern.
    """
    cut = len(window)
    for mark in ";\n“":
        at = window.find(mark, 0, cut)
        if at >= 0:
            cut = at
    clause_end = _patterns().clause_end
    dot = window.find(".", 0, cut)
    while dot >= 0:
        if clause_end.match(window, dot, dot + 2, HOLD_GIL):
            return dot
        dot = window.find(".", dot + 1, cut)
    return cut


def _sentence_start(doc_text: str, floor: int, start: int) -> int:
    """Start of the sentence holding ``start``; a list item after ";" or ":" at the end of the
    line before it belongs to the sentence above ("có các đồng chí:\nA- …;\nB- …")."""
    end = start
    while True:
        stop = max(doc_text.rfind(". ", floor, end), doc_text.rfind("\n", floor, end))
        if stop < 0:
            return floor
        if doc_text[stop] == "\n" and doc_text[floor:stop].rstrip().endswith((";", ":", ",")):
            end = stop
            continue
        return stop + 1


def _list_verb(doc_text: str, end: int) -> OfficialRole | None:
    """ "ông A - …; bà B - …; ông C - … - đồng chủ trì hội nghị.": the verb after a list's last
    item is said of every item; only attending is read that far."""
    window = doc_text[end : end + 600]
    stop = min((i for i in (window.find(c) for c in (". ", "\n")) if i >= 0), default=len(window))
    last = window.rfind(";", 0, stop)
    if last < 0:
        return None
    role = _role_after(doc_text, end + last + 1)
    tail = _words_of(window[last + 1 : stop])
    return "attending" if role == "attending" or (role is None and not tail) else None


# Weakest to strongest: a name seen twice keeps its strongest role. Attending outranks speaking:
# who is listed as attending and later speaks is reported as a guest who spoke; receiving an
# award outranks both.
_ROLES_BY_STRENGTH: tuple[OfficialRole, ...] = (
    "mentioned", "speaking", "attending", "launching", "awarded", "appointed", "elected",
    "re-elected",
)  # fmt: skip
_ROLE_RANK: Final = {role: rank for rank, role in enumerate(_ROLES_BY_STRENGTH)}
