"""Congresses: every Đại hội that is an event, the article's own and those it mentions.

A mention is "Đại hội" followed by what names it: an ordinal right after it ("Đại hội XIII Công
đoàn Việt Nam"), an organisation up to a stop word, then "lần thứ …" and "nhiệm kỳ …". When
nothing follows ("Chi bộ X tổ chức Đại hội lần thứ VII"), the organisation is the subject before
"tổ chức". Mentions of one congress (same ordinal, or same term, with compatible organisations)
are merged; a bare "Đại hội" refers back to the article's own congress. A resolution's name
("Nghị quyết Đại hội …") is a congress only with an ordinal or a term; "các cấp" is many unnamed
congresses and no record. Status comes from the words around the mention; the date, delegates and
committee size are read for the congress the article reports as held.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import regex

from vnunion_nlp.dates import find_dates
from vnunion_nlp.document import ParsedArticle
from vnunion_nlp.lexicon import DataModel, load_yaml
from vnunion_nlp.normalize import fold
from vnunion_nlp.numbers import parse_number, parse_number_words, parse_roman
from vnunion_nlp.records import Congress, CongressStatus, Level, Section, Span

EXTRACTOR = "congresses"
_STATUS_RANK = {"held": 2, "upcoming": 1, "mentioned": 0}


class CongressCues(DataModel):
    """Schema of ``data/congress_cues.yaml`` (its header explains every field)."""

    name_stops: list[str]
    not_congress: list[str]
    generic: list[str]
    document_before: list[str]
    upcoming_before: list[str]
    held_near: list[str]
    held_after: list[str]
    held_before: list[str]
    levels: dict[Level, list[str]]
    name_heads: list[str]
    org_heads: list[str]
    org_aliases: dict[str, str]


@dataclass(frozen=True)
class _Patterns:
    cues: CongressCues
    stops: frozenset[str]
    cue: regex.Pattern[str]
    delegates_word: regex.Pattern[str]
    word: regex.Pattern[str]
    ordinal: regex.Pattern[str]
    ordinal_later: regex.Pattern[str]
    term: regex.Pattern[str]
    roman_after_cue: regex.Pattern[str]
    of_org: regex.Pattern[str]
    committee: regex.Pattern[str]
    delegates: regex.Pattern[str]


@functools.cache
def _patterns() -> _Patterns:
    cues = load_yaml("congress_cues.yaml", CongressCues)
    count = r"(?P<n>\d{1,4}(?:\.\d{3})?|\p{Ll}+(?:\s+\p{Ll}+){0,2}?)"
    return _Patterns(
        cues=cues,
        stops=frozenset(cues.name_stops),
        cue=regex.compile(r"(?<!\p{L})(?i:đại\s+hội)(?!\p{L})"),
        delegates_word=regex.compile(r"\s+(?i:đại\s+biểu)(?=\s)"),
        word=regex.compile(r"\s*(?P<w>[\p{L}\p{N}](?:[\p{L}\p{N}&/-]|\.(?=\p{L}))*)"),
        ordinal=regex.compile(
            r"\s*,?\s*(?:(?i:lần\s+thứ)\s+(?P<ord>[IVXLC]+|\d{1,2}|nhất|hai|ba|tư)"
            # "Nghị quyết Đại hội Đảng (khóa XII)": the congress that elected khóa XII.
            r"|\((?i:khóa|khoá)\s+(?P<khoa>[IVXLC]+)\))(?![\p{L}\d])"
        ),
        ordinal_later=regex.compile(
            r"[^.;:“”]{0,80}?\s(?i:lần\s+thứ)\s+(?P<ord>[IVXLC]+|\d{1,2})(?![\p{L}\d])"
        ),
        term=regex.compile(
            r"\s*,?\s*(?:(?i:nhiệm\s+kỳ)|NK)\s*\(?\s*(?P<y1>(?:19|20)\d\d)\s*[-–—]\s*"
            r"(?P<y2>(?:19|20)\d\d)"
        ),
        roman_after_cue=regex.compile(r"\s+(?P<ord>[IVXLC]{1,6})(?![\p{L}\d])"),
        of_org=regex.compile(r"\s+của\s+(?P<org>\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*){0,4})"),
        committee=regex.compile(
            rf"""(?:(?i:bầu)\s+(?:ra\s+)?(?:Ban\s+Chấp\s+hành|BCH)[^.;]{{0,120}}?gồm\s+{count}
                   \s+(?:đồng\s+chí|ủy\s+viên|thành\s+viên)
               | (?i:bầu)\s+{count}\s+(?:đồng\s+chí|ủy\s+viên)\s+vào\s+(?:Ban\s+Chấp\s+hành|BCH)
               | (?:Ban\s+Chấp\s+hành|BCH)\s+(?:khóa|khoá)\s+mới\s+gồm\s+{count}\s+đồng\s+chí)""",
            regex.VERBOSE,
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
    clause_before: str  # text of the sentence before the cue, for the date
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
    delegates = pat.delegates_word.match(text, position)
    end = delegates.end() if delegates else position  # "Đại hội đại biểu Đảng bộ …"
    first = pat.word.match(text, end)
    if first is not None and first["w"].islower():
        rest = fold(text[first.start("w") : first.start("w") + 20])
        if not any(rest.startswith(fold(head) + " ") or rest == fold(head)
                   for head in pat.cues.name_heads):  # fmt: skip
            return "", end  # "Đại hội cũng …", "đại hội nêu rõ …": no name follows
    while len(words) < 14:
        match = pat.word.match(text, end)
        if match is None:
            break
        word = match["w"]
        if word.islower() and word in pat.stops:
            break
        if word in {"NK"}:
            break
        words.append(word)
        end = match.end()
    return " ".join(words), end


def _clause_before(text: str, start: int) -> str:
    cut = max(text.rfind(mark, 0, start) for mark in (". ", "; ", "\n", ": "))
    return text[cut + 1 : start]


def _subject(clause: str) -> str | None:
    """ "Ngày 20/5, Chi bộ LĐLĐ tỉnh tổ chức " → "Chi bộ LĐLĐ tỉnh"."""
    folded = fold(clause)
    for verb in sorted(_patterns().cues.held_before, key=len, reverse=True):
        at = folded.rfind(f" {verb} ")
        if at >= 0 and not folded[at + len(verb) + 2 :].strip(" “"):
            subject = clause[:at].strip()
            if "," in subject:  # a leading date or place: "Ngày 20/5/2020, Chi bộ …"
                head, _, rest = subject.partition(",")
                subject = (
                    rest.strip() if regex.search(r"\d|^(?:Sáng|Chiều|Tối|Ngày)", head) else subject
                )
            subject = regex.sub(r"\s+(?:đã|long\s+trọng)$", "", subject)
            heads = _patterns().cues.org_heads
            named = subject.startswith(tuple(h + " " for h in heads)) and "," not in subject
            return subject if named and len(subject.split()) <= 14 else None
    return None


def _status(clause: str, after: str, name: str) -> CongressStatus:
    cues = _patterns().cues
    near = fold(clause[-40:])
    if any(cue in near for cue in cues.upcoming_before):
        return "upcoming"
    if any(fold(clause[-25:]).rstrip(" “").endswith(cue) for cue in cues.document_before):
        return "mentioned"
    if any(cue in fold(clause) for cue in cues.held_near):
        return "held"
    if any(fold(after[:30]).lstrip(" ,.”").startswith(cue) for cue in cues.held_after):
        return "held"
    return "mentioned"


def _mentions(doc: ParsedArticle) -> list[_Mention]:
    pat = _patterns()
    found: list[_Mention] = []
    for index, section in doc.content():
        text = section.text
        for cue in pat.cue.finditer(text):
            after_cue = text[cue.end() : cue.end() + 40]
            if any(fold(after_cue).lstrip().startswith(w + " ") or fold(after_cue).strip() == w
                   for w in pat.cues.not_congress):  # fmt: skip
                continue
            position = cue.end()
            ordinal_text: str | None = None
            roman = pat.roman_after_cue.match(text, position)
            if roman is not None and parse_roman(roman["ord"]):
                ordinal_text, position = roman["ord"], roman.end()
            name, position = _name_after(text, position)
            name = regex.sub(r"^(?i:đại\s+biểu)\s*", "", name)
            if fold(name) == "toan quoc":
                name = ""  # "Đại hội đại biểu toàn quốc": the level, not a body
            if ordinal_text is None and (m := pat.ordinal.match(text, position)):
                ordinal_text, position = m["ord"] or m["khoa"], m.end()
            elif (
                ordinal_text is None
                and (m := pat.ordinal_later.match(text, position))
                and not pat.cue.search(m[0])
            ):
                # "Đại hội thi đua yêu nước trong công nhân, … toàn quốc lần thứ X": the name
                # stopped at "trong", the ordinal comes later in the same clause.
                ordinal_text, position = m["ord"], m.end()
            if ordinal_text is not None and (of := pat.of_org.match(text, position)) and not name:
                name, position = of["org"], of.end()
            term: tuple[int, int] | None = None
            if t := pat.term.match(text, position):
                term, position = (int(t["y1"]), int(t["y2"])), t.end()
            if any(g in f" {fold(name)} " for g in (f" {g} " for g in pat.cues.generic)):
                continue
            lone_acronym = len(name.split()) == 1 and name.isupper()
            if lone_acronym and ordinal_text is None and not pat.term.match(text, position):
                continue  # "Đại hội CĐCS": the congresses of grassroots unions in general
            clause = _clause_before(text, cue.start())
            is_document = any(
                fold(clause[-25:]).rstrip(" “").endswith(d) for d in pat.cues.document_before
            )
            ordinal = _ordinal(ordinal_text) if ordinal_text else None
            if is_document and ordinal is None and term is None:
                continue  # the name of a resolution, not a congress (ANNOTATION.md)
            status = _status(clause, text[position:], name)
            organization = name or (_subject(clause) if status == "held" else None)
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
    fa, fb = " ".join(wa), " ".join(wb)
    if fa in fb or fb in fa:
        return True
    shorter, longer = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return sum(w in longer for w in shorter) >= 0.7 * len(shorter)


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


def _first(pattern: regex.Pattern[str], doc: ParsedArticle) -> int | None:
    for _, section in _content_text(doc):
        for match in pattern.finditer(section.text):
            raw = match.groupdict().get("n") or match.groupdict().get("n2")
            if raw and (value := _count(raw)) is not None and value > 0:
                return value
    return None


def extract_congresses(doc: ParsedArticle) -> list[Congress]:
    """Every distinct congress of the article, in order of first mention."""
    records: list[Congress] = []
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
        if mention.status == "held":
            reference = doc.reference_year or term_start
            dates = [d for d in find_dates(mention.clause_before, reference) if d.date]
            if dates:
                congress.date, congress.date_text = dates[0].date, dates[0].text
            congress.committee_size = _first(_patterns().committee, doc)
            congress.delegates = _first(_patterns().delegates, doc)
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
