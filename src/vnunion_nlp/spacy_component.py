"""spaCy integration: the ``vnunion`` pipeline component and the ``vnunion.tokenizer``.

Both are registered through entry points (``spacy_factories``, ``spacy_tokenizers``), so after
``pip install`` no import is needed::

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "vnunion.tokenizer"}}})
    nlp.add_pipe("vnunion")
    doc = nlp(text)
    doc._.vnunion          # the Article
    doc.spans["vnunion"]   # a labelled span per section and record

The component holds no extraction logic: it calls ``vnunion_nlp.extract`` and maps the Article's
offsets (into the normalised text) back to the Doc's characters. The Article travels inside
``doc.user_data`` as JSON, so docs cross process boundaries (``nlp.pipe(n_process=2)``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import regex
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry
from spacy.vocab import Vocab

from vnunion_nlp.normalize import normalize
from vnunion_nlp.pipeline import extract
from vnunion_nlp.records import RECORD_TYPES, Article

_USER_DATA_KEY = "vnunion_nlp.article"
_PIECES = regex.compile(r"\s+|\S+")


def _labels() -> dict[str, str]:
    singular = {"congresses": "CONGRESS", "terms": "TERM", "officials": "OFFICIAL",
                "indicators": "INDICATOR", "campaigns": "CAMPAIGN", "documents": "DOCUMENT",
                "organizations": "ORGANIZATION", "locations": "LOCATION"}  # fmt: skip
    return {name: singular.get(name, name.upper()) for name in RECORD_TYPES}


def _article_getter(doc: Doc) -> Article | None:
    raw = doc.user_data.get(_USER_DATA_KEY)
    return Article.model_validate_json(raw) if raw else None


class VnUnionComponent:
    """Runs the vnunion pipeline on ``doc.text`` and stores the Article and its spans."""

    def __init__(
        self, nlp: Language, name: str, spans_key: str, attr: str, force: bool, only: list[str]
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.only = only or None
        if force or not Doc.has_extension(attr):
            Doc.set_extension(attr, getter=_article_getter, force=True)

    def __call__(self, doc: Doc) -> Doc:
        article = extract(doc.text, only=self.only)
        self.set_annotations(doc, article)
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 32) -> Iterable[Doc]:
        for doc in stream:
            yield self(doc)

    def set_annotations(self, doc: Doc, article: Article) -> None:
        doc.user_data[_USER_DATA_KEY] = article.model_dump_json()
        normalized = normalize(doc.text)
        if normalized.text != article.text:
            # The text was cut or repaired before extraction: offsets do not map onto this Doc.
            doc.spans[self.spans_key] = []
            return
        spans: list[Span] = []

        def add(start: int, end: int, label: str) -> None:
            span = doc.char_span(
                normalized.to_input(start),
                normalized.to_input(end),
                label=label,
                alignment_mode="expand",
            )
            if span is not None:
                spans.append(span)

        for section in article.sections:
            add(section.start, section.end, f"SECTION_{section.kind.upper()}")
        for name, label in _labels().items():
            for record in getattr(article, name):
                add(record.start, record.end, label)
        doc.spans[self.spans_key] = spans


@Language.factory(
    "vnunion",
    default_config={"spans_key": "vnunion", "attr": "vnunion", "force": True, "only": []},
)
def make_vnunion(
    nlp: Language, name: str, spans_key: str, attr: str, force: bool, only: list[str]
) -> VnUnionComponent:
    """Factory of the ``vnunion`` component (see the module docstring)."""
    return VnUnionComponent(nlp, name, spans_key, attr, force, only)


class UndertheseaTokenizer:
    """Tokens are underthesea's words: multi-syllable words ("Công đoàn") are one token."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        from underthesea import word_tokenize  # imported on first use: it loads a model

        words: list[str] = []
        spaces: list[bool] = []

        def add_gap(gap: str) -> None:
            # Text between underthesea's tokens: one space trails the previous token, anything
            # else becomes tokens of its own, so that doc.text reproduces the text exactly.
            for piece in _PIECES.findall(gap):
                if piece[0] == " " and words and not spaces[-1]:
                    spaces[-1] = True
                    piece = piece[1:]
                if piece:
                    words.append(piece)
                    spaces.append(False)

        position = 0
        for token in word_tokenize(text) if text.strip() else []:
            found = text.find(token, position)
            if found < 0:
                continue  # underthesea altered the token: its characters stay in the gap
            add_gap(text[position:found])
            words.append(token)
            spaces.append(False)
            position = found + len(token)
        add_gap(text[position:])
        return Doc(self.vocab, words=words, spaces=spaces)

    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> UndertheseaTokenizer:
        return self

    def to_disk(self, path: Any, **kwargs: Any) -> None:
        return None

    def from_disk(self, path: Any, **kwargs: Any) -> UndertheseaTokenizer:
        return self


@registry.tokenizers("vnunion.tokenizer")  # type: ignore[untyped-decorator]
def create_tokenizer() -> Callable[[Language], UndertheseaTokenizer]:
    """Registered tokenizer built on underthesea's word segmentation (no pyvi needed)."""

    def make(nlp: Language) -> UndertheseaTokenizer:
        return UndertheseaTokenizer(nlp.vocab)

    return make
