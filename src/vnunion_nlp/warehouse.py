"""Warehouse tables: one spec, the rows of an Article, and the SQL DDL.

Every sink (DuckDB, Parquet, JSONL, PostgreSQL) and ``vnunion schema --sql`` read the single
``TABLES`` spec below, so a column is declared exactly once. Record tables take their columns
from the pydantic models in ``records.py``: a field added there appears here without an edit.

Tables and keys
===============

============================  =================  ===============================================
table                         primary key        one row per
============================  =================  ===============================================
``articles``                  ``article_key``    article (``Article.id``: hash of the normalised
                                                 text); also ``input_id``, ``encoding``
``sections``                  ``section_key``    section of an article (content and removed
                                                 web chrome, ``removed`` tells which)
``congresses``                ``congress_key``   Congress record
``terms``                     ``term_key``       Term record
``officials``                 ``official_key``   Official record (``congress_key`` links the
                                                 congress it concerns)
``official_positions``        ``position_key``   position string of an official
                                                 (``official_key`` → ``officials``)
``indicators``                ``indicator_key``  Indicator record
``campaigns``                 ``campaign_key``   Campaign record
``documents``                 ``document_key``   DocumentRef record
``organizations``             ``organization_key``  Organization record
``locations``                 ``location_key``   Location record
``inputs``                    ``input_id``       input item: the resume ledger (status ok|error,
                                                 ``input_hash`` of its bytes, ``article_key``)
``errors``                    ``error_key``      input that failed: ``stage`` and ``message``
``runs``                      ``run_id``         invocation of ``vnunion batch``
============================  =================  ===============================================

Keys are stable: ``article_key`` is the content hash ``Article.id``; a record key is a hash of
(article key, table, start, end, main value), so the same article and record get the same key on
every run and on every machine (two records equal on all five get ``#2``, ``#3``… appended in
list order). Every table but ``inputs``, ``errors`` and ``runs`` has ``article_key``, a foreign key
to ``articles`` (enforced in PostgreSQL; DuckDB cannot delete-then-reinsert a referenced row in
one transaction, so there the reference is documented, not enforced). Record tables also carry
``idx``, the record's index in its ``Article`` list, which is what ``Congress.elected`` and
``Official.congress_index`` point at. Offsets are ``char_start`` / ``char_end`` (``end`` is an SQL
keyword). Every table carries ``schema_version``, ``pipeline_version``, ``run_id`` and
``extracted_at``; list-valued fields are JSON text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from vnunion_nlp.records import RECORD_TYPES, SCHEMA_VERSION, Article, Record, Section

ColumnType = Literal["text", "int", "float", "bool", "date", "timestamp", "json"]
Dialect = Literal["duckdb", "postgres"]
Row = dict[str, Any]
RowsByTable = dict[str, list[Row]]

_SQL_TYPES: dict[Dialect, dict[ColumnType, str]] = {
    "duckdb": {
        "text": "VARCHAR",
        "int": "BIGINT",
        "float": "DOUBLE",
        "bool": "BOOLEAN",
        "date": "DATE",
        "timestamp": "TIMESTAMPTZ",
        "json": "JSON",
    },
    "postgres": {
        "text": "TEXT",
        "int": "BIGINT",
        "float": "DOUBLE PRECISION",
        "bool": "BOOLEAN",
        "date": "DATE",
        "timestamp": "TIMESTAMPTZ",
        "json": "JSONB",
    },
}


@dataclass(frozen=True)
class Column:
    """One column: name, logical type (mapped per dialect by ``sql_type``)."""

    name: str
    type: ColumnType

    def sql_type(self, dialect: Dialect) -> str:
        """The column type in ``dialect``."""
        return _SQL_TYPES[dialect][self.type]


@dataclass(frozen=True)
class Table:
    """A warehouse table: its key column, its columns in order, its parent link."""

    name: str
    key: str
    columns: tuple[Column, ...]
    references_article: bool = True

    @property
    def column_names(self) -> list[str]:
        """Column names in table order."""
        return [c.name for c in self.columns]


META = (
    Column("schema_version", "text"),
    Column("pipeline_version", "text"),
    Column("run_id", "text"),
    Column("extracted_at", "timestamp"),
)

# Columns every record table starts with; the model's own fields follow.
_RECORD_BASE = (
    Column("article_key", "text"),
    Column("idx", "int"),
    Column("char_start", "int"),
    Column("char_end", "int"),
    Column("text", "text"),
    Column("section_index", "int"),
    Column("extractor", "text"),
    Column("confidence", "float"),
)
_BASE_FIELDS = set(Record.model_fields)

# The field that, with the span, tells two records of a table apart (see the key rule above).
MAIN_VALUE = {
    "sections": "kind",
    "congresses": "organization",
    "terms": "start_year",
    "officials": "name",
    "indicators": "value",
    "campaigns": "name",
    "documents": "symbol",
    "organizations": "name",
    "locations": "name",
}
_KEY_NAMES = {
    "congresses": "congress_key",
    "terms": "term_key",
    "officials": "official_key",
    "indicators": "indicator_key",
    "campaigns": "campaign_key",
    "documents": "document_key",
    "organizations": "organization_key",
    "locations": "location_key",
}


def _column_type(annotation: Any) -> ColumnType:
    """Logical type of a pydantic field annotation; anything structured becomes JSON."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if set(args) <= {int, float} and float in args:
            return "float"
        return _column_type(args[0]) if len(args) == 1 else "json"
    if origin is Literal:
        return "text"
    simple: dict[Any, ColumnType] = {
        str: "text",
        int: "int",
        float: "float",
        bool: "bool",
        dt.date: "date",
        dt.datetime: "timestamp",
    }
    return simple.get(annotation, "json")


def _model_columns(model: type[BaseModel], skip: set[str]) -> tuple[Column, ...]:
    return tuple(
        Column(name, _column_type(field.annotation))
        for name, field in model.model_fields.items()
        if name not in skip
    )


def _record_table(name: str, model: type[Record]) -> Table:
    extra: tuple[Column, ...] = ()
    if name == "officials":
        extra = (Column("congress_key", "text"),)
    columns = (
        Column(_KEY_NAMES[name], "text"),
        *_RECORD_BASE,
        *_model_columns(model, _BASE_FIELDS),
        *extra,
        *META,
    )
    return Table(name, _KEY_NAMES[name], columns)


def _build_tables() -> dict[str, Table]:
    tables = [
        Table(
            "articles",
            "article_key",
            (
                Column("article_key", "text"),
                Column("input_id", "text"),
                Column("input_hash", "text"),
                Column("encoding", "text"),
                Column("input_kind", "text"),
                Column("source", "text"),
                Column("url", "text"),
                Column("title", "text"),
                Column("published_at", "timestamp"),
                Column("authors", "json"),
                Column("photo_credits", "json"),
                Column("province", "text"),
                Column("province_2025", "text"),
                Column("n_chars", "int"),
                Column("warnings", "json"),
                Column("text", "text"),
                *META,
            ),
            references_article=False,
        ),
        Table(
            "sections",
            "section_key",
            (
                Column("section_key", "text"),
                Column("article_key", "text"),
                Column("idx", "int"),
                Column("removed", "bool"),
                Column("char_start", "int"),
                Column("char_end", "int"),
                Column("text", "text"),
                *_model_columns(Section, {"start", "end", "text"}),
                *META,
            ),
        ),
    ]
    for name, model in RECORD_TYPES.items():
        tables.append(_record_table(name, model))
        if name == "officials":
            tables.append(
                Table(
                    "official_positions",
                    "position_key",
                    (
                        Column("position_key", "text"),
                        Column("official_key", "text"),
                        Column("article_key", "text"),
                        Column("ord", "int"),
                        Column("position", "text"),
                        *META,
                    ),
                )
            )
    tables += [
        Table(
            "inputs",
            "input_id",
            (
                Column("input_id", "text"),
                Column("input_hash", "text"),
                Column("status", "text"),
                Column("article_key", "text"),
                Column("encoding", "text"),
                Column("origin", "text"),
                *META,
            ),
            references_article=False,
        ),
        Table(
            "errors",
            "error_key",
            (
                Column("error_key", "text"),
                Column("input_id", "text"),
                Column("input_hash", "text"),
                Column("origin", "text"),
                Column("stage", "text"),
                Column("message", "text"),
                *META,
            ),
            references_article=False,
        ),
        Table(
            "runs",
            "run_id",
            (
                Column("run_id", "text"),
                Column("started_at", "timestamp"),
                Column("finished_at", "timestamp"),
                Column("status", "text"),
                Column("command", "json"),
                Column("inputs_seen", "int"),
                Column("skipped", "int"),
                Column("articles", "int"),
                Column("failed", "int"),
                Column("seconds", "float"),
                Column("schema_version", "text"),
                Column("pipeline_version", "text"),
            ),
            references_article=False,
        ),
    ]
    return {t.name: t for t in tables}


TABLES: dict[str, Table] = _build_tables()
# Tables holding one article's rows: deleted and rewritten together when an article is redone.
ARTICLE_TABLES = [t.name for t in TABLES.values() if t.references_article] + ["articles"]


def stable_key(*parts: object) -> str:
    """A 16-hex-digit key from its parts; equal parts give the same key on every run.

    >>> stable_key("a1", "terms", 0, 5, 2020) == stable_key("a1", "terms", 0, 5, 2020)
    True
    >>> len(stable_key("x"))
    16
    """
    payload = json.dumps([str(p) for p in parts], ensure_ascii=False)
    return hashlib.blake2b(payload.encode("utf-8"), digest_size=8).hexdigest()


def to_json(value: Any) -> str:
    """Deterministic JSON text (sorted keys, dates as ISO) for a JSON column."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


@dataclass(frozen=True)
class Meta:
    """The provenance columns stamped on every row of one article."""

    run_id: str
    extracted_at: dt.datetime
    pipeline_version: str
    schema_version: str = SCHEMA_VERSION

    def columns(self) -> Row:
        """The META columns as a row fragment."""
        return {
            "schema_version": self.schema_version,
            "pipeline_version": self.pipeline_version,
            "run_id": self.run_id,
            "extracted_at": self.extracted_at,
        }


def _cell(column: Column, value: Any) -> Any:
    if value is None:
        return None
    if column.type == "json":
        if isinstance(value, list):
            value = [v.model_dump(mode="json") if isinstance(v, BaseModel) else v for v in value]
        return to_json(value)
    if column.type == "float":
        return float(value)
    return value


def _unique_keys(article_key: str, table: str, records: Iterable[Any], main: str) -> list[str]:
    keys: list[str] = []
    seen: dict[str, int] = {}
    for r in records:
        base = stable_key(article_key, table, r.start, r.end, getattr(r, main, None))
        seen[base] = seen.get(base, 0) + 1
        keys.append(base if seen[base] == 1 else f"{base}#{seen[base]}")
    return keys


def article_rows(
    article: Article,
    *,
    input_id: str,
    input_hash: str,
    encoding: str,
    input_kind: str,
    meta: Meta,
    origin: str = "",
) -> RowsByTable:
    """Rows of every table for one article (``inputs`` ledger row included).

    ``origin`` is where the input came from (file path, JSONL file, ``<stdin>``).
    """
    key = article.id
    stamp = meta.columns()
    rows: RowsByTable = {name: [] for name in ARTICLE_TABLES}
    art = TABLES["articles"]
    values: Row = {
        "article_key": key,
        "input_id": input_id,
        "input_hash": input_hash,
        "encoding": encoding,
        "input_kind": input_kind,
        "n_chars": len(article.text),
        **stamp,
    }
    for column in art.columns:
        if column.name not in values:
            values[column.name] = _cell(column, getattr(article, column.name, None))
    rows["articles"].append(values)

    sections = TABLES["sections"]
    all_sections = [(s, False) for s in article.sections] + [(s, True) for s in article.removed]
    skeys = _unique_keys(key, "sections", [s for s, _ in all_sections], "kind")
    for i, ((section, removed), skey) in enumerate(zip(all_sections, skeys, strict=True)):
        row: Row = {
            "section_key": skey,
            "article_key": key,
            "idx": i if not removed else i - len(article.sections),
            "removed": removed,
            "char_start": section.start,
            "char_end": section.end,
            "text": section.text,
            **stamp,
        }
        for column in sections.columns:
            if column.name not in row:
                row[column.name] = _cell(column, getattr(section, column.name, None))
        rows["sections"].append(row)

    congress_keys: list[str] = []
    for name in RECORD_TYPES:
        table = TABLES[name]
        records: list[Record] = getattr(article, name)
        keys = _unique_keys(key, name, records, MAIN_VALUE[name])
        if name == "congresses":
            congress_keys = keys
        for i, (record, rkey) in enumerate(zip(records, keys, strict=True)):
            row = {
                table.key: rkey,
                "article_key": key,
                "idx": i,
                "char_start": record.start,
                "char_end": record.end,
                **stamp,
            }
            for column in table.columns:
                if column.name not in row and column.name != "congress_key":
                    row[column.name] = _cell(column, getattr(record, column.name, None))
            if name == "officials":
                ci = row.get("congress_index")
                ok = isinstance(ci, int) and 0 <= ci < len(congress_keys)
                row["congress_key"] = congress_keys[ci] if ok and isinstance(ci, int) else None
                for j, position in enumerate(getattr(record, "positions", [])):
                    rows["official_positions"].append(
                        {
                            "position_key": stable_key(rkey, "official_positions", j, position),
                            "official_key": rkey,
                            "article_key": key,
                            "ord": j,
                            "position": position,
                            **stamp,
                        }
                    )
            rows[name].append(row)
    rows["inputs"] = [
        {
            "input_id": input_id,
            "input_hash": input_hash,
            "status": "ok",
            "article_key": key,
            "encoding": encoding,
            "origin": origin,
            **stamp,
        }
    ]
    return rows


def error_rows(
    *,
    input_id: str,
    input_hash: str,
    origin: str,
    stage: str,
    message: str,
    encoding: str | None,
    meta: Meta,
) -> RowsByTable:
    """Rows for an input that failed: one ``errors`` row plus its ``inputs`` ledger row."""
    stamp = meta.columns()
    return {
        "errors": [
            {
                "error_key": stable_key(input_id, "errors", stage),
                "input_id": input_id,
                "input_hash": input_hash,
                "origin": origin,
                "stage": stage,
                "message": message[:2000],
                **stamp,
            }
        ],
        "inputs": [
            {
                "input_id": input_id,
                "input_hash": input_hash,
                "status": "error",
                "article_key": None,
                "encoding": encoding,
                "origin": origin,
                **stamp,
            }
        ],
    }


def _q(name: str) -> str:
    return f'"{name}"'


def table_sql(table: Table, dialect: Dialect) -> str:
    """CREATE TABLE IF NOT EXISTS for one table."""
    lines = [f"    {_q(c.name)} {c.sql_type(dialect)}" for c in table.columns]
    indexed = dialect == "postgres" or not table.references_article or table.name == "articles"
    if indexed:
        lines.append(f"    PRIMARY KEY ({_q(table.key)})")
    if table.references_article and dialect == "postgres":
        lines.append(
            '    FOREIGN KEY ("article_key") REFERENCES "articles" ("article_key")'
            " ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED"
        )
    tail = ""
    if not indexed:
        # DuckDB keeps primary-key indexes in memory outside its memory_limit: on the record
        # tables (about 20 rows an article) they grew the writer by ~3 KB an article. The key
        # stays unique by construction: rows are replaced per article in one transaction.
        tail = (
            f"  -- key {table.key}, unique by construction and not indexed,"
            " article_key references articles(article_key), not enforced in DuckDB"
        )
    return f"CREATE TABLE IF NOT EXISTS {_q(table.name)} (\n" + ",\n".join(lines) + f"\n);{tail}"


def schema_sql(dialect: Dialect) -> str:
    """The DDL of every warehouse table in ``dialect`` ("duckdb" or "postgres").

    >>> "CREATE TABLE IF NOT EXISTS \\"articles\\"" in schema_sql("duckdb")
    True
    """
    if dialect not in _SQL_TYPES:
        raise ValueError(f"unknown SQL dialect {dialect!r}; use 'duckdb' or 'postgres'")
    header = f"-- vnunion_nlp warehouse schema {SCHEMA_VERSION} ({dialect})"
    return "\n\n".join([header] + [table_sql(t, dialect) for t in TABLES.values()]) + "\n"


__all__ = [
    "ARTICLE_TABLES",
    "TABLES",
    "Column",
    "Meta",
    "Table",
    "article_rows",
    "error_rows",
    "schema_sql",
    "stable_key",
]
