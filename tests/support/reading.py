"""Checks of the cleaner that the tests and `make bench` share: no number of a file ever changes,
and the newswire set scored against its hand labels (tests/fixtures/reading/newswire)."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from search.errors import LoadError
from search.model import Article, PassageKind, SourceFile
from search.reading.loader import load_article
from tests.support import FIXTURES, SHARED

NEWSWIRE = SHARED / "data" / "newswire"
NEWSWIRE_LABELS = FIXTURES / "reading" / "newswire" / "labels.json"
PAGES = SHARED / "data" / "pages"

# A number as written: digits with the separators inside it ("13.5", "1,234,000", "8.25").
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def numbers(text: str) -> Counter[str]:
    """Every number of a text, with how often it occurs."""
    return Counter(NUMBER.findall(text))


def missing_numbers(article: Article) -> list[str]:
    """The numbers of the file (as decoded) that are neither in the clean article (title and
    passages) nor in its removed lines: a number the cleaner changed or lost."""
    kept = numbers(article.title) + numbers("\n".join(p.text for p in article.passages))
    kept += numbers("\n".join(r.text for r in article.removed))
    return sorted((numbers(article.text) - kept).elements())


def read(folder: Path, name: str) -> Article:
    """One file of a data folder, read as Dossier reads it."""
    kind = {"txt": "text", "md": "markdown", "html": "html"}[name.rsplit(".", 1)[-1]]
    return load_article(SourceFile(name.rsplit(".", 1)[0], folder, name, kind))


def _words(text: str) -> str:
    return " ".join(text.split())


@dataclass
class NewswireScore:
    """What the newswire checks found over the labelled set."""

    files: int = 0
    titles: int = 0  # the headline is the title
    signoffs: int = 0  # sign-off lines in the set
    signoffs_left: list[str] = field(default_factory=list)  # "file:line" kept as text
    text_lines: int = 0  # lines of article text (the labels' body lines)
    text_removed: list[str] = field(default_factory=list)  # "file:line (reason)"
    may_remove: int = 0  # unmarked reader comments and promos (labels: non_article_lines)
    may_remove_removed: int = 0
    numbers_changed: list[str] = field(default_factory=list)  # "file: number"
    datelines: int = 0
    datelines_read: int = 0  # place and date as the label has them
    bylines: int = 0
    bylines_read: int = 0
    first_words: int = 0  # the clean text begins with the label's first body words
    last_words: int = 0
    last_words_checked: int = 0
    table_lines: int = 0
    table_lines_in_tables: int = 0
    entities_left: list[str] = field(default_factory=list)
    wrong_titles: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # files that did not load


def score_newswire(folder: Path = NEWSWIRE, labels_file: Path = NEWSWIRE_LABELS) -> NewswireScore:
    """Every labelled story read as Dossier reads it and checked against its label."""
    score = NewswireScore()
    for label in json.loads(labels_file.read_text(encoding="utf-8")):
        name = label["file"]
        score.files += 1
        try:
            article = read(folder, name)
        except LoadError as error:
            score.failed.append(f"{name}: {error}")
            continue
        _check(score, name, label, article)
    return score


def _check(score: NewswireScore, name: str, label: dict, article: Article) -> None:
    lines = article.text.split("\n")
    covered = {n: p for p in article.passages if p.lines for n in range(p.lines[0], p.lines[1] + 1)}
    reasons = {r.line: r.reason for r in article.removed}
    if article.title == label["title"]:
        score.titles += 1
    else:
        score.wrong_titles.append(f"{name}: {article.title!r} (label {label['title']!r})")
    for number in label["signoff_lines"]:
        score.signoffs += 1
        if number in covered:
            score.signoffs_left.append(f"{name}:{number}")
    header = {label["title_line"]}
    byline_line = 2 if label["byline"] else None
    if byline_line:
        header.add(byline_line)
    dateline_alone = None
    if label["dateline"]:
        at = next(
            n for n, text in enumerate(lines, start=1) if text.strip().startswith(label["dateline"])
        )
        if lines[at - 1].strip() == label["dateline"]:
            dateline_alone = at
            header.add(at)
    may = {entry["line"] for entry in label["non_article_lines"]}
    for number, text in enumerate(lines, start=1):
        if not text.strip() or number in header or number in label["signoff_lines"]:
            continue
        if number in may:
            score.may_remove += 1
            score.may_remove_removed += number not in covered
            continue
        score.text_lines += 1
        if number not in covered:
            why = reasons.get(number, "not in any passage")
            score.text_removed.append(f"{name}:{number} ({why}) {text.strip()[:60]}")
    score.numbers_changed += [f"{name}: {n}" for n in missing_numbers(article)]
    if label["dateline"]:
        score.datelines += 1
        if article.place == label["dateline_place"] and label["dateline_date"] in (
            article.dateline or ""
        ):
            score.datelines_read += 1
    if label["byline"]:
        score.bylines += 1
        if article.byline and article.byline in label["byline"]:
            score.bylines_read += 1
    body = _words(" ".join(p.text for p in article.passages))
    score.first_words += body.startswith(_words(label["first_body_words"]))
    if not may:
        score.last_words_checked += 1
        score.last_words += body.endswith(_words(label["last_body_words"]))
    tables = {
        n
        for p in article.passages
        if p.kind is PassageKind.TABLE and p.lines
        for n in range(p.lines[0], p.lines[1] + 1)
    }
    score.table_lines += len(label["table_lines"])
    score.table_lines_in_tables += sum(1 for n in label["table_lines"] if n in tables)
    shown = article.title + "\n" + "\n".join(p.text for p in article.passages)
    if re.search(r"&(?:[a-z]+|#\d+);", shown):
        score.entities_left.append(name)
    del dateline_alone


# --- the page benchmark's measure (../shared/tools/score_pages.py) ---------------------------


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """The multiset of 4-word shingles of `\\w+` words (a text of 1-3 words is one shingle)."""
    found = re.findall(r"\w+", text)
    if len(found) < 4:
        return Counter([tuple(found)]) if found else Counter()
    return Counter(tuple(found[i : i + 4]) for i in range(len(found) - 3))


@dataclass
class PageScore:
    """Precision, recall and F1 of one page's output against its true article body."""

    page: str
    precision: float | None
    recall: float | None

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p and r else 0.0


def page_score(page: str, output: str, truth: str) -> PageScore:
    out, ref = shingles(output), shingles(truth)
    tp = sum((out & ref).values())
    fp = sum((out - ref).values())
    fn = sum((ref - out).values())
    return PageScore(page, tp / (tp + fp) if tp + fp else None, tp / (tp + fn) if tp + fn else None)


@dataclass
class PagesScore:
    """The benchmark's figures over a set of pages: means of precision and recall over the
    pages, F1 of the two means, and the share of pages whose own F1 is at least 0.9."""

    pages: list[PageScore]

    @property
    def precision(self) -> float:
        values = [p.precision for p in self.pages if p.precision is not None]
        return sum(values) / len(values) if values else 0.0

    @property
    def recall(self) -> float:
        values = [p.recall for p in self.pages if p.recall is not None]
        return sum(values) / len(values) if values else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def share(self) -> float:
        return sum(1 for p in self.pages if p.f1 >= 0.9) / len(self.pages) if self.pages else 0.0


def page_ids(folder: Path = PAGES) -> list[str]:
    return sorted(p.stem for p in (folder / "truth").glob("*.txt"))


def score_pages(outputs: dict[str, str], folder: Path = PAGES) -> PagesScore:
    """Score outputs (page id -> text) against the true bodies of the benchmark."""
    return PagesScore(
        [
            page_score(page, outputs.get(page, ""), (folder / "truth" / f"{page}.txt").read_text())
            for page in page_ids(folder)
        ]
    )
