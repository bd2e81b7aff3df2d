"""The sink interface, and the SQL logic shared by the DuckDB and PostgreSQL sinks.

A sink receives ``Unit`` values: all the rows of one input (its article's rows, or its error
row) together with that input's ledger row in ``inputs``. ``write_batch`` writes a list of units
in ONE transaction, each as delete-then-insert by key, so a batch killed at any point leaves
either all of a unit or none of it (the partial one is redone on resume), and a rerun leaves the
same rows (upsert by stable key).
"""

from __future__ import annotations

import contextlib
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from vnunion_nlp.warehouse import ARTICLE_TABLES, TABLES, Dialect, Row, RowsByTable, schema_sql


@dataclass
class Unit:
    """One input's rows, written atomically with its ``inputs`` ledger row."""

    input_id: str
    rows: RowsByTable = field(default_factory=dict)

    @property
    def article_key(self) -> str | None:
        """Key of the article this input produced (None for a failed input)."""
        ledger = self.rows.get("inputs", [])
        return ledger[0].get("article_key") if ledger else None


class Sink(ABC):
    """Where a batch writes. Usage: ``open``; ``finished``; ``write_batch``…; ``close``."""

    target: str

    @abstractmethod
    def open(self) -> None:
        """Create the tables if missing. Raises OSError or a driver error if unreachable."""

    @abstractmethod
    def finished(self) -> dict[str, str]:
        """input_id → input_hash of every input already processed (ok or error)."""

    @abstractmethod
    def write_batch(self, units: Sequence[Unit]) -> None:
        """Write units in one transaction (rows and their 'done' marks commit together)."""

    @abstractmethod
    def write_run(self, row: Row) -> None:
        """Upsert the ``runs`` row of this run (called at start and at the end)."""

    @abstractmethod
    def close(self) -> None:
        """Flush and release; the sink's output is complete after this."""

    def __enter__(self) -> Sink:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class SqlSink(Sink):
    """Delete-then-insert by key over a DB-API connection (qmark or format placeholders)."""

    dialect: Dialect = "duckdb"
    placeholder = "?"

    def __init__(self, target: str) -> None:
        self.target = target
        self.conn: Any = None

    @abstractmethod
    def _connect(self) -> Any:
        """A DB-API connection in manual-transaction mode."""

    def _begin(self) -> None:
        self.conn.execute("BEGIN")

    def _commit(self) -> None:
        self.conn.execute("COMMIT")

    def _rollback(self) -> None:
        self.conn.execute("ROLLBACK")

    def _value_sql(self, table: str, column: str) -> str:
        return self.placeholder

    def open(self) -> None:
        self.conn = self._connect()
        self._begin()
        for statement in schema_sql(self.dialect).split(";"):
            body = "\n".join(
                line for line in statement.splitlines() if not line.strip().startswith("--")
            )
            if body.strip():
                self.conn.execute(body)
        self._commit()

    def finished(self) -> dict[str, str]:
        cursor = self.conn.execute('SELECT "input_id", "input_hash" FROM "inputs"')
        return {str(i): str(h) for i, h in cursor.fetchall()}

    def _delete(self, table: str, column: str, values: list[Any]) -> None:
        if values:
            marks = ", ".join([self.placeholder] * len(values))
            self.conn.execute(f'DELETE FROM "{table}" WHERE "{column}" IN ({marks})', values)

    def _existing(self, table: str, column: str, values: list[Any]) -> list[Any]:
        if not values:
            return []
        marks = ", ".join([self.placeholder] * len(values))
        sql = f'SELECT "{column}" FROM "{table}" WHERE "{column}" IN ({marks})'
        return sorted(v for (v,) in self.conn.execute(sql, values).fetchall())

    def _insert(self, table: str, rows: list[Row]) -> None:
        if not rows:
            return
        names = TABLES[table].column_names
        cols = ", ".join(f'"{n}"' for n in names)
        marks = ", ".join(self._value_sql(table, n) for n in names)
        sql = f'INSERT INTO "{table}" ({cols}) VALUES ({marks})'
        self._executemany(sql, [[row.get(n) for n in names] for row in rows])

    def _executemany(self, sql: str, params: list[list[Any]]) -> None:
        self.conn.executemany(sql, params)

    def write_batch(self, units: Sequence[Unit]) -> None:
        if not units:
            return
        ids = [u.input_id for u in units]
        self._begin()
        try:
            # The article an input produced last time goes too: its text may have changed.
            marks = ", ".join([self.placeholder] * len(ids))
            old = self.conn.execute(
                f'SELECT "article_key" FROM "inputs" WHERE "input_id" IN ({marks})', ids
            ).fetchall()
            stale = {k for (k,) in old if k}
            if stale:  # an article another input still points at must stay
                kept = self.conn.execute(
                    f'SELECT "article_key" FROM "inputs" WHERE "input_id" NOT IN ({marks})'
                    f' AND "article_key" IN ({", ".join([self.placeholder] * len(stale))})',
                    [*ids, *sorted(stale)],
                ).fetchall()
                stale -= {k for (k,) in kept}
            keys = stale | {u.article_key for u in units if u.article_key}
            # Only articles already stored need deleting: the lookup uses the primary key, so
            # a fresh run never scans the child tables.
            stored = self._existing("articles", "article_key", sorted(keys))
            for table in ARTICLE_TABLES:  # children first, "articles" last
                self._delete(table, "article_key", stored)
            self._delete("errors", "input_id", ids)
            self._delete("inputs", "input_id", ids)
            merged: dict[str, dict[str, Row]] = {}
            for unit in units:
                for table, rows in unit.rows.items():
                    key = TABLES[table].key
                    bucket = merged.setdefault(table, {})
                    for row in rows:
                        bucket[str(row[key])] = row  # two inputs, same article: one row
            for table in [*ARTICLE_TABLES[-1:], *ARTICLE_TABLES[:-1], "errors", "inputs"]:
                self._insert(table, list(merged.get(table, {}).values()))
            self._commit()
        except BaseException:
            self._rollback()
            raise

    def write_run(self, row: Row) -> None:
        # A Ctrl-C can land inside a chunk's transaction: drop that half-done chunk (resume redoes
        # it) so the run row can still be written.
        with contextlib.suppress(Exception):
            self._rollback()
        self._begin()
        try:
            self._delete("runs", "run_id", [row["run_id"]])
            self._insert("runs", [row])
            self._commit()
        except BaseException:
            self._rollback()
            raise

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None
