from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from vnunion_nlp.cli import main, parse_args

README = Path(__file__).resolve().parents[1] / "README.md"
CI = Path(__file__).resolve().parents[1] / ".ci" / "run"


def test_extract_prints_article_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "a.txt"
    page.write_text(
        "Công đoàn tỉnh ra quân\n\n08:00 01/05/2024\n\nSáng 1/5, Công đoàn tỉnh ra quân hưởng ứng Tháng Công nhân năm 2024.",
        encoding="utf-8",
    )
    assert main(["extract", str(page), "--pretty"]) == 0
    article = json.loads(capsys.readouterr().out)
    assert article["title"] == "Công đoàn tỉnh ra quân"
    assert article["published_at"] == "2024-05-01T08:00:00+07:00"


@pytest.mark.parametrize(
    ("content", "name"),
    [(None, "missing.txt"), (b"\x00\x01\x02\x03" * 200, "binary.bin")],
    ids=["missing file", "binary file"],
)
def test_unreadable_input_exits_2_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, name: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    assert main(["extract", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert name in err
    assert len(err.splitlines()) == 1


def test_schema_prints_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert {"congresses", "officials", "indicators", "sections", "removed"} <= set(
        schema["properties"]
    )


def test_parse_args_is_testable() -> None:
    args = parse_args(["extract", "-", "--only", "terms"])
    assert args.file == "-"
    assert args.only == "terms"


def test_ci_runs_the_readme_test_command() -> None:
    blocks = README.read_text(encoding="utf-8").split("```bash\n")
    test_command = blocks[2].split("\n```")[0].strip()
    assert "pytest" in test_command
    assert test_command in CI.read_text(encoding="utf-8")


def _readme_examples() -> list[tuple[str, str]]:
    """Each ```python block of README that a ```text block of its output follows."""
    block = r"(?:(?!```).)*"  # the inside of one block, never across a fence
    pattern = regex.compile(
        rf"```python\n(?P<code>{block})```\s*```text\n(?P<out>{block})```", regex.S
    )
    return [(m["code"], m["out"]) for m in pattern.finditer(README.read_text(encoding="utf-8"))]


EXAMPLES = _readme_examples()


@pytest.mark.parametrize(("code", "output"), EXAMPLES, ids=[c.split("\n")[-2] for c, _ in EXAMPLES])
def test_readme_examples_print_what_readme_shows(code: str, output: str) -> None:
    # A fresh interpreter in the repository, as a reader would run the example.
    ran = subprocess.run(
        [sys.executable, "-c", code], cwd=README.parent, capture_output=True, text=True, check=True
    )
    assert ran.stdout == output
