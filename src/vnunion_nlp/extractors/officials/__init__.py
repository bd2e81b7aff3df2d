"""Officials: named people with a position or a role in the reported event.

A name is a family name from ``data/surnames.tsv`` followed by one to three capitalised syllables,
found after an honorific or rank ("đồng chí", "Đ/c", "bà", "Trung tướng"), right after a
position title ("Chủ tịch LĐLĐ TP. Hà Nội Phạm Bá Vĩnh"), before the post it takes ("… được bầu
làm …"), or in a list after a colon ("các đồng chí Phó Chủ tịch Tổng LĐLĐVN: A, B, C", "gồm các
đồng chí: A, B và C", "có các đồng chí: A- Phó Chủ tịch …; B- Chánh văn phòng …"). Positions
come from the title before the name and from the list after it ("Lê Xuân Huy, TUV, Bí thư Huyện
ủy, Chủ tịch HĐND huyện"), split where a new title starts; and from the post taken ("tái đắc cử
chức danh Bí thư Chi bộ", "… làm trưởng đoàn"). The role comes from cue phrases after the name
and in the sentence before it (``data/officials.yaml``). Places ("tỉnh Hà Giang"), historical
references ("Chủ tịch Hồ Chí Minh"), names in quotes, authors, photo credits and people of a
news story known only by their age ("(21 tuổi, …)") are rejected. A name whose last syllable
may open the next sentence ("… Nguyễn Thị Lan Anh cho biết" against "… Ngô Văn Tú Anh được
khen") is settled by underthesea's part-of-speech tags (Np), run only on that sentence. Mentions
of one name are merged: the strongest role wins (attending over speaking), the first mention
gives the titles and later ones add only new posts.

The package is cut by concern: ``patterns`` holds the schema of the cue file and what is compiled
from it, ``finders`` the stdlib pre-scans that find where a pattern may start and ``starts`` those
places for the article and each section, ``candidates`` the names of a section by every route,
``names`` where a name ends and which are rejected, ``positions`` the titles around a name and
``roles`` the cue phrases that give the role. This module reads each candidate through them and
merges the mentions.
"""

from __future__ import annotations

import itertools
from typing import Final

import regex

from vnunion_nlp import errors
from vnunion_nlp.cues import OfficialCues
from vnunion_nlp.document import ParsedArticle
from vnunion_nlp.engine import HOLD_GIL
from vnunion_nlp.extractors.officials.candidates import _MAX_LIST_LEADS, _candidates, _ListState
from vnunion_nlp.extractors.officials.finders import _matches, _slice
from vnunion_nlp.extractors.officials.names import _Budget, _kept_words, _rejected, _word_end
from vnunion_nlp.extractors.officials.patterns import _REACH, _patterns
from vnunion_nlp.extractors.officials.positions import _new_heads, _positions, _without_shorter
from vnunion_nlp.extractors.officials.roles import _ROLE_RANK, _role
from vnunion_nlp.extractors.officials.starts import _article_starts, _section_starts, _Starts
from vnunion_nlp.records import ArticleWarning, Official

__all__ = ["EXTRACTOR", "OfficialCues", "extract_officials"]

EXTRACTOR: Final = "officials"


# Real articles give at most a few dozen name mentions (27 in the 150 external ones); past this
# many the text is a hostile repetition, and reading more would only cost time (~1 ms each).
_MAX_CANDIDATES: Final = 300

# The starts of a section that only a list going on from the section before may give names.
_NO_STARTS: Final = _Starts([], [], [], [])

# What ``list_after`` reads first past the white space (its \s is white to ``str.lstrip`` too).
_LIST_SIGNS: Final = frozenset(",-–")


def _warn_capped(doc: ParsedArticle, budget: _Budget, candidates_capped: bool) -> None:
    """W008 for each cap that cut the reading of a repetitive text."""
    if candidates_capped:
        detail = f"officials: the first {_MAX_CANDIDATES} candidate names read"
        doc.warnings.append(ArticleWarning.coded(errors.W_MENTIONS_CAPPED, detail))
    if budget.leads_capped:
        detail = f"officials: the first {_MAX_LIST_LEADS} list leads read"
        doc.warnings.append(ArticleWarning.coded(errors.W_MENTIONS_CAPPED, detail))


def extract_officials(doc: ParsedArticle) -> list[Official]:
    """Every named official of the article, merged by name, in order of first mention."""
    pat = _patterns()
    # Groups read by index (see ``vnunion_nlp.lexicon``).
    listed_group, post_group = pat.list_after.groupindex["list"], pat.post_taken.groupindex["post"]
    found: dict[str, Official] = {}
    aged: set[str] = set()
    budget = _Budget()
    seen = 0
    listing = _ListState()
    starts, routes = _article_starts(doc.text)
    candidates_capped = False
    for index, section in doc.content():
        text = section.text
        section_starts = _section_starts(doc.text, starts, routes, section)
        if section_starts is None:
            if not listing.open:
                continue  # no name in it (see ``_section_starts``)
            section_starts = _NO_STARTS
        # In the order of the text: the first mention gives the titles (``_new_heads``). One
        # more than the cap tells whether it cut: no later section is read past the cap, so
        # what the generator does for that one (the list state) is never seen.
        left = _MAX_CANDIDATES - seen
        batch = list(itertools.islice(_candidates(text, section_starts, listing, budget), left + 1))
        if len(batch) > left:
            candidates_capped = True
            del batch[left:]
        seen += len(batch)
        for candidate in sorted(batch, key=lambda c: c.start):
            name_start = candidate.start
            absolute = section.start + name_start
            end = _name_end(
                doc, section.start + candidate.end, absolute, len(text) == candidate.end
            )
            raw = doc.text[absolute:end]
            kept = _kept_words(doc.text, absolute, raw, budget)
            whole = end if kept == len(raw.split()) else None
            end = _word_end(doc.text, absolute, kept, whole)
            name = " ".join(doc.text[absolute:end].split())
            titled = candidate.title is not None and len(name.split()) >= 3
            if len(name.split()) < 2 or _rejected(doc, text, name_start, name, titled=titled):
                continue
            # From here on the absolute text is read: a name broken by a line may end in the
            # next section.
            positions = [*candidate.earlier, candidate.title] if candidate.title else []
            after = doc.text[end : end + _REACH].lstrip()[:1]
            # A list after the name opens with a comma or a dash, an age with a bracket: the
            # patterns, which read up to 240 characters, are tried only then.
            listed = after in _LIST_SIGNS and pat.list_after.match(
                doc.text, end, end + _REACH, HOLD_GIL
            )
            if listed:
                positions.extend(_positions(listed[listed_group]))
            post = _post_taken(doc.text, end, starts.honorifics)
            taken = _positions(post[post_group]) if post else []
            positions.extend(taken)
            if after == "(" and pat.age_after.match(doc.text, end, end + 20, HOLD_GIL):
                aged.add(name)
            role = _role(doc.text, absolute, end)
            official = found.get(name)
            if official is None:
                found[name] = Official(
                    start=absolute,
                    end=end,
                    text=doc.text[absolute:end],
                    section_index=index,
                    extractor=EXTRACTOR,
                    name=name,
                    positions=_without_shorter(positions),
                    role=role,
                )
                continue
            # A later mention repeats the titles, often in another form ("LĐLĐ" for "Liên đoàn
            # Lao động"): it adds only a post taken, or titles where none were known.
            later = (
                positions if not official.positions else [*_new_heads(official, positions), *taken]
            )
            official.positions = _without_shorter([*official.positions, *later])
            if _ROLE_RANK[role] > _ROLE_RANK[official.role]:
                official.role = role
        if candidates_capped:
            break
    _warn_capped(doc, budget, candidates_capped)
    officials = sorted(
        (o for o in found.values() if not _only_a_story(o, aged)), key=lambda o: o.start
    )
    _link_congress(officials, doc)
    return officials


def _name_end(doc: ParsedArticle, end: int, start: int, at_section_end: bool) -> int:
    """Where a name that reaches the end of its section ends: a single line break inside a name
    ("Nguyễn Văn\nKhải") splits the section, not the name."""
    if not at_section_end:
        return end
    longer = _patterns().name_at.match(doc.text, start, start + 120, HOLD_GIL)
    if longer is None or longer.end() <= end or "\n\n" in doc.text[start : longer.end()]:
        return end
    return longer.end()


def _post_taken(text: str, end: int, honorifics: list[int]) -> regex.Match[str] | None:
    """The post taken in the clause after a name ("… được bầu làm Chủ tịch"), if any: the first
    match of ``post_taken`` in it.

    Every match opens with a word of ``post_openers``: the pattern is tried where one starts, in
    order (a search tried its look-behind at every character), and the clause is not cut from a
    window that holds none.
    """
    pat = _patterns()
    window = text[end : end + _CLAUSE_REACH]
    if not any(word in window for word in pat.post_openers):
        return None
    clause = _post_clause(text, end, honorifics)
    places: set[int] = set()
    for word in pat.post_openers:
        at = clause.find(word)
        while at >= 0:
            places.add(at)
            at = clause.find(word, at + 1)
    return next(
        filter(None, (pat.post_taken.match(clause, at, None, HOLD_GIL) for at in sorted(places))),
        None,
    )


# How far the clause after a name may run (``_post_clause``).
_CLAUSE_REACH: Final = 240


def _post_clause(text: str, end: int, honorifics: list[int]) -> str:
    """The rest of the clause after a name, up to the next person ("và đồng chí …");
    ``honorifics`` are where honorifics start in ``text`` (see ``_section_starts``)."""
    window = text[end : end + _CLAUSE_REACH]
    cuts = [i for i in (window.find(c) for c in (". ", ";", "\n")) if i >= 0]
    window = window[: min(cuts)] if cuts else window
    pat = _patterns()
    at_start = pat.honorific_start.match(text, end, end + len(window))
    starts = _slice(honorifics, end, end + len(window), at_start)
    other = next(_matches(pat.honorific_word, window, starts, len(window)), None)
    return window[: other.start()] if other else window


def _only_a_story(official: Official, aged: set[str]) -> bool:
    """ "anh Phùng Ngọc Thịnh (21 tuổi, ngụ xã …)": a person in a news story, no official."""
    event_roles = {"elected", "re-elected", "appointed", "awarded", "launching", "attending"}
    return official.name in aged and not official.positions and official.role not in event_roles


def _link_congress(officials: list[Official], doc: ParsedArticle) -> None:
    congresses = doc.records.get("congresses", [])
    held = next((i for i, c in enumerate(congresses) if getattr(c, "status", "") == "held"), None)
    if held is None:
        return
    for official in officials:
        if official.role in {"elected", "re-elected"}:
            official.congress_index = held
