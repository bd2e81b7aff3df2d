"""The schemas of the data files: what each ``data/*.yaml`` must hold, checked at load.

Every extractor loads its cue file once through ``lexicon.load_yaml`` with one of these models.
They live together, apart from the code that reads them, because pydantic builds them from their
annotations at run time: the modules of hot code are compiled with mypyc (see ``hatch_build.py``),
and a pydantic model or validator in a compiled module is not what pydantic expects.
"""

from __future__ import annotations

from pydantic import field_validator, model_validator

from vnunion_nlp.lexicon import DataModel
from vnunion_nlp.records import Comparator, Level, OfficialRole


class ChromeCues(DataModel):
    lines: frozenset[str]
    prefixes: tuple[str, ...]
    tail_openers: tuple[str, ...]
    menu_labels: frozenset[str]
    home_labels: frozenset[str]  # what a breadcrumb may open with, whatever follows
    weather: frozenset[str]
    site_name_heads: tuple[str, ...]


class LayoutCues(DataModel):
    list_number_words: tuple[str, ...]
    caption_starts: tuple[str, ...]
    caption_verbs: tuple[str, ...]
    photo_credit: tuple[str, ...]
    byline_prefixes: tuple[str, ...]
    dateline_cues: tuple[str, ...]
    weekdays: tuple[str, ...]


class KnownCampaign(DataModel):
    """A campaign recognised by its name alone."""

    name: str
    kind: str | None
    same_as: str | None = None
    capitalised_only: bool = False


class CampaignCues(DataModel):
    """Schema of ``data/campaign_cues.yaml`` (its header explains every field)."""

    cues: dict[str, int]
    extra_words: list[str]
    known: list[KnownCampaign]
    themed_year: dict[str, str]
    blockers: list[str]
    self_naming_cues: list[str]
    year_naming_cues: list[str]
    unquoted_cues: dict[str, str]
    prize_ranks: list[str]
    name_stops: list[str]
    launch_verbs: list[str]
    launch_adverbs: list[str]
    theme_cues: list[str]


class CongressCues(DataModel):
    """Schema of ``data/congress_cues.yaml`` (its header explains every field)."""

    name_stops: list[str]
    abbreviations: list[str]
    generic_heads: list[str]
    not_congress: list[str]
    generic: list[str]
    generic_before: list[str]
    document_before: list[str]
    upcoming_before: list[str]
    held_near: list[str]
    held_after: list[str]
    held_before: list[str]
    date_after: list[str]
    levels: dict[Level, list[str]]
    name_heads: list[str]
    org_heads: list[str]
    org_aliases: dict[str, str]
    bodies: dict[str, list[str]]


class DocTypes(DataModel):
    """Schema of ``data/doc_types.yaml`` (its header explains every field)."""

    types: dict[str, list[str]]
    laws: list[str]
    law_prefixes: list[str]
    by_symbol: list[str]
    symbol_codes: dict[str, str]
    generic_words: list[str]
    issuer_stops: list[str]
    title_stops: list[str]


class LocationCues(DataModel):
    """Schema of ``data/locations.yaml`` (its header explains every field)."""

    province_prefixes: list[str]
    district_prefixes: list[str]
    aliases: dict[str, str]
    needs_prefix: list[str]


class OrgTypes(DataModel):
    """Schema of ``data/org_types.yaml`` (its header explains every field)."""

    heads: dict[str, str]
    committees: list[str]
    standalone: list[str]
    modifier_words: list[str]
    sector_words: list[str]
    generic_before: list[str]
    levels: dict[Level, list[str]]


class TermCues(DataModel):
    """Schema of ``data/term_cues.yaml`` (its header explains every field)."""

    term_words: list[str]
    term_acronyms: list[str]
    session_words: list[str]
    previous_after: list[str]
    next_after: list[str]
    previous_before: list[str]
    organization_heads: list[str]


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


class ComparatorCues(DataModel):
    """Phrases before / after a number that set one comparator."""

    before: list[str]
    after: list[str]


class IndicatorCues(DataModel):
    """Schema of ``data/indicator_cues.yaml`` (its header explains every field)."""

    comparators: dict[Comparator, ComparatorCues]
    target_cues: list[str]
    achieved_before: list[str]
    period_words: list[str]
    period_phrases: list[str]
    rate_words: list[str]
    rate_verbs: list[str]
    total_cues: list[str]
    units: list[str]
    currencies: dict[str, str]
    non_units: list[str]
    blocking_before: list[str]
    blocking_exceptions: list[str]
    subject_stops: list[str]
    subject_verbs: list[str]
    fallback_stops: list[str]
    unit_synonyms: dict[str, str]
    durations: list[str]
    duration_before: list[str]
    duration_after: list[str]
    frequency_units: list[str]
    year_before: list[str]
    anaphoric_units: list[str]
    percent_nouns: list[str]
    anaphora_after: list[str]
    speech_verbs: list[str]

    @field_validator(
        "target_cues",
        "achieved_before",
        "period_words",
        "period_phrases",
        "rate_words",
        "rate_verbs",
        "total_cues",
        "units",
        "non_units",
        "blocking_before",
        "subject_stops",
        "subject_verbs",
        "fallback_stops",
        "durations",
        "duration_before",
        "duration_after",
        "frequency_units",
        "year_before",
        "anaphoric_units",
        "percent_nouns",
        "anaphora_after",
        "speech_verbs",
    )
    @classmethod
    def _non_empty(cls, words: list[str]) -> list[str]:
        if not words or any(not w.strip() for w in words):
            raise ValueError("must be a non-empty list of non-empty phrases")
        return words

    @model_validator(mode="after")
    def _durations_are_non_units(self) -> IndicatorCues:
        missing = set(self.durations) - set(self.non_units)
        if missing:
            raise ValueError(f"durations not listed as non_units: {sorted(missing)}")
        return self
