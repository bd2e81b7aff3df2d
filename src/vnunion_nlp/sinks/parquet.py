"""Parquet sink: a directory with one Parquet file per table (``<dir>/<table>.parquet``).

Decision: rows go first to a DuckDB staging file inside the directory (``.staging.duckdb``),
which gives the same resume ledger, transactions and upsert-by-key as the DuckDB sink; ``close``
rewrites every table file from it, sorted by key, through a temporary file and an atomic rename.
So a rerun leaves byte-identical data, a killed run leaves the previous complete files, and no
part files pile up. The cost is one rewrite of each table per run.
"""

from __future__ import annotations

import os
from pathlib import Path

from vnunion_nlp.sinks.duckdb import DuckDBSink
from vnunion_nlp.warehouse import TABLES, Table


class ExportingSink(DuckDBSink):
    """A DuckDB staging file in ``directory`` whose tables are exported on close."""

    suffix = ".parquet"
    copy_options = "FORMAT PARQUET"

    def __init__(self, directory: str) -> None:
        self.directory = Path(directory)
        super().__init__(str(self.directory / ".staging.duckdb"))

    def close(self) -> None:
        if self.conn is not None:
            self.export()
        super().close()

    def export(self) -> None:
        """Rewrite every table file from the staging database."""
        for table in TABLES.values():
            final = self.directory / f"{table.name}{self.suffix}"
            temporary = final.with_name(f".{final.name}.tmp")
            query = f'SELECT {self._select_list(table)} FROM "{table.name}" ORDER BY "{table.key}"'
            path = str(temporary).replace("'", "''")
            self.conn.execute(f"COPY ({query}) TO '{path}' ({self.copy_options})")
            os.replace(temporary, final)

    def _select_list(self, table: Table) -> str:
        return "*"


class ParquetSink(ExportingSink):
    """One Parquet file per table."""
