"""The fast paths of the officials' start places, pinned against the plain scans."""

from __future__ import annotations

import pytest

from vnunion_nlp.extractors.officials.finders import _starts
from vnunion_nlp.extractors.officials.patterns import _patterns
from vnunion_nlp.extractors.officials.starts import _verb_starts


@pytest.mark.parametrize(
    "text",
    [
        "Ông A được bầu làm Chủ tịch, B được  chỉ định",
        "tái cử, tái đắc cử; trúng cử",
        "đã tái\ncử và trúngcử",  # white space runs, a form with no space
        "được bầu được bầu",
        "không có động từ nào",
        "",
    ],
)
def test_verb_starts_as_a_scan_from_the_start(text: str) -> None:
    for form in _patterns().post_starts:
        assert _verb_starts(form, text) == _starts(form[1], text)
