"""Spark on local[2] gives the same warehouse rows as the single-machine batch."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pyspark", reason="pyspark is not installed (pip install '.[spark]')")
if shutil.which("java") is None:
    pytest.skip("no Java runtime for Spark", allow_module_level=True)

from vnunion_nlp.batch import run_batch
from vnunion_nlp.spark import _session, extract_tables, row_as_dict
from vnunion_nlp.warehouse import TABLES

SAMPLES = Path(__file__).resolve().parents[1] / "corpora" / "samples"
# Provenance and input bookkeeping differ by design between two runs; everything else must not.
IGNORED = {"run_id", "extracted_at", "input_hash", "origin", "encoding", "input_kind", "status"}


def _canonical(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in "[{":
        return json.loads(value)  # JSON columns: text in Spark, parsed in the JSONL sink
    if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and value[10] in "T ":
        try:
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            return value
        if moment.tzinfo is None:  # Spark hands back UTC timestamps without a zone
            moment = moment.replace(tzinfo=dt.UTC)
        return moment.astimezone(dt.UTC).isoformat()
    return value


def _rows(rows: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    cleaned = [{k: _canonical(v) for k, v in r.items() if k not in IGNORED} for r in rows]
    return sorted(cleaned, key=lambda r: str(r[key]))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("spark") / "articles.jsonl"
    lines = [
        json.dumps({"id": p.stem, "text": p.read_text(encoding="utf-8")}, ensure_ascii=False)
        for p in sorted(SAMPLES.glob("*.txt"))[:4]
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_spark_rows_equal_batch_rows(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "local"
    run_batch([str(corpus)], out=f"jsonl:{out}", progress=False)
    spark = _session("local[2]")
    try:
        tables = extract_tables(spark.read.json(str(corpus)))
        spark_rows = {
            name: [row_as_dict(r) for r in frame.collect()] for name, frame in tables.items()
        }
    finally:
        spark.stop()
    compared = 0
    for name, table in TABLES.items():
        if name in {"runs", "errors"}:
            continue
        path = out / f"{name}.jsonl"
        local = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        assert _rows(spark_rows[name], table.key) == _rows(local, table.key), name
        compared += len(local)
    assert compared > 0
    assert len(spark_rows["articles"]) == 4
