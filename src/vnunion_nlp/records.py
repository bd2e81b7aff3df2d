"""The public record contract: every model the library returns.

All offsets are character offsets into ``Article.text`` (the normalised text) and every record
satisfies ``article.text[r.start:r.end] == r.text``. Models are strict (``extra="forbid"``) and
every field carries a description, so ``vnunion schema`` prints a self-documenting JSON Schema.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from vnunion_nlp import errors

SCHEMA_VERSION = "1"

SectionKind = Literal[
    "title",
    "dateline",
    "lead",
    "heading",
    "paragraph",
    "list_item",
    "caption",
    "sidebar",
    "byline",
    "boilerplate",
]
Level = Literal["cơ sở", "huyện", "tỉnh", "ngành", "toàn quốc"]
CongressStatus = Literal["held", "upcoming", "mentioned"]
TermRelation = Literal["current", "previous", "next"]
OfficialRole = Literal[
    "elected",
    "re-elected",
    "appointed",
    "attending",
    "launching",
    "speaking",
    "awarded",
    "mentioned",
]
Comparator = Literal["=", "≥", ">", "≤", "<", "~"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """A slice of the normalised text."""

    start: int = Field(ge=0, description="Start offset into Article.text (inclusive).")
    end: int = Field(ge=0, description="End offset into Article.text (exclusive).")
    text: str = Field(description="Exactly Article.text[start:end]: the evidence.")


class Section(Span):
    """A typed block of the article (or of the web chrome around it)."""

    kind: SectionKind = Field(description="What the block is.")
    heading: str | None = Field(
        default=None, description="Text of the heading or sidebar title this block sits under."
    )
    parent: int | None = Field(
        default=None,
        description="Index in Article.sections of that heading or sidebar section.",
    )
    reason: str | None = Field(
        default=None,
        description="For removed web chrome: which signal removed it (cue, language, shape, …).",
    )


class Record(Span):
    """Base of every extracted record: evidence span plus provenance."""

    section_index: int | None = Field(
        default=None, description="Index in Article.sections of the section holding the evidence."
    )
    extractor: str = Field(default="", description="Name of the extractor that produced it.")
    confidence: float = Field(default=1.0, ge=0.0, le=1.0, description="Rule confidence.")


class Congress(Record):
    """An event called Đại hội: held, upcoming or mentioned."""

    organization: str | None = Field(default=None, description="Organisation as written.")
    organization_expanded: str | None = Field(
        default=None, description="Organisation with abbreviations expanded."
    )
    level: Level | None = Field(default=None, description="Level, when inferable.")
    ordinal: int | None = Field(default=None, description="lần thứ VII → 7.")
    ordinal_text: str | None = Field(default=None, description="Ordinal as written (VII, 6).")
    term_start: int | None = Field(default=None, description="First year of the term.")
    term_end: int | None = Field(default=None, description="Last year of the term.")
    date: dt.date | None = Field(default=None, description="Date the congress is held.")
    date_text: str | None = Field(default=None, description="Date as written (Chiều 28/3).")
    location: str | None = Field(default=None, description="Where it is held, as written.")
    delegates: int | None = Field(default=None, description="Number of delegates attending.")
    committee_size: int | None = Field(
        default=None, description="Members elected to the executive committee (BCH)."
    )
    status: CongressStatus = Field(default="mentioned", description="held | upcoming | mentioned.")
    elected: list[int] = Field(
        default_factory=list, description="Indices into Article.officials elected at it."
    )
    mentions: list[Span] = Field(
        default_factory=list, description="Every other mention merged into this record."
    )


class Term(Record):
    """A mandate period: nhiệm kỳ 2020 - 2025, khóa X."""

    start_year: int | None = Field(default=None, description="First year.")
    end_year: int | None = Field(default=None, description="Last year.")
    session: int | None = Field(default=None, description="khóa X → 10.")
    organization: str | None = Field(default=None, description="Whose term, as written.")
    relation: TermRelation | None = Field(
        default=None, description="current | previous | next, relative to the article."
    )


class Official(Record):
    """A named person with a position or a role in an event."""

    name: str = Field(description="Full personal name without honorific.")
    positions: list[str] = Field(default_factory=list, description="One string per position.")
    organization: str | None = Field(default=None, description="Organisation, where stated.")
    role: OfficialRole = Field(default="mentioned", description="Role in the reported event.")
    congress_index: int | None = Field(
        default=None, description="Index into Article.congresses of the congress concerned."
    )


class Indicator(Record):
    """A number that counts or measures something reported or targeted."""

    value: int | float | None = Field(default=None, description="The number (percent for %).")
    value_max: int | float | None = Field(default=None, description="Upper bound of a range.")
    total: int | float | None = Field(default=None, description="Denominator of a ratio a/b.")
    percent: float | None = Field(default=None, description="Percentage stated with a ratio.")
    unit: str | None = Field(default=None, description="%, VND or the counted noun.")
    subject: str | None = Field(default=None, description="What is counted or measured.")
    comparator: Comparator = Field(default="=", description="= ≥ > ≤ < ~.")
    is_target: bool = Field(default=False, description="A target (chỉ tiêu, phấn đấu).")
    period: str | None = Field(default=None, description="Period it refers to (năm 2024).")
    value_text: str | None = Field(default=None, description="The number as written.")


class Campaign(Record):
    """A named emulation movement, drive, programme or themed month."""

    name: str = Field(description="Name without surrounding quotes, as written.")
    kind: str | None = Field(default=None, description="The cue as written, lower case.")
    launched_by: str | None = Field(default=None, description="Who launched it.")
    theme: str | None = Field(default=None, description="chủ đề …")
    year: int | None = Field(default=None, description="Year it refers to.")


class DocumentRef(Record):
    """A reference to an official document."""

    doc_type: str = Field(description="Nghị quyết, Kế hoạch, Công văn, …")
    number: str | None = Field(default=None, description="Number as written (02).")
    symbol: str | None = Field(default=None, description="Symbol without spaces (02-NQ/TW).")
    issuer: str | None = Field(default=None, description="Issuing body.")
    issued_on: dt.date | None = Field(default=None, description="Date of issue.")
    session: str | None = Field(default=None, description="khóa, as written (XII).")
    title: str | None = Field(default=None, description="Subject after về, without quotes.")


class Organization(Record):
    """A union, party or state body named in the text."""

    name: str = Field(description="Name as written.")
    expanded: str | None = Field(default=None, description="Abbreviations expanded.")
    type: str | None = Field(default=None, description="Organisation type from the lexicon.")
    level: Level | None = Field(default=None, description="Level, when inferable.")


class Location(Record):
    """A province, city or district."""

    name: str = Field(description="Name as written, without the administrative prefix.")
    kind: str | None = Field(default=None, description="tỉnh | thành phố | huyện | quận | …")
    province: str | None = Field(default=None, description="Province it belongs to (pre-2025).")
    province_2025: str | None = Field(
        default=None, description="Province after the 2025 merger (underthesea convert_address)."
    )


class ArticleWarning(_Model):
    """A problem with one document: the document still yields an Article."""

    code: str = Field(description="Stable warning code, see vnunion_nlp.errors.")
    message: str = Field(description="Human-readable explanation.")

    @classmethod
    def coded(cls, code: str, detail: str = "") -> ArticleWarning:
        """The warning of ``code`` with its standard message, and ``detail`` after it."""
        message = errors.WARNING_MESSAGES[code]
        return cls(code=code, message=f"{message}: {detail}" if detail else message)


_ModelT = TypeVar("_ModelT", bound=BaseModel)


def validated_list(model: type[_ModelT], fields: list[dict[str, object]]) -> list[_ModelT]:
    """Models of the given fields, validated as one list: one call into pydantic's validator
    for a page's sections or an article's indicators rather than one constructor call each,
    which costs a quarter to a third more (measured); the fields given, and so the models, are
    the same."""
    return _list_adapter(model).validate_python(fields)


@functools.cache
def _list_adapter(model: type[BaseModel]) -> TypeAdapter[list[Any]]:
    return TypeAdapter(list[model])  # type: ignore[valid-type]


RECORD_TYPES: dict[str, type[Record]] = {
    "congresses": Congress,
    "terms": Term,
    "officials": Official,
    "indicators": Indicator,
    "campaigns": Campaign,
    "documents": DocumentRef,
    "organizations": Organization,
    "locations": Location,
}


class Article(_Model):
    """One article: normalised text, its sections and every record extracted from it."""

    id: str = Field(description="Stable id: a hash of the normalised text.")
    source: str | None = Field(default=None, description="Input id, file name or URL.")
    url: str | None = Field(default=None, description="URL of the page, when known.")
    text: str = Field(description="The normalised text every offset indexes.")
    title: str | None = Field(default=None, description="Headline.")
    published_at: dt.datetime | None = Field(
        default=None, description="Publication time, Asia/Ho_Chi_Minh."
    )
    authors: list[str] = Field(default_factory=list, description="Authors from the byline.")
    photo_credits: list[str] = Field(default_factory=list, description="Photo credits (Ảnh: …).")
    province: str | None = Field(default=None, description="Province the article is about.")
    province_2025: str | None = Field(default=None, description="That province after 2025.")
    sections: list[Section] = Field(default_factory=list, description="Content sections in order.")
    removed: list[Section] = Field(
        default_factory=list, description="Web chrome stripped from the content, kept here."
    )
    congresses: list[Congress] = Field(default_factory=list)
    terms: list[Term] = Field(default_factory=list)
    officials: list[Official] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    campaigns: list[Campaign] = Field(default_factory=list)
    documents: list[DocumentRef] = Field(default_factory=list)
    organizations: list[Organization] = Field(default_factory=list)
    locations: list[Location] = Field(default_factory=list)
    warnings: list[ArticleWarning] = Field(default_factory=list)
    schema_version: str = Field(default=SCHEMA_VERSION, description="Version of this contract.")
    pipeline_version: str = Field(default="", description="Library version that produced it.")


__all__ = [
    "RECORD_TYPES",
    "SCHEMA_VERSION",
    "Article",
    "ArticleWarning",
    "Campaign",
    "Congress",
    "DocumentRef",
    "Indicator",
    "Location",
    "Official",
    "Organization",
    "Record",
    "Section",
    "Span",
    "Term",
]
