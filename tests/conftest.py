"""Shared fixtures. Keep it small: each fixture here is used by more than one test module."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

# Invented sentences in the style of union news (no real article text).
TINY_ARTICLES = [
    "Đại hội Công đoàn xã Tân Phú\n\nSáng 12/3, Công đoàn xã Tân Phú tổ chức Đại hội lần thứ V,"
    " nhiệm kỳ 2023 - 2028. Ông Trần Văn Lộc được bầu làm Chủ tịch.",
    "Hội nghị người lao động\n\nChiều 4/6, Công đoàn cơ sở Công ty Minh Hà tổ chức hội nghị"
    " với 120 đại biểu tham dự.",
    "Tháng Công nhân\n\nLiên đoàn Lao động huyện Đông Sơn phát động Tháng Công nhân năm 2024,"
    " trao 35 suất quà cho đoàn viên khó khăn.",
]

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def encode_cp1258(text: str) -> bytes:
    """Text as Windows-1258 writes it: base letters precomposed, tone marks combining."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
            tones = "".join(c for c in parts if c in _TONES)
            out += (base + tones).encode("cp1258")
    return bytes(out)


@pytest.fixture
def article_dir(tmp_path: Path) -> Path:
    """A directory of good articles with bad inputs in the middle (sorted by name)."""
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a1.txt").write_text(TINY_ARTICLES[0], encoding="utf-8")
    (root / "b_binary.txt").write_bytes(bytes(range(256)) * 4 + b"\x00" * 512)
    (root / "c_empty.txt").write_bytes(b"")
    (root / "d_cp1258.txt").write_bytes(encode_cp1258(TINY_ARTICLES[1]))
    (root / "e_utf16.txt").write_bytes(TINY_ARTICLES[2].encode("utf-16"))
    (root / "sub" / "f_bom.txt").write_bytes(b"\xef\xbb\xbf" + TINY_ARTICLES[2][:40].encode())
    (root / "sub" / "g_page.html").write_text(
        "<html><head><title>Tin công đoàn</title></head><body><article><h1>Tin công đoàn</h1>"
        f"<p>{TINY_ARTICLES[1].split(chr(10))[-1]}</p></article></body></html>",
        encoding="utf-8",
    )
    (root / "notes.csv").write_text("skipped,by,default\n", encoding="utf-8")
    return root
