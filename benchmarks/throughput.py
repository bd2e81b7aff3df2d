"""Throughput benchmark: the full pipeline against underthesea's ``ner`` on the same articles.

    python benchmarks/throughput.py [--articles 600] [--ner-articles 30] [--target-chars 6000]

Articles come from ``corpora/samples`` and, when present, ``../shared/corpus/external`` (union
and general news). Each measurement runs in its own subprocess so that its peak RSS is its own:
the pipeline on one worker, the pipeline on two worker processes, and underthesea's ``ner``
over the sentences of the first ``--ner-articles`` articles. It prints one table, then the time
of each stage of the pipeline per article, then the time of each hostile input (targets: every
case under 2 s). README's figures come from a regular install (``pip install .``: the hot modules
compiled with mypyc); an editable install runs them as Python, slower. The table says which.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "corpora" / "samples"


def load_texts(limit: int, target_chars: int = 6000) -> list[str]:
    """``limit`` articles of about ``target_chars`` characters each.

    Samples first, then the external corpus; consecutive articles are joined (blank line between)
    until each reaches ``target_chars``, the article size the targets are set for.
    """
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    for name in ("union.jsonl", "general.jsonl"):
        path = SHARED / "corpus" / "external" / name
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                row = json.loads(line)
                texts.append(f"{row['title']}\n\n{row['text']}")
    if not texts:
        raise SystemExit("no articles: corpora/samples is empty and ../shared is absent")
    joined: list[str] = []
    current = ""
    for text in texts * (limit * target_chars // sum(len(t) for t in texts) + 2):
        current = f"{current}\n\n{text}" if current else text
        if len(current) >= target_chars:
            cut = current.find(". ", target_chars)  # end the article at a sentence end
            joined.append(current if cut < 0 else current[: cut + 1])
            current = ""
        if len(joined) == limit:
            break
    return joined


def _peak_rss_mb(children: bool = False) -> float:
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss / 1024


def _init_worker() -> None:
    from vnunion_nlp import extract

    extract("Khởi động")  # load data files once per worker, as the batch does


def _extract_len(text: str) -> int:
    from vnunion_nlp import extract

    return len(extract(text).text)


def _share_work(texts: list[str], next_index: Any, ready: Any, done: Any) -> None:
    """One of the two workers: take the next article not yet taken until none is left."""
    try:  # a failing worker still meets the others at both barriers, so nobody waits forever
        _init_worker()
    finally:
        ready.wait()
    try:
        while True:
            with next_index.get_lock():
                index = next_index.value
                next_index.value = index + 1
            if index >= len(texts):
                break
            _extract_len(texts[index])
    finally:
        done.wait()


def _two_workers(texts: list[str]) -> tuple[float, float]:
    """Seconds for two forked workers to share ``texts``, and the larger worker's peak RSS.

    The workers inherit the articles and take them one at a time from a shared counter, so the
    parent does nothing while the clock runs. A ``multiprocessing.Pool`` instead sends every
    article through pipes and its three threads: on this two-core machine the parent then took
    10-13 % of a core from the workers (chunks of 4), or left one worker idle at the end for up to
    a chunk (16 articles, ~5 % of a 600-article run).
    """
    context = multiprocessing.get_context("fork")
    next_index = context.Value("l", 0)
    ready, done = context.Barrier(3), context.Barrier(3)
    workers = [
        context.Process(target=_share_work, args=(texts, next_index, ready, done)) for _ in range(2)
    ]
    for worker in workers:
        worker.start()
    ready.wait()
    start = time.perf_counter()
    done.wait()
    seconds = time.perf_counter() - start
    for worker in workers:
        worker.join()
        if worker.exitcode:
            raise SystemExit(f"a worker failed (exit code {worker.exitcode})")
    return seconds, _peak_rss_mb(children=True)


def measure(mode: str, limit: int, ner_limit: int, target_chars: int) -> dict[str, float]:
    texts = load_texts(limit, target_chars)
    if mode == "ner":
        from underthesea import ner, sent_tokenize

        texts = texts[:ner_limit]
        ner("Khởi động")
        start = time.perf_counter()
        for text in texts:
            for sentence in sent_tokenize(text):
                ner(sentence)
    elif mode == "workers2":
        return _result(texts, *_two_workers(texts))
    else:
        _init_worker()
        start = time.perf_counter()
        for text in texts:
            _extract_len(text)
    return _result(texts, time.perf_counter() - start, _peak_rss_mb())


def _result(texts: list[str], seconds: float, rss: float) -> dict[str, float]:
    chars = sum(len(t) for t in texts)
    return {
        "articles": len(texts),
        "mean_chars": chars / len(texts),
        "articles_per_s": len(texts) / seconds,
        "chars_per_s": chars / seconds,
        "peak_rss_mb": rss,
    }


def build() -> str:
    """Which build of vnunion_nlp this interpreter imports: a regular install compiles the hot
    modules with mypyc (hatch_build.py), an editable one runs them as Python."""
    from vnunion_nlp import scanning

    where = Path(scanning.__file__)
    kind = "pure Python" if where.suffix == ".py" else "mypyc-compiled"
    return f"{kind} ({where.parent})"


def machine_reference_ms() -> float:
    """Milliseconds this machine takes for a fixed pure-Python loop (best of 5).

    Articles/s depend on the machine: machines of the same kind here have differed 3.6× on this
    loop, so the table says how fast this one is, and figures from two runs compare only
    together with it.
    """
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        sum(range(10_000_000))
        best = min(best, time.perf_counter() - start)
    return best * 1000


def stage_shares(limit: int, target_chars: int) -> list[tuple[str, float]]:
    """Milliseconds per article of each stage: normalise, layout, then each extractor in turn."""
    from vnunion_nlp.extractors import REGISTRY
    from vnunion_nlp.normalize import normalize
    from vnunion_nlp.pipeline import parse

    texts = load_texts(limit, target_chars)
    _init_worker()
    totals: dict[str, float] = dict.fromkeys(["normalise", "layout", *REGISTRY], 0.0)
    for raw in texts:
        start = time.perf_counter()
        text = normalize(raw).text
        totals["normalise"] += time.perf_counter() - start
        start = time.perf_counter()
        parsed = parse(text)
        totals["layout"] += time.perf_counter() - start
        for name, extractor in REGISTRY.items():
            start = time.perf_counter()
            parsed.records[name] = list(extractor(parsed))
            totals[name] += time.perf_counter() - start
    return sorted(((n, 1000 * t / len(texts)) for n, t in totals.items()), key=lambda r: -r[1])


def hostile_timings() -> list[tuple[str, float]]:
    from vnunion_nlp import InputError, extract, extract_html

    cases = {
        "10 MB article": ("Công đoàn tổ chức Đại hội lần thứ VII. " * 270_000)[:10_000_000],
        "1 MB line without spaces": "đ" * 1_000_000,
        "'nhiệm kỳ ' x 100,000": "nhiệm kỳ " * 100_000,
        "50,000 quote characters": "“" * 25_000 + '"' * 25_000,
        "mojibake": "CÃ´ng Ä‘oÃ n tá»‰nh " * 1000,
        "commas x 100,000": "Chủ tịch, " * 100_000,
        "75,000 one-word lines": " a \n" * 75_000,
        "'Nghị quyết ' x 30,000": "Nghị quyết " * 30_000,
        "'các đồng chí: ' x 50,000": "các đồng chí: " * 50_000,
    }  # fmt: skip
    # Precomposed tone marks have no CP1258 byte: "?" stands for them, the bytes stay CP1258.
    cp1258 = ("Công đoàn tỉnh tổ chức Đại hội nhiệm kỳ 2023 - 2028. " * 20_000).encode(
        "cp1258", errors="replace"
    )
    timings = []
    for name, data in [*cases.items(), ("1 MB of CP1258 bytes", cp1258)]:
        start = time.perf_counter()
        extract(data)
        timings.append((name, time.perf_counter() - start))
    start = time.perf_counter()
    with contextlib.suppress(InputError):  # the typed error is the answer: how fast it comes
        extract(bytes(range(256)) * 4_000)
    timings.append(("1 MB of binary junk", time.perf_counter() - start))
    start = time.perf_counter()
    extract_html("<div>" * 10_000 + "Công đoàn" + "</div>" * 10_000)
    timings.append(("HTML nested 10,000 deep", time.perf_counter() - start))
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--ner-articles", type=int, default=30)
    parser.add_argument("--target-chars", type=int, default=6000, help="article size (6000)")
    parser.add_argument("--mode", choices=["single", "workers2", "ner"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode:
        print(json.dumps(measure(args.mode, args.articles, args.ner_articles, args.target_chars)))
        return 0
    results = {}
    for mode in ("single", "workers2", "ner"):
        out = subprocess.run(
            [sys.executable, __file__, "--mode", mode, "--articles", str(args.articles),
             "--ner-articles", str(args.ner_articles), "--target-chars", str(args.target_chars)],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        results[mode] = json.loads(out.strip().splitlines()[-1])
    single, pool, ner = results["single"], results["workers2"], results["ner"]
    print(f"articles: {single['articles']} (mean {single['mean_chars']:.0f} characters); "
          f"machine reference: sum(range(10**7)) in {machine_reference_ms():.0f} ms; "
          f"build: {build()}\n")  # fmt: skip
    print("| run | articles/s | characters/s | peak RSS (MB) | vs underthesea ner |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for label, row in [("vnunion, 1 worker", single), ("vnunion, 2 workers", pool),
                       ("underthesea ner, 1 worker", ner)]:  # fmt: skip
        ratio = row["articles_per_s"] / ner["articles_per_s"]
        print(f"| {label} | {row['articles_per_s']:.1f} | {row['chars_per_s']:,.0f} | "
              f"{row['peak_rss_mb']:.0f} | {ratio:.1f}× |")  # fmt: skip
    print(f"\n2 workers / 1 worker: {pool['articles_per_s'] / single['articles_per_s']:.2f}×")
    stages = stage_shares(min(args.articles, 300), args.target_chars)
    total = sum(ms for _, ms in stages)
    print(f"\n| stage (1 worker, {total:.1f} ms an article in all) | ms an article | share |")
    print("| --- | ---: | ---: |")
    for name, ms in stages:
        print(f"| {name} | {ms:.2f} | {100 * ms / total:.0f} % |")
    print("\n| hostile input | seconds |\n| --- | ---: |")
    for name, seconds in hostile_timings():
        print(f"| {name} | {seconds:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
