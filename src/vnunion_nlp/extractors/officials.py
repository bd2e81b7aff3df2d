"""Officials: named people with a position or a role in the reported event.

A name is a family name from ``data/surnames.tsv`` followed by one to three capitalised syllables,
found after an honorific or rank ("đồng chí", "Đ/c", "bà", "Trung tướng") or right after a
position title ("Chủ tịch LĐLĐ TP HCM Trần Thị Kim Yến"). Positions come from the title before
the name and from the list after it ("Lê Xuân Huy, TUV, Bí thư Huyện ủy, Chủ tịch HĐND huyện"),
split where a new title starts; or from the post taken ("tái đắc cử chức danh Bí thư Chi bộ").
The role comes from cue phrases around the name (``data/officials.yaml``). Places ("tỉnh Hà
Giang"), historical references ("Chủ tịch Hồ Chí Minh"), names in quotes, authors and photo
credits are rejected. Mentions of one name are merged.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from vnunion_nlp.document import ParsedArticle
from vnunion_nlp.lexicon import DataModel, load_tsv, load_yaml
from vnunion_nlp.lexicon import alternation as _alt
from vnunion_nlp.normalize import fold
from vnunion_nlp.records import Official, OfficialRole

EXTRACTOR = "officials"
# Words right before a name that make it a place or a street, not a person.
_PLACE_BEFORE = regex.compile(
    r"(?i:tỉnh|huyện|thành\s+phố|TP\.?|quận|thị\s+xã|xã|phường|thị\s+trấn|đường|phố|"
    r"trường|cầu|sông|núi|khu|làng|thôn|bản|ấp|Công\s+ty|công\s+ty)\s*$"
)
_POSITION_STOP = regex.compile(
    r"\s+(?:đã|đang|sẽ|cùng|và\s+(?:các\s+)?(?:đồng\s+chí|ông|bà)|trao|tặng|thăm|dự|chúc|tại|"
    r"về|với|cho|khi|nhằm|để|được|phát|nhấn|cho\s+biết|khẳng|chỉ\s+đạo|đề\s+nghị|chủ\s+trì|"
    r"báo\s+cáo|chia\s+sẻ|gửi|kết\s+luận|nói|đề\s+xuất|yêu\s+cầu|tái|trúng|đắc|biểu)(?!\p{L})"
)


class OfficialCues(DataModel):
    """Schema of ``data/officials.yaml`` (its header explains every field)."""

    honorifics: list[str]
    position_heads: list[str]
    roles: dict[OfficialRole, list[str]]
    attending_before: list[str]
    historical: list[str]
    not_names: list[str]
    sentence_openers: list[str]


@dataclass(frozen=True)
class _Patterns:
    cues: OfficialCues
    by_honorific: regex.Pattern[str]
    by_title: regex.Pattern[str]
    by_post: regex.Pattern[str]
    list_after: regex.Pattern[str]
    post_taken: regex.Pattern[str]
    position_head: regex.Pattern[str]


@functools.cache
def _patterns() -> _Patterns:
    cues = load_yaml("officials.yaml", OfficialCues)
    surnames = _alt(row["surname"] for row in load_tsv("surnames.tsv"))
    syllable = r"\p{Lu}\p{Ll}*(?:-\p{Lu}?\p{Ll}+)?"
    name = rf"(?P<name>(?:{surnames})(?:\s+{syllable}){{1,3}})(?![\p{{L}}\d])"
    heads = _alt(cues.position_heads)
    return _Patterns(
        cues=cues,
        by_honorific=regex.compile(rf"(?<![\p{{L}}/])(?:{_alt(cues.honorifics)})\s+{name}"),
        # Title words may hold inner dots ("TP.HCM") but never end one: a title does not cross
        # a full stop ("Thủ tướng nói. Văn Duẩn" is a byline).
        by_title=regex.compile(
            rf"(?<![\p{{L}}])(?P<title>(?:{heads})(?:\s+[\p{{L}}&-]+(?:\.[\p{{L}}]+)*){{0,7}}?)"
            rf"\s+{name}"
        ),
        # A name with no honorific that takes a post: "Đặng Văn Tuấn được bầu làm Phó Chủ tịch".
        by_post=regex.compile(
            rf"(?<![\p{{L}}]){name}(?=\s+(?:tái\s+đắc\s+cử|tái\s+cử|trúng\s+cử|được\s+bầu|"
            rf"được\s+chỉ\s+định|được\s+bổ\s+nhiệm))"
        ),
        list_after=regex.compile(r"\s*(?:,|\s*[-–]\s)\s*(?P<list>[^;.()“”\n]{2,240})"),
        post_taken=regex.compile(
            rf"\s+(?:tái\s+đắc\s+cử|tái\s+cử|đắc\s+cử|trúng\s+cử|được\s+(?:bầu|chỉ\s+định|bổ\s+nhiệm)"
            rf"(?:\s+(?:giữ|làm))?|giữ)\s+(?:chức\s+(?:danh|vụ)\s+)?(?P<post>(?:{heads})[^,.;()]*)"
        ),
        position_head=regex.compile(rf"^(?:{heads})(?![\p{{L}}])"),
    )


def _positions(listing: str) -> list[str]:
    """ "TUV, Bí thư Huyện ủy, Chủ tịch HĐND huyện phát biểu" → the three titles."""
    pat = _patterns()
    stop = _POSITION_STOP.search(listing)
    listing = listing[: stop.start()] if stop else listing
    out: list[str] = []
    for piece in (p.strip() for p in listing.split(",")):
        if not piece:
            continue
        if pat.position_head.match(piece):
            out.append(piece)
        elif out and piece[:1].islower() and len(piece.split()) <= 4:
            out[-1] = f"{out[-1]}, {piece}"  # "Chủ tịch, tổ trưởng …": one title with a comma
        else:
            break
    return out


def _role(doc_text: str, start: int, end: int) -> OfficialRole:
    """The strongest role cue in the clause after the name, else attending or mentioned."""
    cues = _patterns().cues
    stop = min((i for i in (doc_text.find(c, end) for c in (". ", ";", "\n")) if i >= 0),
               default=len(doc_text))  # fmt: skip
    after = f" {fold(doc_text[end : min(stop, end + 160)])} "
    for role, phrases in cues.roles.items():
        if any(f" {p} " in after for p in phrases):
            return role
    sentence_start = max(doc_text.rfind(c, 0, start) for c in (". ", "\n"))
    before = fold(doc_text[sentence_start + 1 : start])
    if any(cue in before for cue in cues.attending_before):
        return "attending"
    if before.rstrip().endswith(("cho", "cho dong chi", "cho dang vien")):
        return "awarded"
    return "mentioned"


def _trimmed(name: str) -> str:
    """Drop a next sentence's first word that a name without a full stop ran into."""
    words = name.split()
    openers = _patterns().cues.sentence_openers
    while len(words) > 2 and words[-1] in openers:
        words.pop()
    return " ".join(words)


def _rejected(doc: ParsedArticle, text: str, start: int, name: str) -> bool:
    cues = _patterns().cues
    if name in cues.historical or name in doc.authors or name in _places():
        return True
    if text.startswith(tuple(cues.not_names), start):
        return True
    if any(name in credit for credit in doc.photo_credits):
        return True
    if _PLACE_BEFORE.search(text[max(0, start - 16) : start]):
        return True
    opened = text.count("“", 0, start) - text.count("”", 0, start)
    return opened > 0  # inside a quoted name or title


# Weakest to strongest: a name seen twice keeps its strongest role.
@functools.cache
def _places() -> frozenset[str]:
    return frozenset(row["name"] for row in load_tsv("gazetteer.tsv"))


_ROLES_BY_STRENGTH: tuple[OfficialRole, ...] = (
    "mentioned", "awarded", "attending", "speaking", "launching", "appointed", "elected",
    "re-elected",
)  # fmt: skip
_ROLE_RANK = {role: rank for rank, role in enumerate(_ROLES_BY_STRENGTH)}


def extract_officials(doc: ParsedArticle) -> list[Official]:
    """Every named official of the article, merged by name, in order of first mention."""
    pat = _patterns()
    found: dict[str, Official] = {}
    for index, section in doc.content():
        text = section.text
        matches = [
            *pat.by_honorific.finditer(text),
            *pat.by_title.finditer(text),
            *pat.by_post.finditer(text),
        ]
        for match in matches:
            name = _trimmed(" ".join(match["name"].split()))
            name_start = match.start("name")
            name_end = name_start + len(name) if name != match["name"] else match.end("name")
            if _rejected(doc, text, name_start, name):
                continue
            positions: list[str] = []
            if "title" in match.groupdict() and match["title"]:
                positions.append(" ".join(match["title"].split()))
            if listed := pat.list_after.match(text, name_end):
                positions.extend(_positions(listed["list"]))
            if post := pat.post_taken.match(text, name_end):
                positions.extend(_positions(post["post"]))
            absolute = section.start + name_start
            role = _role(doc.text, absolute, section.start + name_end)
            official = found.get(name)
            if official is None:
                found[name] = Official(
                    start=absolute,
                    end=section.start + name_end,
                    text=name,
                    section_index=index,
                    extractor=EXTRACTOR,
                    name=name,
                    positions=list(dict.fromkeys(positions)),
                    role=role,
                )
                continue
            official.positions = list(dict.fromkeys([*official.positions, *positions]))
            if _ROLE_RANK[role] > _ROLE_RANK[official.role]:
                official.role = role
    officials = sorted(found.values(), key=lambda o: o.start)
    _link_congress(officials, doc)
    return officials


def _link_congress(officials: list[Official], doc: ParsedArticle) -> None:
    congresses = doc.records.get("congresses", [])
    held = next((i for i, c in enumerate(congresses) if getattr(c, "status", "") == "held"), None)
    if held is None:
        return
    for official in officials:
        if official.role in {"elected", "re-elected"}:
            official.congress_index = held
