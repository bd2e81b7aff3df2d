"""Output snapshot: prove that a speed change leaves every record as it was.

    python benchmarks/snapshot.py write before.jsonl     # on the old code
    python benchmarks/snapshot.py write after.jsonl      # on the new code
    python benchmarks/snapshot.py compare before.jsonl after.jsonl

``write`` runs the pipeline over the bundled samples and, when present, the ``../shared`` seeds,
the external corpus (union and general news) and the benchmark's joined articles, and writes one
JSON line per article (``Article.model_dump_json``). ``compare`` names the articles whose output
differs and exits 1 if any does; a refactor that is meant to change nothing must print
"identical".
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import SAMPLES, SHARED, load_texts


def articles() -> Iterator[tuple[str, str]]:
    """(name, text) of every article the snapshot covers."""
    for path in sorted(SAMPLES.glob("*.txt")):
        yield f"samples/{path.name}", path.read_text(encoding="utf-8")
    for path in sorted((SHARED / "seeds").glob("*")):
        if path.is_file():
            yield f"seeds/{path.name}", path.read_text(encoding="utf-8", errors="replace")
    for name in ("union.jsonl", "general.jsonl"):
        path = SHARED / "corpus" / "external" / name
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                row = json.loads(line)
                yield f"{name}/{row['id']}", f"{row['title']}\n\n{row['text']}"
    if SHARED.exists():
        for index, text in enumerate(load_texts(150)):
            yield f"joined/{index}", text


def write(out: Path) -> None:
    from vnunion_nlp import extract

    with out.open("w", encoding="utf-8") as handle:
        for name, text in articles():
            dump = extract(text).model_dump(mode="json")
            handle.write(json.dumps({"name": name, "article": dump}, ensure_ascii=False) + "\n")


def compare(before: Path, after: Path) -> int:
    def load(path: Path) -> dict[str, str]:
        rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())
        return {row["name"]: json.dumps(row["article"], sort_keys=True) for row in rows}

    old, new = load(before), load(after)
    differing = sorted(name for name in old.keys() | new.keys() if old.get(name) != new.get(name))
    for name in differing:
        print(f"differs: {name}")
    print(f"{len(old)} articles: " + (f"{len(differing)} differ" if differing else "identical"))
    return 1 if differing else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("write").add_argument("out", type=Path)
    check = commands.add_parser("compare")
    check.add_argument("before", type=Path)
    check.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "write":
        write(args.out)
        return 0
    return compare(args.before, args.after)


if __name__ == "__main__":
    raise SystemExit(main())
