"""Matching keys, scores and the gate of `vnunion eval`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from vnunion_nlp.evaluate import (
    MATCHERS,
    GoldArticle,
    GoldError,
    TypeScore,
    _line_around,
    check_gate,
    evaluate,
    folded,
    format_errors,
    load_gold,
    run_eval,
)
from vnunion_nlp.records import Article, Official

# fmt: off
MATCHES = [
    ("official: folded name", "officials", {"name": "Nguyễn Văn Khanh"}, {"name": "nguyen van khanh"}, True),
    ("official: other name", "officials", {"name": "Nguyễn Văn Khanh"}, {"name": "Nguyễn Văn Khánh Hòa"}, False),
    ("indicator: value and unit", "indicators", {"value": 1226, "unit": "lượt"}, {"value": 1226.0, "unit": "lượt"}, True),
    ("indicator: unit extended word by word", "indicators", {"value": 45, "unit": "suất"}, {"value": 45, "unit": "suất học bổng"}, True),
    ("indicator: unit not a word prefix", "indicators", {"value": 45, "unit": "suất"}, {"value": 45, "unit": "suấttt"}, False),
    ("indicator: unit folded", "indicators", {"value": 58, "total": 64, "unit": "công đoàn cơ sở"}, {"value": 58, "total": 64, "unit": "Công Đoàn cơ sở"}, True),
    ("indicator: shorter predicted unit", "indicators", {"value": 60, "unit": "cuộc sinh hoạt"}, {"value": 60, "unit": "cuộc"}, True),
    ("indicator: unit differs", "indicators", {"value": 60, "unit": "cuộc sinh hoạt"}, {"value": 60, "unit": "buổi"}, False),
    ("indicator: money value", "indicators", {"value": 1200000000, "unit": "VND"}, {"value": 1.2e9, "unit": "VND"}, True),
    ("indicator: value differs", "indicators", {"value": 12, "unit": "%"}, {"value": 12.5, "unit": "%"}, False),
    ("indicator: total differs", "indicators", {"value": 739, "total": 739, "unit": "CĐCS"}, {"value": 739, "unit": "CĐCS"}, False),
    ("campaign: quotes and case", "campaigns", {"name": "Tết sum vầy"}, {"name": "“Tết Sum Vầy”"}, True),
    ("document: symbol without spaces", "documents", {"doc_type": "Nghị quyết", "symbol": "02-NQ/TW"}, {"doc_type": "Nghị quyết", "symbol": "02-NQ/ TW"}, True),
    ("document: number when no symbol", "documents", {"doc_type": "Kết luận", "number": "79"}, {"doc_type": "Kết luận", "number": "79", "symbol": None}, True),
    ("document: symbol case and spaces", "documents", {"doc_type": "Quyết định", "symbol": "56/QĐ-LĐLĐ"}, {"doc_type": "quyết định", "symbol": "56/qđ-lđlđ"}, True),
    ("document: other symbol", "documents", {"doc_type": "Kế hoạch", "symbol": "57/KH-LĐLĐ"}, {"doc_type": "Kế hoạch", "symbol": "58/KH-LĐLĐ"}, False),
    ("document: law by title", "documents", {"doc_type": "Luật", "title": "Công đoàn"}, {"doc_type": "Luật", "title": "Công đoàn năm 2024"}, True),
    ("document: issuer when nothing else", "documents", {"doc_type": "Nghị quyết", "issuer": "Đại hội XII Công đoàn Việt Nam"}, {"doc_type": "Nghị quyết", "issuer": "Đại hội XII Công đoàn Việt Nam"}, True),
    ("document: type must agree", "documents", {"doc_type": "Kế hoạch", "symbol": "80/KH-LĐLĐ"}, {"doc_type": "Công văn", "symbol": "80/KH-LĐLĐ"}, False),
    ("document: session when nothing else", "documents", {"doc_type": "Nghị quyết", "session": "XII"}, {"doc_type": "Nghị quyết", "session": "XII"}, True),
    ("term: years", "terms", {"start_year": 2020, "end_year": 2025}, {"start_year": 2020, "end_year": 2025, "session": 7}, True),
    ("term: other years", "terms", {"start_year": 2020, "end_year": 2025}, {"start_year": 2017, "end_year": 2022}, False),
    ("congress: ordinal and term", "congresses", {"ordinal": 7, "term_start": 2020, "term_end": 2025}, {"ordinal": 7, "term_start": 2020, "term_end": 2025}, True),
    ("congress: ordinal differs", "congresses", {"ordinal": 7, "term_start": 2020, "term_end": 2025}, {"ordinal": 6, "term_start": 2020, "term_end": 2025}, False),
    ("congress: ordinal without term", "congresses", {"ordinal": 13, "term_start": None}, {"ordinal": 13, "organization": "Công đoàn Việt Nam"}, True),
    ("congress: term differs", "congresses", {"ordinal": 13, "term_start": 2023, "term_end": 2028}, {"ordinal": 13, "term_start": 2018, "term_end": 2023}, False),
    ("official: marks folded away", "officials", {"name": "Hà Thị Thu Trang"}, {"name": "Ha Thi Thu Tráng"}, True),
    ("campaign: other name", "campaigns", {"name": "Mái ấm Công đoàn"}, {"name": "Bữa cơm Công đoàn"}, False),
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


FOLDED = [
    ("quotes and comma", "“Lao động giỏi, lao động sáng tạo”", "lao dong gioi lao dong sang tao"),
    ("đ and case", "Đỗ Văn Quyết", "do van quyet"),
    ("spaces and dash", "  Xanh - Sạch -  Đẹp ", "xanh sach dep"),
    ("decomposed marks", "Nguye\u0302\u0303n", "nguyen"),
    ("none", None, ""),
]


@pytest.mark.parametrize(("case", "value", "expected"), FOLDED, ids=[f[0] for f in FOLDED])
def test_folded(case: str, value: str | None, expected: str) -> None:
    assert folded(value) == expected


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


LINES = [
    ("sentence in a paragraph", "Năm qua có 1.226 lượt tham gia. Đại hội bầu 7 đồng chí. Bế mạc.", "7 đồng chí",
     "Đại hội bầu 7 đồng chí."),
    ("list item line", "Chỉ tiêu:\n- Từ 95% trở lên đạt chuẩn;\n- Khác.", "95%", "- Từ 95% trở lên đạt chuẩn;"),
    ("decimal comma and dot do not cut", "Tỷ lệ đạt 12,5% với 1.076 doanh nghiệp tham gia", "1.076",
     "Tỷ lệ đạt 12,5% với 1.076 doanh nghiệp tham gia"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "text", "needle", "expected"), LINES, ids=[x[0] for x in LINES])
def test_error_line_is_the_sentence_around(
    case: str, text: str, needle: str, expected: str
) -> None:
    start = text.index(needle)
    assert _line_around(text, start, start + len(needle)) == expected


def test_errors_print_gold_dates() -> None:
    gold = _gold()
    gold.officials = []
    gold.documents = [{"evidence": "Lê Văn Nam", "doc_type": "Kế hoạch", "number": "5",
                       "issued_on": dt.date(2023, 3, 3)}]  # fmt: skip
    report = evaluate([gold], only="documents", predict=lambda g: _article())
    assert "2023-03-03" in format_errors(report)


SAMPLE = "Tin tức\n\nĐại hội Công đoàn xã Tân Lập\n\nĐại hội bầu Ban Chấp hành gồm 9 đồng chí.\n"


def _write_gold(gold_dir: Path, evidence: str, floor: float = 0.0) -> None:
    (gold_dir.parent / "samples").mkdir(parents=True, exist_ok=True)
    (gold_dir.parent / "samples" / "sample_x.txt").write_text(SAMPLE, encoding="utf-8")
    gold_dir.mkdir(parents=True, exist_ok=True)
    (gold_dir / "sample_x.yaml").write_text(
        "article: sample_x\nsource: samples\nannotator: test\n"
        "congresses: []\nterms: []\nofficials: []\ncampaigns: []\ndocuments: []\n"
        f'indicators:\n  - {{evidence: "{evidence}", value: 9, unit: đồng chí}}\n',
        encoding="utf-8",
    )
    (gold_dir / "thresholds.yaml").write_text(f"floors:\n  indicators: {floor}\n", "utf-8")
    (gold_dir / "seed_y.yaml").write_text(
        "article: seed_y\nsource: seeds\nannotator: test\n", encoding="utf-8"
    )


def test_load_gold_rejects_evidence_not_in_the_text(tmp_path: Path) -> None:
    _write_gold(tmp_path / "gold", "gồm 10 đồng chí")
    with pytest.raises(GoldError, match="not in the normalised text"):
        load_gold(tmp_path / "gold", None)


def test_load_gold_skips_seed_files_without_shared(tmp_path: Path) -> None:
    _write_gold(tmp_path / "gold", "gồm 9 đồng chí")
    golds, skipped = load_gold(tmp_path / "gold", tmp_path / "no-shared")
    assert [g.article for g in golds] == ["sample_x"]
    assert len(skipped) == 1
    assert skipped[0].startswith("seed_y.yaml")


@pytest.mark.parametrize(
    ("floor", "code"), [(0.0, 0), (1.5, 1)], ids=["gate passes", "floor above any F1 fails"]
)
def test_run_eval_writes_the_report_and_returns_the_gate(
    tmp_path: Path, floor: float, code: int, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_gold(tmp_path / "gold", "gồm 9 đồng chí", floor=floor)
    report = tmp_path / "reports" / "eval.json"
    result = run_eval(tmp_path / "gold", None, show_errors=True, report_path=report, gate=True)
    out = capsys.readouterr().out
    data = json.loads(report.read_text(encoding="utf-8"))
    assert result == code
    assert set(data["scores"]) == {
        "congresses", "terms", "officials", "indicators", "campaigns", "documents"
    }  # fmt: skip
    assert {"precision", "recall", "f1", "tp", "fp", "fn"} <= set(data["scores"]["indicators"])
    assert "| indicators |" in out
    assert "skipped seed_y.yaml" in out
    assert ("GATE FAILED indicators" in out) is (code == 1)
