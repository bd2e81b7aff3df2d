"""Position titles: the list after a name, split where a new title starts, and chains before it.

"Lê Xuân Huy, TUV, Bí thư Huyện ủy, Chủ tịch HĐND huyện phát biểu" gives three titles, cut where
the clause's verb starts; a title another one extends is the same post, and a later mention adds
only titles of a new head.
"""

from __future__ import annotations

import functools

from vnunion_nlp.engine import HOLD_GIL
from vnunion_nlp.extractors.officials.patterns import _PARENTHETICAL, _patterns
from vnunion_nlp.normalize import fold
from vnunion_nlp.records import Official


def _positions(listing: str) -> list[str]:
    """ "TUV, Bí thư Huyện ủy, Chủ tịch HĐND huyện phát biểu" → the three titles."""
    pat = _patterns()
    listing = listing[: _stop(listing)]
    out: list[str] = []
    for piece in (p.strip(" -–") for p in listing.split(",")):
        if not piece:
            continue
        for part in pat.head_split.split(
            piece, concurrent=HOLD_GIL
        ):  # "Bí thư chi bộ - Giám đốc Trung tâm"
            if not pat.position_head.match(part, None, None, HOLD_GIL):
                return out
            out.append(part)
    return out


def _stop(listing: str) -> int:
    """Where the verb of the clause ends the titles; "việc làm" (a job) is a noun, no verb."""
    pat = _patterns()
    position = 0
    while hint := pat.stop_hint.search(listing, position):
        # A match of position_stop holds a hint at the end of its white space, so none starts
        # before the white space that holds the first hint.
        start = hint.start()
        while start > position and listing[start - 1].isspace():
            start -= 1
        stop = pat.position_stop.search(listing, start, None, HOLD_GIL)
        if stop is None:
            break
        word_end = stop.start() + len(stop.group().rstrip())
        head = " ".join(listing[:word_end].lower().split())
        if not any(head.endswith(phrase) for phrase in pat.cues.stop_phrases):
            return stop.start()
        position = stop.end()
    return len(listing)


def _without_shorter(positions: list[str]) -> list[str]:
    """Drop a title another one extends: "Bí thư" beside "Bí thư Thành ủy" is the same post."""
    if len(positions) < 2:  # most names have one title or none: nothing to drop
        return list(positions)
    folded = [_folded(p) for p in positions]
    kept = [
        p
        for p, f in zip(positions, folded, strict=True)
        if not any(g != f and g.startswith(f + " ") for g in folded)
    ]
    return list(dict.fromkeys(kept))


# The titles of an article come back at every mention of their holder, and a case-insensitive
# match of every title head costs ~10 us: both look-ups are cached, bounded for hostile texts.
@functools.lru_cache(maxsize=4096)
def _folded(position: str) -> str:
    return " ".join(fold(position).split())


@functools.lru_cache(maxsize=4096)
def _head(position: str) -> str:
    match = _patterns().position_head.match(position, None, None, HOLD_GIL)
    return _folded(match.group() if match else position)


def _new_heads(official: Official, positions: list[str]) -> list[str]:
    """Titles of a later mention whose head is new ("Ủy viên BCH …" beside "Bí thư …"); one with a
    known head is the same post written another way ("Phó Chủ tịch LĐLĐ …", "Phó Chủ tịch Liên
    đoàn Lao động …")."""
    if not positions:
        return []
    known = {_head(p) for p in official.positions}
    return [p for p in positions if _head(p) not in known]


def _clean_title(title: str) -> str:
    if "(" in title:  # every match of the pattern holds one
        title = _PARENTHETICAL.sub("", title, concurrent=HOLD_GIL)
    return " ".join(title.split())


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
        if not pat.position_head.match(piece, None, None, HOLD_GIL) or pat.name_at.search(
            piece, None, None, HOLD_GIL
        ):
            break
        chain.insert(0, _clean_title(piece))
    return tuple(chain)
