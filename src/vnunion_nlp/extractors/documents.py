"""Extractor for `documents` records (see ../shared/ANNOTATION.md "Document reference").

Each content section is scanned for a document type word (``data/doc_types.yaml``); what follows
it is read by an ordered chain of small readers, each consuming a prefix of the rest:

1. *number*: ``số 02-NQ/TW``, ``số 79``, ``153/2016/NĐ-CP`` (no "số"), lists ``03, 05`` (one
   record per number); the symbol is the token as written without spaces, ``None`` for digits only;
2. *name*: without a number, a named resolution ``Nghị quyết Đại hội X``, ``Nghị quyết Trung
   ương 4`` or an issuer followed by ``khóa VII`` (the name is the issuer); ``… các cấp`` is
   generic and dropped;
3. *header*: in any order, ``, ngày 12/6/2021``, ``của Bộ Chính trị``, ``(khóa XII)``;
4. *title*: ``về “…”`` (without quotes), or an unquoted ``về …`` up to ``;``, ``(``, ``ngày``.

A reference is kept when it has a number, a quoted title or a name ("Nghị quyết của Đảng" alone is
generic). ``Luật X`` / ``Bộ luật X`` count by name alone for the laws listed in the data file.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import regex

from vnunion_nlp import errors
from vnunion_nlp.cues import DocTypes
from vnunion_nlp.dates import date_at_start, find_dates
from vnunion_nlp.document import ParsedArticle, fill_missing
from vnunion_nlp.engine import HOLD_GIL
from vnunion_nlp.lexicon import alternation as _alt
from vnunion_nlp.lexicon import load_yaml
from vnunion_nlp.records import ArticleWarning, DocumentRef
from vnunion_nlp.scanning import WordScanner, scan_content

EXTRACTOR = "documents"
_BY_SYMBOL = ""  # doc_type of a generic word ("văn bản"): read from the symbol's code
_HEADER_WINDOW = 160  # characters read after the type for number, date, issuer and session
_TITLE_MAX = 300


@dataclass(frozen=True)
class _Lexicon:
    types_in: WordScanner
    canonical: dict[str, str]
    laws_in: WordScanner
    law_words: tuple[str, ...]
    generic_re: regex.Pattern[str]
    issuer_stop_re: regex.Pattern[str]
    title_stop_re: regex.Pattern[str]
    symbol_codes: dict[str, str]


@functools.cache
def _lexicon() -> _Lexicon:
    data = load_yaml("doc_types.yaml", DocTypes)
    canonical = {form.casefold(): name for name, forms in data.types.items() for form in forms}
    canonical.update({form.casefold(): _BY_SYMBOL for form in data.by_symbol})
    types_in = WordScanner(canonical, r"(?<![\p{L}\d])", r"(?![\p{L}\d])", regex.I)
    # The prefix is case-sensitive ("pháp luật" is no law); the name is not.
    laws_in = WordScanner(
        data.law_prefixes,
        r"(?<![\p{L}\d])(?P<prefix>",
        rf")\s+(?P<name>(?i:{_alt(data.laws)}))(?![\p{{L}}\d])",
    )
    generic_re = regex.compile(rf"^(?:{_alt(data.generic_words)})(?![\p{{L}}\d])", regex.I)
    issuer_stop_re = regex.compile(
        rf"\s+(?:{_alt(data.issuer_stops)})(?![\p{{L}}\d])|\s*[,;:.()“”\n]|\s+\d", regex.I
    )
    title_stop_re = regex.compile(
        rf"\s+(?:{_alt(data.title_stops)})(?![\p{{L}}\d])|\s*[;(“\n]|\.(?:\s|$)", regex.I
    )
    return _Lexicon(
        types_in,
        canonical,
        laws_in,
        # Every law reference holds the last word of its prefix ("Luật", "luật"), so the lower
        # case of that word is in the lowered text (``str.lower`` maps each letter on its own).
        tuple(sorted({prefix.split()[-1].lower() for prefix in data.law_prefixes})),
        generic_re,
        issuer_stop_re,
        title_stop_re,
        data.symbol_codes,
    )


# "số 02-NQ/TW", "số 79", "153/2016/NĐ-CP", "03, 05": digits, then an optional symbol tail of
# letters, digits and / - . (a tail must hold a letter to be a symbol).
_NUMBER = regex.compile(
    r"""
    (?P<so>\s+số)?\s+
    (?P<token>\d{1,5}(?:[/\-][\p{L}\d]+(?:[/\-.][\p{L}\d]+)*)?)(?![\p{L}\d])
    (?P<more>(?:\s*,\s*\d{1,5}(?![\p{L}\d/\-])|\s+và\s+\d{1,5}(?![\p{L}\d/\-]))*)
    """,
    regex.VERBOSE,
)
_SESSION = regex.compile(
    r"""\s*\(?\s*kh[oó][aá]\s+(?P<session>[IVXLC]+(?:\s*,\s*[IVXLC]+)*)(?![\p{L}\d])\s*\)?""",
    regex.VERBOSE,
)
_OF = regex.compile(r"\s*,?\s+của\s+")
_DATE_LEAD = regex.compile(r"\s*,?\s+(?=ngày\s+\d)")
_CENTRAL = regex.compile(r"\s+(?P<issuer>Trung\s+ương)\s+(?P<number>\d{1,2})(?![\p{L}\d/])")
_CONGRESS = regex.compile(r"\s+(?=(?:[Đđ]ại\s+hội|ĐH)\s)")
_CAPITAL = regex.compile(r"\s+(?=\p{Lu})")
_ABOUT = regex.compile(r"\s*,?\s+về\s+(?:việc\s+)?")
_QUOTED = regex.compile(r"“(?P<title>[^“”\n]{1,300})”")
_SYMBOL_LETTER = regex.compile(r"[/\-]\p{L}|[/\-].*\p{L}")
_SYMBOL_PARTS = regex.compile(r"[/\-.]")
_DIGITS = regex.compile(r"\d+")
_ORDINAL = regex.compile(r"\slần\s+thứ\s+[IVXLC\d]+(?![\p{L}\d])")
_SPACE_CAPITAL = regex.compile(r"\s\p{Lu}")
_CONGRESS_ISSUER = regex.compile(r"(?i:đại\s+hội)\s|ĐH\s")
_DANGLING = regex.compile(r"(?:[\s,]+(?:và|hoặc|cùng))+$")
# What must follow a type word for its readers to keep it (see ``_may_be_kept``): a number after
# white space, or "số" (_NUMBER); "Trung ương" (_CENTRAL) or a congress (_CONGRESS, _is_congress);
# another capital (_CAPITAL) only with a session ("khóa", _SESSION) in the window; a quoted title
# after "về" (_ABOUT) or after the space that follows a capitalised type.
_NUMBER_OR_NAME_LEAD = regex.compile(r"\s+(?:\d|số|Trung|(?i:đại\s+hội)\s|ĐH\s)")
_SESSION_WORD = regex.compile(r"kh[oó][aá]")
_QUOTE_AFTER_ABOUT = regex.compile(r"về\s+(?:việc\s+)?“")
# The groups read at every type word are read by index (see ``vnunion_nlp.lexicon``).
_NUMBER_SO, _NUMBER_TOKEN, _NUMBER_MORE = (_NUMBER.groupindex[g] for g in ("so", "token", "more"))
_CENTRAL_NUMBER = _CENTRAL.groupindex["number"]
_SESSION_ROMAN = _SESSION.groupindex["session"]
_QUOTED_TITLE = _QUOTED.groupindex["title"]


@dataclass
class _Reading:
    """What the readers found after one type word; ``end`` is the end of the evidence."""

    end: int
    numbers: list[tuple[str, str | None]] = field(default_factory=list)
    issuer: str | None = None
    issued_on_text: str | None = None
    session: str | None = None
    title: str | None = None
    quoted_title: bool = False
    named: bool = False


def _issuer_at(text: str, pos: int, limit: int) -> tuple[str, int] | None:
    """An issuer starting at ``pos``: words up to a stop word or punctuation."""
    stop = _lexicon().issuer_stop_re.search(text, pos, limit, HOLD_GIL)
    end = stop.start() if stop else limit
    issuer = text[pos:end].strip()
    if not issuer or len(issuer.split()) > 12:
        return None
    return issuer, pos + len(text[pos:end].rstrip())


def _read_number(text: str, r: _Reading, limit: int) -> None:
    m = _NUMBER.match(text, r.end, limit, HOLD_GIL)
    if not m:
        return
    token = m[_NUMBER_TOKEN]
    symbol = token if _SYMBOL_LETTER.search(token, None, None, HOLD_GIL) else None
    if symbol is None and not _DIGITS.fullmatch(token, None, None, HOLD_GIL):
        return  # "12/2020" without letters: a date or a ratio, no document number
    if symbol is None and not m[_NUMBER_SO] and 1900 <= int(token) <= 2100:
        return  # "Kế hoạch 2017": a year, not a number (a number after "số" stays one)
    r.numbers.append((_DIGITS.match(token, None, None, HOLD_GIL)[0], symbol))  # type: ignore[index]
    for extra in _DIGITS.findall(m[_NUMBER_MORE], concurrent=HOLD_GIL):
        r.numbers.append((extra, None))
    r.end = m.end()


def _read_name(text: str, r: _Reading, limit: int) -> None:
    lex = _lexicon()
    if m := _CENTRAL.match(text, r.end, limit, HOLD_GIL):
        r.issuer, r.named, r.end = "Trung ương", True, m.end()
        r.numbers.append((m[_CENTRAL_NUMBER], None))
        return
    if _CONGRESS.match(text, r.end, limit) or _CAPITAL.match(text, r.end, limit, HOLD_GIL):
        start = r.end
        while start < len(text) and text[start].isspace():
            start += 1
        found = _issuer_at(text, start, limit)
        if found is None:
            return
        issuer, end = found
        # "Đại hội Đảng bộ thành phố lần thứ XVI": the ordinal closes the congress's name.
        if ordinal := _ORDINAL.search(issuer, None, None, HOLD_GIL):
            end -= len(issuer) - ordinal.end()
            issuer = issuer[: ordinal.end()]
        after = text[end:limit].lstrip(" ,")
        if lex.generic_re.match(after, None, None, HOLD_GIL) or any(
            lex.generic_re.match(issuer[i:], None, None, HOLD_GIL)
            for i in range(len(issuer))
            if issuer[i - 1 : i] == " "
        ):
            return
        is_congress = _is_congress(issuer)
        if is_congress and not _SPACE_CAPITAL.search(issuer, None, None, HOLD_GIL):
            return  # "nghị quyết đại hội cấp mình": no named congress
        if is_congress or _SESSION.match(text, end, limit, HOLD_GIL):
            r.issuer, r.named, r.end = issuer, True, end


def _is_congress(issuer: str | None) -> bool:
    return issuer is not None and _CONGRESS_ISSUER.match(issuer, None, None, HOLD_GIL) is not None


def _read_header(text: str, r: _Reading, limit: int) -> None:
    """Date, issuer and session in any order, each at most once."""
    for _ in range(4):
        if (
            r.issued_on_text is None
            and (m := _DATE_LEAD.match(text, r.end, limit, HOLD_GIL))
            # only a date right after the lead counts: the rest is not searched
            and (date := date_at_start(text[m.end() : limit])) is not None
        ):
            r.issued_on_text = date.text
            r.end = m.end() + date.end
            continue
        if r.session is None and (m := _SESSION.match(text, r.end, limit, HOLD_GIL)):
            r.session = " ".join(m[_SESSION_ROMAN].split())
            r.end = m.end() if m.group(0).rstrip().endswith(")") else m.end(_SESSION_ROMAN)
            continue
        if (r.issuer is None or r.named) and (m := _OF.match(text, r.end, limit, HOLD_GIL)):
            found = _issuer_at(text, m.end(), limit)
            if found and found[0][:1].isupper():
                if r.issuer is None:
                    r.issuer = found[0]
                elif _is_congress(r.issuer):  # "Đại hội XIII của Đảng": whose congress it is
                    r.issuer = f"{r.issuer} của {found[0]}"
                r.end = found[1]
                continue
        break


def _read_title(text: str, r: _Reading, limit: int, capitalised: bool) -> None:
    m = _ABOUT.match(text, r.end, limit, HOLD_GIL)
    if not m:
        # A quoted name right after a capitalised type is its title: Đề án “Đầu tư …”.
        if (
            capitalised
            and (q := _QUOTED.match(text, r.end + 1, limit, HOLD_GIL))
            and text[r.end] == " "
        ):
            r.title, r.quoted_title = q[_QUOTED_TITLE].strip(), True
        return
    if q := _QUOTED.match(text, m.end(), limit, HOLD_GIL):
        r.title, r.quoted_title = q[_QUOTED_TITLE].strip(), True
        return
    stop = _lexicon().title_stop_re.search(
        text, m.end(), min(limit, m.end() + _TITLE_MAX), HOLD_GIL
    )
    end = stop.start() if stop else min(limit, m.end() + _TITLE_MAX)
    # An unquoted subject stops before another document it names ("về thực hiện Nghị quyết …").
    if inner := _lexicon().types_in.search(text, m.end(), end):
        end = inner.start()
    # A subject cut before the next document may end on a dangling conjunction.
    title = _DANGLING.sub("", text[m.end() : end].strip(" ,"), concurrent=HOLD_GIL)
    if title and len(title.split()) <= 40:
        r.title = title


def _may_be_kept(text: str, start: int, header_limit: int, limit: int, capitalised: bool) -> bool:
    """Whether the readers could find, after a type word ending at ``start``, what keeps it: a
    number, a name or a quoted title. False is exact; most type words ("kế hoạch", "quy định" in
    running text) have none of them, and this spares them the four readers.

    Each test asks for less than its reader needs, within the same window: the number or name
    opens right after the type; a named issuer that is no congress ends before a session; a quoted
    title opens after "về" or, after a capitalised type, after a space.
    """
    if _NUMBER_OR_NAME_LEAD.match(text, start, header_limit, HOLD_GIL):
        return True
    if _CAPITAL.match(text, start, header_limit, HOLD_GIL) and _SESSION_WORD.search(
        text, start, header_limit, HOLD_GIL
    ):
        return True
    if text.find("“", start, limit) < 0:  # the cheap test first: most windows hold no quote
        return False
    if _QUOTE_AFTER_ABOUT.search(text, start, limit, HOLD_GIL):
        return True
    return capitalised and text.find(" “", start, limit) >= 0


def _type_of_symbol(symbol: str | None) -> str | None:
    """ "85/HD-TLĐ" → Hướng dẫn, from the first code of the symbol that names a type."""
    codes = _lexicon().symbol_codes
    parts = _SYMBOL_PARTS.split(symbol or "", concurrent=HOLD_GIL)
    return next((codes[p] for p in parts if p in codes), None)


def _law_type(prefix: str) -> str:
    """ "Bộ Luật" as written → "Bộ luật": only the first letter of a doc_type is upper case."""
    words = prefix.split()
    return " ".join([words[0], *(w.lower() for w in words[1:])])


def _section_limit(text: str, start: int, section_end: int) -> int:
    return min(section_end, start + _HEADER_WINDOW + _TITLE_MAX)


# A match of a scan over the masked content, with what turns its offsets into the article's.
_Hit = tuple[int, regex.Match[str]]


def _hits(doc: ParsedArticle, scanner: WordScanner) -> dict[int, list[_Hit]]:
    """The scanner's matches in each content section, by section index."""
    by_section: dict[int, list[_Hit]] = {}
    for index, section, base, match in scan_content(doc, scanner):
        by_section.setdefault(index, []).append((section.start - base, match))
    return by_section


# Real articles name a few dozen documents at most (46 type words in the richest of the 1,150
# external articles); each mention read costs up to ~80 µs, so a text of nothing but type words
# ("Nghị quyết " x 30,000) is read up to this many, with warning W008.
_MAX_MENTIONS = 400


def _cap(doc: ParsedArticle, hits: dict[int, list[_Hit]]) -> None:
    """Keep the first ``_MAX_MENTIONS`` type words, in text order, with W008 if any is dropped."""
    total = sum(len(section_hits) for section_hits in hits.values())
    if total <= _MAX_MENTIONS:
        return
    left = _MAX_MENTIONS
    for section_hits in hits.values():  # in text order: the scan fills them so
        del section_hits[left:]
        left -= len(section_hits)
    detail = f"documents: {_MAX_MENTIONS} of {total} type words read"
    doc.warnings.append(ArticleWarning.coded(errors.W_MENTIONS_CAPPED, detail))


def _read(text: str, start: int, header_limit: int, limit: int, capitalised: bool) -> _Reading:
    """What the chain of readers finds after a type word ending at ``start``."""
    r = _Reading(end=start)
    _read_number(text, r, header_limit)
    if not r.numbers:
        _read_name(text, r, header_limit)
    _read_header(text, r, header_limit)
    _read_title(text, r, limit, capitalised)
    return r


def _records(
    doc: ParsedArticle, index: int, sec_end: int, types: list[_Hit], laws: list[_Hit]
) -> list[DocumentRef]:
    lex = _lexicon()
    text = doc.text
    out: list[DocumentRef] = []
    ref_year = doc.reference_year
    for shift, m in types:
        m_start, m_end = shift + m.start(), shift + m.end()
        limit = _section_limit(text, m_start, sec_end)
        header_limit = min(limit, m_end + _HEADER_WINDOW)
        capitalised = m.group(0)[:1].isupper()
        if not _may_be_kept(text, m_end, header_limit, limit, capitalised):
            continue
        r = _read(text, m_end, header_limit, limit, capitalised)
        if not (r.numbers or r.named or r.quoted_title):
            continue
        doc_type = lex.canonical[" ".join(m.group(0).split()).casefold()]
        issued_on = None
        if r.issued_on_text:
            dates = find_dates(r.issued_on_text, ref_year)
            issued_on = dates[0].date if dates else None
        numbers: list[tuple[str | None, str | None]] = list(r.numbers) or [(None, None)]
        for number, symbol in numbers:
            kind = doc_type or _type_of_symbol(symbol)
            if kind is None:
                continue  # "văn bản số 12" says no type
            out.append(
                DocumentRef(
                    start=m_start,
                    end=r.end,
                    text=text[m_start : r.end],
                    section_index=index,
                    extractor=EXTRACTOR,
                    doc_type=kind,
                    number=number,
                    symbol=symbol,
                    issuer=r.issuer,
                    issued_on=issued_on,
                    session=r.session,
                    title=r.title,
                )
            )
    law_groups = _lexicon().laws_in.groupindex
    prefix_group, name_group = law_groups["prefix"], law_groups["name"]
    for shift, m in laws:
        out.append(
            DocumentRef(
                start=shift + m.start(),
                end=shift + m.end(),
                text=m.group(0),
                section_index=index,
                extractor=EXTRACTOR,
                doc_type=_law_type(m[prefix_group]),
                title=m[name_group],
                confidence=0.9,
            )
        )
    return out


def _fold_issuer(issuer: str | None) -> str:
    # "Nghị quyết Đại hội Chi bộ X khóa VII" and "Nghị quyết Chi bộ X khóa VII" are one resolution.
    folded = " ".join((issuer or "").casefold().split())
    return folded.removeprefix("đại hội ")


def _key(d: DocumentRef) -> tuple[str | None, ...]:
    if d.symbol:
        return ("symbol", d.symbol.casefold())
    if d.number:
        return ("number", d.doc_type, d.number)
    if d.title:
        return ("title", d.doc_type, d.title.casefold())
    return ("issuer", d.doc_type, _fold_issuer(d.issuer), d.session)


def _same_named(d: DocumentRef, earlier: DocumentRef) -> bool:
    """A shorter later name of an earlier named resolution ("Nghị quyết Đại hội Công đoàn" after
    "Nghị quyết Đại hội Công đoàn khối X"): the same document, referred to briefly."""
    if d.number or d.symbol or d.title or earlier.doc_type != d.doc_type or not d.issuer:
        return False
    short, long = _fold_issuer(d.issuer), _fold_issuer(earlier.issuer)
    return bool(short) and long.startswith(short + " ")


def extract_documents(doc: ParsedArticle) -> list[DocumentRef]:
    """Every document reference in the article's content sections, once each (first evidence).

    A repeated reference (same symbol; or type and number; or type and title) is kept once; later
    mentions fill the fields the first one lacks. Odd text gives ``[]``, never an exception.
    """
    found: dict[tuple[str | None, ...], DocumentRef] = {}
    lex = _lexicon()
    types = _hits(doc, lex.types_in)
    # Most articles name no law: one search of the lowered content (made for the type scan) for
    # the word every law reference holds spares them the scan.
    lowered = doc.masked_content().lowered()
    laws = _hits(doc, lex.laws_in) if any(w in lowered for w in lex.law_words) else {}
    _cap(doc, types)
    for index in sorted(types.keys() | laws.keys()):  # the sections with a hit, in text order
        section_end = doc.sections[index].end
        for record in _records(doc, index, section_end, types.get(index, []), laws.get(index, [])):
            key = _key(record)
            if key not in found and any(_same_named(record, e) for e in found.values()):
                continue
            first = found.get(key)
            found[key] = (
                record
                if first is None
                else fill_missing(first, record, ("issuer", "issued_on", "session", "title"))
            )
    return sorted(found.values(), key=lambda d: (d.start, d.end))
