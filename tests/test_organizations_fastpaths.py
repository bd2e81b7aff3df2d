"""The fast paths of the `organizations` extractor give what the slow way gives (invented names).

* ``_expand_name``: a name's words, split at its single spaces, are the tokens that
  ``_expand`` finds with the engine, unless a word holds "&";
* the words after a head are split with ``str.split``, not the engine's ``\\S+``, and looked at
  one by one for a person's name only when one begins among them (pinned on names with odd
  spaces, a person after a title and a trailing "các", as the engine's split gave them).
"""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from vnunion_nlp import extract
from vnunion_nlp.document import ParsedArticle
from vnunion_nlp.extractors import organizations
from vnunion_nlp.extractors.organizations import _expand, _expand_name, extract_organizations

TABLE = {"LĐLĐ": "Liên đoàn Lao động", "CĐCS": "công đoàn cơ sở", "UBND": "Ủy ban nhân dân"}


@pytest.mark.parametrize(
    "name",
    [
        "LĐLĐ tỉnh Bắc Ninh",
        "Công đoàn CĐCS",
        "Công ty AT&T",  # "&": read by the engine, "T" and "T" are tokens
        "Công ty LĐLĐ&UBND",  # both abbreviations are tokens inside one word
        "Sở Lao động - Thương binh và Xã hội",  # "-" alone is a token
        "Công đoàn LĐLĐ-UBND",  # "-" joins one token, not in the table
        "UBND",
    ],
)
def test_expand_name_is_expand(name: str) -> None:
    assert _expand_name(name, TABLE) == _expand(name, TABLE)


_WORD = st.text(alphabet=st.sampled_from("LĐCSUBNDTaăđ-&"), min_size=1, max_size=6)
_WORDS = st.lists(st.one_of(_WORD, st.sampled_from(sorted(TABLE))), min_size=1, max_size=6)


@given(_WORDS)
def test_expand_name_is_expand_on_generated_names(words: list[str]) -> None:
    name = " ".join(words)
    assert _expand_name(name, TABLE) == _expand(name, TABLE)


def test_every_engine_space_splits_a_name() -> None:
    """``_expand_name`` reads the name's words with ``str.split``, the engine's ``\\s`` between."""
    every = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x110000)))
    assert all(space.isspace() for space in regex.findall(r"\s", every))


def test_names_with_abbreviations_expand() -> None:
    doc = ParsedArticle.from_paragraphs(
        "Chủ tịch LĐLĐ tỉnh Bắc Ninh dự họp với Công ty AT&T và Công đoàn CĐCS Minh Long."
    )
    expanded = {org.name: org.expanded for org in extract_organizations(doc)}
    for name, value in expanded.items():
        table = organizations._patterns().abbreviations
        assert value == organizations._capitalised(_expand(name, table))
    assert expanded


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Công đoàn\u00a0ngành  Giáo dục\u2003các cấp họp.",
            [("Công đoàn ngành Giáo dục", "Công đoàn ngành Giáo dục", 0, 24)],
        ),
        ("Công đoàn các cấp và Công đoàn các", []),
        (
            "Bí thư Thành ủy Đinh La Thăng dự họp với Công ty AT&T Việt Nam.",
            [
                ("Thành ủy", "Thành ủy", 7, 15),
                ("Công ty AT&T Việt Nam", "Công ty AT&T Việt Nam", 41, 62),
            ],
        ),
        (
            "Chủ tịch LĐLĐ tỉnh Nguyễn Văn An phát biểu.",
            [("LĐLĐ tỉnh", "Liên đoàn Lao động tỉnh", 9, 18)],
        ),
        (
            "Sở Lao động - Thương binh và Xã hội tỉnh Bắc Ninh, Công đoàn CĐCS Minh Long.",
            [
                (
                    "Sở Lao động - Thương binh và Xã hội tỉnh Bắc Ninh",
                    "Sở Lao động - Thương binh và Xã hội tỉnh Bắc Ninh",
                    0,
                    49,
                ),
                ("Công đoàn CĐCS Minh Long", "Công đoàn công đoàn cơ sở Minh Long", 51, 75),
            ],
        ),
        (
            "Ban Chấp hành Công đoàn cơ sở Công ty Cổ phần May 10 các cấp.",
            [
                (
                    "Ban Chấp hành Công đoàn cơ sở Công ty Cổ",
                    "Ban Chấp hành Công đoàn cơ sở Công ty Cổ",
                    0,
                    40,
                )
            ],
        ),
    ],
)
def test_names_as_the_engine_split_them(
    text: str, expected: list[tuple[str, str, int, int]]
) -> None:
    found = [(o.name, o.expanded, o.start, o.end) for o in extract(text).organizations]
    assert found == expected
