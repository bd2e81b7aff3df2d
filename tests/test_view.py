"""The HTML view: highlights render in a real headless Chromium and article text never runs."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from vnunion_nlp import extract
from vnunion_nlp.records import Span, Term
from vnunion_nlp.view import render_html

HOSTILE = (
    "Đại hội Công đoàn xã <script>document.body.dataset.pwned='yes'</script>\n\n"
    "Sáng 5/4, Công đoàn xã tổ chức Đại hội nhiệm kỳ 2023 - 2028 <img src=x "
    "onerror=\"document.body.dataset.pwned='img'\">."
)


def _article_with_a_record() -> str:
    article = extract(HOSTILE)
    start = article.text.index("nhiệm kỳ 2023 - 2028")
    end = start + len("nhiệm kỳ 2023 - 2028")
    if not article.terms:  # the view is tested on its own, whatever the extractors find
        article.terms = [Term(start=start, end=end, text=article.text[start:end],
                              start_year=2023, end_year=2028)]  # fmt: skip
    return render_html(article)


def test_article_text_is_escaped() -> None:
    page = _article_with_a_record()
    assert "<script>document.body.dataset.pwned" not in page
    assert "&lt;script&gt;" in page
    assert "<img src=x" not in page


def test_records_are_highlighted_with_their_fields() -> None:
    page = _article_with_a_record()
    assert "<mark" in page
    assert "start_year" in page  # in the tooltip and the table


def test_span_model_is_the_evidence() -> None:
    assert Span(start=0, end=3, text="abc").text == "abc"


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(_chromium() is None, reason="Debian's chromium is not installed here")
def test_page_in_headless_chromium() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "page.html"
        page.write_text(_article_with_a_record(), encoding="utf-8")
        profile = Path(tmp) / "profile"
        result = subprocess.run(
            [
                _chromium() or "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                "--dump-dom",
                page.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    dom = result.stdout
    assert "data-marks=" in dom, result.stderr[-2000:]
    marks = int(dom.split('data-marks="')[1].split('"')[0])
    assert marks >= 1
    assert "data-pwned" not in dom
