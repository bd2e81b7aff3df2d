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
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

from vnunion_nlp import errors
from vnunion_nlp.document import ParsedArticle
from vnunion_nlp.lexicon import DataModel, load_tsv, load_yaml, prefix_tree
from vnunion_nlp.lexicon import alternation as _alt
from vnunion_nlp.normalize import fold
from vnunion_nlp.records import ArticleWarning, Official, OfficialRole, Section

EXTRACTOR = "officials"
# Words right before a name that make it a place or a street, not a person.
_PLACE_BEFORE = regex.compile(
    r"(?i:tỉnh|huyện|thành\s+phố|TP\.?|quận|thị\s+xã|xã|phường|thị\s+trấn|đường|phố|"
    r"trường|cầu|sông|núi|khu|làng|thôn|bản|ấp|Công\s+ty|công\s+ty)\s*$"
)
# How far a look after a name may read: the regex module scans to ``endpos`` (the end of the
# section by default) before some patterns start, so bounded looks pass one.
_REACH = 400
_PUNCT = regex.compile(r"[\p{P}\p{S}]+")
_PARENTHETICAL = regex.compile(r"\s*\([^()]*\)")
_WORDS = regex.compile(r"\p{L}+(?:['’]|-\p{L}+)*")


class OfficialCues(DataModel):
    """Schema of ``data/officials.yaml`` (its header explains every field)."""

    honorifics: list[str]
    position_heads: list[str]
    position_prefixes: list[str]
    position_stops: list[str]
    stop_phrases: list[str]
    roles: dict[OfficialRole, list[str]]
    roles_before: dict[OfficialRole, list[str]]
    awarded_after_cho: list[str]
    historical: list[str]
    dotted_abbreviations: list[str]
    age_words: list[str]
    not_names: list[str]
    sentence_openers: list[str]
    ambiguous_openers: list[str]


@dataclass(frozen=True)
class _Patterns:
    cues: OfficialCues
    name_at: regex.Pattern[str]
    by_honorific: regex.Pattern[str]
    by_title: regex.Pattern[str]
    by_post: regex.Pattern[str]
    by_list: regex.Pattern[str]
    # Where a match of by_honorific, by_title or by_post may start (see ``_starts``).
    honorific_start: re.Pattern[str]
    head_start: re.Pattern[str]
    honorific_starts: _StartFinder
    head_starts: _StartFinder
    post_starts: tuple[re.Pattern[str], ...]
    name_before: regex.Pattern[str]
    list_after: regex.Pattern[str]
    list_next: regex.Pattern[str]
    post_taken: regex.Pattern[str]
    post_words: tuple[str, ...]  # every match of post_taken holds one
    position_head: regex.Pattern[str]
    position_stop: regex.Pattern[str]
    head_split: regex.Pattern[str]
    title_breaks: regex.Pattern[str]
    honorific_word: regex.Pattern[str]
    honorific_at: regex.Pattern[str]
    age_after: regex.Pattern[str]
    clause_end: regex.Pattern[str]
    quote_before: regex.Pattern[str]
    roles_before: re.Pattern[str]
    role_groups: dict[str, OfficialRole]
    padded_roles: tuple[tuple[OfficialRole, tuple[str, ...]], ...]  # " phat bieu " …
    # First word → (role number, phrase number, padded phrase) of every phrase it opens.
    roles_by_word: dict[str, tuple[tuple[int, int, str], ...]]
    folded_honorifics: tuple[str, ...]
    # " ong" …, and " cho" …: a name's words before tested by one ``endswith`` each.
    padded_honorifics: tuple[str, ...]
    padded_awarded: tuple[str, ...]


def _before_cue(phrase: str) -> str:
    """ "du … co" → "du", up to twelve words, "co"; "^theo" → "theo" opening the sentence."""
    anchored = phrase.startswith("^")
    parts = [regex.escape(p.strip()).replace(r"\ ", r"\s+") for p in phrase.lstrip("^").split("…")]
    body = r"(?:\s+\S+){0,12}?\s+".join(parts)
    return ("^" if anchored else "") + body + r"(?!\S)"


def _roles_before(cues: OfficialCues) -> tuple[re.Pattern[str], dict[str, OfficialRole]]:
    """One pattern for every cue before a name, a group per role: one scan, not one per cue.

    Stdlib ``re``, twice as fast here: it reads only ``_words_of`` output, whose one white
    space is " ", so both engines read its ``\\s`` and ``\\S`` alike.
    """
    groups: dict[str, OfficialRole] = {}
    branches: list[str] = []
    for number, (role, phrases) in enumerate(cues.roles_before.items()):
        groups[f"r{number}"] = role
        branches.append(f"(?P<r{number}>{'|'.join(_before_cue(p) for p in phrases)})")
    # Cues start a word: the one look-behind fails most positions before any cue is tried.
    return re.compile(rf"(?<!\S)(?:{'|'.join(branches)})"), groups


@functools.cache
def _patterns() -> _Patterns:
    cues = load_yaml("officials.yaml", OfficialCues)
    roles_before, role_groups = _roles_before(cues)
    surnames = prefix_tree(row["surname"] for row in load_tsv("surnames.tsv"))
    syllable = r"\p{Lu}\p{Ll}*(?:-\p{Lu}?\p{Ll}+)?"
    name_body = rf"(?:{surnames})(?:\s+{syllable}){{1,3}}(?![\p{{L}}\d])"
    name = rf"(?P<name>{name_body})"
    heads = prefix_tree(cues.position_heads)
    honorifics = prefix_tree(cues.honorifics)
    # A title word may hold inner dots ("TP.HCM", "T.Ư") and may end in the dot of a short
    # abbreviation before a capital ("TP. Hà Nội"), but no other dot: a title does not cross a
    # full stop ("Thủ tướng nói. Văn Duẩn" is a byline). A bracket is a title word too
    # ("Chủ tịch CĐCS Cty X (KCN Suối Dầu) Võ Quang").
    dotted = rf"(?<=(?<![\p{{L}}])(?:{_alt(cues.dotted_abbreviations)}))\.(?=\s+\p{{Lu}})"
    abbreviation_dot = rf"(?:{dotted})?"
    # Possessive: a word given back ends before a letter or a dot and a letter, where nothing
    # that follows a title word (a dot before a space, a space) can match; giving back only
    # cost time, ~15 us a title.
    title_word = rf"(?:[\p{{L}}&-]++(?:\.[\p{{L}}]++)*+{abbreviation_dot}|\([^()\n]{{1,40}}\))"
    list_char = rf"(?:[^;.()“”\n]|\.(?=\p{{L}})|{dotted})"
    prefixes = _alt(cues.position_prefixes)
    elected_forms = (r"tái\s+(?:đắc\s+)?cử", r"trúng\s+cử", r"được\s+(?:bầu|chỉ\s+định|bổ\s+nhiệm)")
    elected = "|".join(elected_forms)
    taken = (
        r"tái\s+đắc\s+cử|tái\s+cử|đắc\s+cử|trúng\s+cử|được\s+(?:bầu|chỉ\s+định|bổ\s+nhiệm)"
        r"(?:\s+(?:giữ|làm))?|giữ|làm"
    )
    # Every form of ``taken`` holds one: a clause with none is skipped at C speed, where the
    # pattern's look-behind was tried at every character.
    post_words = ("cử", "được", "giữ", "làm")
    padded_roles = tuple(
        (role, tuple(f" {phrase} " for phrase in phrases)) for role, phrases in cues.roles.items()
    )
    folded_honorifics = tuple(sorted({fold(h) for h in cues.honorifics}, key=len, reverse=True))
    roles_by_word: dict[str, list[tuple[int, int, str]]] = {}
    for role_number, (_, phrases) in enumerate(padded_roles):
        for phrase_number, phrase in enumerate(phrases):
            entry = (role_number, phrase_number, phrase)
            roles_by_word.setdefault(phrase.split()[0], []).append(entry)
    return _Patterns(
        cues=cues,
        name_at=regex.compile(name_body),
        by_honorific=regex.compile(rf"(?<![\p{{L}}/])(?:{honorifics})\s+{name}"),
        by_title=regex.compile(
            rf"(?<![\p{{L}}])(?P<title>(?:{heads})(?:\s+{title_word}){{0,7}}?)\s+{name}"
        ),
        # A name with no honorific that takes a post: "Đặng Văn Tuấn được bầu làm Phó Chủ tịch".
        # The verb is found first and the name read back from it: scanning for names that might
        # be followed by one tried the family names at every character.
        by_post=regex.compile(rf"(?<![\p{{L}}])(?:{elected})(?!\p{{L}})"),
        # The stdlib engine skips at C speed the characters no phrase starts with, where the
        # regex module tries the look-behind at every one; its \s holds every character of
        # regex's \s (checked over all code points), so it finds every start and more.
        honorific_start=re.compile(honorifics),
        head_start=re.compile(heads),
        honorific_starts=_StartFinder(cues.honorifics),
        head_starts=_StartFinder(cues.position_heads),
        # One a form: the stdlib engine finds a pattern's opening word as fast as str.find.
        post_starts=tuple(re.compile(form) for form in elected_forms),
        name_before=regex.compile(rf"(?<![\p{{L}}]){name}\s+$"),
        # The lead of a list, read back from its colon.
        by_list=regex.compile(
            rf"(?<![\p{{L}}])(?:(?i:các)\s+)?(?:{honorifics})"
            rf"(?:\s+(?P<title>(?:{heads})[^:;.\n]{{0,80}}?))?\s*:$"
        ),
        # "A - Chủ tịch", "A- Chủ tịch", "A –Chủ tịch": a dash with a space on one side at least.
        list_after=regex.compile(
            rf"\s*(?:,|\s*[-–]\s|\s[-–](?=\p{{Lu}}))\s*(?P<list>{list_char}{{2,240}})"
        ),
        list_next=regex.compile(r"\s*(?:,|\s+và\s+)\s*"),
        post_words=post_words,
        post_taken=regex.compile(
            rf"(?<!\S)(?:{taken})\s+(?:chức(?:\s+(?:danh|vụ))?\s+)?"
            rf"(?P<post>(?i:(?:{heads}))[^,.;()\n]*)"
        ),
        position_head=regex.compile(rf"^(?:(?:{prefixes})\s+)?(?i:(?:{heads}))(?![\p{{L}}])"),
        position_stop=regex.compile(
            rf"\s+(?:{_alt(cues.position_stops)}|và\s+(?:các\s+)?(?:{honorifics}))(?![\p{{L}}])"
        ),
        head_split=regex.compile(rf"\s+[-–]\s+(?=(?:(?:{prefixes})\s+)?(?i:(?:{heads}))\b)"),
        # A title holding an honorific or "và" joins two people: "Phó Tổng Giám đốc và đồng
        # chí Vũ Thị Vĩnh Thanh" gives her no title.
        title_breaks=regex.compile(rf"(?<![\p{{L}}])(?:{honorifics}|và)(?![\p{{L}}])"),
        honorific_at=regex.compile(
            rf"\s*(?:{prefix_tree(h for h in cues.honorifics if ' ' in h)})\s"
        ),
        honorific_word=regex.compile(rf"(?<![\p{{L}}])(?:{honorifics})(?![\p{{L}}])"),
        quote_before=regex.compile(rf"[”\"]\s*,\s*(?:(?:{honorifics})\s*)?$"),
        # A clause ends at a full stop (not the dot of "TP. Hà Nội"), ";", a line or a quotation.
        clause_end=regex.compile(
            rf"(?<!(?<![\p{{L}}])(?:{_alt(cues.dotted_abbreviations)}))\.\s|[;\n“]"
        ),
        age_after=regex.compile(rf"\s*\(\s*\d{{1,3}}\s+(?:{_alt(cues.age_words)})(?![\p{{L}}])"),
        roles_before=roles_before,
        role_groups=role_groups,
        padded_roles=padded_roles,
        roles_by_word={word: tuple(entries) for word, entries in roles_by_word.items()},
        folded_honorifics=folded_honorifics,
        padded_honorifics=tuple(f" {h}" for h in folded_honorifics),
        padded_awarded=tuple(f" {cue}" for cue in cues.awarded_after_cho),
    )


# --- positions ---------------------------------------------------------------------------------


def _positions(listing: str) -> list[str]:
    """ "TUV, Bí thư Huyện ủy, Chủ tịch HĐND huyện phát biểu" → the three titles."""
    pat = _patterns()
    listing = listing[: _stop(listing)]
    out: list[str] = []
    for piece in (p.strip(" -–") for p in listing.split(",")):
        if not piece:
            continue
        for part in pat.head_split.split(piece):  # "Bí thư chi bộ - Giám đốc Trung tâm"
            if not pat.position_head.match(part):
                return out
            out.append(part)
    return out


def _stop(listing: str) -> int:
    """Where the verb of the clause ends the titles; "việc làm" (a job) is a noun, no verb."""
    pat = _patterns()
    position = 0
    while stop := pat.position_stop.search(listing, position):
        word_end = stop.start() + len(stop.group().rstrip())
        head = " ".join(listing[:word_end].lower().split())
        if not any(head.endswith(phrase) for phrase in pat.cues.stop_phrases):
            return stop.start()
        position = stop.end()
    return len(listing)


def _without_shorter(positions: list[str]) -> list[str]:
    """Drop a title another one extends: "Bí thư" beside "Bí thư Thành ủy" is the same post."""
    folded = [" ".join(fold(p).split()) for p in positions]
    kept = [
        p
        for p, f in zip(positions, folded, strict=True)
        if not any(g != f and g.startswith(f + " ") for g in folded)
    ]
    return list(dict.fromkeys(kept))


def _head(position: str) -> str:
    match = _patterns().position_head.match(position)
    return " ".join(fold(match.group() if match else position).split())


def _new_heads(official: Official, positions: list[str]) -> list[str]:
    """Titles of a later mention whose head is new ("Ủy viên BCH …" beside "Bí thư …"); one with a
    known head is the same post written another way ("Phó Chủ tịch LĐLĐ …", "Phó Chủ tịch Liên
    đoàn Lao động …")."""
    known = {_head(p) for p in official.positions}
    return [p for p in positions if _head(p) not in known]


def _clean_title(title: str) -> str:
    return " ".join(_PARENTHETICAL.sub("", title).split())


# --- names -------------------------------------------------------------------------------------


def _place_back_to_title(title: str, text: str, name_start: int) -> tuple[str, int]:
    """ "Chủ tịch LĐLĐ tỉnh Sơn" + "La Cầm Văn Chính", "… TP. Hà Nội" + "Hà Nội Phạm Bá Vĩnh":
    the place that opens the name goes back to the title; the name starts after it."""
    words = [(m.group(), m.end()) for m in _WORDS.finditer(text, name_start, name_start + 60)]
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
_TAGGER_BUDGET = 4


@dataclass
class _Budget:
    tagger_calls: int = 0
    list_leads: int = 0  # colons whose lead was looked for (``_list_lead``)
    leads_capped: bool = False


def _kept_words(text: str, start: int, raw: str, budget: _Budget) -> int:
    """How many words of the matched name belong to it, not to the next sentence."""
    cues = _patterns().cues
    words = raw.split()
    while len(words) > 2 and words[-1] in cues.sentence_openers:
        words.pop()
    if len(words) > 3 and words[-1] in cues.ambiguous_openers:
        end = _word_end(text, start, len(words))
        last = _word_end(text, start, len(words) - 1)
        if _patterns().honorific_at.match(text, last, last + 40):
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


def _word_end(text: str, start: int, count: int) -> int:
    """The end of the ``count``-th word (``_WORDS``) from ``start``, or of the last one there."""
    if count <= 0:
        return start
    if words := _words_ahead(count).match(text, start, start + 120):
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
    if not titled and _PLACE_BEFORE.search(text[max(0, start - 16) : start]):
        return True
    return _in_quoted_title(text, start)


# A quoted name or title ("Học tập theo gương Nguyễn Văn Trỗi") is short; a quotation that runs
# on longer is someone's words, and the people it names are real ones.
_QUOTED_TITLE_MAX = 150


def _in_quoted_title(text: str, start: int) -> bool:
    opened = text.rfind("“", max(0, start - _QUOTED_TITLE_MAX), start)
    if opened < 0 or text.find("”", opened, start) >= 0:
        return False
    closed = text.find("”", start, opened + _QUOTED_TITLE_MAX)
    return closed >= 0


@functools.cache
def _places() -> frozenset[str]:
    return frozenset(r["name"] for r in load_tsv("gazetteer.tsv") if r["level"] == "province")


# --- roles -------------------------------------------------------------------------------------


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
        folded: str | None = None
        if not _COMBINING_MARK.search(word.lower()):
            folded = " ".join(_PUNCT.sub(" ", fold(word)).split())
        self[word] = folded
        return folded


_FOLDED_WORDS_MAX = 16384
_FOLDED_WORDS = _FoldedWords()


_COMBINING_MARK = regex.compile(r"\p{M}")


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
    nearest: re.Match[str] | None = None
    for nearest in pat.roles_before.finditer(before):  # noqa: B007 - the last cue is the nearest
        pass
    if nearest is not None and nearest.lastgroup:
        return pat.role_groups[nearest.lastgroup]
    if pat.quote_before.search(raw_before):
        return "speaking"  # "“…”, ông Lê Văn A, Phó Trưởng ban …": the quote is his
    if after_role is not None:
        return after_role
    bare = before
    if bare.endswith(pat.padded_honorifics) or bare in pat.folded_honorifics:
        for honorific in pat.folded_honorifics:  # the longest first
            if bare.endswith(f" {honorific}") or bare == honorific:
                bare = bare[: -len(honorific)].rstrip()
                break
    if bare.endswith(pat.padded_awarded) or bare in pat.cues.awarded_after_cho:
        return "awarded"
    return _list_verb(doc_text, end) or "mentioned"


_TAKES_A_POST: frozenset[str] = frozenset({"re-elected", "elected", "appointed"})


def _role_after(doc_text: str, end: int) -> OfficialRole | None:
    """The cue nearest the name in its clause; a quotation after it is someone's words."""
    window = doc_text[end : end + 160]
    after = f" {_words_of(window[: _clause_stop(window)])} "
    pat = _patterns()
    # Per role, its first phrase in the text and where; only phrases opening with a word of the
    # clause are looked for.
    first: dict[int, tuple[int, int]] = {}
    for entries in filter(None, map(pat.roles_by_word.get, set(after.split()))):
        for role_number, phrase_number, phrase in entries:
            known = first.get(role_number)
            if known is not None and known[0] < phrase_number:
                continue
            at = after.find(phrase)
            if at >= 0:
                first[role_number] = (phrase_number, at)
    found = [
        (0 if role in _TAKES_A_POST else 1, at, role)
        for role_number, (_, at) in first.items()
        if (role := pat.padded_roles[role_number][0])
    ]
    return min(found)[2] if found else None


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
        if clause_end.match(window, dot, dot + 2):
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
_ROLE_RANK = {role: rank for rank, role in enumerate(_ROLES_BY_STRENGTH)}


# --- extraction --------------------------------------------------------------------------------


@dataclass
class _Candidate:
    start: int  # section offsets of the name as written
    end: int
    title: str | None = None
    earlier: tuple[str, ...] = ()  # titles before ``title``: a list lead's, a chain ("A, B Tên")


@dataclass
class _ListState:
    open: bool = False  # the section before ended a list lead or item: "có các đồng chí:"


@dataclass(frozen=True)
class _Starts:
    """Where an honorific, a verb taking a post and a position title start (``_starts``)."""

    honorifics: list[int]
    verbs: list[int]
    heads: list[int]


def _article_starts(text: str) -> _Starts:
    """``_Starts`` of the whole article text, by one scan each: a scan costs ~1 us a call besides
    its characters, and an article has a dozen short sections and a window after every name."""
    pat = _patterns()
    return _Starts(
        pat.honorific_starts.places(text),
        sorted({place for form in pat.post_starts for place in _starts(form, text)}),
        pat.head_starts.places(text),
    )


def _section_starts(text: str, starts: _Starts, section: Section) -> _Starts:
    """The ``_Starts`` that scanning ``section.text`` alone would give, in its offsets, or more.

    Past its first character a place has the same character before it in both. A phrase that
    runs past the section's end gives a place the section alone would not: harmless, as every
    pattern fed by these places is matched inside the section and fails there. The first
    character follows no letter in the section alone, but may in the article: asked again.
    """
    pat = _patterns()
    base, end = section.start, section.end
    first = base > 0 and _IS_LETTER[text[base - 1]]
    verb_first = first and any(form.match(text, base, end) for form in pat.post_starts)
    return _Starts(
        _slice(starts.honorifics, base, end, first and pat.honorific_start.match(text, base, end)),
        _slice(starts.verbs, base, end, verb_first),
        _slice(starts.heads, base, end, first and pat.head_start.match(text, base, end)),
    )


def _slice(places: list[int], base: int, end: int, at_base: object) -> list[int]:
    """The places in ``[base, end)``, counted from ``base``; ``base`` too if ``at_base``."""
    low = bisect.bisect_left(places, base)
    high = bisect.bisect_left(places, end, low)
    if low == high:  # most sections have no place of a kind
        return [0] if at_base else []
    inside = [place - base for place in places[low:high]]
    if at_base and not (inside and inside[0] == 0):
        inside.insert(0, 0)
    return inside


def _candidates(
    text: str, starts: _Starts, state: _ListState, budget: _Budget
) -> Iterator[_Candidate]:
    """Names in ``text`` by every route; one name may come more than once."""
    pat = _patterns()
    limit = len(text)
    was_open, state.open = state.open, False
    if was_open:
        yield from _listed(text, len(text) - len(text.lstrip()), None)
        state.open = text.rstrip().endswith(";")
    honorifics = starts.honorifics
    for match in _matches(pat.by_honorific, text, honorifics, limit):
        yield _Candidate(match.start("name"), match.end("name"))
    for verb in _matches(pat.by_post, text, starts.verbs, limit):
        floor = max(0, verb.start() - 80)
        if named := pat.name_before.search(text, floor, verb.start()):
            yield _Candidate(named.start("name"), named.end("name"))
    titled: list[tuple[int, _Candidate]] = []  # (where the title starts, the candidate)
    for match in _matches(pat.by_title, text, starts.heads, limit):
        title = _clean_title(match["title"])
        if pat.title_breaks.search(title):
            continue
        title, start = _place_back_to_title(title, text, match.start("name"))
        named = pat.name_at.match(text, start, start + 120)
        if named is not None:
            chain = _chained_titles(text, match.start("title"))
            titled.append((match.start(), _Candidate(named.start(), named.end(), title, chain)))
    leads: list[tuple[int, int, str]] = []  # (first item, end of the list, the lead's title)
    colon = text.find(":", 0, limit)
    while colon >= 0 and not budget.leads_capped:
        if lead := _list_lead(text, colon, honorifics, budget):
            shared = _clean_title(lead["title"]) if lead["title"] else None
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


# Real articles have at most 19 colons with an honorific before them, whose list lead is looked
# for (in the 1,150 external articles and the seeds); past this many the text is a hostile
# repetition ("các đồng chí: " x 20,000), and each look costs ~80 µs.
_MAX_LIST_LEADS = 200


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
    lists = _LIST_OPENER.finditer(text, floor, colon, overlapped=True)
    by_list = _patterns().by_list
    for place in sorted({*honorifics[first:upto], *(m.start() for m in lists)}):
        if lead := by_list.match(text, place, colon + 1):
            return lead
    return None


_LIST_OPENER = regex.compile(r"(?i:các)")  # as by_list opens


class _Letters(dict[str, bool]):
    """Whether a character is a letter to the regex module (``\\p{L}``), asked once a character."""

    def __missing__(self, char: str) -> bool:
        self[char] = letter = _LETTER.match(char) is not None
        return letter


_LETTER = regex.compile(r"\p{L}")
_IS_LETTER = _Letters()


def _starts(finder: re.Pattern[str], text: str, limit: int | None = None) -> list[int]:
    """Every place in ``text[:limit]`` where ``finder`` matches and no letter comes before.

    Overlapping places too ("PGS.TS" holds "TS"). Every pattern these places feed opens with
    ``(?<![\\p{L}])`` or a stricter look-behind and with a phrase ``finder`` matches, and a list
    lead's honorific follows a space or its look-behind: no match can start elsewhere.
    """
    limit = len(text) if limit is None else limit
    places: list[int] = []
    found = finder.search(text, 0, limit)
    while found is not None:
        place = found.start()
        if place == 0 or not _IS_LETTER[text[place - 1]]:
            places.append(place)
        found = finder.search(text, place + 1, limit)
    return places


class _StartFinder:
    """``_starts`` of the phrases of a data file, by one stdlib pattern per first character.

    Each such pattern opens with a literal, which the engine finds by a fast string search: the one
    pattern of all phrases was tried at every character opening any of them (half the time). A
    pattern whose phrases hold their first character nowhere else cannot match inside its own match
    (its matches are the phrases, their white space aside), so one ``finditer`` finds all its
    places; the others are searched again after every place, as ``_starts`` does.

    Right after its first character a pattern looks back for a Latin letter before it: most
    places of a short word are inside longer ones ("ông" in "công", "không"), and each cost a match
    read in Python. The look-back knows only letters of ``\\p{L}``, so it drops no place
    ``_starts`` keeps; the letter test on what is left keeps the places exactly.
    """

    def __init__(self, phrases: Iterable[str]) -> None:
        groups: dict[str, list[str]] = {}
        for phrase in (" ".join(p.split()) for p in phrases):
            if phrase:
                groups.setdefault(phrase[0], []).append(phrase)
        self._finders = tuple(
            (_finder(first, group), any(first in p[1:] for p in group))
            for first, group in groups.items()
        )

    def places(self, text: str) -> list[int]:
        """Sorted places in ``text``."""
        found: set[int] = set()
        for finder, inner in self._finders:
            if inner:
                found.update(_starts(finder, text))
            else:
                found.update(match.start() for match in finder.finditer(text))
        return sorted(p for p in found if p == 0 or not _IS_LETTER[text[p - 1]])


def _finder(first: str, group: list[str]) -> re.Pattern[str]:
    """The phrases of ``group``, which all open with ``first``, not after a Latin letter."""
    rest = [phrase[1:] for phrase in group]
    if not all(r and not r[0].isspace() for r in rest):  # a phrase of one character or word
        return re.compile(prefix_tree(group))
    escaped = re.escape(first)
    return re.compile(f"{escaped}(?<!{_latin_letters()}{escaped})(?:{prefix_tree(rest)})")


@functools.cache
def _latin_letters() -> str:
    """A stdlib class of the Latin letters (Vietnamese ones too) that ``\\p{L}`` holds."""
    blocks = itertools.chain(range(0x250), range(0x1E00, 0x1F00))
    return "[" + "".join(re.escape(c) for c in map(chr, blocks) if _LETTER.match(c)) + "]"


def _matches(
    pattern: regex.Pattern[str], text: str, places: Iterable[int], limit: int
) -> Iterator[regex.Match[str]]:
    """``pattern.finditer(text, 0, limit)`` for a pattern whose matches start only at ``places``
    (ascending): tried there alone, and not inside the match before, as finditer does."""
    end = 0
    for place in places:
        if place < end:
            continue
        if (match := pattern.match(text, place, limit)) is not None:
            yield match
            end = match.end()


def _clause_end(text: str, start: int) -> int:
    """End of the clause (". " or a line) from ``start``, at most 300 characters on."""
    ends = (i for i in (text.find(c, start, start + 300) for c in (". ", "\n")) if i >= 0)
    return min(ends, default=min(len(text), start + 300))


def _chained_titles(text: str, title_start: int) -> tuple[str, ...]:
    """ "Bí thư Trung ương Đảng, Trưởng Ban Tổ chức Trung ương Phạm Minh Chính": the titles that
    stand before the one next to the name, split by commas, back to the clause's start; none
    when a piece is no title or holds a name (then the pieces are other people's)."""
    pat = _patterns()
    before = text[max(0, title_start - 200) : title_start].rstrip()
    if not before.endswith(","):
        return ()
    cut = max(before.rfind(c) for c in ";:.\n“”(")
    pieces = [p.strip(" -–") for p in before[cut + 1 : -1].split(",")]
    chain: list[str] = []
    for piece in reversed(pieces):
        if not pat.position_head.match(piece) or pat.name_at.search(piece):
            break
        chain.insert(0, _clean_title(piece))
    return tuple(chain)


def _listed(text: str, position: int, title: str | None) -> Iterator[_Candidate]:
    """Names of a list after a colon: "A, B và C" share the title before the colon; items of a
    list split by ";" ("A- Phó Chủ tịch …; B- Chánh văn phòng …") carry their own."""
    pat = _patterns()
    shared = title
    for _ in range(60):  # a list of sixty names is no list
        named = pat.name_at.match(text, position, position + 120)
        if named is None:
            return
        yield _Candidate(named.start(), named.end(), title=shared)
        joint = pat.list_next.match(text, named.end(), named.end() + 10)
        if joint is not None and pat.name_at.match(text, joint.end(), joint.end() + 120):
            position = joint.end()
            continue
        shared = None
        semicolon = text.find(";", named.end(), _clause_end(text, named.end()))
        if semicolon < 0:
            return
        position = semicolon + 1
        while position < len(text) and text[position].isspace():
            position += 1


# Real articles give at most a few dozen name mentions (27 in the 150 external ones); past this
# many the text is a hostile repetition, and reading more would only cost time (~1 ms each).
_MAX_CANDIDATES = 300


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
    found: dict[str, Official] = {}
    aged: set[str] = set()
    budget = _Budget()
    seen = 0
    listing = _ListState()
    starts = _article_starts(doc.text)
    candidates_capped = False
    for index, section in doc.content():
        text = section.text
        section_starts = _section_starts(doc.text, starts, section)
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
            kept = _kept_words(doc.text, absolute, doc.text[absolute:end], budget)
            end = _word_end(doc.text, absolute, kept)
            name = " ".join(doc.text[absolute:end].split())
            titled = candidate.title is not None and len(name.split()) >= 3
            if len(name.split()) < 2 or _rejected(doc, text, name_start, name, titled=titled):
                continue
            # From here on the absolute text is read: a name broken by a line may end in the
            # next section.
            positions = [*candidate.earlier, candidate.title] if candidate.title else []
            if listed := pat.list_after.match(doc.text, end, end + _REACH):
                positions.extend(_positions(listed["list"]))
            clause = _post_clause(doc.text, end, starts.honorifics)
            post = None
            if any(word in clause for word in pat.post_words):
                post = pat.post_taken.search(clause)
            taken = _positions(post["post"]) if post else []
            positions.extend(taken)
            if pat.age_after.match(doc.text, end, end + 20):
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
    longer = _patterns().name_at.match(doc.text, start, start + 120)
    if longer is None or longer.end() <= end or "\n\n" in doc.text[start : longer.end()]:
        return end
    return longer.end()


def _post_clause(text: str, end: int, honorifics: list[int]) -> str:
    """The rest of the clause after a name, up to the next person ("và đồng chí …");
    ``honorifics`` are where honorifics start in ``text`` (see ``_section_starts``)."""
    window = text[end : end + 240]
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
