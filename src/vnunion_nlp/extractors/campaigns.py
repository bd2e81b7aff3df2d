"""Extractor for `campaigns` records (see ../shared/ANNOTATION.md "Campaign").

Strategies, in order, over each content section (cue words in ``data/campaign_cues.yaml``):

1. *cued quote*: a quoted name “…” after a cue (``phong trào thi đua``, ``cuộc vận động``,
   ``chương trình`` …) with at most a few words between them; the cue, lower case, is the kind;
2. *quoted list*: quotes that continue a cued quote, separated only by ``;`` ``,`` or ``và``
   (“A”; “B”; “C”), are campaigns of the same kind;
3. *self-named quote*: a quote whose name opens with a cue ("“Đợt thi đua đặc biệt …”");
4. *known names*: the well-known unquoted programmes (Tháng Công nhân, Mái ấm Công đoàn …),
   with a year right after ("Tháng Công nhân 2024", "năm 2020"); a cue just before ("các chương
   trình Mái ấm Công đoàn, Tết sum vầy") gives the kind when the data file gives none.

Not campaigns: a quote after ``về`` (a document title), a goal, motto or honour (``mục tiêu:``,
``phương châm``, ``danh hiệu``), a fund (``quỹ``), or a quote inside a document reference's
title. Each campaign gets ``launched_by`` from "do X phát động" after it or "X phát động" before
it, and ``theme`` from "với chủ đề “…”" after it. The same name (folded) is one record, with the
first evidence; later mentions fill the fields it lacks.

Each strategy needs a word in the section (a quote mark, a known name, the unquoted cue): a
section without one, told for most articles by one test of their content, is not scanned.
The groups read at every quote or known name are read by index (see ``vnunion_nlp.lexicon``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

import regex

from vnunion_nlp.cues import CampaignCues
from vnunion_nlp.document import MASK, MaskedContent, ParsedArticle, fill_missing
from vnunion_nlp.engine import HOLD_GIL
from vnunion_nlp.lexicon import alternation as _alt
from vnunion_nlp.lexicon import load_yaml
from vnunion_nlp.records import Campaign, DocumentRef
from vnunion_nlp.scanning import WordScanner

EXTRACTOR: Final = "campaigns"
_NAME_MAX: Final = 200  # characters in a quoted name; longer quotes are speech, not names
_AFTER_WINDOW: Final = 160  # characters read after a name for launcher, theme and year


def _known_pattern(name: str) -> str:
    # "Tháng hành động về an toàn, vệ sinh lao động" is also written without the comma.
    words = [
        regex.escape(w[:-1]) + ",?" if w.endswith(",") else regex.escape(w) for w in name.split()
    ]
    return r"\s+".join(words)


@dataclass(frozen=True)
class _Lexicon:
    data: CampaignCues
    # The cues, case-insensitive: looked for before every quote, where the one pattern was tried
    # at every character (see ``WordScanner``).
    cues_in: WordScanner
    cue_cue: int  # the index of group "cue" of ``cues_in``
    self_cue_re: regex.Pattern[str]
    year_cue_re: regex.Pattern[str]
    blocker_re: regex.Pattern[str]
    known_re: regex.Pattern[str]
    known_name: int  # the index of group "name" of ``known_re``
    # The known names in lower case without commas: a section holding none of them is not
    # scanned (a substring test runs at C speed, the case-insensitive pattern does not).
    known_keys: tuple[str, ...]
    known_kind: dict[str, str | None]
    capitalised_only: frozenset[str]  # folded names
    aliases: dict[str, str]
    themed_year_re: regex.Pattern[str]
    themed_cue_year: tuple[int, int]  # the indices of groups "cue" and "year" of it
    launcher_after_re: regex.Pattern[str]
    launcher_before_re: regex.Pattern[str]
    theme_re: regex.Pattern[str]
    unquoted_re: regex.Pattern[str]
    unquoted_cue_name: tuple[int, int]  # the indices of groups "cue" and "name" of it
    name_stop_re: regex.Pattern[str]


_W: Final = r"(?<![\p{L}\d])"
_E: Final = r"(?![\p{L}\d])"


@functools.cache
def _lexicon() -> _Lexicon:
    data = load_yaml("campaign_cues.yaml", CampaignCues)
    cues_in = WordScanner(
        data.cues,
        rf"{_W}(?P<cue>",
        rf"){_E}(?:\s+(?:{_alt(data.extra_words)}){_E})?",
        regex.I,
    )
    self_cue_re = regex.compile(rf"(?:{_alt(data.self_naming_cues)}){_E}", regex.I)
    year_cue_re = regex.compile(rf"(?:{_alt(data.year_naming_cues)}){_E}", regex.I)
    blocker_re = regex.compile(rf"{_W}(?:{_alt(data.blockers)}){_E}", regex.I)
    patterns = {k.name: _known_pattern(k.name) for k in data.known}
    known_re = regex.compile(
        rf"{_W}“?(?P<name>{'|'.join(sorted(patterns.values(), key=len, reverse=True))})”?{_E}",
        regex.I,
    )
    known_kind = {_fold(k.name): k.kind for k in data.known}
    aliases = {_fold(k.name): _fold(k.same_as) for k in data.known if k.same_as}
    themed_year_re = regex.compile(
        rf"""{_W}(?P<cue>{_alt(list(data.themed_year))})\s+(?P<year>(?:19|20)\d{{2}})
        \s+là\s+(?:năm\s+)?(?=“)""",
        regex.I | regex.VERBOSE,
    )
    verbs = _alt(data.launch_verbs)
    launcher_after_re = regex.compile(
        rf"”?\s*,?\s*do\s+(?P<who>\p{{Lu}}[^,;.:“”\n]{{1,80}}?)\s+(?:{verbs}){_E}"
    )
    launcher_before_re = regex.compile(
        rf"(?P<who>\p{{Lu}}[^,;.:“”\n]{{1,80}}?)\s+(?:(?:{_alt(data.launch_adverbs)})\s+)*"
        rf"(?:{verbs})\s+(?:các\s+)?$"
    )
    theme_re = regex.compile(
        rf"\s*,?\s*(?:{_alt(data.theme_cues)})\s*:?\s*“(?P<theme>[^“”\n]{{1,200}})”", regex.I
    )
    # Case-sensitive: "giải quyết", "trao giải" open no name.
    unquoted_re = regex.compile(
        rf"{_W}(?P<cue>{_alt(data.unquoted_cues)})\s+(?!(?:{_alt(data.prize_ranks)}){_E})"
        rf"(?P<name>\p{{Lu}}[\p{{L}}\s]{{1,120}})"
    )
    return _Lexicon(
        data,
        cues_in,
        cues_in.groupindex["cue"],
        self_cue_re,
        year_cue_re,
        blocker_re,
        known_re,
        known_re.groupindex["name"],
        tuple(k.name.lower().replace(",", "") for k in data.known),
        known_kind,
        frozenset(_fold(k.name) for k in data.known if k.capitalised_only),
        aliases,
        themed_year_re,
        (themed_year_re.groupindex["cue"], themed_year_re.groupindex["year"]),
        launcher_after_re,
        launcher_before_re,
        theme_re,
        unquoted_re,
        (unquoted_re.groupindex["cue"], unquoted_re.groupindex["name"]),
        regex.compile(rf"\s+(?:{_alt(data.name_stops)}){_E}|\s+\p{{Lu}}{{2,}}{_E}"),
    )


def _key(name: str) -> str:
    """Merge key of a campaign: its folded name, an abbreviated name read as the full one."""
    folded = _fold(name)
    return _lexicon().aliases.get(folded, folded)


def _extends_known(key: str, quoted: set[str]) -> bool:
    # "Tết sum vầy năm 2024" in a headline and “Tết sum vầy - Xuân gắn kết” in the body: the
    # unquoted well-known name is a short form of the quoted campaign, not a second one.
    return any(q != key and q.startswith(key + " ") for q in quoted)


def _fold(name: str) -> str:
    """Key of a campaign name: case, commas and spaces folded."""
    return " ".join(name.replace(",", " ").casefold().split())


_QUOTE: Final = regex.compile(rf"“(?P<name>[^“”\n]{{1,{_NAME_MAX}}})”")
_QUOTED_NAME: Final = _QUOTE.groupindex["name"]
_YEAR_AFTER: Final = regex.compile(r"”?\s*(?:năm\s+)?(?P<year>(?:19|20)\d{2})(?![\p{L}\d/])")
_YEAR_IN_NAME: Final = regex.compile(r"\s(?P<year>(?:19|20)\d{2})$")
_YEAR: Final = _YEAR_AFTER.groupindex["year"]  # that of _YEAR_IN_NAME too, its only group
_LIST_GLUE: Final = regex.compile(r"\s*(?:[;,]|,?\s+và)\s*$")
_SENTENCE_BREAK: Final = regex.compile(r"[.!?](?:\s|$)|\n")
_LETTER: Final = regex.compile(r"\p{L}")


def _spaced(cue: str) -> str:
    """A cue as the data file writes it: one space between words, lower case."""
    return " ".join(cue.split()).casefold()


@dataclass
class _Found:
    start: int
    end: int
    name: str
    kind: str | None
    confidence: float = 1.0
    year: int | None = None
    known: bool = False


def _clause_before(text: str, start: int, floor: int) -> str:
    """Text of the sentence before ``start`` (from ``floor`` at most)."""
    piece = text[max(floor, start - 200) : start]
    breaks = list(_SENTENCE_BREAK.finditer(piece, concurrent=HOLD_GIL))
    return piece[breaks[-1].end() :] if breaks else piece


def _in_documents(start: int, documents: list[DocumentRef]) -> bool:
    # A quoted title of a document may run past the document's evidence: a quote starting within
    # a few hundred characters after it is caught by the "về" blocker instead.
    return any(d.start <= start < d.end for d in documents)


def _cued(text: str, quote: regex.Match[str], floor: int) -> tuple[str, int] | None:
    """(kind, cue start) when a cue stands close enough before the quote."""
    lex = _lexicon()
    before = _clause_before(text, quote.start(), floor)
    base = quote.start() - len(before)
    cues = lex.cues_in.finditer(before)
    if not cues:
        return None
    cue = cues[-1]
    gap = before[cue.end() :]
    if lex.blocker_re.search(gap, None, None, HOLD_GIL) or "”" in gap:
        return None
    kind = _spaced(cue[lex.cue_cue])
    max_gap = lex.data.cues[kind]
    if len(gap.replace(":", " ").split()) > max_gap:
        return None
    return kind, base + cue.start()


def _blocked(text: str, quote_start: int, floor: int) -> bool:
    """A quote right after a blocker ("về", "mục tiêu:", "danh hiệu") is no campaign."""
    lex = _lexicon()
    before = text[max(floor, quote_start - 20) : quote_start]
    last = list(lex.blocker_re.finditer(before, concurrent=HOLD_GIL))
    return bool(last) and not _LETTER.search(
        before[last[-1].end() :].replace(":", ""), None, None, HOLD_GIL
    )


def _themed_year(text: str, quote_start: int, floor: int) -> regex.Match[str] | None:
    """ "chủ đề năm 2017 là “…”": the themed year that ends right before the quote."""
    start = max(floor, quote_start - 60)
    # Its year, "19…" or "20…", stands before the quote: most quotes have none within reach, and
    # they are spared the case-insensitive pattern, tried at every character.
    if text.find("19", start, quote_start) < 0 and text.find("20", start, quote_start) < 0:
        return None
    themed = _lexicon().themed_year_re.search(text, start, quote_start + 1, HOLD_GIL)
    return themed if themed and themed.end() == quote_start else None


def _name_like(name: str) -> bool:
    """A quote that can be a campaign's name: not scare quotes, not speech."""
    if not _LETTER.search(name, None, None, HOLD_GIL) or _SENTENCE_BREAK.search(name):
        return False  # "lý giải: “Ban đầu … thật lòng. Nay …”" is speech
    if name[:1].isupper() or name[:1].isdigit():
        return True
    # In lower case, "ngồi chung “ghế nóng”" is a phrase set off and a long quote is speech; a
    # lower-case name is a short motto ("cuộc vận động … “nói không với tiêu cực”").
    return 2 < len(name.split()) <= 8


def _quoted(text: str, sec_start: int, sec_end: int, documents: list[DocumentRef]) -> list[_Found]:
    lex = _lexicon()
    out: list[_Found] = []
    previous: _Found | None = None
    blocked_end: int | None = None  # end of the last blocked quote: its list is blocked too
    if text.find("“", sec_start, sec_end) < 0:
        return out  # most sections quote nothing: a string search costs less than the engine
    for quote in _QUOTE.finditer(text, sec_start, sec_end, concurrent=HOLD_GIL):
        name = quote[_QUOTED_NAME].strip().rstrip(".")
        if not _name_like(name) or _in_documents(quote.start(), documents):
            previous = None
            continue
        if _blocked(text, quote.start(), sec_start) or (
            blocked_end is not None
            and _LIST_GLUE.fullmatch(text[blocked_end : quote.start()], None, None, HOLD_GIL)
        ):
            previous, blocked_end = None, quote.end()
            continue
        blocked_end = None
        found: _Found | None = None
        if themed := _themed_year(text, quote.start(), sec_start):
            cue_group, year_group = lex.themed_cue_year
            kind = lex.data.themed_year[_spaced(themed[cue_group])]
            found = _Found(themed.start(), quote.end(), name, kind, 0.9, int(themed[year_group]))
        elif cued := _cued(text, quote, sec_start):
            kind, cue_start = cued
            found = _Found(cue_start, quote.end(), name, kind)
        elif previous is not None and _LIST_GLUE.fullmatch(
            text[previous.end : quote.start()], None, None, HOLD_GIL
        ):
            found = _Found(quote.start(), quote.end(), name, previous.kind)
        elif (self_cue := lex.self_cue_re.match(name, None, None, HOLD_GIL)) and name[:1].isupper():
            kind = _spaced(self_cue.group(0))
            found = _Found(quote.start(), quote.end(), name, kind, 0.8)
        elif (
            (year_cue := lex.year_cue_re.match(name, None, None, HOLD_GIL))
            and name[:1].isupper()
            and (year := _YEAR_IN_NAME.search(name, None, None, HOLD_GIL))
        ):
            kind = _spaced(year_cue.group(0))
            found = _Found(quote.start(), quote.end(), name, kind, 0.8, int(year[_YEAR]))
        if found is not None:
            out.append(found)
        previous = found
    return out


_COUNT_BEFORE: Final = regex.compile(r"\d\s*$")


def _names_known(lowered: str, keys: Iterable[str]) -> bool:
    """Whether a lower-cased text may name a known campaign: it holds one of the ``keys`` (known
    names in lower case without commas) once its commas are dropped."""
    without_commas = lowered.replace(",", "")
    return any(key in without_commas for key in keys)


def _naming_known(masked: MaskedContent) -> list[bool]:
    """For each of ``masked.content``, whether it may name a known campaign (``_names_known``).

    Most articles name none: one test of the lowered content (made once for all extractors; the
    mask between sections keeps a name within one) tells them, and keeps for the sections only
    the names it holds. Those are looked for in the parts of that same text between the masks,
    which are the sections' own lower cases without commas: the mask (U+0000) is neither cased
    nor case-ignorable and ends a context as the text's end does, and a section holds no mask
    (normalised text holds none; where one does, each section is lowered on its own).
    """
    without_commas = masked.lowered().replace(",", "")
    keys = [key for key in _lexicon().known_keys if key in without_commas]
    if not keys:
        return [False] * len(masked.content)
    parts = without_commas.split(MASK)
    if len(parts) != len(masked.content):
        return [_names_known(section.text.lower(), keys) for _, section in masked.content]
    return [any(key in part for key in keys) for part in parts]


def _holding(masked: MaskedContent, words: Iterable[str]) -> list[bool]:
    """For each of ``masked.content``, whether its text holds one of the ``words`` (as written):
    most articles hold none, told by one search of their content."""
    present = [word for word in words if word in masked.text]
    if not present:
        return [False] * len(masked.content)
    return [any(word in section.text for word in present) for _, section in masked.content]


def _known(text: str, sec_start: int, sec_end: int) -> list[_Found]:
    """The known names in a section that may hold one (``_naming_known``)."""
    lex = _lexicon()
    out: list[_Found] = []
    for m in lex.known_re.finditer(text, sec_start, sec_end, concurrent=HOLD_GIL):
        name = m[lex.known_name]
        if _blocked(text, m.start(), sec_start):
            continue
        quoted = m.group(0).startswith("“")
        if not quoted and not name[:1].isupper() and _fold(name) in lex.capitalised_only:
            continue  # "việc học tập và làm theo …" in lower case: the activity, not the drive
        if not quoted and _COUNT_BEFORE.search(
            text, max(sec_start, m.start() - 3), m.start(), HOLD_GIL
        ):
            continue  # "xây 46 Mái ấm Công đoàn": houses counted, not the programme
        kind = lex.known_kind.get(_fold(name))
        if kind is None:
            # "các chương trình Mái ấm Công đoàn, Tết sum vầy": the cue before gives the kind.
            before = _clause_before(text, m.start(), sec_start)
            cues = lex.cues_in.finditer(before)
            if cues and len(before[cues[-1].end() :].split()) <= 8:
                kind = _spaced(cues[-1][lex.cue_cue])
        out.append(_Found(m.start(), m.end(), name, kind, 0.9, known=True))
    return out


def _unquoted(text: str, sec_start: int, sec_end: int) -> list[_Found]:
    """ "Giải Bóng đá công nhân lao động lần thứ X": a capitalised cue and an unquoted name."""
    lex = _lexicon()
    out: list[_Found] = []
    cue, named = lex.unquoted_cue_name
    for m in lex.unquoted_re.finditer(text, sec_start, sec_end, concurrent=HOLD_GIL):
        name_start, name_end = m.span(named)
        stop = lex.name_stop_re.search(text, name_start, name_end, HOLD_GIL)
        name = text[name_start : stop.start() if stop else name_end].strip()
        if len(name.split()) >= 2:
            end = name_start + len(name)
            out.append(_Found(m.start(), end, name, lex.data.unquoted_cues[m[cue]], 0.8))
    return out


def _details(text: str, found: _Found, sec_start: int, sec_end: int) -> Campaign:
    lex = _lexicon()
    window_end = min(sec_end, found.end + _AFTER_WINDOW)
    year: int | None = found.year
    end = found.end
    if year is not None:
        pass
    elif y := _YEAR_IN_NAME.search(found.name, None, None, HOLD_GIL):
        year = int(y[_YEAR])
    elif y := _YEAR_AFTER.match(text, found.end, window_end, HOLD_GIL):
        year, end = int(y[_YEAR]), y.end()
    launched_by = None
    if who := lex.launcher_after_re.match(text, end, window_end, HOLD_GIL):
        launched_by = who[1].strip()  # group "who", the only one
    else:
        before = _clause_before(text, found.start, sec_start)
        if who := lex.launcher_before_re.search(before, None, None, HOLD_GIL):
            launched_by = who[1].strip()  # group "who", the only one
    theme = None
    if t := lex.theme_re.match(text, end, window_end, HOLD_GIL):
        theme = t[1].strip()  # group "theme", the only one
    return Campaign(
        start=found.start,
        end=end,
        text=text[found.start : end],
        section_index=None,
        extractor=EXTRACTOR,
        confidence=found.confidence,
        name=found.name,
        kind=found.kind,
        launched_by=launched_by,
        theme=theme,
        year=year,
    )


def extract_campaigns(doc: ParsedArticle) -> list[Campaign]:
    """Every named campaign in the article's content sections, once per folded name.

    Reads the document references already extracted (``doc.records["documents"]``) so that a
    quoted name inside a document reference is not taken for a campaign. Odd text gives ``[]``.
    """
    documents = [r for r in doc.records.get("documents", []) if isinstance(r, DocumentRef)]
    merged: dict[str, Campaign] = {}
    masked = doc.masked_content()
    sections = masked.content
    text = doc.text
    # Each strategy needs a word in the section (a quote mark, a known name, an unquoted cue):
    # those tests, at C speed and mostly decided once for the article, spare the patterns.
    quoting = _holding(masked, ("“",))
    quoted = [
        _quoted(text, s.start, s.end, documents) if quotes else []
        for (_, s), quotes in zip(sections, quoting, strict=True)
    ]
    all_quoted = {_key(q.name) for found in quoted for q in found}
    naming = _naming_known(masked)
    cueing = _holding(masked, _lexicon().data.unquoted_cues)
    for (index, section), candidates, known_named, cued in zip(
        sections, quoted, naming, cueing, strict=True
    ):
        start, end = section.start, section.end
        known = _known(text, start, end) if known_named else []
        others = [*known, *_unquoted(text, start, end)] if cued else known
        if others:
            taken = [(c.start, c.end) for c in candidates]
            candidates = candidates + [
                k for k in others if not any(s <= k.start < e for s, e in taken)
            ]
        for found in sorted(candidates, key=lambda c: c.start):
            record = _details(text, found, start, end).model_copy(update={"section_index": index})
            key = _key(record.name)
            if found.known and key not in merged and _extends_known(key, all_quoted):
                continue
            first = merged.get(key)
            merged[key] = (
                record
                if first is None
                else fill_missing(first, record, ("kind", "launched_by", "theme", "year"))
            )
    return sorted(merged.values(), key=lambda c: c.start)
