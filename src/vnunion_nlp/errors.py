"""Typed errors for caller mistakes and coded warnings for document problems.

Two kinds of failure: a caller mistake (wrong type, unknown setting, missing file) raises one of
the errors below; a problem with one document gives a (possibly empty) Article whose
``warnings`` carry one of the codes below, and never an exception inside a batch.
"""

from __future__ import annotations


class VnUnionError(Exception):
    """Base of every error this library raises."""


class InputError(VnUnionError, ValueError):
    """The input cannot be read as text (binary, undecodable, wrong type)."""


class DataFileError(VnUnionError):
    """A packaged data file is missing or does not match its schema."""


# Warning codes: stable identifiers that batch tables and users can filter on.
W_EMPTY = "W001"  # the document has no text
W_TRUNCATED = "W002"  # the document was longer than max_chars and was cut
W_MOJIBAKE = "W003"  # UTF-8 read as Latin-1/CP1252 was detected and repaired
W_NO_CONTENT = "W004"  # everything was web chrome: no content section left
W_EXTRACTOR_FAILED = "W005"  # one extractor raised; its records are missing
W_HTML_FALLBACK = "W006"  # the HTML extractor found no main text; the page text was used
W_DECODED = "W007"  # bytes were decoded with a non-UTF-8 encoding (named in the message)
W_MENTIONS_CAPPED = "W008"  # a repetitive text: an extractor read only its first mentions

WARNING_MESSAGES = {
    W_EMPTY: "the document has no text",
    W_TRUNCATED: "the document was longer than the limit and was cut",
    W_MOJIBAKE: "mojibake (UTF-8 read as a single-byte encoding) was repaired",
    W_NO_CONTENT: "no article content was found; everything was web chrome",
    W_EXTRACTOR_FAILED: "an extractor failed; its records are missing",
    W_HTML_FALLBACK: "no main text found in the HTML; the whole page text was used",
    W_DECODED: "the bytes were decoded with a non-UTF-8 encoding",
    W_MENTIONS_CAPPED: "more mentions than any real article has; only the first were read",
}
