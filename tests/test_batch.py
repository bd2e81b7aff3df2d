"""``run_batch``: bad inputs go to ``errors`` and the batch goes on; reruns are identical;
a batch killed with SIGKILL resumes without duplicates; exit codes."""

from __future__ import annotations

import argparse
import multiprocessing
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import duckdb
import pytest

from vnunion_nlp import batch
from vnunion_nlp.batch import BatchSummary, batch_exit_code, format_summary, run_batch
from vnunion_nlp.warehouse import TABLES

META_COLUMNS = {"run_id", "extracted_at", "pipeline_version"}


def tables(path: Path, drop_meta: bool = False) -> dict[str, list[tuple[Any, ...]]]:
    """Every table but ``runs``, sorted by key; optionally without the per-run columns."""
    conn = duckdb.connect(str(path), read_only=True)
    try:
        out = {}
        for table in TABLES.values():
            if table.name == "runs":
                continue
            names = [c for c in table.column_names if not (drop_meta and c in META_COLUMNS)]
            cols = ", ".join(f'"{n}"' for n in names)
            sql = f'SELECT {cols} FROM "{table.name}" ORDER BY "{table.key}"'
            out[table.name] = conn.execute(sql).fetchall()
        return out
    finally:
        conn.close()


def query(path: Path, sql: str) -> list[tuple[Any, ...]]:
    conn = duckdb.connect(str(path), read_only=True)
    try:
        return list(conn.execute(sql).fetchall())
    finally:
        conn.close()


def test_bad_inputs_in_the_middle_are_errors_and_the_batch_goes_on(
    article_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "w.duckdb"
    summary = run_batch([str(article_dir)], out=str(out), progress=False)
    assert summary.fatal is None
    assert (summary.seen, summary.articles, summary.failed) == (7, 5, 2)
    assert dict(summary.errors_by_stage) == {"decode": 1, "empty": 1}
    assert batch_exit_code(summary) == 1
    errors = query(out, "SELECT input_id, stage FROM errors ORDER BY input_id")
    assert errors == [("b_binary.txt", "decode"), ("c_empty.txt", "empty")]
    encodings = dict(query(out, "SELECT input_id, encoding FROM articles"))
    assert encodings == {
        "a1.txt": "utf-8",
        "d_cp1258.txt": "cp1258",
        "e_utf16.txt": "utf-16",
        "sub/f_bom.txt": "utf-8-sig",
        "sub/g_page.html": "utf-8",
    }
    # CP1258 decodes to combining tone marks; the pipeline's NFC composes them.
    (text,) = query(out, "SELECT text FROM articles WHERE input_id = 'd_cp1258.txt'")[0]
    assert "người lao động" in text
    report = format_summary(summary)
    assert "5 articles, 2 failed" in report
    assert "decode 1, empty 1" in report


def test_rerun_is_identical_and_skips_everything(article_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "w.duckdb"
    run_batch([str(article_dir)], out=str(out), progress=False)
    first = tables(out)
    again = run_batch([str(article_dir)], out=str(out), progress=False)
    assert (again.skipped, again.articles, again.failed) == (7, 0, 0)
    assert batch_exit_code(again) == 0
    assert tables(out) == first
    assert len(query(out, "SELECT * FROM runs WHERE status = 'done'")) == 2


def test_force_reprocesses_to_the_same_rows(article_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "w.duckdb"
    run_batch([str(article_dir)], out=str(out), progress=False)
    first = tables(out, drop_meta=True)
    forced = run_batch([str(article_dir)], out=str(out), progress=False, force=True)
    assert (forced.skipped, forced.articles, forced.failed) == (0, 5, 2)
    assert tables(out, drop_meta=True) == first


def test_changed_file_is_redone(article_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "w.duckdb"
    run_batch([str(article_dir)], out=str(out), progress=False)
    (article_dir / "c_empty.txt").write_text("Tin mới\n\nCông đoàn phường thăm hỏi đoàn viên.")
    summary = run_batch([str(article_dir)], out=str(out), progress=False)
    assert (summary.skipped, summary.articles) == (6, 1)
    assert query(out, "SELECT input_id FROM errors") == [("b_binary.txt",)]


def test_two_workers_give_the_same_tables(article_dir: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    run_batch([str(article_dir)], out=str(one), progress=False)
    summary = run_batch([str(article_dir)], out=str(two), workers=2, chunk_size=2, progress=False)
    assert (summary.articles, summary.failed) == (5, 2)
    assert tables(two, drop_meta=True) == tables(one, drop_meta=True)


@pytest.mark.parametrize(
    ("articles", "chunk_size", "commit_size", "transactions"),
    [
        (12, 2, 5, [6, 6]),  # whole chunks are gathered until at least commit_size
        (13, 2, 5, [6, 6, 1]),  # the last transaction holds what is left
        (5, 32, 256, [5]),  # fewer articles than one commit: one transaction at the end
        (6, 3, 1, [3, 3]),  # a commit_size below the chunk size commits every chunk
    ],
)
def test_articles_are_committed_commit_size_at_a_time(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    articles: int,
    chunk_size: int,
    commit_size: int,
    transactions: list[int],
) -> None:
    root, out = tmp_path / "in", tmp_path / "w.duckdb"
    _generate(root, articles)
    sizes: list[int] = []
    real_open_sink = batch.open_sink

    def recording_sink(target: str) -> Any:
        sink = real_open_sink(target)
        real_write = sink.write_batch

        def write_batch(units: Any) -> None:
            sizes.append(len(units))
            real_write(units)

        sink.write_batch = write_batch
        return sink

    monkeypatch.setattr(batch, "open_sink", recording_sink)
    summary = run_batch(
        [str(root)], out=str(out), chunk_size=chunk_size, commit_size=commit_size, progress=False
    )
    assert sizes == transactions
    assert summary.articles == articles
    assert query(out, "SELECT count(*) FROM inputs") == [(articles,)]


def test_extractor_exception_and_timeout_are_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from vnunion_nlp import pipeline

    real = pipeline.extract

    def flaky(text: str, **kwargs: Any) -> Any:
        if "NỔ" in text:
            raise RuntimeError("extractor bug")
        if "CHẬM" in text:
            time.sleep(5)
        return real(text, **kwargs)

    monkeypatch.setattr(pipeline, "extract", flaky)
    root = tmp_path / "in"
    root.mkdir()
    for name, body in [
        ("1.txt", "Tin một\n\nCông đoàn họp."),
        ("2.txt", "NỔ"),
        ("3.txt", "CHẬM"),
        ("4.txt", "Tin bốn\n\nĐoàn viên dự họp."),
    ]:
        (root / name).write_text(body, encoding="utf-8")
    summary = run_batch([str(root)], out=str(tmp_path / "w.duckdb"), timeout=0.5, progress=False)
    assert (summary.articles, summary.failed) == (2, 2)
    errors = query(tmp_path / "w.duckdb", "SELECT input_id, stage, message FROM errors ORDER BY 1")
    assert [(i, s) for i, s, _ in errors] == [("2.txt", "extract"), ("3.txt", "timeout")]
    assert "extractor bug" in errors[0][2]


def test_jsonl_input_with_limit(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        "\n".join(
            f'{{"id": "n{i}", "text": "Tin {i}\\n\\nCông đoàn số {i} họp."}}' for i in range(5)
        ),
        encoding="utf-8",
    )
    out = tmp_path / "w.duckdb"
    first = run_batch([str(feed)], out=str(out), limit=2, progress=False)
    assert first.articles == 2
    rest = run_batch([str(feed)], out=str(out), progress=False)
    assert (rest.skipped, rest.articles) == (2, 3)


def test_parquet_and_jsonl_outputs(article_dir: Path, tmp_path: Path) -> None:
    for out in (f"parquet:{tmp_path / 'pq'}", f"jsonl:{tmp_path / 'js'}"):
        summary = run_batch([str(article_dir)], out=out, progress=False)
        assert (summary.articles, summary.failed) == (5, 2), out
    assert (tmp_path / "pq" / "articles.parquet").is_file()
    lines = (tmp_path / "js" / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2


EXIT_CODES = [
    ("all-ok", BatchSummary(articles=3), 0),
    ("all-skipped", BatchSummary(skipped=3), 0),
    ("nothing-to-do", BatchSummary(), 0),
    ("some-failed", BatchSummary(articles=3, failed=1), 1),
    ("interrupted", BatchSummary(articles=3, fatal="interrupted", interrupted=True), 1),
    ("all-failed", BatchSummary(failed=2), 2),
    ("fatal", BatchSummary(fatal="cannot open output"), 2),
]


@pytest.mark.parametrize(
    ("summary", "code"), [(s, c) for _, s, c in EXIT_CODES], ids=[n for n, _, _ in EXIT_CODES]
)
def test_exit_codes(summary: BatchSummary, code: int) -> None:
    assert batch_exit_code(summary) == code


def test_missing_input_means_nothing_could_run(tmp_path: Path) -> None:
    summary = run_batch([str(tmp_path / "nope")], out=str(tmp_path / "w.duckdb"), progress=False)
    assert summary.fatal
    assert "not found" in summary.fatal
    assert batch_exit_code(summary) == 2
    assert "nothing could run" in format_summary(summary)


def test_run_from_args_prints_summary(article_dir: Path, tmp_path: Path, capsys: Any) -> None:
    parser = argparse.ArgumentParser()
    batch.add_batch_arguments(parser)
    ns = parser.parse_args([str(article_dir), "--out", str(tmp_path / "w.duckdb"), "--no-progress"])
    assert batch.run_from_args(ns) == 1
    assert "5 articles, 2 failed" in capsys.readouterr().out


def _generate(root: Path, n: int) -> None:
    root.mkdir()
    for i in range(n):
        body = (
            f"Tin công đoàn số {i}\n\nSáng {i % 28 + 1}/3, Công đoàn cơ sở số {i} tổ chức"
            f" hội nghị với {i + 20} đoàn viên tham dự."
        )
        (root / f"{i:04d}.txt").write_text(body, encoding="utf-8")


STOPS = [
    ("kill-9", signal.SIGKILL, 1),
    ("ctrl-c", signal.SIGINT, 1),
    ("ctrl-c-workers", signal.SIGINT, 2),
]


@pytest.mark.parametrize(
    ("stop", "workers"), [(s, w) for _, s, w in STOPS], ids=[n for n, _, _ in STOPS]
)
def test_stop_midway_then_resume(tmp_path: Path, stop: signal.Signals, workers: int) -> None:
    root, out, clean = tmp_path / "in", tmp_path / "w.duckdb", tmp_path / "clean.duckdb"
    n = 400
    _generate(root, n)
    cmd = [
        sys.executable,
        "-m",
        "vnunion_nlp.batch",
        str(root),
        "--out",
        str(out),
        "--chunk-size",
        "2",
        "--commit-size",
        "2",
        "--progress",
        "--workers",
        str(workers),
    ]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, env={**os.environ, "COLUMNS": "80"})
    assert proc.stderr is not None
    seen, buffer = 0, b""
    deadline = time.monotonic() + 120
    while seen < 20 and time.monotonic() < deadline:
        chunk = os.read(proc.stderr.fileno(), 256)
        if not chunk:
            break
        buffer = (buffer + chunk)[-200:]
        counts = re.findall(rb"(\d+)/%d" % n, buffer)
        seen = int(counts[-1]) if counts else 0
    os.kill(proc.pid, stop)
    rest = proc.stderr.read()
    code = proc.wait(timeout=60)
    assert 20 <= seen < n, f"the signal did not land mid-run (saw {seen})"
    if stop == signal.SIGINT:  # a clean stop: exit code 1 and the advice to rerun
        assert code == 1, rest.decode(errors="replace")[-500:]
        assert query(out, "SELECT count(*) FROM runs WHERE status = 'interrupted'") == [(1,)]

    summary = run_batch([str(root)], out=str(out), chunk_size=2, progress=False)
    assert summary.skipped >= 20 - 2
    assert summary.skipped + summary.articles == n
    assert query(out, "SELECT count(*), count(DISTINCT input_id) FROM inputs") == [(n, n)]
    run_batch([str(root)], out=str(clean), chunk_size=2, progress=False)
    assert tables(out, drop_meta=True) == tables(clean, drop_meta=True)


@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork",
    reason="needs fork start method: the monkeypatch must reach the workers",
)
def test_worker_crash_blames_only_its_item(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from vnunion_nlp import pipeline

    real = pipeline.extract

    def crashing(text: str, **kwargs: Any) -> Any:
        if "SẬP" in text:
            os._exit(1)  # a segfault or an out-of-memory kill, as the pool sees it
        return real(text, **kwargs)

    monkeypatch.setattr(pipeline, "extract", crashing)
    root = tmp_path / "in"
    _generate(root, 6)
    (root / "0002.txt").write_text("Tin SẬP\n\nCông đoàn họp.", encoding="utf-8")
    out = tmp_path / "w.duckdb"
    summary = run_batch([str(root)], out=str(out), workers=2, chunk_size=3, progress=False)
    assert (summary.articles, summary.failed) == (5, 1)
    assert query(out, "SELECT input_id, stage FROM errors") == [("0002.txt", "worker")]
