"""A self-contained HTML page that shows an Article: sections, highlighted records, a table.

Why by hand rather than displaCy: the page needs tooltips with every field of a record, overlapping
records (a term inside a congress) and a table beside the text, none of which displaCy renders.
Every piece of article text goes through ``html.escape``: an article that contains ``<script>``
shows it as text and never runs it.
"""

from __future__ import annotations

import html
import itertools
import json
from collections.abc import Iterator

from vnunion_nlp.records import RECORD_TYPES, Article, Record, Section

_COLOURS = {
    "congresses": "#f4a261", "terms": "#e9c46a", "officials": "#2a9d8f",
    "indicators": "#8ecae6", "campaigns": "#cdb4db", "documents": "#ffafcc",
    "organizations": "#b5e48c", "locations": "#adb5bd",
}  # fmt: skip
_SECTION_SHADES = {
    "title": "#fff3bf", "dateline": "#f1f3f5", "lead": "#e7f5ff", "heading": "#ffe8cc",
    "paragraph": "#ffffff", "list_item": "#f8f0fc", "caption": "#f3f0ff", "sidebar": "#e6fcf5",
    "byline": "#f1f3f5", "boilerplate": "#f8f9fa",
}  # fmt: skip
_FIELDS_LEFT_OUT = {"start", "end", "text", "section_index", "extractor", "confidence", "mentions"}

_STYLE = """
body{font-family:system-ui,sans-serif;margin:0;display:flex;gap:1rem;line-height:1.5}
main{flex:3;padding:1rem;max-width:60rem} aside{flex:2;padding:1rem;overflow:auto;max-height:100vh}
.sec{padding:.3rem .5rem;margin:.2rem 0;border-left:4px solid #dee2e6;white-space:pre-wrap}
.sec::before{content:attr(data-kind);font-size:.7rem;color:#868e96;display:block}
.removed{color:#adb5bd;text-decoration:line-through}
mark{border-radius:3px;padding:0 1px;cursor:help}
table{border-collapse:collapse;font-size:.8rem;width:100%}
td,th{border:1px solid #dee2e6;padding:2px 4px}
.legend span{display:inline-block;padding:0 .4rem;margin:.1rem;border-radius:3px;font-size:.8rem}
"""
# Our own script, the only one on the page: it counts the marks so a test can see they rendered.
_SCRIPT = "document.body.dataset.marks=document.querySelectorAll('mark').length;"


def _fields(record: Record) -> dict[str, object]:
    data = record.model_dump(mode="json", exclude=_FIELDS_LEFT_OUT)
    return {k: v for k, v in data.items() if v not in (None, [], "")}


def _records(article: Article) -> Iterator[tuple[str, int, Record]]:
    for name in RECORD_TYPES:
        for index, record in enumerate(getattr(article, name)):
            yield name, index, record


def _render_section(article: Article, section: Section, removed: bool) -> str:
    inside = [
        (name, index, record)
        for name, index, record in _records(article)
        if section.start <= record.start and record.end <= section.end
    ]
    cuts = sorted(
        {section.start, section.end}
        | {r.start for _, _, r in inside}
        | {r.end for _, _, r in inside}
    )
    pieces: list[str] = []
    for start, end in itertools.pairwise(cuts):
        active = [(n, i, r) for n, i, r in inside if r.start <= start and end <= r.end]
        chunk = html.escape(article.text[start:end])
        if not active:
            pieces.append(chunk)
            continue
        name, _, _ = active[-1]
        tip = "\n".join(
            f"{n[:-1] if n.endswith('s') else n} #{i}: {json.dumps(_fields(r), ensure_ascii=False)}"
            for n, i, r in active
        )
        labels = " ".join(n for n, _, _ in active)
        pieces.append(
            f'<mark data-labels="{labels}" style="background:{_COLOURS[name]}" '
            f'title="{html.escape(tip)}">{chunk}</mark>'
        )
    classes = "sec removed" if removed else "sec"
    shade = _SECTION_SHADES[section.kind]
    reason = f" ({section.reason})" if section.reason else ""
    return (
        f'<div class="{classes}" data-kind="{section.kind}{html.escape(reason)}" '
        f'style="background:{shade}">{"".join(pieces)}</div>'
    )


def _table(article: Article) -> str:
    rows = []
    for name, index, record in _records(article):
        fields = html.escape(json.dumps(_fields(record), ensure_ascii=False))
        rows.append(
            f'<tr><td style="background:{_COLOURS[name]}">{name} #{index}</td>'
            f"<td>{html.escape(record.text)}</td><td>{fields}</td></tr>"
        )
    return (
        "<table><tr><th>record</th><th>evidence</th><th>fields</th></tr>"
        + "".join(rows)
        + "</table>"
    )


def render_html(article: Article) -> str:
    """The whole page for one Article, with no external resources."""
    blocks = sorted(
        [(s.start, _render_section(article, s, False)) for s in article.sections]
        + [(s.start, _render_section(article, s, True)) for s in article.removed]
    )
    legend = "".join(
        f'<span style="background:{colour}">{name}</span>' for name, colour in _COLOURS.items()
    )
    title = html.escape(article.title or article.source or article.id)
    return (
        f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{_STYLE}</style></head><body><main><div class=legend>{legend}</div>"
        + "".join(block for _, block in blocks)
        + f"</main><aside>{_table(article)}</aside><script>{_SCRIPT}</script></body></html>"
    )
