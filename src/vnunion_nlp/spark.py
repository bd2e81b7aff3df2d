"""Spark: the warehouse tables for archives beyond one machine.

    from vnunion_nlp.spark import extract_tables
    tables = extract_tables(df, text_col="text", id_col="id")
    tables["officials"].show()

One ``mapInArrow`` pass runs the pipeline once per article and emits every warehouse row as
(table, key, JSON); the pass is cached, and each table is that pass filtered and parsed into the
table's schema, the same schema the batch sinks write (``vnunion_nlp.warehouse``). The pipeline's
data files are loaded once per Python worker (module-level caches), not once per row.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from vnunion_nlp.warehouse import TABLES, Meta, article_rows, to_json

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow as pa
    from pyspark.sql import DataFrame

_SPARK_TYPES = {
    "text": "string",
    "int": "bigint",
    "float": "double",
    "bool": "boolean",
    "date": "date",
    "timestamp": "timestamp",
    "json": "string",
}
_ROWS_SCHEMA = "table string, row_key string, row string"


def table_schema(name: str) -> str:
    """The Spark DDL schema of warehouse table ``name``."""
    table = TABLES[name]
    return ", ".join(f"`{c.name}` {_SPARK_TYPES[c.type]}" for c in table.columns)


def _rows_of_partition(
    batches: Iterator[pa.RecordBatch], text_col: str, id_col: str, meta: Meta
) -> Iterator[pa.RecordBatch]:
    import pyarrow as pa

    from vnunion_nlp.pipeline import extract

    for batch in batches:
        out: list[tuple[str, str, str]] = []
        ids = batch.column(id_col).to_pylist()
        texts = batch.column(text_col).to_pylist()
        for input_id, text in zip(ids, texts, strict=True):
            data = text if isinstance(text, str) else ""
            article = extract(data, source=str(input_id))
            rows = article_rows(
                article,
                input_id=str(input_id),
                input_hash=hashlib.sha256(data.encode("utf-8")).hexdigest(),
                encoding="utf-8",
                input_kind="text",
                meta=meta,
            )
            for table, table_rows in rows.items():
                key = TABLES[table].key
                for row in table_rows:
                    out.append((table, str(row[key]), to_json(_jsonable(row))))
        tables, keys, payloads = (list(c) for c in zip(*out, strict=True)) if out else ([], [], [])
        yield pa.RecordBatch.from_arrays(
            [
                pa.array(tables, pa.string()),
                pa.array(keys, pa.string()),
                pa.array(payloads, pa.string()),
            ],
            names=["table", "row_key", "row"],
        )


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, dt.date | dt.datetime) else v for k, v in row.items()}


def extract_tables(
    df: DataFrame,
    text_col: str = "text",
    id_col: str = "id",
    *,
    run_id: str | None = None,
    extracted_at: dt.datetime | None = None,
) -> dict[str, DataFrame]:
    """One Spark DataFrame per warehouse table for the articles of ``df``.

    Args:
        df: a DataFrame with an id column and a text column.
        text_col: name of the text column.
        id_col: name of the id column (the input id of the batch tables).
        run_id: run id stamped on every row (default: a new one).
        extracted_at: extraction time stamped on every row (default: now).

    Returns:
        ``{table name: DataFrame}`` with the schema of ``vnunion_nlp.warehouse.TABLES``.
    """
    from pyspark.sql import functions as F  # noqa: N812 - the usual alias

    from vnunion_nlp.pipeline import __version__

    meta = Meta(
        run_id=run_id or uuid.uuid4().hex,
        extracted_at=extracted_at or dt.datetime.now(dt.UTC),
        pipeline_version=__version__,
    )

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        return _rows_of_partition(batches, text_col, id_col, meta)

    rows = df.select(id_col, text_col).mapInArrow(run, schema=_ROWS_SCHEMA).cache()
    tables: dict[str, DataFrame] = {}
    for name in TABLES:
        schema = table_schema(name)
        parsed = rows.where(F.col("table") == name).select(
            F.from_json(
                "row", schema, {"timestampFormat": "yyyy-MM-dd'T'HH:mm:ss[.SSSSSS]XXX"}
            ).alias("r")
        )
        tables[name] = parsed.select("r.*")
    return tables


def _session(master: str) -> Any:
    import os
    import sys

    from pyspark.sql import SparkSession

    # Workers must run this interpreter, the one where vnunion_nlp is installed; local mode reads
    # it from the environment when the context starts.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    return (
        SparkSession.builder.master(master)
        .appName("vnunion")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.pyspark.python", sys.executable)
        .getOrCreate()
    )


def read_inputs(spark: Any, inputs: list[str], glob: str | None = None) -> DataFrame:
    """Inputs as a DataFrame (id, text): JSONL and Parquet natively, text files by path."""
    from pathlib import Path

    frames = []
    for name in inputs:
        path = Path(name)
        if path.suffix == ".jsonl":
            frames.append(spark.read.json(str(path)).selectExpr("CAST(id AS STRING) AS id", "text"))
        elif path.suffix == ".parquet":
            frames.append(
                spark.read.parquet(str(path)).selectExpr("CAST(id AS STRING) AS id", "text")
            )
        else:
            pattern = str(path / (glob or "*.txt")) if path.is_dir() else str(path)
            pairs = spark.sparkContext.wholeTextFiles(pattern)
            root = str(path.resolve()) if path.is_dir() else str(path.resolve().parent)
            rows = pairs.map(lambda kv, root=root: (kv[0].split(root + "/", 1)[-1], kv[1]))
            frames.append(spark.createDataFrame(rows, "id string, text string"))
    frame: DataFrame = frames[0]
    for other in frames[1:]:
        frame = frame.unionByName(other)
    return frame


def run_spark_batch(
    inputs: list[str], out: str, *, master: str = "local[2]", glob: str | None = None
) -> int:
    """``vnunion batch --engine spark``: every table as Parquet under ``out``; exit code 0."""
    out_dir = out.removeprefix("parquet:")
    if out_dir.endswith(".duckdb"):
        out_dir = out_dir.removesuffix(".duckdb") + "-parquet"
    spark = _session(master)
    try:
        tables = extract_tables(read_inputs(spark, inputs, glob))
        write_parquet(tables, out_dir)
        counts = {name: frame.count() for name, frame in tables.items()}
    finally:
        spark.stop()
    print(
        f"vnunion batch (spark {master}) → {out_dir}: "
        + ", ".join(f"{name} {n}" for name, n in counts.items())
    )
    return 0


def write_parquet(tables: dict[str, DataFrame], out_dir: str) -> None:
    """Write each table as a Parquet dataset under ``out_dir/<table>``."""
    for name, frame in tables.items():
        frame.write.mode("overwrite").parquet(f"{out_dir}/{name}")


def row_as_dict(row: Any) -> dict[str, Any]:
    """A Spark Row as a plain dict (JSON columns as text), for comparisons and tests."""
    data: dict[str, Any] = row.asDict(recursive=True)
    plain: dict[str, Any] = json.loads(json.dumps(data, default=str))
    return plain
