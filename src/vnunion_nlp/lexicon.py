"""Loading of the domain data files in ``vnunion_nlp/data``: read once, validated by a model.

Each data file opens with a comment header giving its source and what each field means. Every
file is read through a strict pydantic model, so a typo in a data file fails at load time (and in
the tests, which load them all).

The patterns built from the data (``alternation``, ``prefix_tree``) are read in hot loops by
group index (``pattern.groupindex["name"]``, taken once), not by group name: the ``regex``
module tries a group's key as an integer first, which raises and clears a TypeError at each read
by name (~0.8 µs, against ~0.1 µs by index).
"""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Iterable
from importlib import resources
from typing import Any, TypeVar

import regex
import yaml
from pydantic import BaseModel, ConfigDict

from vnunion_nlp.errors import DataFileError

ModelT = TypeVar("ModelT", bound=BaseModel)


class DataModel(BaseModel):
    """Base of data-file schemas: strict, immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


@functools.cache
def read_text(name: str) -> str:
    """Text of a packaged data file."""
    try:
        return resources.files("vnunion_nlp.data").joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataFileError(f"data file {name!r} is missing from the package") from exc


@functools.cache
def _load_raw_yaml(name: str) -> Any:
    try:
        return yaml.safe_load(read_text(name))
    except yaml.YAMLError as exc:
        raise DataFileError(f"data file {name!r} is not valid YAML: {exc}") from exc


def load_yaml(name: str, model: type[ModelT]) -> ModelT:
    """Load ``data/<name>`` (YAML) and validate it with ``model``; cached per (name, model)."""
    return _load_validated(name, model)  # type: ignore[return-value]


@functools.cache
def _load_validated(name: str, model: type[BaseModel]) -> BaseModel:
    try:
        return model.model_validate(_load_raw_yaml(name))
    except ValueError as exc:
        raise DataFileError(f"data file {name!r} does not match its schema: {exc}") from exc


@functools.cache
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``data/<name>`` (tab-separated, header row, ``#`` comment lines) as dicts."""
    lines = [ln for ln in read_text(name).splitlines() if ln and not ln.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t")
    rows = tuple(dict(row) for row in reader)
    for number, row in enumerate(rows, start=2):
        if None in row or any(v is None for v in row.values()):
            raise DataFileError(f"data file {name!r}: row {number} has the wrong number of cells")
    return rows


def alternation(words: Iterable[str]) -> str:
    """Regex alternation of whole phrases, longest first so that the longest phrase wins.

    A space in a phrase matches any run of spaces. An empty group is a data-file mistake. Right for
    patterns searched in either direction (``regex.REVERSE`` too); see ``prefix_tree`` for large
    groups tried at every character.

    >>> print(alternation(["Công đoàn", "Công đoàn cơ sở"]))
    Công\\s+đoàn\\s+cơ\\s+sở|Công\\s+đoàn
    """
    ordered = sorted({w.strip() for w in words if w.strip()}, key=lambda w: (-len(w), w))
    if not ordered:
        raise DataFileError("empty word group")
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def prefix_tree(words: Iterable[str], space: str = r"\s+") -> str:
    """The same alternation as ``alternation``, laid out as a prefix tree, for forward matching.

    The engine follows one branch per next character instead of trying every phrase: worth it for
    the family names, honorifics and titles that are tried at every character of an article. Every
    phrase that can match at one place is a prefix of the longer ones there, and the deeper branch
    is tried first, so the longest phrase still wins. Not for ``regex.REVERSE`` patterns, which
    read phrases from their end. A space between words becomes ``space``; the output is also valid
    for the standard ``re`` module when ``space`` is.

    >>> print(prefix_tree(["Công đoàn", "Công đoàn cơ sở", "Chi bộ"]))
    C(?:ông\\s+đoàn(?:\\s+cơ\\s+sở)?|hi\\s+bộ)
    """
    phrases = {" ".join(w.split()) for w in words if w.strip()}
    if not phrases:
        raise DataFileError("empty word group")
    trie: _Trie = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _trie_pattern(trie, space)


_Trie = dict[str, "_Trie"]
_END = ""  # marks the end of a phrase inside the tree


def _depth(node: _Trie) -> int:
    return max((1 + _depth(child) for child in node.values()), default=0)


def _trie_pattern(node: _Trie, space: str) -> str:
    # Deeper branches first: under IGNORECASE "T…" and "t…" may both match, and the longer wins.
    branches = sorted(
        ((char, child) for char, child in node.items() if char != _END),
        key=lambda item: (-_depth(item[1]), item[0]),
    )
    parts = [(space if char == " " else regex.escape(char)) + _trie_pattern(child, space)
             for char, child in branches]  # fmt: skip
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    if _END not in node:
        return body
    return f"(?:{body})?" if len(parts) > 1 or len(body) > 1 else f"{body}?"
