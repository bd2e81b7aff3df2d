"""Access to ../shared for tests that need real articles; they skip with a reason without it."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"
SAMPLES = Path(__file__).resolve().parents[1] / "corpora" / "samples"

needs_shared = pytest.mark.skipif(
    not SEEDS.is_dir(), reason="../shared (real seed articles) is not beside the repo"
)


def seed_path(prefix: str) -> Path:
    """The seed file whose name starts with ``prefix`` ("000")."""
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def seed_text(prefix: str) -> str:
    return seed_path(prefix).read_text(encoding="utf-8")


@cache
def external_articles() -> dict[str, dict[str, str]]:
    path = SHARED / "corpus" / "external" / "union.jsonl"
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())
    return {row["id"]: row for row in rows}
