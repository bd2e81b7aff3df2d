"""Places from the gazetteer, the 2025 merger, and the article's province."""

from __future__ import annotations

import pytest

from tests.shared import needs_shared, seed_text
from vnunion_nlp import extract
from vnunion_nlp.data.build_gazetteer import build
from vnunion_nlp.lexicon import read_text

# fmt: off
EXAMPLES = [
    ("province with prefix", "LĐLĐ tỉnh Bạc Liêu trao quà Tết.", "Bạc Liêu", "tỉnh", "Cà Mau"),
    ("bare province", "Tỉnh ủy Bến Tre chỉ đạo các cấp công đoàn.", "Bến Tre", "tỉnh", "Vĩnh Long"),
    ("city alias", "Công nhân tại TP.HCM trở lại làm việc.", "Hồ Chí Minh", "thành phố", "Hồ Chí Minh"),
    ("district gives its province", "Công đoàn huyện Bình Lục tổ chức đại hội.", "Bình Lục", "huyện", "Ninh Bình"),
    ("unchanged province", "Đoàn công tác làm việc tại tỉnh Cao Bằng.", "Cao Bằng", "tỉnh", "Cao Bằng"),
    ("Huế alias", "Công đoàn tỉnh Thừa Thiên Huế phát động thi đua.", "Huế", "thành phố", "Huế"),
    ("merged into Ninh Bình", "Đoàn viên công đoàn tỉnh Hà Nam hưởng ứng.", "Hà Nam", "tỉnh", "Ninh Bình"),
    ("city with its prefix", "LĐLĐ Thành phố Hồ Chí Minh tổ chức Tết Sum vầy.", "Hồ Chí Minh", "thành phố", "Hồ Chí Minh"),
    ("hyphenated alias", "Công nhân ở Bà Rịa-Vũng Tàu nhận quà.", "Bà Rịa - Vũng Tàu", "tỉnh", "Hồ Chí Minh"),
    ("numbered district", "LĐLĐ quận 10 trao 50 suất quà.", "10", "quận", "Hồ Chí Minh"),
    ("town", "Công đoàn thị xã Sơn Tây ra quân.", "Sơn Tây", "thị xã", "Hà Nội"),
]
NEGATIVES = [
    ("Hồ Chí Minh as a person", "Học tập và làm theo tư tưởng Hồ Chí Minh."),
    ("district name without prefix", "Anh Bình Lục là công nhân giỏi."),
    ("the president", "Kỷ niệm ngày sinh Chủ tịch Hồ Chí Minh."),
]
# fmt: on


@pytest.mark.parametrize(
    ("case", "text", "name", "kind", "p2025"), EXAMPLES, ids=[e[0] for e in EXAMPLES]
)
def test_locations(case: str, text: str, name: str, kind: str, p2025: str) -> None:
    article = extract(text)
    found = {loc.name: loc for loc in article.locations}
    assert article.text[found[name].start : found[name].end] == found[name].text
    assert (found[name].kind, found[name].province_2025) == (kind, p2025)


@pytest.mark.parametrize(("case", "text"), NEGATIVES, ids=[n[0] for n in NEGATIVES])
def test_not_locations(case: str, text: str) -> None:
    assert extract(text).locations == []


def test_ambiguous_district_takes_the_article_province() -> None:
    article = extract("Công đoàn huyện Châu Thành, tỉnh Hậu Giang tổ chức đại hội.")
    district = next(loc for loc in article.locations if loc.name == "Châu Thành")
    assert (district.province, district.province_2025) == ("Hậu Giang", "Cần Thơ")


def test_article_province_is_inferred() -> None:
    article = extract(
        "LĐLĐ tỉnh Hà Nam ra quân\n\nSáng 3/3, LĐLĐ tỉnh ra quân. Các cấp công đoàn tỉnh Hà Nam tham gia."
    )
    assert (article.province, article.province_2025) == ("Hà Nam", "Ninh Bình")


def test_gazetteer_matches_its_source() -> None:
    """The packaged gazetteer is what build_gazetteer.py makes from underthesea's data."""
    assert read_text("gazetteer.tsv") == build()


@needs_shared
@pytest.mark.parametrize(
    ("seed", "name", "p2025"),
    [
        ("000", "Bạc Liêu", "Cà Mau"),
        ("003", "Bến Tre", "Vĩnh Long"),
        ("004", "Bình Lục", "Ninh Bình"),
    ],
)
def test_seed_locations(seed: str, name: str, p2025: str) -> None:
    found = {loc.name: loc for loc in extract(seed_text(seed)).locations}
    assert found[name].province_2025 == p2025
