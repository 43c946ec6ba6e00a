"""Precision and recall of the fact extractor against hand labels: the seeds (tuned on) and
articles written for this and labelled before the extractor existed (never tuned on)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from search.corpus import load_corpus
from search.facts import Fact, extract

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "facts"


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


def run() -> str:
    rows = ["## Facts: extraction against hand labels\n"]
    rows.append("| set | labelled | found | precision | recall | target |")
    rows.append("|---|---:|---:|---:|---:|---:|")
    sets = [
        ("seeds (tuned on)", ROOT / "seeds", FIXTURES / "seed-labels.yaml", ">= 0.95"),
        ("untuned articles", FIXTURES, FIXTURES / "untuned-labels.yaml", ">= 0.90"),
    ]
    notes = []
    for name, corpus, labels, target in sets:
        s = score(corpus, labels)
        rows.append(
            f"| {name} | {s.labelled} | {s.found} | {s.precision:.2f} | {s.recall:.2f} | {target} |"
        )
        notes += [f"- {name}, missed: {m}" for m in s.missed]
        notes += [f"- {name}, not a labelled figure: {w}" for w in s.wrong]
    return "\n".join(rows) + "\n\n" + ("\n".join(notes) + "\n" if notes else "")


if __name__ == "__main__":
    print(run())
