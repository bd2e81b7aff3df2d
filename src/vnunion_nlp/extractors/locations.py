"""Places: provinces and districts from the gazetteer, with the province after the 2025 merger.

Provinces are found with or without a prefix ("tỉnh Cao Bằng", "Tỉnh ủy Bến Tre"), districts only
after one ("huyện Bình Lục", since many district names are also words or people's names). A
district name shared by several provinces (Châu Thành) takes the article's province when the
article names one. ``infer_province`` gives the province an article is about.
Groups are read by index (see ``vnunion_nlp.lexicon``).
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import regex

from vnunion_nlp.cues import LocationCues, OrgTypes
from vnunion_nlp.document import ParsedArticle
from vnunion_nlp.engine import HOLD_GIL
from vnunion_nlp.lexicon import alternation as _alt
from vnunion_nlp.lexicon import load_tsv, load_yaml, prefix_tree
from vnunion_nlp.records import Location, Record
from vnunion_nlp.scanning import WordScanner, scan_content

EXTRACTOR: Final = "locations"


@dataclass(frozen=True)
class _Gazetteer:
    # Of ``LocationCues``, read at every match: an attribute of the data model is slow to read.
    aliases: dict[str, str]
    needs_prefix: frozenset[str]
    provinces: dict[str, dict[str, str]]
    districts: dict[str, list[dict[str, str]]]
    provinces_in: WordScanner
    province_prefix_re: regex.Pattern[str]
    districts_after: WordScanner
    district_name_re: regex.Pattern[str]


@functools.cache
def _gazetteer() -> _Gazetteer:
    cues = load_yaml("locations.yaml", LocationCues)
    provinces: dict[str, dict[str, str]] = {}
    districts: dict[str, list[dict[str, str]]] = {}
    for row in load_tsv("gazetteer.tsv"):
        if row["level"] == "province":
            provinces[row["name"]] = row
        else:
            districts.setdefault(row["name"], []).append(row)
    names = [*provinces, *cues.aliases]
    district_names = prefix_tree(districts)
    return _Gazetteer(
        aliases=cues.aliases,
        needs_prefix=frozenset(cues.needs_prefix),
        provinces=provinces,
        districts=districts,
        # Each pattern opens with its rarest part (a name, a district prefix) and the rest is
        # checked at that place only: an optional prefix in front made the engine try it at every
        # position (measured: 1.8 ms of a 6,000-character article for both, 0.9 ms after).
        # The bodies' heads (organizations) are searched for with the names: one search of the
        # content finds both (see ``scanning._SharedSearch``).
        provinces_in=WordScanner(
            names,
            r"(?<![\p{L}])(?P<name>",
            r")(?![\p{L}])",
            shares_with=load_yaml("org_types.yaml", OrgTypes).heads,
        ),
        province_prefix_re=regex.compile(rf"(?<![\p{{L}}])(?:{_alt(cues.province_prefixes)})\s*$"),
        districts_after=WordScanner(cues.district_prefixes, r"(?<![\p{L}])(?P<prefix>", r")\s+"),
        district_name_re=regex.compile(rf"(?P<name>{district_names})(?![\p{{L}}])"),
    )


def province_names() -> list[str]:
    """The provinces' names as written, with their aliases ("TP.HCM")."""
    gaz = _gazetteer()
    return [*gaz.provinces, *gaz.aliases]


def extract_locations(doc: ParsedArticle) -> list[Location]:
    """Every distinct province and district named in the article, in order of first mention."""
    gaz = _gazetteer()
    found: dict[tuple[str, str], Location] = {}
    pending: list[tuple[int, int, int, str, str]] = []
    aliases, needs_prefix = gaz.aliases, gaz.needs_prefix
    # Group "name" of the province and district patterns is their whole match.
    for index, section, base, match in scan_content(doc, gaz.provinces_in):
        written = match[0]
        name = aliases.get(written, written)
        if (name, "province") in found:
            continue  # named before: whether this one has its prefix changes nothing
        alias = written in aliases  # "TP.HCM" carries its own prefix
        if name in needs_prefix and not alias:
            local = match.start() - base
            before = section.text[max(0, local - 12) : local]
            if not gaz.province_prefix_re.search(before, None, None, HOLD_GIL):
                continue  # "tư tưởng Hồ Chí Minh", "Chủ tịch Hồ Chí Minh"
        row = gaz.provinces[name]
        start = section.start + match.start() - base
        found[(name, "province")] = _location(
            doc, start, start + len(written), index, name, row["kind"], row
        )
    prefix_group = gaz.districts_after.groupindex["prefix"]
    for index, section, base, prefix in scan_content(doc, gaz.districts_after):
        after = prefix.end() - base
        if named_district := gaz.district_name_re.match(
            section.text, after, len(section.text), HOLD_GIL
        ):
            start = section.start + named_district.start()
            name = named_district[0]
            pending.append((start, start + len(name), index, name, prefix[prefix_group].lower()))
    named = {loc.name for loc in found.values()}
    for start, end, index, name, kind in pending:
        # "thị xã Sơn Tây" (Hà Nội) and "huyện Sơn Tây" (Quảng Ngãi): the prefix picks the row.
        rows = [r for r in gaz.districts[name] if r["kind"] == kind] or gaz.districts[name]
        place: dict[str, str] | None = rows[0] if len(rows) == 1 else None
        if place is None:  # "Châu Thành" is in several provinces: the article's own decides
            place = next((r for r in rows if r["province"] in named), None)
        if (name, "district") not in found:
            found[(name, "district")] = _location(doc, start, end, index, name, kind, place)
    return sorted(found.values(), key=lambda loc: loc.start)


def _location(
    doc: ParsedArticle,
    start: int,
    end: int,
    index: int,
    name: str,
    kind: str,
    place: dict[str, str] | None,
) -> Location:
    """A place with the provinces of its gazetteer row (a province's row names itself)."""
    return Location(
        start=start,
        end=end,
        text=doc.text[start:end],
        section_index=index,
        extractor=EXTRACTOR,
        name=name,
        kind=kind,
        province=place["province"] if place else None,
        province_2025=place["province_2025"] if place else None,
    )


def infer_province(
    doc: ParsedArticle, locations: Sequence[Record]
) -> tuple[str | None, str | None]:
    """The province the article is about: the most named one (title and lead count twice),
    including the provinces of the districts it names; with its 2025 province."""
    votes: Counter[tuple[str, str]] = Counter()
    for location in locations:
        if not isinstance(location, Location) or not location.province:
            continue
        section = (
            doc.sections[location.section_index] if location.section_index is not None else None
        )
        weight = 2 if section is not None and section.kind in {"title", "lead"} else 1
        votes[(location.province, location.province_2025 or "")] += weight
    if not votes:
        return None, None
    (province, province_2025), _ = votes.most_common(1)[0]
    return province, province_2025 or None
