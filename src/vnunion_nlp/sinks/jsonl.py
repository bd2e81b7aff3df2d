"""JSONL sink: a directory with one JSON-lines file per table (``<dir>/<table>.jsonl``).

Same design as the Parquet sink (DuckDB staging file, files rewritten sorted by key on close),
see ``vnunion_nlp.sinks.parquet``.
"""

from __future__ import annotations

from vnunion_nlp.sinks.parquet import ExportingSink
from vnunion_nlp.warehouse import Table


class JsonlSink(ExportingSink):
    """One newline-delimited JSON file per table."""

    suffix = ".jsonl"
    copy_options = "FORMAT JSON"

    def _select_list(self, table: Table) -> str:
        # Timestamps as ISO 8601 in UTC, which every JSON reader parses (DuckDB's own text form
        # "2024-04-09 01:00:00+00" is not ISO).
        parts = []
        for column in table.columns:
            name = f'"{column.name}"'
            if column.type == "timestamp":
                iso = f"strftime(timezone('UTC', {name}), '%Y-%m-%dT%H:%M:%S.%f') || '+00:00'"
                parts.append(f"{iso} AS {name}")
            else:
                parts.append(name)
        return ", ".join(parts)
