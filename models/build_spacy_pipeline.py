"""Build the packaged spaCy pipeline ``models/vi_vnunion`` and its card (run after any change
to the extractors or the gold):

    python models/build_spacy_pipeline.py

The pipeline is a blank Vietnamese ``Language`` with the ``vnunion.tokenizer`` (underthesea's
words) and the ``vnunion`` component: ``spacy.load("models/vi_vnunion")`` gives docs with the
records as spans. Nothing in it is trained; it holds configuration only, and the card gives the
scores of the rules it runs on the gold of ``corpora/gold``, which needs ``../shared`` beside the
repository. ``tests/test_models.py`` rebuilds it and compares.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PIPELINE = ROOT / "models" / "vi_vnunion"
# Gold annotated before anyone ran the library on its articles (``annotator`` in the gold file).
BLIND = "gold-C"


def build_pipeline(path: Path) -> None:
    """Write the pipeline (config and meta, no weights) to ``path``."""
    import spacy

    from vnunion_nlp.pipeline import __version__

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "vnunion.tokenizer"}}})
    nlp.add_pipe("vnunion")
    nlp.meta.update(
        name="vnunion",
        version=__version__,
        description="vnunion_nlp's rule pipeline as a spaCy component: sections and records of "
        "Vietnamese trade-union news as spans (doc.spans['vnunion']) and the Article "
        "(doc._.vnunion). Nothing is trained; see CARD.md.",
        license="see the vnunion_nlp repository",
    )
    if path.exists():
        shutil.rmtree(path)
    nlp.to_disk(path)


def card(golds: list[Any]) -> str:
    """The card: what the pipeline is, its data and its scores on the gold."""
    from vnunion_nlp.evaluate import evaluate, format_table

    report = evaluate(golds)
    blind = evaluate([g for g in golds if g.annotator.startswith(BLIND)])

    return f"""# vi_vnunion: the card

Built by `python models/build_spacy_pipeline.py`; do not edit by hand.

- **What it is:** a blank spaCy `vi` pipeline with the `vnunion.tokenizer` (underthesea's word
  segmentation) and the `vnunion` component, which runs `vnunion_nlp.extract` and stores each
  section and record as a labelled span in `doc.spans["vnunion"]`, the Article in
  `doc._.vnunion`. It holds configuration only: no weights, nothing trained.
- **Load:** `spacy.load("models/vi_vnunion")` with `vnunion_nlp` installed (it registers the
  component and the tokenizer through entry points).
- **Data:** the gold of `corpora/gold` ({len(report.articles)} articles: the five seeds, external
  union articles of `../shared/corpus/external` and the samples of `corpora/samples`), scored by
  `vnunion eval` as defined in `../shared/ANNOTATION.md`. The rules were tuned on most of these
  articles; the {BLIND} articles were annotated before anyone ran the library on them, and their
  scores are the nearer figure for unseen articles.

## Scores on all the gold

{format_table(report)}

## Scores on the {BLIND} articles

{format_table(blind)}
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=PIPELINE, help="pipeline folder")
    args = parser.parse_args()
    if not (SHARED / "seeds").is_dir():
        print(
            "../shared is not beside the repository: the card needs the real gold", file=sys.stderr
        )
        return 1
    from vnunion_nlp.evaluate import load_gold

    build_pipeline(args.out)
    golds, _ = load_gold(ROOT / "corpora" / "gold", SHARED)
    (args.out / "CARD.md").write_text(card(golds), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
