"""The ``vnunion`` command: a thin shell over importable functions.

``parse_args(argv)`` can be tested on its own; each command calls one library function.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from vnunion_nlp.errors import InputError
from vnunion_nlp.extractors import REGISTRY
from vnunion_nlp.pipeline import __version__, extract, extract_html
from vnunion_nlp.records import Article

EXIT_OK, EXIT_SOME_FAILED, EXIT_UNREADABLE = 0, 1, 2


def _read_input(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    return Path(name).read_bytes()


def cmd_extract(args: argparse.Namespace) -> int:
    try:
        data = _read_input(args.file)
        is_html = args.html or args.file.lower().endswith((".html", ".htm"))
        only = args.only.split(",") if args.only else None
        article = (
            extract_html(data, source=args.file, only=only)
            if is_html
            else extract(data, source=args.file, only=only)
        )
    except (OSError, InputError) as exc:
        print(f"vnunion: cannot read {args.file}: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    print(article.model_dump_json(indent=2 if args.pretty else None))
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from vnunion_nlp.view import render_html

    try:
        data = _read_input(args.file)
        is_html = args.file.lower().endswith((".html", ".htm"))
        article = (extract_html if is_html else extract)(data, source=args.file)
    except (OSError, InputError) as exc:
        print(f"vnunion: cannot read {args.file}: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    args.output.write_text(render_html(article), encoding="utf-8")
    print(f"wrote {args.output}")
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    if args.sql:
        from vnunion_nlp.warehouse import schema_sql

        print(schema_sql(args.sql))
    else:
        print(json.dumps(Article.model_json_schema(), ensure_ascii=False, indent=2))
    return EXIT_OK


def cmd_batch(args: argparse.Namespace) -> int:
    from vnunion_nlp import batch

    return batch.run_from_args(args)


def cmd_eval(args: argparse.Namespace) -> int:
    from vnunion_nlp.evaluate import run_eval

    return run_eval(
        gold_dir=args.gold,
        shared_dir=args.shared,
        only=args.only,
        show_errors=args.show_errors,
        report_path=args.report,
        gate=args.gate,
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vnunion", description="Typed records from Vietnamese trade-union news."
    )
    parser.add_argument("--version", action="version", version=f"vnunion_nlp {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    commands = parser.add_subparsers(dest="command", required=True)

    p = commands.add_parser("extract", help="print one article's records as JSON")
    p.add_argument("file", help="a .txt or .html file, or - for standard input")
    p.add_argument("--pretty", action="store_true", help="indent the JSON")
    p.add_argument("--html", action="store_true", help="treat the input as HTML")
    p.add_argument("--only", help=f"comma-separated record types: {','.join(REGISTRY)}")
    p.set_defaults(func=cmd_extract)

    p = commands.add_parser("show", help="write an HTML page showing one article's records")
    p.add_argument("file", help="a .txt or .html file, or - for standard input")
    p.add_argument("-o", "--output", type=Path, default=Path("vnunion-show.html"), help="page")
    p.set_defaults(func=cmd_show)

    p = commands.add_parser("schema", help="print the JSON Schema of Article, or the SQL DDL")
    p.add_argument("--sql", choices=["duckdb", "postgres"], help="print warehouse DDL instead")
    p.set_defaults(func=cmd_schema)

    p = commands.add_parser("batch", help="process many articles into a warehouse")
    try:
        from vnunion_nlp import batch

        batch.add_batch_arguments(p)
    except ImportError:  # pragma: no cover - batch module not built yet
        pass
    p.set_defaults(func=cmd_batch)

    p = commands.add_parser("eval", help="score the extractors against the gold corpus")
    p.add_argument("--gold", type=Path, default=Path("corpora/gold"), help="gold directory")
    p.add_argument("--shared", type=Path, default=Path("../shared"), help="../shared directory")
    p.add_argument("--only", choices=sorted(REGISTRY), help="score one record type")
    p.add_argument("--show-errors", action="store_true", help="list misses and false positives")
    p.add_argument("--report", type=Path, default=Path("reports/eval.json"), help="JSON report")
    p.add_argument("--gate", action="store_true", help="fail below corpora/gold/thresholds.yaml")
    p.set_defaults(func=cmd_eval)
    return parser


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    return build_parser().parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING)
    code: int = args.func(args)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
