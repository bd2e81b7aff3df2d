"""Each sink round-trips a small batch, upserts by key, and gives identical tables on a rerun."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from vnunion_nlp.records import Article, Congress, Indicator, Official, Section, Term
from vnunion_nlp.sinks import (
    DuckDBSink,
    JsonlSink,
    ParquetSink,
    PostgresSink,
    Sink,
    Unit,
    open_sink,
)
from vnunion_nlp.warehouse import (
    TABLES,
    Meta,
    article_rows,
    error_rows,
    schema_sql,
    stable_key,
)

META = Meta(
    run_id="run1",
    extracted_at=dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC),
    pipeline_version="0.test",
)
TEXT = (
    "Đại hội Công đoàn phường Bến Đá\n\n"
    "Sáng 9/4, Công đoàn phường Bến Đá tổ chức Đại hội lần thứ III, nhiệm kỳ 2023 - 2028,"
    " với 85 đại biểu. Bà Lê Thị Hoa được bầu làm Chủ tịch."
)


def _span(fragment: str) -> dict[str, Any]:
    start = TEXT.index(fragment)
    return {"start": start, "end": start + len(fragment), "text": fragment}


def make_article(text: str = TEXT, key: str = "a" * 16) -> Article:
    """A hand-built Article with one record of several types (offsets valid)."""
    title = text.split("\n")[0]
    return Article(
        id=key,
        text=text,
        title=title,
        source="x.txt",
        published_at=dt.datetime(2024, 4, 9, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=7))),
        sections=[Section(start=0, end=len(title), text=title, kind="title")],
        congresses=[
            Congress(
                **_span("Đại hội lần thứ III"),
                ordinal=3,
                ordinal_text="III",
                elected=[0],
                status="held",
                date=dt.date(2024, 4, 9),
            )
        ]
        if text == TEXT
        else [],
        terms=[Term(**_span("nhiệm kỳ 2023 - 2028"), start_year=2023, end_year=2028)]
        if text == TEXT
        else [],
        officials=[
            Official(
                **_span("Lê Thị Hoa"),
                name="Lê Thị Hoa",
                role="elected",
                positions=["Chủ tịch", "Ủy viên BCH"],
                congress_index=0,
            )
        ]
        if text == TEXT
        else [],
        indicators=[Indicator(**_span("85 đại biểu"), value=85, unit="đại biểu")]
        if text == TEXT
        else [],
        pipeline_version="0.test",
    )


def unit_for(article: Article, input_id: str = "x.txt", digest: str = "h1") -> Unit:
    rows = article_rows(
        article,
        input_id=input_id,
        input_hash=digest,
        encoding="utf-8",
        input_kind="text",
        meta=META,
    )
    return Unit(input_id, rows)


def error_unit(input_id: str, stage: str = "decode") -> Unit:
    rows = error_rows(
        input_id=input_id,
        input_hash="h9",
        origin=input_id,
        stage=stage,
        message="binary data, not text",
        encoding=None,
        meta=META,
    )
    return Unit(input_id, rows)


# --- reading tables back, per sink ------------------------------------------------------


def _norm(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.dumps(json.loads(value), ensure_ascii=False, sort_keys=True)
        except ValueError:
            return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _sql_tables(conn: Any) -> dict[str, list[dict[str, Any]]]:
    out = {}
    for table in TABLES.values():
        if table.name == "runs":
            continue
        cursor = conn.execute(f'SELECT * FROM "{table.name}" ORDER BY "{table.key}"')
        names = [d[0] for d in cursor.description]
        out[table.name] = [
            {n: _norm(v) for n, v in zip(names, r, strict=False)} for r in cursor.fetchall()
        ]
    return out


def read_duckdb(path: str) -> dict[str, list[dict[str, Any]]]:
    import duckdb

    conn = duckdb.connect(path, read_only=True)
    try:
        return _sql_tables(conn)
    finally:
        conn.close()


def read_parquet(directory: str) -> dict[str, list[dict[str, Any]]]:
    import pyarrow.parquet as pq

    return {
        t.name: [
            {k: _norm(v) for k, v in r.items()}
            for r in pq.read_table(Path(directory) / f"{t.name}.parquet").to_pylist()
        ]
        for t in TABLES.values()
        if t.name != "runs"
    }


def read_jsonl(directory: str) -> dict[str, list[dict[str, Any]]]:
    out = {}
    for t in TABLES.values():
        if t.name == "runs":
            continue
        lines = (Path(directory) / f"{t.name}.jsonl").read_text(encoding="utf-8").splitlines()
        stamps = {c.name for c in t.columns if c.type == "timestamp"}
        out[t.name] = [
            {
                k: _norm(dt.datetime.fromisoformat(v) if k in stamps and v else v)
                for k, v in json.loads(line).items()
            }
            for line in lines
        ]
    return out


POSTGRES_URL = os.environ.get("VNUNION_TEST_POSTGRES")


def _postgres_reachable() -> str | None:
    if not POSTGRES_URL:
        return "VNUNION_TEST_POSTGRES is not set (CI points it at a local server)"
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed"
    try:
        psycopg.connect(POSTGRES_URL, connect_timeout=3).close()
    except Exception as exc:  # any failure to connect means: no server here
        return f"no PostgreSQL server reachable at VNUNION_TEST_POSTGRES: {exc}"
    return None


def read_postgres(url: str) -> dict[str, list[dict[str, Any]]]:
    import psycopg

    with psycopg.connect(url) as conn:
        return _sql_tables(conn)


def _reset_postgres(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        for table in TABLES:
            conn.execute(f'DROP TABLE IF EXISTS "{table}" CASCADE')


SinkCase = tuple[Callable[[Path], str], Callable[[str], Sink], Callable[[str], Any]]
CASES: dict[str, SinkCase] = {
    "duckdb": (lambda p: str(p / "w.duckdb"), DuckDBSink, read_duckdb),
    "parquet": (lambda p: str(p / "pq"), ParquetSink, read_parquet),
    "jsonl": (lambda p: str(p / "js"), JsonlSink, read_jsonl),
    "postgres": (lambda p: POSTGRES_URL or "", PostgresSink, read_postgres),
}


@pytest.fixture(params=list(CASES), ids=list(CASES))
def sink_case(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, type, Any]:
    make_target, kind, reader = CASES[request.param]
    if request.param == "postgres":
        reason = _postgres_reachable()
        if reason:
            pytest.skip(reason)
        _reset_postgres(POSTGRES_URL or "")
    return make_target(tmp_path), kind, reader


def _write(kind: Any, target: str, *batches: list[Unit]) -> None:
    sink = kind(target)
    sink.open()
    for units in batches:
        sink.write_batch(units)
    sink.close()


def test_round_trip(sink_case: tuple[str, Any, Any]) -> None:
    target, kind, reader = sink_case
    article = make_article()
    _write(kind, target, [unit_for(article), error_unit("broken.bin")])
    tables = reader(target)
    expected = unit_for(article).rows
    for name in [
        "articles",
        "congresses",
        "terms",
        "officials",
        "official_positions",
        "indicators",
        "sections",
    ]:
        got = tables[name]
        want = sorted(expected[name], key=lambda r: r[TABLES[name].key])
        assert [{k: _norm(v) for k, v in r.items()} for r in want] == got, name
    assert tables["officials"][0]["congress_key"] == tables["congresses"][0]["congress_key"]
    positions = sorted(tables["official_positions"], key=lambda r: r["ord"])
    assert [r["position"] for r in positions] == ["Chủ tịch", "Ủy viên BCH"]
    assert [(r["input_id"], r["stage"]) for r in tables["errors"]] == [("broken.bin", "decode")]
    assert {r["input_id"]: r["status"] for r in tables["inputs"]} == {
        "broken.bin": "error",
        "x.txt": "ok",
    }
    assert tables["articles"][0]["encoding"] == "utf-8"


def test_rewrite_is_identical_and_resume_ledger(sink_case: tuple[str, Any, Any]) -> None:
    target, kind, reader = sink_case
    units = [unit_for(make_article()), error_unit("broken.bin")]
    _write(kind, target, units)
    first = reader(target)
    _write(kind, target, units, units)  # same rows twice more: upsert, no duplicates
    assert reader(target) == first
    sink = kind(target)
    sink.open()
    assert sink.finished() == {"x.txt": "h1", "broken.bin": "h9"}
    sink.close()


def test_changed_input_replaces_its_old_rows(sink_case: tuple[str, Any, Any]) -> None:
    target, kind, reader = sink_case
    _write(kind, target, [unit_for(make_article())])
    other = make_article("Tin ngắn\n\nCông đoàn thăm hỏi đoàn viên.", key="b" * 16)
    _write(kind, target, [unit_for(other, digest="h2")])
    tables = reader(target)
    assert [r["article_key"] for r in tables["articles"]] == ["b" * 16]
    assert tables["congresses"] == []
    assert tables["official_positions"] == []
    _write(kind, target, [error_unit("x.txt", stage="empty")])
    tables = reader(target)
    assert tables["articles"] == []
    assert tables["sections"] == []
    assert [r["stage"] for r in tables["errors"]] == ["empty"]


def test_two_inputs_with_one_text_share_the_article(sink_case: tuple[str, Any, Any]) -> None:
    target, kind, reader = sink_case
    article = make_article()
    _write(kind, target, [unit_for(article, "one.txt"), unit_for(article, "two.txt")])
    _write(kind, target, [unit_for(make_article("Khác\n\nVăn bản khác.", "c" * 16), "two.txt")])
    tables = reader(target)
    assert sorted(r["article_key"] for r in tables["articles"]) == ["a" * 16, "c" * 16]
    assert len(tables["congresses"]) == 1


def test_record_keys_are_stable_and_unique() -> None:
    first = unit_for(make_article()).rows
    again = unit_for(make_article()).rows
    for name, rows in first.items():
        key = TABLES[name].key
        assert [r[key] for r in rows] == [r[key] for r in again[name]]
        assert len({r[key] for r in rows}) == len(rows), name
    congress = first["congresses"][0]
    assert congress["congress_key"] == stable_key(
        "a" * 16, "congresses", congress["char_start"], congress["char_end"], None
    )


def test_every_row_has_every_column_and_meta() -> None:
    rows = {**unit_for(make_article()).rows, **error_unit("e").rows}
    for name, table_rows in rows.items():
        for row in table_rows:
            assert set(row) == set(TABLES[name].column_names), name
            assert row["run_id"] == "run1"
            assert row["schema_version"]


OUTS = [
    ("vnunion.duckdb", "DuckDBSink"),
    ("duckdb:/tmp/x", "DuckDBSink"),
    ("parquet:out", "ParquetSink"),
    ("jsonl:out", "JsonlSink"),
    ("out.jsonl", "JsonlSink"),
    ("postgresql://u@h/db", "PostgresSink"),
]


@pytest.mark.parametrize(("out", "kind"), OUTS, ids=[o for o, _ in OUTS])
def test_open_sink_picks_by_out(out: str, kind: str) -> None:
    assert type(open_sink(out)).__name__ == kind


@pytest.mark.parametrize("dialect", ["duckdb", "postgres"])
def test_schema_sql_lists_every_table(dialect: str) -> None:
    sql = schema_sql(dialect)  # type: ignore[arg-type]
    for name in TABLES:
        assert f'CREATE TABLE IF NOT EXISTS "{name}"' in sql
    assert ("REFERENCES" in sql) == (dialect == "postgres")


def test_schema_sql_runs_in_duckdb() -> None:
    import duckdb

    conn = duckdb.connect(":memory:")
    for statement in schema_sql("duckdb").split(";\n"):
        body = "\n".join(x for x in statement.splitlines() if not x.startswith("--"))
        if body.strip():
            conn.execute(body)
    assert len(conn.execute("SHOW TABLES").fetchall()) == len(TABLES)


def test_docs_name_every_table_and_key() -> None:
    doc = Path(__file__).resolve().parents[1] / "docs" / "warehouse.md"
    text = doc.read_text(encoding="utf-8")
    for table in TABLES.values():
        assert f"| `{table.name}` | `{table.key}` |" in text, table.name
