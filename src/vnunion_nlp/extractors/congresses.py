"""Congresses: every Đại hội that is an event, the article's own and those it mentions.

A mention is "Đại hội" followed by what names it: an ordinal right after it ("Đại hội XIII Công
đoàn Việt Nam"), an organisation up to a stop word, then "lần thứ …" and "nhiệm kỳ …". When
nothing follows ("Chi bộ X tổ chức Đại hội lần thứ VII"), the organisation is the subject before
"tổ chức". Mentions of one congress (same ordinal, or same term, with compatible organisations)
are merged; a bare "Đại hội" refers back to the article's own congress. A resolution's name
("Nghị quyết Đại hội …") is a congress only with an ordinal or a term; "các cấp" is many unnamed
congresses and no record; so is "Đại hội Công đoàn (ĐHCĐ) các cấp". "ĐH" stands for Đại hội only
before an ordinal ("ĐH XII CĐVN"; "ĐH Bách khoa" is a university). Names of two kinds of body
("CĐVN", "Đảng Cộng sản VN") are never one congress. Status comes from the words around the
mention. The date is the first one any mention gives for the congress itself: before a mention
that reports it held ("Ngày 10/6/2023, … tổ chức Đại hội …"), or after an event verb ("…, diễn ra
… từ ngày 1 đến 3/12/2023"; a range gives its first day); a date without a year takes the
publication year, else the term's first. Delegates and committee size are read for the congress
the article reports as held. Every look around a mention is bounded, and past ``_MAX_MENTIONS``
mentions a text is not read further, so a hostile 2 MB text stays linear and fast.
Groups are read by index in the loops (see ``vnunion_nlp.lexicon``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Final

import regex

from vnunion_nlp.cues import CongressCues
from vnunion_nlp.dates import DateMention, find_dates
from vnunion_nlp.document import ParsedArticle
from vnunion_nlp.engine import HOLD_GIL
from vnunion_nlp.lexicon import alternation as _alt
from vnunion_nlp.lexicon import load_yaml
from vnunion_nlp.normalize import fold
from vnunion_nlp.numbers import parse_number, parse_number_words, parse_roman
from vnunion_nlp.records import Congress, CongressStatus, Level, Section, Span
from vnunion_nlp.scanning import WordScanner, first_matches

EXTRACTOR: Final = "congresses"
_STATUS_RANK: Final = {"held": 2, "upcoming": 1, "mentioned": 0}


@dataclass(frozen=True)
class _Patterns:
    cues: CongressCues
    stops: frozenset[str]
    name_heads: tuple[str, ...]  # folded
    generic: tuple[str, ...]  # folded, padded with spaces
    generic_heads: tuple[str, ...]  # folded, with a trailing space
    held_before: tuple[str, ...]  # folded, longest first
    org_heads: tuple[str, ...]  # as written, each with a trailing space
    # The words after which "Đại hội" is no congress (``cues.not_congress``): as heads, each with
    # a trailing space, for one ``startswith`` at C speed instead of a loop, and as whole texts.
    not_congress_heads: tuple[str, ...]
    not_congress: frozenset[str]
    cue: regex.Pattern[str]
    # Every ``cue`` match starts with a match of one of these ("đại hội" in any case, the
    # abbreviations as written), found with ``str.find`` where ``cue`` costs ~40 ns a character:
    # a section without one is not scanned, one with one from the first (``first_matches``).
    cue_words: tuple[WordScanner, ...]
    delegates_word: regex.Pattern[str]
    word: regex.Pattern[str]
    word_w: int  # the index of group "w" of ``word``, the word past the white space
    ordinal: regex.Pattern[str]
    ordinal_later: regex.Pattern[str]
    term: regex.Pattern[str]
    term_years: tuple[int, int]  # the indices of groups "y1" and "y2" of ``term``
    roman_after_cue: regex.Pattern[str]
    of_org: regex.Pattern[str]
    committee: regex.Pattern[str]
    committee_list: regex.Pattern[str]
    abbreviation: regex.Pattern[str]
    parenthetical: regex.Pattern[str]
    delegates: regex.Pattern[str]


@functools.cache
def _patterns() -> _Patterns:
    cues = load_yaml("congress_cues.yaml", CongressCues)
    board = r"(?:(?i:ban\s+chấp\s+hành)|BCH)"
    congress = r"(?i:đại\s+hội)"
    count = r"(?P<n>\d{1,4}(?:\.\d{3})?|\p{Ll}+(?:\s+\p{Ll}+){0,2}?)"
    word = regex.compile(r"\s*(?P<w>[\p{L}\p{N}](?:[\p{L}\p{N}&/-]|\.(?=\p{L}))*)")
    term = regex.compile(
        r"\s*,?\s*\(?\s*(?:(?i:nhiệm\s+kỳ)|NK)\s*\(?\s*(?P<y1>(?:19|20)\d\d)\s*[-–—]\s*"
        r"(?P<y2>(?:19|20)\d\d)"
    )
    return _Patterns(
        cues=cues,
        stops=frozenset(cues.name_stops),
        name_heads=tuple(fold(head) for head in cues.name_heads),
        generic=tuple(f" {g} " for g in cues.generic),
        generic_heads=tuple(f"{g} " for g in cues.generic_heads),
        held_before=tuple(sorted(cues.held_before, key=len, reverse=True)),
        org_heads=tuple(f"{head} " for head in cues.org_heads),
        not_congress_heads=tuple(f"{w} " for w in cues.not_congress),
        not_congress=frozenset(cues.not_congress),
        # "ĐH" is also Đại học: as a congress only before an ordinal ("ĐH XII CĐ Việt Nam").
        cue=regex.compile(
            rf"(?<!\p{{L}})(?:{congress}(?!\p{{L}})|(?:{_alt(cues.abbreviations)})"
            rf"(?=\s+(?:[IVXLC]+(?![\p{{L}}\d])|(?i:lần\s+thứ)\s)))"
        ),
        cue_words=(WordScanner(["đại hội"], flags=regex.I), WordScanner(cues.abbreviations)),
        # "(CĐ)" inside a name, "(ĐHCĐ)" after one: an abbreviation the text defines.
        abbreviation=regex.compile(r"\s*\(\p{Lu}[\p{Lu}\p{N}]{0,7}\)"),
        parenthetical=regex.compile(r"\s*\([^()]{0,60}\)"),
        delegates_word=regex.compile(r"\s+(?i:đại\s+biểu)(?=\s)"),
        word=word,
        word_w=word.groupindex["w"],
        ordinal=regex.compile(
            r"\s*,?\s*(?:(?i:lần\s+thứ)\s+(?P<ord>[IVXLC]+|\d{1,2}|nhất|hai|ba|tư)"
            # "Nghị quyết Đại hội Đảng (khóa XII)": the congress that elected khóa XII.
            r"|\((?i:khóa|khoá)\s+(?P<khoa>[IVXLC]+)\))(?![\p{L}\d])"
        ),
        ordinal_later=regex.compile(
            r"[^.;:“”]{0,80}?\s(?i:lần\s+thứ)\s+(?P<ord>[IVXLC]+|\d{1,2}|nhất|hai|ba|tư)"
            r"(?![\p{L}\d])"
        ),
        term=term,
        term_years=(term.groupindex["y1"], term.groupindex["y2"]),
        roman_after_cue=regex.compile(r"\s+(?P<ord>[IVXLC]{1,6})(?![\p{L}\d])"),
        of_org=regex.compile(r"\s+của\s+(?P<org>\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*){0,4})"),
        committee=regex.compile(
            rf"""(?:(?i:bầu)\s+(?:ra\s+|chọn\s+)?{board}[^.;]{{0,120}}?gồm\s+{count}
                   \s+(?:đồng\s+chí|ủy\s+viên|thành\s+viên)
               | (?i:bầu)\s+{count}\s+(?:đồng\s+chí|ủy\s+viên)\s+vào\s+{board}
               | {board}\s+(?:khóa|khoá)\s+mới\s+gồm\s+{count}\s+đồng\s+chí)""",
            regex.VERBOSE,
        ),
        # "bầu Ban Chấp hành … gồm các đồng chí: A, B và C": the size is the length of the list.
        committee_list=regex.compile(
            rf"(?i:bầu)\s+(?:ra\s+|chọn\s+)?{board}[^.;:]{{0,120}}?gồm\s+(?:các\s+)?"
            r"(?:đồng\s+chí|ông,?\s+bà)\s*:\s*(?P<list>[^.;:\n]{3,600})"
        ),
        delegates=regex.compile(
            r"(?<!bầu\s)(?<!bầu\s\s)(?:tham\s+dự\s+của|có|với|gồm)\s+(?P<n>\d{1,3}(?:\.\d{3})?)"
            r"\s+đại\s+biểu|(?P<n2>\d{1,3}(?:\.\d{3})?)\s+đại\s+biểu\s+(?:chính\s+thức|dự|"
            r"đại\s+diện|tham\s+dự)"
        ),
    )


@dataclass
class _Mention:
    section_index: int
    start: int  # absolute offsets of the evidence
    end: int
    organization: str | None
    ordinal: int | None
    ordinal_text: str | None
    term: tuple[int, int] | None
    status: CongressStatus
    clause_before: str  # text of the sentence before the cue, for the subject
    # (status, clause before, clause after) of this mention and of every mention merged into it:
    # the date may be stated at any of them ("Sáng 3/12, … Đại hội XIII … đã bế mạc" after a
    # headline that has none).
    contexts: list[tuple[CongressStatus, str, str]] = field(default_factory=list)
    extra: list[Span] = field(default_factory=list)


def _count(raw: str) -> int | None:
    number = parse_number(raw)
    if isinstance(number, int):
        return number
    words = parse_number_words(raw)
    return int(words) if isinstance(words, int | float) and words == int(words) else None


def _ordinal(raw: str) -> int | None:
    if raw.isdigit():
        return int(raw)
    return {"nhất": 1, "hai": 2, "ba": 3, "tư": 4}.get(raw.lower()) or parse_roman(raw)


def _name_after(text: str, position: int) -> tuple[str, int]:
    """The organisation named right after the cue, and where it ends."""
    pat = _patterns()
    words: list[str] = []
    delegates = pat.delegates_word.match(text, position, position + _REACH, HOLD_GIL)
    end = delegates.end() if delegates else position  # "Đại hội đại biểu Đảng bộ …"
    w = pat.word_w
    first = pat.word.match(text, end, end + _REACH, HOLD_GIL)
    if first is not None and first[w].islower():
        first_start = first.start(w)
        rest = fold(text[first_start : first_start + 20])
        if not any(rest.startswith(head + " ") or rest == head for head in pat.name_heads):
            return "", end  # "Đại hội cũng …", "đại hội nêu rõ …": no name follows
    while len(words) < 14:
        if words and (abbreviation := pat.abbreviation.match(text, end, end + _REACH, HOLD_GIL)):
            end = abbreviation.end()  # "Công đoàn (CĐ) Công ty …": the name goes on
        match = pat.word.match(text, end, end + _REACH, HOLD_GIL)
        if match is None or pat.cue.match(text, match.start(w), match.end(w) + 8, HOLD_GIL):
            break  # "Toàn cảnh Đại hội Đại hội đã nghe …": a caption ran into the text
        word = match[w]
        if word.islower() and word in pat.stops:
            break
        if word in {"NK"}:
            break
        words.append(word)
        end = match.end()
    return " ".join(words), end


# The indices of the groups "ord" of ``roman_after_cue``, ``ordinal`` and ``ordinal_later``, and
# "khoa" of ``ordinal`` (tests/test_congresses_groups.py pins them).
_ORD: Final = 1
_KHOA: Final = 2

# How far a match after a mention may read. The regex module scans to ``endpos`` (the end of
# the text by default) before some patterns even start, so every bounded look must pass one.
_REACH: Final = 400
# How far back a clause may reach: an unbounded search for a mark the text lacks would scan
# back to the start for every mention (quadratic on long texts).
_CLAUSE_REACH: Final = 400


def _clause_before(text: str, start: int) -> str:
    floor = max(0, start - _CLAUSE_REACH)
    cut = max(text.rfind(mark, floor, start) for mark in (". ", "; ", "\n", ": "))
    return text[cut + 1 if cut >= 0 else floor : start]


_DATE_OR_PLACE_HEAD: Final = regex.compile(r"\d|^(?:Sáng|Chiều|Tối|Ngày)")
_SUBJECT_TAIL: Final = regex.compile(r"\s+(?:đã|long\s+trọng)$")
_DELEGATES_HEAD: Final = regex.compile(r"^(?i:đại\s+biểu)\s*")


def _generic(text: str, name: str, end: int) -> bool:
    """ "Đại hội các cấp", "Đại hội Công đoàn (ĐHCĐ) các cấp": many congresses, no record."""
    pat = _patterns()
    folded_name = fold(name)
    if folded_name.startswith(pat.generic_heads) or any(
        g in f" {folded_name} " for g in pat.generic
    ):
        return True
    skipped = pat.parenthetical.match(text, end, end + _REACH, HOLD_GIL)
    tail = f" {fold(text[skipped.end() if skipped else end : end + 80])} "
    return any(tail.lstrip().startswith(g.lstrip()) for g in pat.generic)


def _clause_after(text: str, end: int) -> str:
    after = text[end : end + _CLAUSE_REACH]
    cuts = [at for at in (after.find(mark) for mark in (". ", ";", "\n")) if at >= 0]
    return after[: min(cuts)] if cuts else after


def _subject(clause: str, folded: str) -> str | None:
    """ "Ngày 20/5, Chi bộ LĐLĐ tỉnh tổ chức " → "Chi bộ LĐLĐ tỉnh"; ``folded`` is its fold."""
    pat = _patterns()
    for verb in pat.held_before:
        at = folded.rfind(f" {verb} ")
        if at >= 0 and not folded[at + len(verb) + 2 :].strip(" “"):
            subject = clause[:at].strip()
            if "," in subject:  # a leading date or place: "Ngày 20/5/2020, Chi bộ …"
                head, _, rest = subject.partition(",")
                subject = (
                    rest.strip()
                    if _DATE_OR_PLACE_HEAD.search(head, None, None, HOLD_GIL)
                    else subject
                )
            subject = _SUBJECT_TAIL.sub("", subject, concurrent=HOLD_GIL)
            named = subject.startswith(pat.org_heads) and "," not in subject
            return subject if named and len(subject.split()) <= 14 else None
    return None


def _status(folded_clause: str, folded_after: str) -> CongressStatus:
    """Status from the folded clause before the cue and the folded words after the mention."""
    cues = _patterns().cues
    near = folded_clause[-40:]
    if any(cue in near for cue in cues.upcoming_before):
        return "upcoming"
    if _is_document(folded_clause):
        return "mentioned"
    if any(cue in folded_clause for cue in cues.held_near):
        return "held"
    if any(folded_after.lstrip(" ,.”").startswith(cue) for cue in cues.held_after):
        return "held"
    return "mentioned"


def _is_document(folded_clause: str) -> bool:
    tail = folded_clause[-25:].rstrip(" “")
    return any(tail.endswith(cue) for cue in _patterns().cues.document_before)


def _many_before(folded_clause: str) -> bool:
    """ "trong các nhiệm kỳ Đại hội Đảng": congresses in general, none in particular."""
    tail = f" {folded_clause[-25:].rstrip()}"
    return any(tail.endswith(f" {cue}") for cue in _patterns().cues.generic_before)


# A real article names a few dozen congresses at most; past this many mentions the text is a
# hostile repetition, and reading more would only cost time (each mention costs ~0.1 ms).
_MAX_MENTIONS: Final = 500


def _mentions(doc: ParsedArticle) -> list[_Mention]:
    pat = _patterns()
    found: list[_Mention] = []
    seen = 0
    for index, section, first in first_matches(doc, pat.cue_words):
        text = section.text
        for cue in pat.cue.finditer(text, first, concurrent=HOLD_GIL):
            seen += 1
            if seen > _MAX_MENTIONS:
                return found
            after_cue = fold(text[cue.end() : cue.end() + 40])
            if (
                after_cue.lstrip().startswith(pat.not_congress_heads)
                or after_cue.strip() in pat.not_congress
            ):
                continue
            position = cue.end()
            ordinal_text: str | None = None
            roman = pat.roman_after_cue.match(text, position, position + _REACH, HOLD_GIL)
            if roman is not None and parse_roman(roman[_ORD]):
                ordinal_text, position = roman[_ORD], roman.end()
            name, position = _name_after(text, position)
            name = _DELEGATES_HEAD.sub("", name, concurrent=HOLD_GIL)
            if fold(name) == "toan quoc":
                name = ""  # "Đại hội đại biểu toàn quốc": the level, not a body
            if ordinal_text is None and (
                m := pat.ordinal.match(text, position, position + _REACH, HOLD_GIL)
            ):
                ordinal_text, position = m[_ORD] or m[_KHOA], m.end()
            elif (
                ordinal_text is None
                and (m := pat.ordinal_later.match(text, position, position + _REACH, HOLD_GIL))
                and not pat.cue.search(m[0], None, None, HOLD_GIL)
            ):
                # "Đại hội thi đua yêu nước trong công nhân, … toàn quốc lần thứ X": the name
                # stopped at "trong", the ordinal comes later in the same clause.
                ordinal_text, position = m[_ORD], m.end()
            if (
                ordinal_text is not None
                and (of := pat.of_org.match(text, position, position + _REACH, HOLD_GIL))
                and not name
            ):
                name, position = of[1], of.end()  # group "org", the only one
            term: tuple[int, int] | None = None
            if t := pat.term.match(text, position, position + _REACH, HOLD_GIL):
                first_year, last_year = pat.term_years
                term, position = (int(t[first_year]), int(t[last_year])), t.end()
            if _generic(text, name, position):
                continue
            lone_acronym = len(name.split()) == 1 and name.isupper()
            if (
                lone_acronym
                and ordinal_text is None
                and not pat.term.match(text, position, position + _REACH, HOLD_GIL)
            ):
                continue  # "Đại hội CĐCS": the congresses of grassroots unions in general
            clause = _clause_before(text, cue.start())
            folded_clause = fold(clause)
            ordinal = _ordinal(ordinal_text) if ordinal_text else None
            if ordinal is None and term is None and _is_document(folded_clause):
                continue  # the name of a resolution, not a congress (ANNOTATION.md)
            if ordinal is None and term is None and _many_before(folded_clause):
                continue
            # Only the words right after the mention decide; slicing the whole rest of the text
            # for every mention made long inputs quadratic.
            status = _status(folded_clause, fold(text[position : position + 30]))
            organization = name or (_subject(clause, folded_clause) if status == "held" else None)
            found.append(
                _Mention(
                    section_index=index,
                    start=section.start + cue.start(),
                    end=section.start + position,
                    organization=organization or None,
                    ordinal=ordinal,
                    ordinal_text=ordinal_text,
                    term=term,
                    status=status,
                    clause_before=clause,
                    contexts=[(status, clause, _clause_after(text, position))],
                )
            )
    return found


def _folded_org(name: str) -> list[str]:
    aliases = _patterns().cues.org_aliases
    return " ".join(aliases.get(w, w) for w in fold(name).replace(",", " ").split()).split()


def _compatible(a: str | None, b: str | None) -> bool:
    """Two names of one body: one contains the other, or most words of the shorter recur."""
    if not a or not b:
        return True
    wa, wb = _folded_org(a), _folded_org(b)
    kind_a, kind_b = _body(wa), _body(wb)
    if kind_a and kind_b and kind_a != kind_b:
        return False  # "CĐVN" and "Đảng Cộng sản VN" share words, not a congress
    fa, fb = " ".join(wa), " ".join(wb)
    if fa in fb or fb in fa:
        return True
    shorter, longer = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return sum(w in longer for w in shorter) >= 0.7 * len(shorter)


def _body(words: list[str]) -> str | None:
    """The kind of body a folded name opens with ("cong doan …" → union), if any."""
    name = " ".join(words) + " "
    for kind, heads in _patterns().cues.bodies.items():
        if any(name.startswith(f"{head} ") for head in heads):
            return kind
    return None


def _same(a: _Mention, b: _Mention) -> bool:
    if a.ordinal is not None and b.ordinal is not None:
        return a.ordinal == b.ordinal and _compatible(a.organization, b.organization)
    if a.term is not None and b.term is not None:
        return a.term == b.term and _compatible(a.organization, b.organization)
    if a.ordinal is None and a.term is None and b.ordinal is None and b.term is None:
        return bool(a.organization and b.organization) and fold(a.organization or "") == fold(
            b.organization or ""
        )
    # One has an ordinal or term, the other only an organisation: "Đại hội Công đoàn tỉnh"
    # after "Đại hội Công đoàn tỉnh Hà Giang lần thứ XVII" is that congress again.
    return bool(a.organization and b.organization) and _compatible(a.organization, b.organization)


def _merge(mentions: list[_Mention]) -> list[_Mention]:
    merged: list[_Mention] = []
    bare: list[_Mention] = []
    for mention in mentions:
        if mention.organization is None and mention.ordinal is None and mention.term is None:
            bare.append(mention)
            continue
        for kept in merged:
            if _same(kept, mention):
                kept.extra.append(Span(start=mention.start, end=mention.end, text=""))
                kept.organization = kept.organization or mention.organization
                kept.ordinal = kept.ordinal or mention.ordinal
                kept.ordinal_text = kept.ordinal_text or mention.ordinal_text
                kept.term = kept.term or mention.term
                kept.contexts.extend(mention.contexts)
                if _STATUS_RANK[mention.status] > _STATUS_RANK[kept.status]:
                    kept.status = mention.status
                    kept.clause_before = mention.clause_before
                break
        else:
            merged.append(mention)
    own = next((m for m in merged if m.status == "held"), None)
    if own is None and merged and bare and any(b.status == "held" for b in bare):
        # The article reports a congress it names once ("Đại hội Công đoàn X, nhiệm kỳ …")
        # and then calls "Đại hội": that first named congress is the held one.
        own = merged[0]
        own.status = "held"
        own.clause_before = next(b.clause_before for b in bare if b.status == "held")
    if own is not None:
        own.extra.extend(Span(start=b.start, end=b.end, text="") for b in bare)
        own.contexts.extend(c for b in bare for c in b.contexts)
    return merged


def _level(organization: str | None) -> Level | None:
    if not organization:
        return None
    words = f" {fold(organization)} "
    for level, cues in _patterns().cues.levels.items():
        if any(f" {cue} " in words for cue in cues):
            return level
    return None


def _content_text(doc: ParsedArticle) -> list[tuple[int, Section]]:
    return list(doc.content())


def _committee(doc: ParsedArticle) -> int | None:
    if (size := _first(_patterns().committee, doc)) is not None:
        return size
    for _, section in _content_text(doc):
        if listed := _patterns().committee_list.search(section.text, None, None, HOLD_GIL):
            return len(_LIST_SPLIT.split(listed["list"].strip()))
    return None


_LIST_SPLIT: Final = regex.compile(r"\s*,\s*|\s+và\s+")


def _first(pattern: regex.Pattern[str], doc: ParsedArticle) -> int | None:
    for _, section in _content_text(doc):
        for match in pattern.finditer(section.text, concurrent=HOLD_GIL):
            # Every group of ``committee`` and ``delegates`` is a count ("n", "n2"); one is set.
            raw = next(filter(None, match.groups()), None)
            if raw and (value := _count(raw)) is not None and value > 0:
                return value
    return None


def _date(mention: _Mention, reference_year: int | None) -> DateMention | None:
    """The first date that a mention gives for the congress itself.

    A date before the cue counts where that mention reports the congress as held ("Ngày
    10/6/2023, Công đoàn … tổ chức Đại hội …"); a date after it only after a verb of the event
    ("Đại hội XIII …, diễn ra … từ ngày 1 đến 3/12/2023"), so that the date of a meeting that
    prepares a congress is not taken for the congress's own.
    """
    cues = _patterns().cues
    for status, before, after in mention.contexts:
        if status == "held" and (
            dated := [d for d in find_dates(before, reference_year) if d.date]
        ):
            return dated[0]
        lead = fold(after).lstrip(" ,.”)")
        if any(lead.startswith(f"{cue} ") for cue in cues.date_after) and (
            dated := [d for d in find_dates(after, reference_year) if d.date]
        ):
            return dated[0]
    return None


def extract_congresses(doc: ParsedArticle) -> list[Congress]:
    """Every distinct congress of the article, in order of first mention."""
    records: list[Congress] = []
    counts: tuple[int | None, int | None] | None = None
    for mention in _merge(_mentions(doc)):
        term_start, term_end = mention.term if mention.term else (None, None)
        congress = Congress(
            start=mention.start,
            end=mention.end,
            text=doc.text[mention.start : mention.end],
            section_index=mention.section_index,
            extractor=EXTRACTOR,
            organization=mention.organization,
            level=_level(mention.organization),
            ordinal=mention.ordinal,
            ordinal_text=mention.ordinal_text,
            term_start=term_start,
            term_end=term_end,
            status=mention.status,
            mentions=[
                Span(start=s.start, end=s.end, text=doc.text[s.start : s.end])
                for s in mention.extra
            ],
        )
        if (date := _date(mention, doc.reference_year or term_start)) is not None:
            congress.date, congress.date_text = date.date, date.text
        if mention.status == "held":
            if counts is None:  # read once: the whole text is scanned for them
                counts = (_committee(doc), _first(_patterns().delegates, doc))
            congress.committee_size, congress.delegates = counts
        records.append(congress)
    _own_term(records, doc)
    return records


def _own_term(records: list[Congress], doc: ParsedArticle) -> None:
    """A held congress without a term takes the article's current term."""
    terms = [t for t in doc.records.get("terms", []) if getattr(t, "relation", None) == "current"]
    if not terms:
        return
    current = terms[0]
    claimed = {(c.term_start, c.term_end) for c in records}
    if (getattr(current, "start_year", None), getattr(current, "end_year", None)) in claimed:
        return  # the current term belongs to another congress of the article
    for congress in records:
        if congress.status == "held" and congress.term_start is None:
            congress.term_start = getattr(current, "start_year", None)
            congress.term_end = getattr(current, "end_year", None)
