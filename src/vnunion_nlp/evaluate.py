"""Scoring against the gold corpus: precision, recall and F1 per record type, and a CI gate.

Gold files (``corpora/gold/*.yaml``, format in ``corpora/README.md``) name an article and list its
records with a short evidence quote each; the loader checks that every quote occurs in the
normalised text of the article. Predictions come from ``vnunion_nlp.extract`` on the same text.
Each gold record is paired with at most one prediction by the matching key of its type (below);
unpaired gold records are misses, unpaired predictions false positives. Scores are micro-averaged
over the whole gold set. Fields a gold record leaves out are not scored.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Literal

import regex
import yaml
from pydantic import BaseModel, ConfigDict, Field

from vnunion_nlp.normalize import fold, normalize
from vnunion_nlp.pipeline import extract
from vnunion_nlp.records import Article, Record

SCORED_TYPES = ("congresses", "terms", "officials", "indicators", "campaigns", "documents")
Source = Literal["seeds", "external", "samples"]


class GoldError(ValueError):
    """A gold file is malformed or its evidence does not occur in its article."""


class GoldArticle(BaseModel):
    """One gold file, with the normalised text of its article."""

    model_config = ConfigDict(extra="forbid")

    article: str
    source: Source
    annotator: str = ""
    decisions: list[str] = Field(default_factory=list)
    sections: dict[str, Any] | None = None
    congresses: list[dict[str, Any]] = Field(default_factory=list)
    terms: list[dict[str, Any]] = Field(default_factory=list)
    officials: list[dict[str, Any]] = Field(default_factory=list)
    indicators: list[dict[str, Any]] = Field(default_factory=list)
    campaigns: list[dict[str, Any]] = Field(default_factory=list)
    documents: list[dict[str, Any]] = Field(default_factory=list)
    raw_text: str = ""
    text: str = ""


class TypeScore(BaseModel):
    """Scores of one record type."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    fields: dict[str, list[int]] = Field(
        default_factory=dict, description="field → [correct, compared] on matched records"
    )

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


class EvalError(BaseModel):
    """One miss or false positive, with the line of text around it."""

    article: str
    type: str
    kind: Literal["miss", "false positive"]
    record: dict[str, Any]
    line: str


class EvalReport(BaseModel):
    """The outcome of one evaluation."""

    articles: list[str]
    skipped: list[str] = Field(default_factory=list)
    scores: dict[str, TypeScore]
    errors: list[EvalError] = Field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        data = self.model_dump(mode="json")
        for name, score in self.scores.items():
            data["scores"][name].update(
                precision=round(score.precision, 4),
                recall=round(score.recall, 4),
                f1=round(score.f1, 4),
            )
        return data


# --- loading -----------------------------------------------------------------------------------


def _article_text(gold: GoldArticle, gold_dir: Path, shared_dir: Path | None) -> str | None:
    if gold.source == "samples":
        path = gold_dir.parent / "samples" / f"{gold.article}.txt"
        return path.read_text(encoding="utf-8") if path.exists() else None
    if shared_dir is None:
        return None
    if gold.source == "seeds":
        path = shared_dir / "seeds" / f"{gold.article}.txt"
        return path.read_text(encoding="utf-8") if path.exists() else None
    return _external(shared_dir).get(gold.article)


_EXTERNAL_CACHE: dict[Path, dict[str, str]] = {}


def _external(shared_dir: Path) -> dict[str, str]:
    """External articles as the library sees them: title, blank line, text."""
    if shared_dir not in _EXTERNAL_CACHE:
        path = shared_dir / "corpus" / "external" / "union.jsonl"
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        _EXTERNAL_CACHE[shared_dir] = {r["id"]: f"{r['title']}\n\n{r['text']}" for r in rows}
    return _EXTERNAL_CACHE[shared_dir]


def external_text(shared_dir: Path, article_id: str) -> str | None:
    """Text of one article of ``../shared/corpus/external/union.jsonl`` (title + body)."""
    return _external(shared_dir).get(article_id)


def _check_evidence(gold: GoldArticle, path: Path) -> None:
    for name in SCORED_TYPES:
        for record in getattr(gold, name):
            evidence = record.get("evidence")
            if not isinstance(evidence, str) or not evidence:
                raise GoldError(f"{path.name}: a {name} record has no evidence")
            occurrence = int(record.get("occurrence", 1))
            if _find(gold.text, evidence, occurrence) < 0:
                raise GoldError(
                    f"{path.name}: {name} evidence {evidence!r} (occurrence {occurrence}) "
                    "is not in the normalised text"
                )


def _find(text: str, needle: str, occurrence: int) -> int:
    position = -1
    for _ in range(occurrence):
        position = text.find(needle, position + 1)
        if position < 0:
            return -1
    return position


def load_gold(gold_dir: Path, shared_dir: Path | None) -> tuple[list[GoldArticle], list[str]]:
    """Gold articles with their texts, and the files skipped (with the reason).

    Raises:
        GoldError: a file does not validate or one of its evidence quotes is not in its text.
    """
    golds: list[GoldArticle] = []
    skipped: list[str] = []
    shared = shared_dir if shared_dir is not None and shared_dir.is_dir() else None
    for path in sorted(gold_dir.glob("*.yaml")):
        if path.name == "thresholds.yaml":
            continue
        try:
            gold = GoldArticle.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
        except ValueError as exc:
            raise GoldError(f"{path.name}: {exc}") from exc
        text = _article_text(gold, gold_dir, shared)
        if text is None:
            skipped.append(f"{path.name}: its article is not here (../shared absent?)")
            continue
        gold.raw_text = text
        gold.text = normalize(text).text
        _check_evidence(gold, path)
        golds.append(gold)
    return golds, skipped


# --- matching ----------------------------------------------------------------------------------

_PUNCT = regex.compile(r"[\p{P}\p{S}]+")


def folded(value: object) -> str:
    """Lower case, no diacritics, no punctuation or quotes, single spaces."""
    return " ".join(_PUNCT.sub(" ", fold(str(value))).split()) if value is not None else ""


def _same_number(a: object, b: object) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        return math.isclose(float(a), float(b), rel_tol=1e-6)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def _same_unit(gold: object, pred: object) -> bool:
    g, p = folded(gold).split(), folded(pred).split()
    if not g or not p:
        return g == p
    shorter, longer = (g, p) if len(g) <= len(p) else (p, g)
    return longer[: len(shorter)] == shorter


def _symbol(value: object) -> str:
    return "".join(str(value).split()).upper() if value else ""


def _match_congress(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    keyed = gold.get("ordinal") is not None or gold.get("term_start") is not None
    if keyed:
        return all(gold.get(k) == pred.get(k) for k in ("ordinal", "term_start", "term_end"))
    g, p = folded(gold.get("organization")), folded(pred.get("organization"))
    return bool(g) and (g == p or (bool(p) and (g in p or p in g)))


def _match_document(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    if folded(gold.get("doc_type")) != folded(pred.get("doc_type")):
        return False
    if gold.get("symbol"):
        return _symbol(gold["symbol"]) == _symbol(pred.get("symbol"))
    if gold.get("number"):
        return str(gold["number"]) == str(pred.get("number"))
    if gold.get("title"):
        g, p = folded(gold["title"]), folded(pred.get("title"))
        return bool(p) and (g == p or g.startswith(p) or p.startswith(g))
    # Neither symbol, number nor title ("Nghị quyết Đại hội … (khóa XII)"): type and session,
    # else type and issuer.
    for key in ("session", "issuer"):
        if gold.get(key):
            return folded(gold[key]) == folded(pred.get(key))
    return not (pred.get("symbol") or pred.get("number"))


MATCHERS: dict[str, Callable[[dict[str, Any], dict[str, Any]], bool]] = {
    "congresses": _match_congress,
    "terms": lambda g, p: (
        (g.get("start_year"), g.get("end_year")) == (p.get("start_year"), p.get("end_year"))
    ),
    "officials": lambda g, p: folded(g.get("name")) == folded(p.get("name")),
    "indicators": lambda g, p: (
        _same_number(g.get("value"), p.get("value"))
        and _same_number(g.get("total"), p.get("total"))
        and _same_unit(g.get("unit"), p.get("unit"))
    ),
    "campaigns": lambda g, p: folded(g.get("name")) == folded(p.get("name")),
    "documents": _match_document,
}


def _positions_equal(gold: object, pred: object) -> bool:
    g = {folded(x) for x in gold or []}  # type: ignore[attr-defined]
    p = {folded(x) for x in pred or []}  # type: ignore[attr-defined]
    return g == p


def _date_equal(gold: object, pred: object) -> bool:
    return str(gold) == str(pred) if gold is not None else pred is None


FIELDS: dict[str, dict[str, Callable[[object, object], bool]]] = {
    "congresses": {"date": _date_equal, "committee_size": lambda g, p: g == p},
    "officials": {"role": lambda g, p: g == p, "positions": _positions_equal},
    "indicators": {"is_target": lambda g, p: bool(g) == bool(p)},
    "documents": {"issued_on": _date_equal},
}


def _pair(
    golds: list[dict[str, Any]], preds: list[dict[str, Any]], match: Callable[..., bool]
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Greedy one-to-one pairing in document order: (pairs, unmatched gold, unmatched pred)."""
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    missed: list[int] = []
    for gi, gold in enumerate(golds):
        for pi, pred in enumerate(preds):
            if pi not in used and match(gold, pred):
                used.add(pi)
                pairs.append((gi, pi))
                break
        else:
            missed.append(gi)
    return pairs, missed, [pi for pi in range(len(preds)) if pi not in used]


_SENTENCE_STOPS = (". ", "! ", "? ", "; ")


def _line_around(text: str, start: int, end: int, width: int = 200) -> str:
    """The sentence (or list item, caption, line) holding ``text[start:end]``.

    It stops at a line break or a sentence stop followed by a space ("1.226" and "12,5" do not
    stop it), and at most ``width`` characters each side of the record, so a run-on paragraph
    still gives a readable excerpt.
    """
    head = text[max(0, start - width) : start]
    cuts = [head.rfind("\n") + 1] + [head.rfind(p) + len(p) for p in _SENTENCE_STOPS if p in head]
    begin = start - len(head) + max(cuts)
    tail = text[end : end + width]
    stops = [tail.find(p) + 1 for p in _SENTENCE_STOPS if p in tail]
    if "\n" in tail:
        stops.append(tail.find("\n"))
    finish = end + (min(stops) if stops else len(tail))
    return text[begin:finish].strip()


def _gold_span(gold: GoldArticle, record: dict[str, Any]) -> tuple[int, int]:
    evidence = str(record["evidence"])
    start = _find(gold.text, evidence, int(record.get("occurrence", 1)))
    return start, start + len(evidence)


def evaluate(
    golds: Iterable[GoldArticle],
    only: str | None = None,
    predict: Callable[[GoldArticle], Article] | None = None,
) -> EvalReport:
    """Score predictions against the gold articles.

    Args:
        golds: articles from ``load_gold``.
        only: score a single record type.
        predict: how to get the Article of a gold article (default: ``extract`` on its text).
    """
    types = [only] if only else list(SCORED_TYPES)
    scores = {name: TypeScore() for name in types}
    errors: list[EvalError] = []
    names: list[str] = []
    run = predict or (lambda g: extract(g.raw_text, source=g.article))
    for gold in golds:
        names.append(gold.article)
        article = run(gold)
        for name in types:
            gold_records: list[dict[str, Any]] = getattr(gold, name)
            predicted: list[Record] = getattr(article, name)
            preds = [p.model_dump(mode="json") for p in predicted]
            pairs, missed, extra = _pair(gold_records, preds, MATCHERS[name])
            score = scores[name]
            score.tp += len(pairs)
            score.fn += len(missed)
            score.fp += len(extra)
            for gi, pi in pairs:
                for field, same in FIELDS.get(name, {}).items():
                    if field in gold_records[gi]:
                        tally = score.fields.setdefault(field, [0, 0])
                        tally[0] += same(gold_records[gi][field], preds[pi].get(field))
                        tally[1] += 1
            for gi in missed:
                start, end = _gold_span(gold, gold_records[gi])
                errors.append(
                    EvalError(article=gold.article, type=name, kind="miss",
                              record=gold_records[gi], line=_line_around(gold.text, start, end))
                )  # fmt: skip
            for pi in extra:
                record = predicted[pi]
                errors.append(
                    EvalError(article=gold.article, type=name, kind="false positive",
                              record=_brief(preds[pi]),
                              line=_line_around(article.text, record.start, record.end))
                )  # fmt: skip
    return EvalReport(articles=names, scores=scores, errors=errors)


def _brief(record: dict[str, Any]) -> dict[str, Any]:
    skip = {"start", "end", "section_index", "extractor", "confidence", "mentions"}
    return {k: v for k, v in record.items() if k not in skip and v not in (None, [], "")}


# --- output and gate ---------------------------------------------------------------------------


def format_table(report: EvalReport) -> str:
    """The per-type table: P, R, F1, counts, and the accuracy of key fields."""
    lines = [
        f"{len(report.articles)} gold articles"
        + (f" ({len(report.skipped)} skipped)" if report.skipped else ""),
        "",
        "| type | precision | recall | F1 | tp | fp | fn | key fields (accuracy on matches) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for name, s in report.scores.items():
        fields = ", ".join(f"{field} {ok}/{n}" for field, (ok, n) in sorted(s.fields.items()) if n)
        lines.append(
            f"| {name} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.tp} | {s.fp} | "
            f"{s.fn} | {fields} |"
        )
    return "\n".join(lines)


def format_errors(report: EvalReport) -> str:
    """Every miss and false positive with its line of text."""
    out = []
    for e in report.errors:
        record = json.dumps(e.record, ensure_ascii=False, default=str)
        out.append(f"[{e.article}] {e.type} {e.kind}: {record}\n    … {e.line} …")
    return "\n".join(out)


class Thresholds(BaseModel):
    """``corpora/gold/thresholds.yaml``: the F1 floor of each record type."""

    model_config = ConfigDict(extra="forbid")
    floors: dict[str, float]


def check_gate(report: EvalReport, thresholds_path: Path) -> list[str]:
    """Types whose F1 is below their floor, as messages (empty when the gate passes)."""
    thresholds = Thresholds.model_validate(yaml.safe_load(thresholds_path.read_text("utf-8")))
    failures = []
    for name, floor in thresholds.floors.items():
        score = report.scores.get(name)
        if score is not None and score.f1 + 1e-9 < floor:
            failures.append(f"{name}: F1 {score.f1:.3f} is below the floor {floor:.3f}")
    return failures


def run_eval(
    gold_dir: Path,
    shared_dir: Path | None,
    only: str | None = None,
    show_errors: bool = False,
    report_path: Path | None = None,
    gate: bool = False,
) -> int:
    """The ``vnunion eval`` command: print the table, write the report; 1 when the gate fails."""
    golds, skipped = load_gold(gold_dir, shared_dir)
    report = evaluate(golds, only=only)
    report.skipped = skipped
    print(format_table(report))
    for reason in skipped:
        print(f"skipped {reason}")
    if show_errors:
        print()
        print(format_errors(report))
    if report_path is not None:
        report_path.parent.mkdir(parents=True, exist_ok=True)
        data = report.as_json()
        data["created_at"] = dt.datetime.now(dt.UTC).isoformat()
        report_path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    if gate:
        failures = check_gate(report, gold_dir / "thresholds.yaml")
        for failure in failures:
            print(f"GATE FAILED {failure}")
        return 1 if failures else 0
    return 0
