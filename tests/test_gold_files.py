"""Every gold file validates and every evidence quote occurs in its article's normalised text."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.shared import SHARED, needs_shared
from vnunion_nlp.evaluate import SCORED_TYPES, load_gold

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


def test_samples_are_ours_not_copies() -> None:
    """Samples are written by the team: no line is a line of the real seeds."""
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared is absent: nothing to compare with")
    real = {
        line.strip()
        for path in seeds.glob("*.txt")
        for line in path.read_text(encoding="utf-8").splitlines()
        if len(line.strip()) > 60
    }
    for sample in SAMPLES.glob("*.txt"):
        for line in sample.read_text(encoding="utf-8").splitlines():
            assert line.strip() not in real, f"{sample.name} copies a seed line"
