"""Sinks: where ``vnunion batch`` writes the warehouse tables.

``open_sink(out)`` picks one from the ``--out`` value:

* ``postgresql://…`` or ``postgres://…`` → PostgreSQL (psycopg 3, optional dependency);
* ``duckdb:PATH`` or a path ending in ``.duckdb`` / ``.db`` → a DuckDB file (the default,
  ``vnunion.duckdb``);
* ``parquet:DIR`` or a path ending in ``.parquet`` → a directory of Parquet files, one per table;
* ``jsonl:DIR`` or a path ending in ``.jsonl`` → a directory of JSONL files, one per table.

A bare directory that already holds ``*.parquet`` (or ``*.jsonl``) table files is reopened in
that format, so a resumed run needs no prefix.
"""

from __future__ import annotations

from pathlib import Path

from vnunion_nlp.errors import InputError
from vnunion_nlp.sinks.base import Sink, SqlSink, Unit
from vnunion_nlp.sinks.duckdb import DuckDBSink
from vnunion_nlp.sinks.jsonl import JsonlSink
from vnunion_nlp.sinks.parquet import ParquetSink
from vnunion_nlp.sinks.postgres import PostgresSink


def open_sink(out: str) -> Sink:
    """The sink for an ``--out`` value (not yet opened).

    >>> type(open_sink("vnunion.duckdb")).__name__
    'DuckDBSink'
    >>> type(open_sink("parquet:warehouse")).__name__
    'ParquetSink'
    """
    if out.startswith(("postgresql://", "postgres://")):
        return PostgresSink(out)
    for prefix, kind in (("parquet:", ParquetSink), ("jsonl:", JsonlSink), ("duckdb:", None)):
        if out.startswith(prefix):
            rest = out[len(prefix) :]
            return kind(rest) if kind is not None else DuckDBSink(rest)
    path = Path(out)
    if path.suffix in {".duckdb", ".db"}:
        return DuckDBSink(out)
    if path.suffix == ".parquet" or (path.is_dir() and any(path.glob("*.parquet"))):
        return ParquetSink(out)
    if path.suffix == ".jsonl" or (path.is_dir() and any(path.glob("*.jsonl"))):
        return JsonlSink(out)
    raise InputError(
        f"cannot tell the output format of {out!r}: use a .duckdb file, parquet:DIR, "
        "jsonl:DIR or postgresql://…"
    )


__all__ = [
    "DuckDBSink",
    "JsonlSink",
    "ParquetSink",
    "PostgresSink",
    "Sink",
    "SqlSink",
    "Unit",
    "open_sink",
]
