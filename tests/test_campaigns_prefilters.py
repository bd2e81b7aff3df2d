"""The per-article tests that spare sections the campaign patterns agree with per-section ones."""

import pytest

from vnunion_nlp.extractors import campaigns
from vnunion_nlp.normalize import normalize
from vnunion_nlp.pipeline import parse


@pytest.mark.parametrize(
    "text",
    [
        "Tiêu đề\n\nCông đoàn hưởng ứng Tháng Công nhân 2024.\n\nĐoàn viên nhận quà.",
        # commas dropped: "an toàn, vệ sinh" is the known name written with its comma
        "Tiêu đề\n\nPhát động Tháng hành động về an toàn, vệ sinh lao động.\n\nHết.",
        # "İ" lower-cases to two characters: offsets of the lowered text shift after it
        "Tiêu đề\n\nİstanbul, Tết sum vầy.\n\nMái ấm Công đoàn được trao.",
        "Tiêu đề\n\nKhông có chiến dịch nào.",
    ],
)
def test_naming_known_is_each_sections_own_test(text: str) -> None:
    doc = parse(normalize(text).text)
    masked = doc.masked_content()
    keys = campaigns._lexicon().known_keys
    expected = [campaigns._names_known(s.text.lower(), keys) for _, s in masked.content]
    assert campaigns._naming_known(masked) == expected
    for word in ("“", "Giải"):
        assert campaigns._holding(masked, (word,)) == [word in s.text for _, s in masked.content]
