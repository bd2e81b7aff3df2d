"""Candidate names of a section by every route: honorific, post taken, title and list.

Each route's pattern is tried only at the places ``starts`` found (where a name may follow); a
list after a colon is read item by item, sharing the lead's title ("các đồng chí Phó Chủ tịch: A,
B và C") or carrying its own ("A- Phó Chủ tịch …; B- Chánh văn phòng …"), and may go on into the
next sections."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

import regex

from vnunion_nlp.engine import HOLD_GIL
from vnunion_nlp.extractors.officials.finders import _matches
from vnunion_nlp.extractors.officials.names import _Budget, _place_back_to_title
from vnunion_nlp.extractors.officials.patterns import _patterns
from vnunion_nlp.extractors.officials.positions import _chained_titles, _clean_title
from vnunion_nlp.extractors.officials.starts import _Starts


class _Candidate:
    """A name found by a route. A plain class, made for every name: under mypyc a dataclass
    keeps the interpreted ``__init__`` of the dataclasses module (thousands of instructions)."""

    def __init__(
        self, start: int, end: int, title: str | None = None, earlier: tuple[str, ...] = ()
    ) -> None:
        self.start = start  # section offsets of the name as written
        self.end = end
        self.title = title
        self.earlier = earlier  # titles before ``title``: a list lead's, a chain ("A, B Tên")


class _ListState:
    def __init__(self) -> None:
        self.open = False  # the section before ended a list lead or item: "có các đồng chí:"


@dataclass(frozen=True)
class _Groups:
    """The indices of the groups the routes read (by index: see ``vnunion_nlp.lexicon``)."""

    honorific_name: int  # "name" of ``by_honorific``
    post_name: int  # "name" of ``name_before``, read back from a post taken
    title: int  # "title" of ``by_title``
    title_name: int  # "name" of ``by_title``
    list_title: int  # "title" of ``by_list``


@functools.cache
def _groups() -> _Groups:
    pat = _patterns()
    return _Groups(
        honorific_name=pat.by_honorific.groupindex["name"],
        post_name=pat.name_before.groupindex["name"],
        title=pat.by_title.groupindex["title"],
        title_name=pat.by_title.groupindex["name"],
        list_title=pat.by_list.groupindex["title"],
    )


def _candidates(
    text: str, starts: _Starts, state: _ListState, budget: _Budget
) -> Iterator[_Candidate]:
    """Names in ``text`` by every route; one name may come more than once."""
    pat, groups = _patterns(), _groups()
    limit = len(text)
    was_open, state.open = state.open, False
    if was_open:
        yield from _listed(text, len(text) - len(text.lstrip()), None)
        state.open = text.rstrip().endswith(";")
    honorifics = starts.honorifics
    for match in _matches(pat.by_honorific, text, starts.named, limit):
        yield _Candidate(*match.span(groups.honorific_name))
    for verb in _matches(pat.by_post, text, starts.verbs, limit):
        floor = max(0, verb.start() - 80)
        if named := pat.name_before.search(text, floor, verb.start(), HOLD_GIL):
            yield _Candidate(*named.span(groups.post_name))
    titled: list[tuple[int, _Candidate]] = []  # (where the title starts, the candidate)
    for match in _matches(pat.by_title, text, starts.heads, limit):
        title = _clean_title(match[groups.title])
        if _joins_two(title):
            continue
        title, start = _place_back_to_title(title, text, match.start(groups.title_name))
        named = pat.name_at.match(text, start, start + 120, HOLD_GIL)
        if named is not None:
            chain = _chained_titles(text, match.start(groups.title))
            titled.append((match.start(), _Candidate(named.start(), named.end(), title, chain)))
    leads: list[tuple[int, int, str]] = []  # (first item, end of the list, the lead's title)
    colon = text.find(":", 0, limit)
    while colon >= 0 and not budget.leads_capped:
        if lead := _list_lead(text, colon, honorifics, budget):
            lead_title = lead[groups.list_title]
            shared = _clean_title(lead_title) if lead_title else None
            after = colon + 1
            while after < len(text) and text[after].isspace():
                after += 1
            yield from _listed(text, after, shared)
            if shared:
                leads.append((after, _clause_end(text, after), shared))
            state.open = state.open or not text[after:].strip()  # the items follow in lines
        colon = text.find(":", colon + 1, limit)
    for title_start, candidate in titled:
        # "Các đồng chí Ủy viên Bộ Chính trị: Chủ tịch Quốc hội A; Phó Chủ tịch Quốc hội B": an
        # item that opens with its own title holds the lead's title too.
        lead_titles = [t for first, end, t in leads if first <= title_start < end]
        candidate.earlier = (*lead_titles, *candidate.earlier)
        yield candidate


def _joins_two(title: str) -> bool:
    """Whether ``title_breaks`` finds an honorific or "và" in ``title``.

    The stdlib ``honorific_start`` matches wherever an honorific of the pattern does (and more)
    at C speed: most titles hold neither, and the pattern's look-behind is tried at every character.
    """
    pat = _patterns()
    if "và" not in title and pat.honorific_start.search(title) is None:
        return False
    return pat.title_breaks.search(title, None, None, HOLD_GIL) is not None


# Real articles have at most 19 colons with an honorific before them, whose list lead is looked
# for (in the 1,150 external articles and the seeds); past this many the text is a hostile
# repetition ("các đồng chí: " x 20,000), and each look costs ~80 µs.
_MAX_LIST_LEADS: Final = 200


def _list_lead(
    text: str, colon: int, honorifics: list[int], budget: _Budget
) -> regex.Match[str] | None:
    """The lead of a list ending at ``colon``; ``honorifics`` are where honorifics start."""
    floor = max(0, colon - 140)
    # A lead holds an honorific that starts in the window: most colons have none.
    first = bisect.bisect_left(honorifics, floor)
    if first == len(honorifics) or honorifics[first] >= colon:
        return None
    if budget.list_leads >= _MAX_LIST_LEADS:
        budget.leads_capped = True
        return None
    budget.list_leads += 1
    # by_list opens with an honorific or with "các" before one: tried only there, leftmost
    # first, it gives the match a search gives, which tried its look-behind at every character.
    upto = bisect.bisect_left(honorifics, colon, first)
    lists = _LIST_OPENER.finditer(text, floor, colon, overlapped=True, concurrent=HOLD_GIL)
    by_list = _patterns().by_list
    for place in sorted({*honorifics[first:upto], *(m.start() for m in lists)}):
        if lead := by_list.match(text, place, colon + 1, HOLD_GIL):
            return lead
    return None


_LIST_OPENER: Final = regex.compile(r"(?i:các)")  # as by_list opens


def _clause_end(text: str, start: int) -> int:
    """End of the clause (". " or a line) from ``start``, at most 300 characters on."""
    ends = (i for i in (text.find(c, start, start + 300) for c in (". ", "\n")) if i >= 0)
    return min(ends, default=min(len(text), start + 300))


def _listed(text: str, position: int, title: str | None) -> Iterator[_Candidate]:
    """Names of a list after a colon: "A, B và C" share the title before the colon; items of a
    list split by ";" ("A- Phó Chủ tịch …; B- Chánh văn phòng …") carry their own."""
    pat = _patterns()
    shared = title
    for _ in range(60):  # a list of sixty names is no list
        named = pat.name_at.match(text, position, position + 120, HOLD_GIL)
        if named is None:
            return
        yield _Candidate(named.start(), named.end(), title=shared)
        joint = pat.list_next.match(text, named.end(), named.end() + 10, HOLD_GIL)
        if joint is not None and pat.name_at.match(text, joint.end(), joint.end() + 120, HOLD_GIL):
            position = joint.end()
            continue
        shared = None
        semicolon = text.find(";", named.end(), _clause_end(text, named.end()))
        if semicolon < 0:
            return
        position = semicolon + 1
        while position < len(text) and text[position].isspace():
            position += 1
