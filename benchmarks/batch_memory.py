"""Memory of a long batch: peak RSS of the writer and of each worker over N articles.

    python benchmarks/batch_memory.py [--articles 100000] [--workers 2] [--every 2]

The articles are the bundled samples made distinct (each gets its own closing line, so every
article has its own id and records, as in a real archive), written to one JSONL file in a
temporary folder. ``vnunion batch FILE --out DIR/bench.duckdb --workers N`` runs on it as a user
would run it, and this script reads the resident memory of the writer and of each worker from
``/proc`` every ``--every`` seconds. It prints, at each tenth of the run, the peak reached so far,
then the growth of that peak between the second and the last tenth (flat memory: near zero).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "corpora" / "samples"
VNUNION = Path(sys.executable).with_name("vnunion")


def write_articles(path: Path, count: int) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            text = f"{texts[i % len(texts)]}\n\nBản tin số {i} của chuyên mục Hoạt động công đoàn."
            out.write(json.dumps({"id": f"bench-{i:07d}", "text": text}, ensure_ascii=False))
            out.write("\n")


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(c) for c in text.split()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--every", type=float, default=2.0, help="seconds between samples")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "articles.jsonl"
        write_articles(data, args.articles)
        command = [str(VNUNION), "batch", str(data), "--out", str(Path(tmp) / "bench.duckdb"),
                   "--workers", str(args.workers), "--no-progress"]  # fmt: skip
        start = time.monotonic()
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        samples: list[tuple[float, float, float]] = []  # seconds, writer MB, largest worker MB
        while proc.poll() is None:
            workers = [rss_mb(c) for c in children(proc.pid)]
            samples.append((time.monotonic() - start, rss_mb(proc.pid), max(workers, default=0)))
            time.sleep(args.every)
        summary = proc.stdout.read() if proc.stdout else ""
        seconds = time.monotonic() - start
    if proc.returncode not in (0, 1) or not samples:
        print(summary)
        raise SystemExit(f"vnunion batch exited with {proc.returncode}")
    print(f"{args.articles:,} articles, {args.workers} workers, {seconds:.0f} s "
          f"({args.articles / seconds:.0f} articles/s)\n")  # fmt: skip
    print("| share of the run | writer peak so far (MB) | largest worker's peak so far (MB) |")
    print("| ---: | ---: | ---: |")
    tenths: list[tuple[float, float]] = []
    for tenth in range(1, 11):
        upto = [s for s in samples if s[0] <= seconds * tenth / 10] or samples[:1]
        writer, worker = max(s[1] for s in upto), max(s[2] for s in upto)
        tenths.append((writer, worker))
        print(f"| {tenth * 10} % | {writer:.0f} | {worker:.0f} |")
    print(f"\npeak writer {tenths[-1][0]:.0f} MB, peak worker {tenths[-1][1]:.0f} MB; growth from "
          f"20 % to 100 % of the run: writer {tenths[-1][0] - tenths[1][0]:+.0f} MB, "
          f"worker {tenths[-1][1] - tenths[1][1]:+.0f} MB")  # fmt: skip
    print("\n" + summary.strip())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
