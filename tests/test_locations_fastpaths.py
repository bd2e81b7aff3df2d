"""The fast path of the `locations` extractor gives what the slow way gives (invented sentences).

A province named before is passed over before its prefix is checked: whether a later mention has
its prefix ("tư tưởng Hồ Chí Minh") changes nothing, the first one kept counts.
"""

from __future__ import annotations

import pytest

from vnunion_nlp import extract


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # without its prefix first: passed over; the first with one counts
            "Chủ tịch Hồ Chí Minh nói; TP Hồ Chí Minh và thành phố Hồ Chí Minh, Hồ Chí Minh.",
            [("Hồ Chí Minh", "thành phố", 29, 40)],
        ),
        (  # with its prefix first: a later one without changes nothing
            "thành phố Hồ Chí Minh rồi tư tưởng Hồ Chí Minh, TP.HCM và Hà Nội, Hà Nội.",
            [("Hồ Chí Minh", "thành phố", 10, 21), ("Hà Nội", "thành phố", 58, 64)],
        ),
        (  # an alias first: it carries its own prefix
            "TP.HCM trước, rồi Thành phố Hồ Chí Minh.",
            [("Hồ Chí Minh", "thành phố", 0, 6)],
        ),
    ],
)
def test_a_province_counts_from_its_first_kept_mention(
    text: str, expected: list[tuple[str, str, int, int]]
) -> None:
    found = [(loc.name, loc.kind, loc.start, loc.end) for loc in extract(text).locations]
    assert found == expected
