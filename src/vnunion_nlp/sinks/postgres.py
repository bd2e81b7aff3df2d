"""PostgreSQL sink (``postgresql://…``) through psycopg 3, an optional dependency.

Foreign keys to ``articles`` are enforced here, DEFERRABLE INITIALLY DEFERRED so the
delete-then-insert of one article inside a transaction passes.
"""

from __future__ import annotations

from typing import Any

from vnunion_nlp.errors import VnUnionError
from vnunion_nlp.sinks.base import SqlSink
from vnunion_nlp.warehouse import TABLES


class PostgresSink(SqlSink):
    """Tables in a PostgreSQL database; each ``write_batch`` is one transaction."""

    dialect = "postgres"
    placeholder = "%s"

    def _connect(self) -> Any:
        try:
            import psycopg
        except ImportError as exc:
            raise VnUnionError(
                "writing to PostgreSQL needs psycopg 3: pip install 'psycopg[binary]'"
            ) from exc
        return psycopg.connect(self.target, autocommit=True)

    def _value_sql(self, table: str, column: str) -> str:
        kind = next(c.type for c in TABLES[table].columns if c.name == column)
        return "%s::jsonb" if kind == "json" else "%s"

    def _executemany(self, sql: str, params: list[list[Any]]) -> None:
        with self.conn.cursor() as cursor:
            cursor.executemany(sql, params)
