"""models/ holds what its scripts build, and the packaged spaCy pipeline loads and runs."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import spacy

from tests.shared import needs_shared

MODELS = Path(__file__).resolve().parents[1] / "models"
PIPELINE = MODELS / "vi_vnunion"


def _build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_spacy_pipeline", MODELS / "build_spacy_pipeline.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_pipeline_is_what_its_script_builds(tmp_path: Path) -> None:
    _build_script().build_pipeline(tmp_path / "vi_vnunion")
    # What the script sets; not the version stamps and defaults a newer spaCy may write.
    built, packaged = (
        spacy.util.load_config(p / "config.cfg") for p in (tmp_path / "vi_vnunion", PIPELINE)
    )
    for section in ("nlp", "components"):
        assert built[section] == packaged[section]
    built_meta, packaged_meta = (
        json.loads((p / "meta.json").read_text()) for p in (tmp_path / "vi_vnunion", PIPELINE)
    )
    for key in ("lang", "name", "version", "description", "pipeline"):
        assert built_meta[key] == packaged_meta[key]


def test_packaged_pipeline_gives_records_as_spans() -> None:
    nlp = spacy.load(PIPELINE)
    doc = nlp("Đại hội Công đoàn tỉnh Hà Giang lần thứ VII, nhiệm kỳ 2023 - 2028.")
    spans = {(span.label_, span.text) for span in doc.spans["vnunion"]}
    assert ("TERM", "nhiệm kỳ 2023 - 2028") in spans
    assert doc._.vnunion.congresses[0].ordinal == 7


@needs_shared
def test_card_gives_the_current_scores() -> None:
    from vnunion_nlp.evaluate import load_gold

    golds, _ = load_gold(MODELS.parent / "corpora" / "gold", MODELS.parent.parent / "shared")
    card = (PIPELINE / "CARD.md").read_text(encoding="utf-8")
    assert card == _build_script().card(golds), "rebuild: python models/build_spacy_pipeline.py"
