"""Reading batch inputs: sources, ids and the encoding reported per item."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.conftest import TINY_ARTICLES, encode_cp1258
from vnunion_nlp.errors import InputError
from vnunion_nlp.inputs import InputItem, count_inputs, decode_item, iter_inputs

SENTENCE = TINY_ARTICLES[0]

# fmt: off
ENCODINGS = [
    # (bytes as stored, encoding reported)
    (SENTENCE.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + SENTENCE.encode("utf-8"), "utf-8-sig"),
    (SENTENCE.encode("utf-16"), "utf-16"),
    (SENTENCE.encode("utf-16-le"), "utf-16-le"),
    (SENTENCE.encode("utf-16-be"), "utf-16-be"),
    (encode_cp1258(SENTENCE), "cp1258"),
]
# fmt: on


@pytest.mark.parametrize(("data", "encoding"), ENCODINGS, ids=[e for _, e in ENCODINGS])
def test_encoding_is_detected_and_reported(data: bytes, encoding: str) -> None:
    import unicodedata

    text, name = decode_item(InputItem("x", data))
    assert name == encoding
    assert unicodedata.normalize("NFC", text).lstrip("\ufeff") == SENTENCE


BINARY = [
    ("nul-heavy", bytes(range(256)) * 8 + b"\x00" * 1024),
    ("png-header", b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" * 200),
]


@pytest.mark.parametrize("data", [b for _, b in BINARY], ids=[n for n, _ in BINARY])
def test_binary_is_an_input_error(data: bytes) -> None:
    with pytest.raises(InputError):
        decode_item(InputItem("x", data))


def test_directory_recursive_ids_relative_to_root(article_dir: Path) -> None:
    items = list(iter_inputs([str(article_dir)]))
    assert [i.id for i in items] == [
        "a1.txt",
        "b_binary.txt",
        "c_empty.txt",
        "d_cp1258.txt",
        "e_utf16.txt",
        "sub/f_bom.txt",
        "sub/g_page.html",
    ]
    assert [i.kind for i in items][-1] == "html"
    assert count_inputs([str(article_dir)]) == len(items)


def test_glob_filters_directory(article_dir: Path) -> None:
    items = list(iter_inputs([str(article_dir)], glob="*.html"))
    assert [i.id for i in items] == ["sub/g_page.html"]


def test_single_file_id_is_its_name(article_dir: Path) -> None:
    (item,) = iter_inputs([str(article_dir / "a1.txt")])
    assert item.id == "a1.txt"
    assert isinstance(item.data, bytes)


JSONL_ROWS = [
    {"id": "n1", "text": TINY_ARTICLES[0], "url": "https://example.test/n1"},
    {"id": "n2", "html": "<p>Công đoàn</p>", "published_at": "2024-03-12T08:00:00+07:00"},
    {"text": TINY_ARTICLES[1]},
    {"id": "n4"},
]


def _expect_jsonl(items: list[InputItem], origin: str) -> None:
    assert [i.id for i in items] == ["n1", "n2", f"{origin}:3", "n4", f"{origin}:5"]
    assert items[0].url == "https://example.test/n1"
    assert items[0].kind == "text"
    assert items[1].kind == "html"
    assert items[1].published_at is not None
    assert items[1].published_at.utcoffset() is not None
    assert items[3].error is not None
    assert "neither" in items[3].error
    assert items[4].error is not None
    assert "invalid JSON" in items[4].error


def test_jsonl_rows_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in JSONL_ROWS] + ["{not json", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    _expect_jsonl(list(iter_inputs([str(path)])), str(path))


def test_stdin_is_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [json.dumps(r, ensure_ascii=False) for r in JSONL_ROWS] + ["{not json"]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    _expect_jsonl(list(iter_inputs(["-"])), "<stdin>")


def test_parquet_has_the_jsonl_columns(tmp_path: Path) -> None:
    path = tmp_path / "feed.parquet"
    rows = JSONL_ROWS[:3]
    table = pa.table(
        {
            "id": [r.get("id") for r in rows],
            "text": [r.get("text") for r in rows],
            "html": [r.get("html") for r in rows],
            "url": [r.get("url") for r in rows],
        }
    )
    pq.write_table(table, path)
    items = list(iter_inputs([str(path)]))
    assert [i.id for i in items] == ["n1", "n2", f"{path}:3"]
    assert [i.kind for i in items] == ["text", "html", "text"]
    assert decode_item(items[0]) == (TINY_ARTICLES[0], "utf-8")
    assert count_inputs([str(path)]) == 3


def test_missing_input_is_a_caller_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        list(iter_inputs([str(tmp_path / "nope")]))


def test_content_hash_changes_with_content() -> None:
    assert InputItem("a", b"x").content_hash == InputItem("a", "x").content_hash
    assert InputItem("a", b"x").content_hash != InputItem("a", b"y").content_hash
