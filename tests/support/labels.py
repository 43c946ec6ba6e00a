"""Scoring against hand labels (tests/fixtures): the fact extractor's precision and recall. The
tests and `make bench` share it, so both report the same numbers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from search.facts.extract import extract
from search.facts.fact import Fact
from search.reading.corpus import load_corpus
from tests.support import FIXTURES

FACT_LABELS = FIXTURES / "facts"


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


def _same(label: dict, fact: Fact) -> bool:
    if label["kind"] != fact.kind:
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
        found = [f for f in extract(article) if f.kind != "entity"]
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
