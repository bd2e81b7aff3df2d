"""Matching keys, scores and the gate of `vnunion eval`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from vnunion_nlp.evaluate import (
    MATCHERS,
    GoldArticle,
    TypeScore,
    check_gate,
    evaluate,
    folded,
)
from vnunion_nlp.records import Article, Official

# fmt: off
MATCHES = [
    ("official: folded name", "officials", {"name": "Nguyễn Văn Khanh"}, {"name": "nguyen van khanh"}, True),
    ("official: other name", "officials", {"name": "Nguyễn Văn Khanh"}, {"name": "Nguyễn Văn Khánh Hòa"}, False),
    ("indicator: value and unit", "indicators", {"value": 1226, "unit": "lượt"}, {"value": 1226.0, "unit": "lượt"}, True),
    ("indicator: unit extended word by word", "indicators", {"value": 45, "unit": "suất"}, {"value": 45, "unit": "suất học bổng"}, True),
    ("indicator: unit not a word prefix", "indicators", {"value": 45, "unit": "suất"}, {"value": 45, "unit": "suấttt"}, False),
    ("indicator: total differs", "indicators", {"value": 739, "total": 739, "unit": "CĐCS"}, {"value": 739, "unit": "CĐCS"}, False),
    ("campaign: quotes and case", "campaigns", {"name": "Tết sum vầy"}, {"name": "“Tết Sum Vầy”"}, True),
    ("document: symbol without spaces", "documents", {"doc_type": "Nghị quyết", "symbol": "02-NQ/TW"}, {"doc_type": "Nghị quyết", "symbol": "02-NQ/ TW"}, True),
    ("document: number when no symbol", "documents", {"doc_type": "Kết luận", "number": "79"}, {"doc_type": "Kết luận", "number": "79", "symbol": None}, True),
    ("document: type must agree", "documents", {"doc_type": "Kế hoạch", "symbol": "80/KH-LĐLĐ"}, {"doc_type": "Công văn", "symbol": "80/KH-LĐLĐ"}, False),
    ("document: session when nothing else", "documents", {"doc_type": "Nghị quyết", "session": "XII"}, {"doc_type": "Nghị quyết", "session": "XII"}, True),
    ("term: years", "terms", {"start_year": 2020, "end_year": 2025}, {"start_year": 2020, "end_year": 2025, "session": 7}, True),
    ("term: other years", "terms", {"start_year": 2020, "end_year": 2025}, {"start_year": 2017, "end_year": 2022}, False),
    ("congress: ordinal and term", "congresses", {"ordinal": 7, "term_start": 2020, "term_end": 2025}, {"ordinal": 7, "term_start": 2020, "term_end": 2025}, True),
    ("congress: ordinal differs", "congresses", {"ordinal": 7, "term_start": 2020, "term_end": 2025}, {"ordinal": 6, "term_start": 2020, "term_end": 2025}, False),
    ("congress: organisation when no key", "congresses", {"organization": "Công đoàn khối dân Đảng"}, {"organization": "Công đoàn khối dân Đảng huyện"}, True),
]
# fmt: on


@pytest.mark.parametrize(
    ("case", "kind", "gold", "pred", "expected"), MATCHES, ids=[m[0] for m in MATCHES]
)
def test_matching_keys(
    case: str, kind: str, gold: dict[str, Any], pred: dict[str, Any], expected: bool
) -> None:
    assert MATCHERS[kind](gold, pred) is expected


def test_folded_drops_case_marks_and_punctuation() -> None:
    assert folded("“Lao động giỏi, lao động sáng tạo”") == "lao dong gioi lao dong sang tao"


@pytest.mark.parametrize(
    ("tp", "fp", "fn", "precision", "recall", "f1"),
    [
        (8, 2, 2, 0.8, 0.8, 0.8),
        (0, 0, 0, 1.0, 1.0, 1.0),
        (0, 3, 1, 0.0, 0.0, 0.0),
        (3, 0, 1, 1.0, 0.75, 6 / 7),
    ],
    ids=["balanced", "nothing to find", "all wrong", "perfect precision"],
)
def test_scores(tp: int, fp: int, fn: int, precision: float, recall: float, f1: float) -> None:
    score = TypeScore(tp=tp, fp=fp, fn=fn)
    assert score.precision == pytest.approx(precision)
    assert score.recall == pytest.approx(recall)
    assert score.f1 == pytest.approx(f1)


TEXT = "Ông Lê Văn Nam, Chủ tịch LĐLĐ huyện dự hội nghị."


def _gold() -> GoldArticle:
    return GoldArticle(
        article="t",
        source="samples",
        officials=[{"evidence": "Lê Văn Nam", "name": "Lê Văn Nam", "role": "attending",
                    "positions": ["Chủ tịch LĐLĐ huyện"]}],
        raw_text=TEXT,
        text=TEXT,
    )  # fmt: skip


def _article(*officials: Official) -> Article:
    return Article(id="x", text=TEXT, officials=list(officials))


def _official(name: str, role: str) -> Official:
    start = TEXT.find(name)
    return Official(start=start, end=start + len(name), text=name, name=name, role=role,  # type: ignore[arg-type]
                    positions=["Chủ tịch LĐLĐ huyện"])  # fmt: skip


def test_evaluate_counts_matches_misses_and_false_positives() -> None:
    predicted = _article(_official("Lê Văn Nam", "speaking"), _official("LĐLĐ huyện", "mentioned"))
    report = evaluate([_gold()], only="officials", predict=lambda g: predicted)
    score = report.scores["officials"]
    assert (score.tp, score.fp, score.fn) == (1, 1, 0)
    assert score.fields["role"] == [0, 1]
    assert score.fields["positions"] == [1, 1]
    assert [e.kind for e in report.errors] == ["false positive"]
    assert "LĐLĐ huyện" in report.errors[0].line


def test_gate_fails_below_a_floor(tmp_path: Path) -> None:
    report = evaluate([_gold()], only="officials", predict=lambda g: _article())
    floors = tmp_path / "thresholds.yaml"
    floors.write_text("floors:\n  officials: 0.5\n  terms: 0.9\n", encoding="utf-8")
    failures = check_gate(report, floors)
    assert len(failures) == 1
    assert failures[0].startswith("officials")
