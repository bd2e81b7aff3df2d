"""Instruction count of one stage, for before/after comparisons on a busy machine.

    PYTHONHASHSEED=0 valgrind --tool=callgrind --collect-atstart=no \\
        --toggle-collect=functools_reduce --callgrind-out-file=/dev/null \\
        python benchmarks/instructions.py STAGE [ARTICLES] 2>&1 | grep refs

prints the instructions STAGE takes over ARTICLES (default 60) of the throughput benchmark's
articles. STAGE is an extractor name, ``layout``, ``normalise`` or ``all`` (the whole
``extract``). Wall-clock times of identical code differed by up to 10 % between runs on the
2-core project machine while other work ran; callgrind counts gave the same total to 0.0003 %.
Only the work inside one ``functools.reduce`` call is counted: the start-up, the imports and the
preparation of the articles (which valgrind still runs, slowly: ~100 s in all) are not. Run it
once with the old code on ``PYTHONPATH`` and once with the new.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import load_texts

from vnunion_nlp import extract
from vnunion_nlp.extractors import REGISTRY
from vnunion_nlp.normalize import normalize
from vnunion_nlp.pipeline import parse


def stage_work(stage: str, texts: list[str]) -> Callable[[], object]:
    """The work of ``stage`` over ``texts``, everything it reads prepared beforehand."""
    if stage == "all":
        return lambda: [extract(text) for text in texts]
    if stage == "normalise":
        return lambda: [normalize(text) for text in texts]
    docs = [normalize(text).text for text in texts]
    if stage == "layout":
        return lambda: [parse(doc) for doc in docs]
    if stage not in REGISTRY:
        raise SystemExit(f"unknown stage {stage!r}: all, normalise, layout or {sorted(REGISTRY)}")
    parsed = []
    for doc in docs:
        article = parse(doc)
        for name, extractor in REGISTRY.items():  # the records the stage may read
            if name == stage:
                break
            article.records[name] = list(extractor(article))
        parsed.append(article)
    return lambda: [list(REGISTRY[stage](article)) for article in parsed]


def main() -> None:
    stage = sys.argv[1] if len(sys.argv) > 1 else "all"
    texts = load_texts(int(sys.argv[2]) if len(sys.argv) > 2 else 60)
    for text in texts[:5]:
        extract(text)  # compile and cache what every stage loads once
    work = stage_work(stage, texts)
    functools.reduce(lambda _, __: work(), [0, 0])  # callgrind counts inside this call only


if __name__ == "__main__":
    main()
