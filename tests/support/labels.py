"""Scoring against hand labels (tests/fixtures/facts): the fact extractor's precision and recall,
cross-checking and same story. The tests and `make bench` share it, so both report the same
numbers.

Two label sets: the seeds' (seed-labels.yaml, untuned-labels.yaml: kind and value per article)
and the labels drawn from ../shared/data (labels/: figures.json, pairs.json, same_story.json,
made by a separate labeller before this extractor existed; see labels/README.md). Those are
read with the labeller's own passage split ("reference reading", below), so what is measured is
the facts, not today's cleaner; `score_figures(through_cleaner=True)` measures both together.

Development and held-out halves: a document (a pair: its two documents) is in the held-out
half when the SHA-1 of its path is odd. Rules were developed looking at the development half's
failures only; the held-out half is reported separately.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from search.facts.about import measure_key, subject_key
from search.facts.extract import TITLE, Fact, extract
from search.facts.units import MEASURE, measure_unit
from search.model import Article, Passage, PassageKind
from search.reading.corpus import load_corpus
from tests.support import FIXTURES, SHARED

FACT_LABELS = FIXTURES / "facts"
LABELS = FACT_LABELS / "labels"
DATA = SHARED / "data"


# --- the seeds' labels (kind and value per article) ----------------------------------------------


@dataclass
class Score:
    labelled: int
    found: int
    correct: int
    missed: list[str]
    wrong: list[str]

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.labelled if self.labelled else 1.0


# These two label sets name fewer kinds: whatever is counted or measured is a count, and
# percentage points are percentages; small number words ("two", "one") are not labelled.
OLD_KINDS = {"measure": "count", "duration": "count", "percentage_points": "percent"}


def _small_word(fact: Fact) -> bool:
    return (
        fact.text.split()[-1].isalpha()
        and not any(c.isdigit() for c in fact.text)
        and (
            fact.upper is None
            and fact.kind not in ("date", "money")
            and abs(float(fact.value)) <= 12
            if not isinstance(fact.value, str)
            else False
        )
    )


def _same(label: dict, fact: Fact) -> bool:
    if label["kind"] != OLD_KINDS.get(fact.kind, fact.kind):
        return False
    if isinstance(fact.value, str):
        return str(label["value"]) == fact.value
    return abs(float(label["value"]) - fact.value) <= 1e-6 * max(1.0, abs(fact.value))


def score(corpus: Path, labels_file: Path) -> Score:
    """Match extracted figures to labels one to one, article by article, by kind and value."""
    labels = yaml.safe_load(labels_file.read_text(encoding="utf-8"))
    articles = {a.id: a for a in load_corpus(corpus).articles}
    result = Score(0, 0, 0, [], [])
    for key, expected in labels.items():
        article = next(a for aid, a in articles.items() if aid.startswith(str(key)))
        found = [f for f in extract(article) if f.kind != "entity" and not _small_word(f)]
        result.labelled += len(expected)
        result.found += len(found)
        left = list(found)
        for label in expected:
            match = next((f for f in left if _same(label, f)), None)
            if match is None:
                result.missed.append(f"{key}: {label['text']}")
            else:
                left.remove(match)
                result.correct += 1
        result.wrong += [f"{key}: {f.text}" for f in left]
    return result


# --- the reference reading of ../shared/data ------------------------------------------------------

DATELINE = re.compile(r"^[A-Z][A-Za-z .,'/&()-]*, [A-Z][a-z]+\.? +\d{1,2} +-(.*)$")


def half(key: str) -> str:
    """ "dev" or "held-out": which half a document (or a pair's two documents) is in."""
    return "held-out" if int(hashlib.sha1(key.encode()).hexdigest(), 16) % 2 else "dev"


def pair_half(a: str, b: str) -> str:
    return half("|".join(sorted((a, b))))


def _blocks(text: str) -> list[tuple[int, str]]:
    """Blank-line separated blocks, stripped, with their offsets in the file."""
    out = []
    for match in re.finditer(r"(?:(?!\n\s*\n).)+(?:\n(?!\s*\n).*)*", text, re.S):
        block = match.group()
        stripped = block.strip()
        if stripped:
            out.append((match.start() + block.index(stripped), stripped))
    return out


def _reuters_blocks(text: str) -> list[tuple[int, str]]:
    """The labeller's split of a wire story (labels/draw.py): the headline, then body blocks
    that start at a blank line or an indented line; the dateline line and sign-off left out."""
    lines = text.split("\n")
    offsets, position = [], 0
    for line in lines:
        offsets.append(position)
        position += len(line) + 1
    out = (
        [(offsets[0] + lines[0].index(lines[0].strip()), lines[0].strip())]
        if lines[0].strip()
        else []
    )
    start, current = 1, []
    for i in range(1, min(4, len(lines))):
        match = DATELINE.match(lines[i])
        if match:
            start = i + 1
            rest = match.group(1).strip()
            if rest:
                current = [(offsets[i] + lines[i].index(rest), rest)]
            break
    end = len(lines)
    for j in range(len(lines) - 1, start - 1, -1):
        if lines[j].strip() in ("Reuter", "&#3;", "REUTER"):
            end = j
    blocks: list[list[tuple[int, str]]] = []
    for i in range(start, end):
        line = lines[i]
        if not line.strip():
            if current:
                blocks.append(current)
                current = []
            continue
        if line[:1].isspace() and current:
            blocks.append(current)
            current = []
        current.append((offsets[i], line))
    if current:
        blocks.append(current)
    for block in blocks:
        first = block[0][0]
        joined = text[first : block[-1][0] + len(block[-1][1])]
        stripped = joined.strip()
        if stripped:
            out.append((first + joined.index(stripped), stripped))
    return out


@dataclass
class Reading:
    """A document read the labeller's way: the article, and where each passage is in the file
    (passage 0 of the split is the title)."""

    doc: str
    article: Article
    text: str
    places: list[tuple[int, int]]  # (file offset, passage index) of each block

    def locate(self, offset: int) -> tuple[int, int] | None:
        """(passage index, offset in it) of a file offset."""
        for (start, index), block in zip(self.places, self._texts(), strict=True):
            if start <= offset < start + len(block):
                return index, offset - start
        return None

    def _texts(self) -> list[str]:
        return [self.article.title] + [p.text for p in self.article.passages]


def read_reference(doc: str) -> Reading:
    path = DATA / doc
    text = path.read_text(encoding="utf-8")
    blocks = _reuters_blocks(text) if "reuters-" in doc else _blocks(text)
    flat = [(offset, block.replace("\n", " ")) for offset, block in blocks]
    title = flat[0][1] if flat else ""
    passages = [Passage(i, PassageKind.PARAGRAPH, block) for i, (_, block) in enumerate(flat[1:])]
    article = Article(id=Path(doc).stem, path=path, title=title, passages=passages)
    places = [(offset, TITLE if i == 0 else i - 1) for i, (offset, _) in enumerate(flat)]
    return Reading(doc, article, text, places)


def labelled_documents() -> list[str]:
    """Every document of the corpus the labels were drawn from (newswire and pages/truth)."""
    docs = [f"newswire/{p.name}" for p in sorted((DATA / "newswire").glob("*.txt"))]
    return docs + [
        f"pages/truth/{p.name}" for p in sorted((DATA / "pages" / "truth").glob("*.txt"))
    ]


@cache
def _labels(name: str):  # type: ignore[no-untyped-def]
    return json.loads((LABELS / name).read_text(encoding="utf-8"))


# --- figures --------------------------------------------------------------------------------------

SAME_UNIT = {
    "tons": "tonnes",
    "barrels a day": "barrels per day",
    "liters": "litres",
    "pounds": "pounds weight",  # a measure's pounds weigh
}


def _unit_agrees(label: dict, fact: Fact) -> bool:
    kind = label["kind"]
    if kind in ("date", "year", "score", "other", "ratio", "percent", "percentage_points"):
        return True
    ours, theirs = fact.unit or "", str(label["unit"] or "")
    if kind == "count":
        return bool(_stems(ours) & _stems(theirs))
    theirs = SAME_UNIT.get(theirs.lower(), theirs)
    written = MEASURE.fullmatch(" " + theirs)
    if kind == "measure" and written is not None:
        theirs = measure_unit(written)  # the label's "kW" is the extractor's "kilowatts"
    return ours.lower() == theirs.lower()


def _stems(text: str) -> set[str]:
    """A word's first four letters (singular and plural meet: game/games, place/places), and
    a model's numbers ("737-400s" and "737-400 planes" count one thing)."""
    return {w[:4] for w in re.findall(r"[A-Za-z]+|\d{3,}", text.lower()) if len(w) > 2}


def label_matches(label: dict, fact: Fact) -> bool:
    """A figure is right when its kind, value and unit are the label's. A label of kind "year"
    is a date of year precision here ("1986", "1986/87")."""
    kind = "date" if label["kind"] == "year" else label["kind"]
    if fact.kind != kind:
        return False
    value = label["value"]
    if isinstance(value, str) or isinstance(fact.value, str):
        if str(value) != str(fact.value):
            return False
    elif abs(float(value) - float(fact.value)) > 1e-3 * max(1.0, abs(float(value))):
        return False
    return _unit_agrees(label, fact)


def _agrees_words(ours: frozenset[str], label_text: str | None, keyer) -> bool:  # type: ignore[no-untyped-def]
    theirs = keyer(label_text)
    return any(
        a == b or (min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)))
        for a in ours
        for b in theirs
    )


@dataclass
class FigureScore:
    labelled: int = 0
    found: int = 0
    correct: int = 0
    measure_right: int = 0
    subject_right: int = 0
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.labelled if self.labelled else 1.0

    def add(self, other: FigureScore) -> None:
        for name in ("labelled", "found", "correct", "measure_right", "subject_right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.missed += other.missed
        self.wrong += other.wrong


def _overlaps(fact: Fact, index: int, start: int, end: int) -> bool:
    return fact.passage == index and fact.start < end and start < fact.end


def score_figures(
    group: str | None = None, part: str | None = None, labels: str = "figures.json"
) -> FigureScore:
    """Extraction against figures.json: each labelled passage's figures (read in its document,
    the labeller's way) matched one to one to the labels by span, kind, value and unit. A
    found figure no label matches (a not-figure, a wrong kind, value or unit) is wrong.
    Measure and subject of the right ones are scored apart: right when they share a word with
    the label's (an organisation's legal form aside)."""
    data = _labels(labels)
    result = FigureScore()
    by_doc: dict[str, list[dict]] = {}
    for passage in data["passages"]:
        if (group and passage["group"] != group) or (part and half(passage["doc"]) != part):
            continue
        by_doc.setdefault(passage["doc"], []).append(passage)
    figures = {f["id"]: f for f in data["figures"]}
    for doc, passages in by_doc.items():
        reading = read_reference(doc)
        facts = [f for f in extract(reading.article) if f.kind != "entity"]
        for passage in passages:
            offset = reading.text.index(passage["passage"])
            place = reading.locate(offset)
            assert place is not None, (doc, passage["index"])
            index, base = place
            found = [f for f in facts if _overlaps(f, index, base, base + len(passage["passage"]))]
            result.found += len(found)
            left = list(found)
            for fid in passage["figures"]:
                label = figures[fid]
                result.labelled += 1
                start, end = base + label["start"], base + label["end"]
                match = next(
                    (
                        f
                        for f in left
                        if _overlaps(f, index, start, end) and label_matches(label, f)
                    ),
                    None,
                )
                name = f"{Path(doc).stem}: {label['kind']} {label['text']!r}"
                if match is None:
                    near = [f for f in left if _overlaps(f, index, start, end)]
                    got = "; ".join(f"{f.kind} {f.value!r} {f.unit}" for f in near) or "nothing"
                    result.missed.append(f"{name} = {label['value']!r} {label['unit']} (got {got})")
                    continue
                left.remove(match)
                result.correct += 1
                if _agrees_words(measure_key(match.measure), label["measure"], measure_key):
                    result.measure_right += 1
                if _agrees_words(subject_key(match.subject), label["subject"], subject_key):
                    result.subject_right += 1
            result.wrong += [
                f"{Path(doc).stem}: {f.kind} {f.text!r} {f.value!r} {f.unit}" for f in left
            ]
    return result


# --- pairs and same story ------------------------------------------------------------------------


@dataclass
class PairScore:
    """Predicted against labelled relations of figure pairs (or article pairs)."""

    rows: list[tuple[str, str, str]] = field(default_factory=list)  # (id, label, predicted)

    def precision(self, relation: str) -> tuple[int, int]:
        """(right, predicted) for one relation."""
        predicted = [r for r in self.rows if r[2] == relation]
        return sum(1 for r in predicted if r[1] == relation), len(predicted)

    def recall(self, relation: str) -> tuple[int, int]:
        labelled = [r for r in self.rows if r[1] == relation]
        return sum(1 for r in labelled if r[2] == relation), len(labelled)


def _fact_at(reading: Reading, facts: list[Fact], side: dict) -> Fact | None:
    assert reading.text[side["start"] : side["end"]] == side["text"]  # offsets in the file
    place = reading.locate(side["start"])
    if place is None:
        return None
    index, start = place
    end = start + side["end"] - side["start"]
    return next((f for f in facts if _overlaps(f, index, start, end)), None)


def score_pairs(
    facts_of: Callable[[str], list[Fact]],
    relation: Callable[[Fact, Fact], str],
    part: str | None = None,
) -> PairScore:
    """pairs.json: for each labelled pair of figures, the relation the checker gives the two
    facts found at their places ("corroborates", "conflicts", "copy" or "none"). A label
    "corroborates" with copy: true is expected as "copy"."""
    result = PairScore()
    for pair in _labels("pairs.json"):
        a_doc, b_doc = pair["a"]["doc"], pair["b"]["doc"]
        if part and pair_half(a_doc, b_doc) != part:
            continue
        label = "copy" if pair.get("copy") else pair["label"]
        label = "none" if label == "unrelated" else label
        a = _fact_at(read_reference(a_doc), facts_of(Path(a_doc).stem), pair["a"])
        b = _fact_at(read_reference(b_doc), facts_of(Path(b_doc).stem), pair["b"])
        predicted = relation(a, b) if a is not None and b is not None else "none"
        result.rows.append((pair["id"], label, predicted))
    return result


def score_same_story(related: Callable[[str, str], str], part: str | None = None) -> PairScore:
    """same_story.json: "copy", "same_story" or "different" for each labelled article pair,
    against what `related(a, b)` says ("copy", "same_story" or "different")."""
    result = PairScore()
    for pair in _labels("same_story.json"):
        if part and pair_half(pair["a"], pair["b"]) != part:
            continue
        predicted = related(Path(pair["a"]).stem, Path(pair["b"]).stem)
        result.rows.append((pair["id"], pair["label"], predicted))
    return result


# --- the whole labelled corpus, checked as the fact store checks a corpus ----------------------


@dataclass
class CheckedCorpus:
    """Every document of ../shared/data read the labeller's way, its facts checked across the
    others with the store's own steps (copies, same-story partners by compare's measure, then
    check), and what the label scorers need to ask of it."""

    facts: dict[str, list[Fact]]
    checked: dict[str, list]  # type: ignore[type-arg]
    copies: set[frozenset[str]]
    same: set[frozenset[str]]
    scores: dict[frozenset[str], float]
    index: dict[tuple[str, int, int, str, int, int], object] = field(default_factory=dict)

    def relation(self, a: Fact, b: Fact) -> str:
        link = self.index.get((a.article, a.passage, a.start, b.article, b.passage, b.start))
        link = link or self.index.get(
            (b.article, b.passage, b.start, a.article, a.passage, a.start)
        )
        return link.relation if link is not None else "none"  # type: ignore[attr-defined]

    def related(self, a: str, b: str) -> str:
        pair = frozenset((a, b))
        return "copy" if pair in self.copies else "same_story" if pair in self.same else "different"

    def links(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for entries in self.checked.values():
            for entry in entries:
                for link in entry.links:
                    counts[link.relation] = counts.get(link.relation, 0) + 1
        return counts


@cache
def checked_corpus() -> CheckedCorpus:
    from search.compare import similarity_of
    from search.facts.check import check
    from search.facts.stories import SAME_STORY, candidates, copy_pairs, shingles, story_terms

    articles = {Path(d).stem: read_reference(d).article for d in labelled_documents()}
    facts = {aid: extract(a) for aid, a in articles.items()}
    copies = copy_pairs({aid: shingles(a) for aid, a in articles.items()})
    scores: dict[frozenset[str], float] = {}
    for aid, found in candidates({k: story_terms(a) for k, a in articles.items()}).items():
        for other, _ in found:
            pair = frozenset((aid, other))
            if pair not in scores:
                both = (facts[aid], facts[other])
                scores[pair] = (
                    1.0
                    if pair in copies
                    else similarity_of(articles[aid], articles[other], facts=both)
                )
    same = {pair for pair, score in scores.items() if score >= SAME_STORY} | copies
    checked = check(
        facts,
        copies=lambda a, b: frozenset((a, b)) in copies,
        same_story=lambda a, b: frozenset((a, b)) in same,
    )
    corpus = CheckedCorpus(facts, checked, copies, same, scores)
    for aid, entries in checked.items():
        for entry in entries:
            for link in entry.links:
                key = (
                    aid,
                    entry.fact.passage,
                    entry.fact.start,
                    link.article,
                    link.passage,
                    link.start,
                )
                corpus.index[key] = link
    return corpus


def similarity_scores(part: str | None = None) -> list[tuple[str, float]]:
    """(label, compare's similarity) of each labelled article pair: what the threshold is
    chosen on."""
    from search.compare import similarity_of

    out = []
    for pair in _labels("same_story.json"):
        if part and pair_half(pair["a"], pair["b"]) != part:
            continue
        a, b = read_reference(pair["a"]).article, read_reference(pair["b"]).article
        out.append((pair["label"], similarity_of(a, b)))
    return out


def recall_through_cleaner(
    part: str | None = None, labels: str = "figures.json"
) -> tuple[int, int]:
    """(found, labelled): the labelled figures that the facts of each document, as today's
    cleaner reads it (search.reading), state with the label's kind, value and unit anywhere in
    the article. Only recall: the labels cover sampled passages, not whole articles."""
    from search.reading.corpus import scan_corpus
    from search.reading.loader import load_article

    data = _labels(labels)
    by_doc: dict[str, list[dict]] = {}
    for label in data["figures"]:
        if not part or half(label["doc"]) == part:
            by_doc.setdefault(label["doc"], []).append(label)
    found = total = 0
    sources = {}
    for folder in ("newswire", "pages/truth"):
        for source in scan_corpus(DATA / folder).files:
            sources[f"{folder}/{source.rel}"] = source
    for doc, labels in by_doc.items():
        facts = [f for f in extract(load_article(sources[doc])) if f.kind != "entity"]
        for label in labels:
            total += 1
            match = next((f for f in facts if label_matches(label, f)), None)
            if match is not None:
                facts.remove(match)
                found += 1
    return found, total
