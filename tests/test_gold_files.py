"""Every gold file validates and every evidence quote occurs in its article's normalised text."""

from __future__ import annotations

from pathlib import Path
from typing import Any, get_args

import pytest
import yaml

from tests.shared import SHARED, external_articles, needs_shared
from vnunion_nlp.evaluate import SCORED_TYPES, GoldArticle, load_gold
from vnunion_nlp.normalize import normalize
from vnunion_nlp.records import CongressStatus, OfficialRole, TermRelation

GOLD = Path(__file__).resolve().parents[1] / "corpora" / "gold"
SAMPLES = GOLD.parent / "samples"


def test_samples_gold_loads_without_shared() -> None:
    golds, skipped = load_gold(GOLD, None)
    names = {g.article for g in golds}
    assert {p.stem for p in SAMPLES.glob("*.txt")} <= names
    assert len(names) >= 12
    assert all("its article is not here" in reason for reason in skipped)


@needs_shared
def test_all_gold_loads_with_shared() -> None:
    golds, skipped = load_gold(GOLD, SHARED)
    assert not skipped
    sources = {g.source for g in golds}
    assert sources == {"seeds", "external", "samples"}
    assert sum(g.source == "seeds" for g in golds) == 5


@pytest.mark.parametrize("path", sorted(GOLD.glob("*.yaml")), ids=lambda p: p.stem)
def test_gold_file_is_complete(path: Path) -> None:
    if path.name == "thresholds.yaml":
        pytest.skip("not a gold file")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for name in SCORED_TYPES:
        assert isinstance(data.get(name), list), f"{path.name}: {name} must be a list (maybe empty)"
    assert data["annotator"], "who annotated it"


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.stem)
def test_sample_gold_evidence_occurs(sample: Path) -> None:
    """Runs without ../shared: each sample has its gold file, and every quote is in its text."""
    path = GOLD / f"{sample.stem}.yaml"
    assert path.exists(), f"{sample.name} has no gold file"
    gold = GoldArticle.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert gold.source == "samples"
    assert gold.article == sample.stem
    text = normalize(sample.read_text(encoding="utf-8")).text
    for name in SCORED_TYPES:
        for record in getattr(gold, name):
            occurrence = int(record.get("occurrence", 1))
            assert text.count(record["evidence"]) >= occurrence, (name, record["evidence"])


def _records(path: Path) -> dict[str, list[dict[str, Any]]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {name: data.get(name) or [] for name in SCORED_TYPES}


GOLD_FILES = sorted(p for p in GOLD.glob("*.yaml") if p.name != "thresholds.yaml")


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_values_follow_the_guide(path: Path) -> None:
    """Closed vocabularies of ANNOTATION.md and the shape of numbers, on every gold file."""
    records = _records(path)
    for c in records["congresses"]:
        assert c.get("status", "mentioned") in get_args(CongressStatus), c
    for t in records["terms"]:
        assert t.get("relation") in (None, *get_args(TermRelation)), t
        if t.get("start_year") and t.get("end_year"):
            assert t["start_year"] < t["end_year"], t
    for o in records["officials"]:
        assert o.get("role", "mentioned") in get_args(OfficialRole), o
        assert not o["name"].lower().startswith(("đồng chí", "ông ", "bà ", "anh ", "chị ")), o
    for i in records["indicators"]:
        assert isinstance(i.get("value"), int | float), i
        if i.get("percent") is not None:
            assert i.get("total") is not None, f"a percent goes with a ratio: {i}"
        if i.get("unit") == "VND":
            assert i["value"] >= 1000, f"money is multiplied out: {i}"
    for d in records["documents"]:
        if d.get("symbol"):
            assert " " not in d["symbol"], d


def test_samples_are_ours_not_copies() -> None:
    """Samples are written by the team: no line is a line of the real seeds or external articles."""
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared is absent: nothing to compare with")
    texts = [path.read_text(encoding="utf-8") for path in seeds.glob("*.txt")]
    texts += [f"{row['title']}\n{row['text']}" for row in external_articles().values()]
    real = {line.strip() for text in texts for line in text.splitlines() if len(line.strip()) > 60}
    for sample in SAMPLES.glob("*.txt"):
        for line in sample.read_text(encoding="utf-8").splitlines():
            assert line.strip() not in real, f"{sample.name} copies a seed line"
