"""Input items for a batch: files, directories, JSONL, Parquet and ``-`` (JSONL on stdin).

Each source yields ``InputItem`` values lazily, one at a time, so a batch over an archive of any
size holds only the items in flight. Bytes are decoded by ``decode_item`` with the encoding named
(``vnunion_nlp.encoding.decode_bytes``: UTF-8, UTF-8 with BOM, UTF-16 by BOM or NUL pattern,
Windows-1258), and the name is written to the ``articles`` table: nothing is guessed silently.

Ids: a JSONL/Parquet row's ``id`` (else ``<file>:<line>``); a file's path relative to the input
root (the directory given, or the file name for a single file).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from vnunion_nlp.encoding import decode_bytes
from vnunion_nlp.errors import InputError

Kind = Literal["text", "html"]
TEXT_SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html"}
TABLE_SUFFIXES = {".jsonl", ".ndjson", ".parquet"}


@dataclass(frozen=True)
class InputItem:
    """One article to process, as read (not yet decoded).

    ``data`` is bytes for files and str for JSONL/Parquet rows; ``error`` is set (and ``data``
    empty) when the item itself could not be read, so the batch records it and goes on.
    """

    id: str
    data: bytes | str
    kind: Kind = "text"
    url: str | None = None
    published_at: dt.datetime | None = None
    origin: str = ""
    error: str | None = None

    @property
    def content_hash(self) -> str:
        """Hash of the raw content: a changed file is redone on resume."""
        raw = self.data.encode("utf-8") if isinstance(self.data, str) else self.data
        return hashlib.blake2b(raw, digest_size=8).hexdigest()


def decode_item(item: InputItem) -> tuple[str, str]:
    """The item's text and the encoding it was read with.

    JSONL and Parquet carry Unicode strings already (both formats are UTF-8), reported as
    ``utf-8``. Raises InputError for binary data.

    >>> decode_item(InputItem("a", "Công đoàn".encode("utf-16")))
    ('Công đoàn', 'utf-16')
    """
    if isinstance(item.data, str):
        return item.data, "utf-8"
    return decode_bytes(item.data)


def _parse_time(value: Any) -> dt.datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    try:
        return dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None


def _from_record(record: Any, fallback_id: str, origin: str) -> InputItem:
    if not isinstance(record, dict):
        return InputItem(fallback_id, "", origin=origin, error="row is not a JSON object")
    item_id = str(record.get("id") or fallback_id)
    html, text = record.get("html"), record.get("text")
    url = record.get("url") or None
    published = _parse_time(record.get("published_at"))
    if isinstance(html, str) and html and not (isinstance(text, str) and text):
        return InputItem(item_id, html, "html", url, published, origin)
    if isinstance(text, str):
        return InputItem(item_id, text, "text", url, published, origin)
    return InputItem(item_id, "", origin=origin, error="row has neither 'text' nor 'html'")


def iter_jsonl_lines(lines: Iterator[str], origin: str) -> Iterator[InputItem]:
    """Items from JSONL lines; a malformed line becomes an item carrying its error."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        fallback = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputItem(fallback, "", origin=origin, error=f"invalid JSON: {exc}")
            continue
        yield _from_record(record, fallback, origin)


def iter_jsonl(path: Path) -> Iterator[InputItem]:
    """Items from a JSONL file (UTF-8, a BOM tolerated), streamed line by line."""
    with path.open(encoding="utf-8-sig", errors="replace") as handle:
        yield from iter_jsonl_lines(handle, str(path))


def iter_parquet(path: Path, batch_rows: int = 256) -> Iterator[InputItem]:
    """Items from a Parquet file with the JSONL columns, read in record batches."""
    import pyarrow.parquet as pq

    reader = pq.ParquetFile(path)
    row = 0
    for batch in reader.iter_batches(batch_size=batch_rows):
        for record in batch.to_pylist():
            row += 1
            yield _from_record(record, f"{path}:{row}", str(path))


def _file_item(path: Path, item_id: str) -> InputItem:
    kind: Kind = "html" if TEXT_SUFFIXES.get(path.suffix.lower()) == "html" else "text"
    try:
        data = path.read_bytes()
    except OSError as exc:
        return InputItem(item_id, b"", kind, origin=str(path), error=f"cannot read: {exc}")
    return InputItem(item_id, data, kind, origin=str(path))


def _walk(root: Path, glob: str | None) -> Iterator[Path]:
    """Files under ``root`` a batch reads (recursive, sorted, hidden ones skipped).

    Without ``glob``: .txt/.html/.htm articles and .jsonl/.parquet tables; with it, what it
    matches.
    """
    for path in sorted(root.rglob(glob or "*")):
        if not path.is_file() or any(p.startswith(".") for p in path.relative_to(root).parts):
            continue
        suffix = path.suffix.lower()
        if suffix in TABLE_SUFFIXES or suffix in TEXT_SUFFIXES or glob is not None:
            yield path


def iter_directory(root: Path, glob: str | None = None) -> Iterator[InputItem]:
    """Items of the files under ``root`` (see ``_walk``); JSONL/Parquet files give their rows."""
    for path in _walk(root, glob):
        if path.suffix.lower() in TABLE_SUFFIXES:
            yield from iter_path(path)
        else:
            yield _file_item(path, path.relative_to(root).as_posix())


def iter_path(path: Path, glob: str | None = None) -> Iterator[InputItem]:
    """Items from one path: a directory, a JSONL/Parquet file or a single article file."""
    if path.is_dir():
        yield from iter_directory(path, glob)
        return
    suffix = path.suffix.lower()
    if suffix in {".jsonl", ".ndjson"}:
        yield from iter_jsonl(path)
    elif suffix == ".parquet":
        yield from iter_parquet(path)
    else:
        yield _file_item(path, path.name)


def iter_inputs(inputs: list[str], glob: str | None = None) -> Iterator[InputItem]:
    """Every item of every input, in order. ``-`` reads JSONL from standard input.

    Raises:
        InputError: an input path does not exist (a caller mistake, found before any work).
    """
    missing = [s for s in inputs if s != "-" and not Path(s).exists()]
    if missing:  # checked now, not at the first next(): a caller mistake fails before any work
        raise InputError(f"input not found: {', '.join(missing)}")
    return _iter_specs(inputs, glob)


def _iter_specs(inputs: list[str], glob: str | None) -> Iterator[InputItem]:
    for spec in inputs:
        if spec == "-":
            yield from iter_jsonl_lines(iter(sys.stdin.readline, ""), "<stdin>")
        else:
            yield from iter_path(Path(spec), glob)


def count_inputs(inputs: list[str], glob: str | None = None) -> int | None:
    """Number of items, when cheap to know (None with stdin): sizes the progress bar."""
    if "-" in inputs:
        return None
    total = 0
    for spec in inputs:
        path = Path(spec)
        for p in _walk(path, glob) if path.is_dir() else [path]:
            suffix = p.suffix.lower()
            if suffix in {".jsonl", ".ndjson"}:
                with p.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            elif suffix == ".parquet":
                import pyarrow.parquet as pq

                total += pq.ParquetFile(p).metadata.num_rows
            else:
                total += 1
    return total


__all__ = ["InputError", "InputItem", "count_inputs", "decode_item", "iter_inputs"]
