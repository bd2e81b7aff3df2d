"""``vnunion batch``: many articles into warehouse tables, in parallel, resumable.

Flow: inputs are read lazily (``inputs.iter_inputs``) → items already in the sink's ``inputs``
ledger with the same content hash are skipped (unless ``force``) → chunks of ``chunk_size`` items
go to worker processes (at most ``2 × workers`` chunks in flight, so memory stays flat) → each
worker runs the pipeline and turns every article into rows → the single writer (this process)
gathers finished chunks and writes ``commit_size`` items at a time in one transaction with their
ledger rows. A run killed at any point resumes with the same command: finished inputs are
skipped, what was not yet committed is redone.

A bad input (unreadable, binary, empty, extractor exception, timeout, worker crash) becomes an
``errors`` row with its input id, stage and message; the batch goes on. Exit codes from
``batch_exit_code``: 0 all succeeded, 1 some failed, 2 nothing could run.

The CLI calls ``add_batch_arguments(parser)`` and ``run_from_args(namespace)``.
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures as cf
import datetime as dt
import itertools
import logging
import signal
import sys
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from types import FrameType
from typing import Any, TextIO

from vnunion_nlp.errors import W_EMPTY, InputError, VnUnionError
from vnunion_nlp.inputs import InputItem, count_inputs, decode_item, iter_inputs
from vnunion_nlp.records import RECORD_TYPES, SCHEMA_VERSION
from vnunion_nlp.sinks import Unit, open_sink
from vnunion_nlp.warehouse import Meta, article_rows, error_rows, to_json

log = logging.getLogger("vnunion_nlp.batch")

EXIT_OK, EXIT_SOME_FAILED, EXIT_NOTHING_RAN = 0, 1, 2
DEFAULT_TIMEOUT = 120.0  # seconds per article; no real article comes near it
SUMMARY_TABLES = [*RECORD_TYPES, "official_positions", "sections"]


def _version() -> str:
    try:
        from vnunion_nlp import __version__

        return str(__version__)
    except ImportError:  # pragma: no cover - pipeline not importable
        from importlib import metadata

        return metadata.version("vnunion_nlp")


@dataclass
class BatchSummary:
    """What a batch did; ``format_summary`` prints it and ``batch_exit_code`` judges it."""

    run_id: str = ""
    out: str = ""
    seen: int = 0
    skipped: int = 0
    articles: int = 0
    failed: int = 0
    records: Counter[str] = field(default_factory=Counter)
    errors_by_stage: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    fatal: str | None = None
    interrupted: bool = False

    @property
    def rate(self) -> float:
        """Articles (ok or failed) processed per second."""
        done = self.articles + self.failed
        return done / self.seconds if self.seconds > 0 else 0.0


class _TimeoutError(Exception):  # not TimeoutError: that one the pipeline may raise
    pass


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise _TimeoutError


# Per-process state: the pipeline is imported (models and lexicons loaded) once per worker.
_STATE: dict[str, Any] = {}


def _init_worker(run_id: str, version: str, timeout: float | None) -> None:
    from vnunion_nlp import pipeline

    _STATE.update(pipeline=pipeline, run_id=run_id, version=version, timeout=timeout)
    if _multiprocess_child():
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the writer's to handle


def _multiprocess_child() -> bool:
    """True inside a worker process of the pool."""
    import multiprocessing

    return multiprocessing.parent_process() is not None


def _process_one(item: InputItem) -> Unit:
    meta = Meta(
        run_id=_STATE["run_id"],
        extracted_at=dt.datetime.now(dt.UTC),
        pipeline_version=_STATE["version"],
    )
    digest = item.content_hash
    encoding: str | None = None

    def failed(stage: str, message: str) -> Unit:
        rows = error_rows(
            input_id=item.id,
            input_hash=digest,
            origin=item.origin,
            stage=stage,
            message=message,
            encoding=encoding,
            meta=meta,
        )
        return Unit(item.id, rows)

    if item.error is not None:
        return failed("read", item.error)
    try:
        text, encoding = decode_item(item)
    except InputError as exc:
        return failed("decode", str(exc))
    if not text.strip():
        return failed("empty", "the document has no text")
    pipeline = _STATE["pipeline"]
    timeout = _STATE.get("timeout")
    use_alarm = bool(timeout) and hasattr(signal, "setitimer")
    try:
        if use_alarm:
            previous = signal.signal(signal.SIGALRM, _on_alarm)
            signal.setitimer(signal.ITIMER_REAL, float(timeout or 0))
        try:
            if item.kind == "html":
                article = pipeline.extract_html(text, url=item.url, source=item.id)
            else:
                article = pipeline.extract(
                    text, source=item.id, url=item.url, published_at=item.published_at
                )
        finally:
            if use_alarm:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
    except _TimeoutError:
        return failed("timeout", f"extraction took longer than {timeout} s")
    except Exception as exc:  # one article's failure must not stop the batch
        log.debug("extract failed on %s", item.id, exc_info=True)
        return failed("extract", f"{type(exc).__name__}: {exc}")
    if any(w.code == W_EMPTY for w in article.warnings) or not article.text.strip():
        return failed("empty", "no text left after normalisation")
    rows = article_rows(
        article,
        input_id=item.id,
        input_hash=digest,
        encoding=encoding,
        input_kind=item.kind,
        meta=meta,
        origin=item.origin,
    )
    return Unit(item.id, rows)


def _process_chunk(items: list[InputItem]) -> list[Unit]:
    return [_process_one(item) for item in items]


def _chunks(items: Iterator[InputItem], size: int) -> Iterator[list[InputItem]]:
    while chunk := list(itertools.islice(items, size)):
        yield chunk


def _progress(total: int | None, enabled: bool) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, disable=not enabled, unit="art", dynamic_ncols=True, smoothing=0.1)


def _tally(summary: BatchSummary, units: Sequence[Unit]) -> None:
    for unit in units:
        errors = unit.rows.get("errors", [])
        if errors:
            summary.failed += 1
            summary.errors_by_stage[str(errors[0]["stage"])] += 1
        else:
            summary.articles += 1
            for table in SUMMARY_TABLES:
                summary.records[table] += len(unit.rows.get(table, []))


def _crash_unit(item: InputItem, exc: BaseException, run_id: str, version: str) -> Unit:
    """The worker running ``item`` alone died (segfault, out of memory): an error row."""
    meta = Meta(run_id=run_id, extracted_at=dt.datetime.now(dt.UTC), pipeline_version=version)
    rows = error_rows(
        input_id=item.id,
        input_hash=item.content_hash,
        origin=item.origin,
        stage="worker",
        message=f"the worker process died: {type(exc).__name__}: {exc}",
        encoding=None,
        meta=meta,
    )
    return Unit(item.id, rows)


def _catch_sigint(summary: BatchSummary) -> Any:
    """Note Ctrl-C on the summary before raising, so it is told apart from a sink failure.

    Returns the previous handler (None off the main thread, where signals cannot be set).
    """
    import threading

    if threading.current_thread() is not threading.main_thread():
        return None

    def on_sigint(signum: int, frame: FrameType | None) -> None:
        summary.interrupted = True
        raise KeyboardInterrupt

    return signal.signal(signal.SIGINT, on_sigint)


def run_batch(
    inputs: list[str],
    out: str = "vnunion.duckdb",
    workers: int = 1,
    glob: str | None = None,
    force: bool = False,
    chunk_size: int = 32,
    commit_size: int = 256,
    progress: bool | None = None,
    limit: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> BatchSummary:
    """Process every input into the sink ``out``; never raises for a bad article.

    Args:
        inputs: files, directories, JSONL/Parquet files, or ``-`` for JSONL on stdin.
        out: a ``.duckdb`` file, ``parquet:DIR``, ``jsonl:DIR`` or ``postgresql://…``.
        workers: processes; 1 runs in this process.
        glob: file-name pattern inside directories (default: .txt, .html, .htm, .jsonl,
            .parquet).
        force: reprocess inputs already finished.
        chunk_size: items per worker task.
        commit_size: items per write transaction (at least; the last holds what is left). Each
            transaction costs the writer tens of milliseconds whatever its size, so small ones
            made the single writer the bottleneck of a parallel run.
        progress: show a bar; default when stderr is a terminal.
        limit: process at most this many new (not skipped) inputs.
        timeout: seconds per article before it is recorded as a ``timeout`` error.

    Returns:
        The summary. A caller mistake (missing input, unknown output) or an unreachable sink
        is reported in ``summary.fatal`` (exit code 2), not raised.
    """
    start = time.monotonic()
    started_at = dt.datetime.now(dt.UTC)
    summary = BatchSummary(run_id=uuid.uuid4().hex, out=out)
    version = _version()
    if progress is None:
        progress = sys.stderr.isatty()
    try:
        sink = open_sink(out)
        sink.open()
    except Exception as exc:
        summary.fatal = f"cannot open output {out!r}: {exc}"
        return summary
    run_row: dict[str, Any] = {
        "run_id": summary.run_id,
        "started_at": started_at,
        "finished_at": None,
        "status": "running",
        "command": to_json(
            {"inputs": inputs, "out": out, "workers": workers, "glob": glob, "force": force}
        ),
        "schema_version": SCHEMA_VERSION,
        "pipeline_version": version,
    }
    previous_handler = _catch_sigint(summary)
    try:
        sink.write_run(run_row)
        done = {} if force else sink.finished()
        items = iter_inputs(inputs, glob)
        total = count_inputs(inputs, glob) if progress else None
        bar = _progress(total, progress)

        def todo() -> Iterator[InputItem]:
            fresh = 0
            for item in items:
                if done.get(item.id) == item.content_hash:
                    summary.seen += 1
                    summary.skipped += 1
                    bar.update(1)
                    continue
                if limit is not None and fresh >= limit:
                    return
                summary.seen += 1
                fresh += 1
                yield item

        gathered: list[Unit] = []

        def commit() -> None:
            units = gathered.copy()
            gathered.clear()
            if units:
                sink.write_batch(units)
                _tally(summary, units)
                bar.update(len(units))

        def write(units: list[Unit]) -> None:
            gathered.extend(units)
            if len(gathered) >= commit_size:
                commit()

        try:
            _run(todo(), write, summary.run_id, version, workers, chunk_size, timeout)
            commit()
        finally:
            bar.close()
    except KeyboardInterrupt:
        summary.interrupted = True
    except (InputError, VnUnionError, OSError) as exc:
        summary.fatal = str(exc)
    except Exception as exc:  # the sink failed mid-run: report it, keep what was committed
        if not summary.interrupted:  # DuckDB turns Ctrl-C inside a query into RuntimeError
            log.exception("batch stopped")
            summary.fatal = f"{type(exc).__name__}: {exc}"
    finally:
        if previous_handler is not None:
            signal.signal(signal.SIGINT, previous_handler)
        if summary.interrupted:
            summary.fatal = "interrupted; run the same command again to resume"
        summary.seconds = time.monotonic() - start
        run_row.update(
            finished_at=dt.datetime.now(dt.UTC),
            status="interrupted" if summary.interrupted else "failed" if summary.fatal else "done",
            inputs_seen=summary.seen,
            skipped=summary.skipped,
            articles=summary.articles,
            failed=summary.failed,
            seconds=round(summary.seconds, 3),
        )
        try:
            sink.write_run(run_row)
        except Exception:  # the run row is bookkeeping: never hide the real outcome for it
            log.warning("could not record the run", exc_info=True)
        finally:
            sink.close()
    return summary


def _run(
    items: Iterator[InputItem],
    write: Callable[[list[Unit]], None],
    run_id: str,
    version: str,
    workers: int,
    chunk_size: int,
    timeout: float | None,
) -> None:
    chunks = _chunks(items, max(1, chunk_size))
    if workers <= 1:
        _init_worker(run_id, version, timeout)
        for chunk in chunks:
            write(_process_chunk(chunk))
        return
    _Pool(workers, run_id, version, timeout).run(chunks, write)


class _Pool:
    """Worker processes with at most ``2 × workers`` chunks in flight.

    When a worker dies, every chunk in flight fails with BrokenProcessPool, and nothing tells
    which item killed it. The pool is rebuilt, the items of those chunks become suspects, and each
    suspect runs alone once nothing else is in flight: a crash then is its own (stage
    ``worker``), and its neighbours are never blamed.
    """

    def __init__(self, workers: int, run_id: str, version: str, timeout: float | None) -> None:
        self.workers = workers
        self.args = (run_id, version, timeout)
        self.generation = 0
        self.pool = self._new()
        # future → (its chunk, pool generation, whether it runs alone)
        self.pending: dict[cf.Future[list[Unit]], tuple[list[InputItem], int, bool]] = {}
        self.suspects: collections.deque[InputItem] = collections.deque()

    def _new(self) -> cf.ProcessPoolExecutor:
        return cf.ProcessPoolExecutor(self.workers, initializer=_init_worker, initargs=self.args)

    def _submit(self, chunk: list[InputItem], alone: bool = False) -> None:
        future = self.pool.submit(_process_chunk, chunk)
        self.pending[future] = (chunk, self.generation, alone)

    def _step(self, write: Callable[[list[Unit]], None]) -> None:
        """Start the next suspect if nothing else runs, then collect what finishes."""
        if self.suspects and not self.pending:
            self._submit([self.suspects.popleft()], alone=True)
        finished, _ = cf.wait(self.pending, return_when=cf.FIRST_COMPLETED)
        for future in finished:
            chunk, generation, alone = self.pending.pop(future)
            try:
                units = future.result()
            except (BrokenProcessPool, cf.CancelledError) as exc:
                if generation == self.generation:
                    self.pool.shutdown(wait=False, cancel_futures=True)
                    self.generation += 1
                    self.pool = self._new()
                if not alone or isinstance(exc, cf.CancelledError):
                    self.suspects.extend(chunk)
                    continue
                run_id, version, _ = self.args
                units = [_crash_unit(chunk[0], exc, run_id, version)]
            write(units)

    def run(self, chunks: Iterator[list[InputItem]], write: Callable[[list[Unit]], None]) -> None:
        try:
            for chunk in chunks:
                while self.suspects or len(self.pending) >= 2 * self.workers:
                    self._step(write)
                self._submit(chunk)
            while self.suspects or self.pending:
                self._step(write)
        finally:
            self.pool.shutdown(wait=True, cancel_futures=True)


def format_summary(summary: BatchSummary) -> str:
    """The closing summary: articles, records per type, errors, time, rate."""
    lines = []
    if summary.fatal and not summary.interrupted and summary.seen == 0:
        return f"vnunion batch: nothing could run: {summary.fatal}"
    lines.append(
        f"vnunion batch → {summary.out}: {summary.articles} articles, {summary.failed} failed, "
        f"{summary.skipped} skipped (already done) of {summary.seen} inputs "
        f"in {summary.seconds:.1f} s ({summary.rate:.1f} articles/s)"
    )
    if summary.records:
        per_type = ", ".join(f"{t} {summary.records[t]}" for t in SUMMARY_TABLES)
        lines.append(f"  records: {per_type}")
    if summary.failed:
        stages = ", ".join(f"{s} {n}" for s, n in sorted(summary.errors_by_stage.items()))
        lines.append(f"  {summary.failed} inputs failed ({stages}); see the errors table")
    if summary.fatal:
        lines.append(f"  stopped: {summary.fatal}")
    lines.append(f"  run_id {summary.run_id}")
    return "\n".join(lines)


def batch_exit_code(summary: BatchSummary) -> int:
    """0 all succeeded, 1 some failed (or the run was interrupted), 2 nothing could run."""
    if summary.fatal and summary.articles == 0 and summary.skipped == 0:
        return EXIT_NOTHING_RAN
    if summary.failed and summary.articles == 0 and summary.skipped == 0:
        return EXIT_NOTHING_RAN
    if summary.failed or summary.fatal:
        return EXIT_SOME_FAILED
    return EXIT_OK


def add_batch_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``vnunion batch`` options, in Input / Output / Processing groups."""
    group = parser.add_argument_group("input")
    group.add_argument(
        "inputs", nargs="+", help="files, directories, .jsonl/.parquet files, or - for stdin"
    )
    group.add_argument("--glob", help="file pattern inside directories, e.g. '*.txt'")
    group.add_argument("--limit", type=int, help="process at most N new inputs")
    group = parser.add_argument_group("output")
    group.add_argument(
        "--out",
        default="vnunion.duckdb",
        help="a .duckdb file (default vnunion.duckdb), parquet:DIR, jsonl:DIR or postgresql://…",
    )
    group.add_argument("--force", action="store_true", help="reprocess finished inputs")
    group = parser.add_argument_group("processing")
    group.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    group.add_argument("--chunk-size", type=int, default=32, help="articles per task (32)")
    group.add_argument(
        "--commit-size", type=int, default=256, help="articles per write transaction (256)"
    )
    group.add_argument(
        "--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds per article (120)"
    )
    group.add_argument(
        "--engine",
        choices=["local", "spark"],
        default="local",
        help="local processes (default) or Spark, which writes Parquet (pip install '.[spark]')",
    )
    group.add_argument("--master", default="local[2]", help="Spark master with --engine spark")
    bar = group.add_mutually_exclusive_group()
    bar.add_argument(
        "--progress", dest="progress", action="store_true", default=None, help="force a bar"
    )
    bar.add_argument(
        "--no-progress", dest="progress", action="store_false", help="no bar (default off a TTY)"
    )


def run_from_args(args: argparse.Namespace, stream: TextIO | None = None) -> int:
    """Run ``vnunion batch`` from parsed arguments; print the summary; return the exit code."""
    if getattr(args, "engine", "local") == "spark":
        from vnunion_nlp.spark import run_spark_batch

        return run_spark_batch(list(args.inputs), args.out, master=args.master, glob=args.glob)
    summary = run_batch(
        list(args.inputs),
        out=args.out,
        workers=args.workers,
        glob=args.glob,
        force=args.force,
        chunk_size=args.chunk_size,
        commit_size=args.commit_size,
        progress=args.progress,
        limit=args.limit,
        timeout=args.timeout or None,
    )
    print(format_summary(summary), file=stream or sys.stdout)
    return batch_exit_code(summary)


def main(argv: list[str] | None = None) -> int:
    """``python -m vnunion_nlp.batch …``: the batch without the rest of the CLI."""
    parser = argparse.ArgumentParser(prog="vnunion batch")
    add_batch_arguments(parser)
    return run_from_args(parser.parse_args(argv))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


__all__ = [
    "BatchSummary",
    "add_batch_arguments",
    "batch_exit_code",
    "format_summary",
    "run_batch",
    "run_from_args",
]
