"""Bytes to text with the encoding named (UTF-8 ± BOM, UTF-16, Windows-1258), never guessed.

Why by hand: charset detectors confuse Windows-1258 with Windows-1252 on Vietnamese text (both
decode without error); what tells them apart is that 1258 text decodes into valid Vietnamese
syllables with combining tone marks, which we check directly.
"""

from __future__ import annotations

import codecs

import ftfy
import regex

from vnunion_nlp.engine import HOLD_GIL
from vnunion_nlp.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MOJIBAKE = regex.compile(r"(?:Ã[\x80-\xbf¡-ÿ]|Ä[\x80-\xbf‘-’]|á»|áº|Æ°|Ä‘)")
# Every match holds one of these characters (the pattern ignores no case: Ã, Ä or Æ first, or »
# or º after á). Most texts hold none of them, which one memchr-speed search per character tells
# before the pattern scans the text (searching for "á»" would cost 30 times more: á is frequent).
_MOJIBAKE_MARKS = "ÃÄÆ»º"
_MOJIBAKE_SCAN = 20000  # characters of the text the pattern reads


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode bytes; return (text, encoding name). Raises InputError for binary data.

    >>> decode_bytes("Công đoàn".encode("utf-8"))
    ('Công đoàn', 'utf-8')
    >>> decode_bytes("Công đoàn".encode("utf-16"))[1]
    'utf-16'
    >>> decode_bytes("Công đoàn".encode("cp1258"))[1]
    'cp1258'
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name), name
    sample = data[:4096]
    if sample and sample.count(0) / len(sample) > 0.2:
        # Text in UTF-16 without a BOM has a NUL in every other byte; anything else is binary.
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        name = "utf-16-le" if odd > even else "utf-16-be"
        try:
            text = data.decode(name)
        except UnicodeDecodeError as exc:
            raise InputError("binary data, not text") from exc
        if _looks_textual(text):
            return text, name
        raise InputError("binary data, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if sample.count(0) or not _looks_textual(data[:4096].decode("latin-1")):
        raise InputError("binary data, not text")
    return data.decode("cp1258", errors="replace"), "cp1258"


def _looks_textual(text: str) -> bool:
    if not text:
        return True
    printable = sum(1 for c in text if c.isprintable() or c in "\n\r\t")
    return printable / len(text) > 0.95


def repair_mojibake(text: str) -> str | None:
    """The text repaired (by ftfy) when it is UTF-8 that was read as Latin-1/CP1252, else None.

    >>> broken = "Li\u00c3\u00aan \u00c4\u2018o\u00c3\u00a0n"  # "Liên đoàn" read as CP1252
    >>> repair_mojibake(broken + " lao \u00c4\u2018\u00e1\u00bb\u2122ng")
    'Liên đoàn lao động'
    >>> repair_mojibake("Công đoàn") is None
    True
    """
    head = text[:_MOJIBAKE_SCAN]
    if not any(mark in head for mark in _MOJIBAKE_MARKS):
        return None
    if len(_MOJIBAKE.findall(head, concurrent=HOLD_GIL)) < 2:
        return None
    fixed = ftfy.fix_encoding(text)
    return fixed if fixed != text else None
