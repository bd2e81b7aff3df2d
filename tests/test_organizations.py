"""Organisations, their types and levels, and abbreviation expansion."""

from __future__ import annotations

import pytest
import regex

from vnunion_nlp import extract
from vnunion_nlp.extractors import organizations
from vnunion_nlp.extractors.organizations import expand_abbreviations, find_definitions
from vnunion_nlp.lexicon import alternation

# fmt: off
EXAMPLES = [
    ("union with place", "LĐLĐ tỉnh Lào Cai phát động thi đua.", "LĐLĐ tỉnh Lào Cai", "Liên đoàn Lao động tỉnh Lào Cai", "union", "tỉnh"),
    ("national union", "Tổng LĐLĐ Việt Nam ban hành hướng dẫn.", "Tổng LĐLĐ Việt Nam", "Tổng Liên đoàn Lao động Việt Nam", "union", "toàn quốc"),
    ("party body alone", "Thực hiện chỉ đạo của Bộ Chính trị về công tác dân vận.", "Bộ Chính trị", "Bộ Chính trị", "party", "toàn quốc"),
    ("state body", "UBND huyện Bảo Yên phối hợp tổ chức.", "UBND huyện Bảo Yên", "Ủy ban nhân dân huyện Bảo Yên", "state", "huyện"),
    ("head inside a name", "Ban Chấp hành Công đoàn ngành Y tế họp phiên thứ nhất.", "Ban Chấp hành Công đoàn ngành Y tế", "Ban Chấp hành Công đoàn ngành Y tế", "union", "ngành"),
    ("committee of a party cell", "Ban Chấp hành Chi bộ LĐLĐ tỉnh gồm 5 đồng chí.", "Ban Chấp hành Chi bộ LĐLĐ tỉnh", "Ban Chấp hành Chi bộ Liên đoàn Lao động tỉnh", "party", "cơ sở"),
    ("central committee", "Thực hiện Nghị quyết của Ban Chấp hành Trung ương Đảng về xây dựng giai cấp công nhân.", "Ban Chấp hành Trung ương Đảng", "Ban Chấp hành Trung ương Đảng", "party", "toàn quốc"),
    ("cơ quan is no quận", "Đảng ủy Khối các Cơ quan tỉnh Bến Tre tổ chức hội nghị.", "Đảng ủy Khối các Cơ quan tỉnh Bến Tre", "Đảng ủy Khối các Cơ quan tỉnh Bến Tre", "party", "tỉnh"),
    ("union of a company", "Công đoàn Công ty TNHH Dịch vụ Thương mại Hoàng Long trao quà.", "Công đoàn Công ty TNHH Dịch vụ Thương mại Hoàng Long", "Công đoàn Công ty TNHH Dịch vụ Thương mại Hoàng Long", "union", "cơ sở"),
    ("district union", "LĐLĐ quận Hoàn Kiếm ra mắt mô hình mới.", "LĐLĐ quận Hoàn Kiếm", "Liên đoàn Lao động quận Hoàn Kiếm", "union", "huyện"),
    ("grassroots union", "CĐCS Trường THPT Lê Quý Đôn kết nạp đoàn viên.", "CĐCS Trường THPT Lê Quý Đôn", "Công đoàn cơ sở Trường THPT Lê Quý Đôn", "union", "cơ sở"),
    ("front", "Ủy ban MTTQ huyện phối hợp với Mặt trận Tổ quốc tỉnh Lạng Sơn.", "Mặt trận Tổ quốc tỉnh Lạng Sơn", "Mặt trận Tổ quốc tỉnh Lạng Sơn", "front", "tỉnh"),
    ("stops before the official after a title", "Phó Chủ tịch LĐLĐ tỉnh Nghệ An Kha Văn Tám phát biểu chỉ đạo.", "LĐLĐ tỉnh Nghệ An", "Liên đoàn Lao động tỉnh Nghệ An", "union", "tỉnh"),
    ("party committee before a name", "Bí thư Huyện ủy Lương Văn Hòa dự và chỉ đạo đại hội.", "Huyện ủy", "Huyện ủy", "party", "huyện"),
]
NEGATIVES = [
    ("the union in general", "Vai trò của tổ chức Công đoàn ngày càng lớn."),
    ("all levels", "Các cấp Công đoàn tích cực tuyên truyền."),
    ("union of every level", "Công đoàn các cấp đã chăm lo cho người lao động."),
    ("a kind of body", "Mỗi Công đoàn cần có kế hoạch riêng."),
]
# fmt: on


@pytest.mark.parametrize(
    ("case", "text", "name", "expanded", "kind", "level"), EXAMPLES, ids=[e[0] for e in EXAMPLES]
)
def test_organizations(
    case: str, text: str, name: str, expanded: str, kind: str, level: str
) -> None:
    article = extract(text)
    found = {o.name: o for o in article.organizations}
    assert name in found, list(found)
    assert article.text[found[name].start : found[name].end] == found[name].text
    assert (found[name].expanded, found[name].type, found[name].level) == (expanded, kind, level)


@pytest.mark.parametrize(("case", "text"), NEGATIVES, ids=[n[0] for n in NEGATIVES])
def test_not_organizations(case: str, text: str) -> None:
    assert extract(text).organizations == []


def test_article_definitions_win_over_the_lexicon() -> None:
    definitions = find_definitions("Ban Chấp hành Chi đoàn (CĐ) họp phiên đầu.")
    assert definitions == {"CĐ": "Chi đoàn"}
    assert expand_abbreviations("CĐ khối cơ quan", definitions) == "Chi đoàn khối cơ quan"
    assert expand_abbreviations("CĐ khối cơ quan") == "Công đoàn khối cơ quan"
    assert find_definitions("công nhân, viên chức, lao động (CNVCLĐ)") == {
        "CNVCLĐ": "công nhân, viên chức, lao động"
    }


# The continuation words grouped by first letter match as the flat alternation they replace: a
# capital that opens words ("Cơ quan") or none ("Xanh"), a head inside, a hyphen, a lower-case word.
# fmt: off
GROUPED_WORDS = [
    "Công đoàn Cơ quan Bộ Công Thương", "LĐLĐ tỉnh Bà Rịa-Vũng Tàu", "Ban Chấp hành Công đoàn ngành Y tế",
    "Đảng ủy Khối các Cơ quan tỉnh", "Công đoàn Công ty Xanh & Sạch", "Chi bộ Cơ", "UBND khối X-Y Zê",
]
# fmt: on


@pytest.mark.parametrize("text", GROUPED_WORDS)
def test_words_grouped_by_first_letter_match_as_the_alternation(text: str) -> None:
    types = organizations._patterns().types
    lists = (types.heads, types.sector_words, types.modifier_words)
    flat = f"(?:{'|'.join(alternation(ws) for ws in lists)}|\\p{{Lu}}[\\p{{L}}&-]*)"
    grouped = organizations._by_first_letter(*lists)
    spans = [
        regex.compile(rf"(?P<head>{alternation(types.heads)})(?:\s+{w}){{0,8}}(?![\p{{L}}])").match(
            text
        )
        for w in (flat, grouped)
    ]
    assert spans[0] is not None
    assert spans[1] is not None
    assert spans[0].span() == spans[1].span()
