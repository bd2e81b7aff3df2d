"""The spaCy component and tokenizer, loaded through entry points in a fresh interpreter."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

spacy = pytest.importorskip("spacy")

ARTICLE = (
    "Đại hội Công đoàn huyện Yên Minh\n\n"
    "Sáng 12/3,  Công đoàn huyện Yên Minh tổ chức Đại hội lần thứ IV, nhiệm kỳ 2023 - 2028. "
    "Đại hội đã bầu Ban Chấp hành gồm 9 đồng chí."
)


def run_fresh(code: str) -> dict[str, object]:
    """Run code in a new interpreter that never imports vnunion_nlp itself."""
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    loaded: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return loaded


@pytest.fixture(scope="module")
def fresh_result() -> dict[str, object]:
    return run_fresh(
        f"""
        import json, sys, spacy
        nlp = spacy.blank("vi", config={{"nlp": {{"tokenizer": {{"@tokenizers": "vnunion.tokenizer"}}}}}})
        nlp.add_pipe("vnunion")
        text = {ARTICLE!r}
        doc = nlp(text)
        docs = list(nlp.pipe([text, text + " Hết."], n_process=2))
        print(json.dumps({{
            "same_text": doc.text == text,
            "tokens": [t.text for t in doc],
            "title": doc._.vnunion.title,
            "labels": sorted({{s.label_ for s in doc.spans["vnunion"]}}),
            "span_texts_match": all(
                doc.text[s.start_char:s.end_char] == s.text for s in doc.spans["vnunion"]
            ),
            "pipe_titles": [d._.vnunion.title for d in docs],
        }}))
        """
    )


def test_add_pipe_works_from_entry_points(fresh_result: dict[str, object]) -> None:
    assert fresh_result["title"] == "Đại hội Công đoàn huyện Yên Minh"
    assert "SECTION_TITLE" in fresh_result["labels"]  # type: ignore[operator]


def test_underthesea_tokenizer_keeps_the_text_and_groups_words(
    fresh_result: dict[str, object],
) -> None:
    assert fresh_result["same_text"] is True
    assert "Công đoàn" in fresh_result["tokens"]  # type: ignore[operator]


def test_spans_are_slices_of_the_doc(fresh_result: dict[str, object]) -> None:
    assert fresh_result["span_texts_match"] is True


def test_pipe_with_two_processes(fresh_result: dict[str, object]) -> None:
    assert fresh_result["pipe_titles"] == ["Đại hội Công đoàn huyện Yên Minh"] * 2
