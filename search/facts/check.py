"""Facts checked across articles: a figure is corroborated when another article states the same
value about the same thing (their surrounding words overlap), in conflict when it states a
different one."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from search.facts.fact import Fact
from search.text import stem

CORROBORATE_AT = 0.1  # context overlap for the same value to count as the same statement
CORROBORATE_SHARED = 2  # ...and this many words in common for dates and vague magnitudes
CONFLICT_AT = 0.5  # context overlap for a different value to count as a disagreement
CONFLICT_SHARED = 3  # ...and at least this many words in common
CONFLICT_KINDS = ("money", "count", "percent")  # dates of different events share words too


@dataclass
class Conflict:
    article: str
    passage: int
    text: str
    value: float | str
    start: int = -1  # where `text` starts in its passage (one passage may say it twice)

    def as_json(self) -> dict:  # type: ignore[type-arg]
        return {
            "article": self.article,
            "passage": self.passage,
            "text": self.text,
            "value": self.value,
        }


@dataclass
class CheckedFact:
    """A fact with what the rest of the corpus says about it."""

    fact: Fact
    corroborated_by: list[str] = field(default_factory=list)  # article ids
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def status(self) -> str:
        if self.conflicts:
            return "conflict"
        return "corroborated" if self.corroborated_by else "alone"

    def as_json(self) -> dict[str, object]:
        f = self.fact
        data: dict[str, object] = {
            "kind": f.kind,
            "text": f.text,
            "value": f.value,
            "unit": f.unit,
            "qualifier": f.qualifier,
            "article": f.article,
            "passage": f.passage,
            "sentence": f.sentence,
            "corroborated_by": self.corroborated_by,
            "conflicts": [c.as_json() for c in self.conflicts],
        }
        if f.kind == "entity":
            data["mentions"] = f.mentions
        return data


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """How much two contexts share: |a ∩ b| / the smaller of the two (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def same_value(a: Fact, b: Fact) -> bool:
    if isinstance(a.value, str) or isinstance(b.value, str):
        return a.value == b.value
    return abs(a.value - b.value) <= 0.01 * max(abs(a.value), abs(b.value))


def comparable(a: Fact, b: Fact) -> bool:
    """Same kind, and the same currency or a compatible thing counted."""
    if a.kind != b.kind or a.kind == "entity":
        return False
    if a.kind == "money":
        return a.unit == b.unit
    if a.kind == "count" and a.unit and b.unit:
        return bool({stem(w) for w in a.unit.split()} & {stem(w) for w in b.unit.split()})
    return True


COMMON_CONTEXT = 2000  # a context word shared by more figures than this finds no candidates


def check(facts_by_article: dict[str, list[Fact]]) -> dict[str, list[CheckedFact]]:
    """Every article's facts, each with the articles that state the same value about the same
    thing, and those that state a different one (the closest statement in each other article,
    when the two are each other's closest). Candidates come from an inverted index of context
    words, so a corpus of 20k articles is not compared pair by pair."""
    figures = {
        aid: [f for f in facts if f.kind != "entity"] for aid, facts in facts_by_article.items()
    }
    postings: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for facts in figures.values():
        for fact in facts:
            for word in fact.context:
                postings[(fact.kind, word)].append(fact)
    out: dict[str, list[CheckedFact]] = {}
    for aid, facts in facts_by_article.items():
        checked = []
        for fact in facts:
            entry = CheckedFact(fact)
            if fact.kind != "entity":
                by_article: dict[str, dict[int, Fact]] = defaultdict(dict)
                for word in fact.context:
                    found = postings[(fact.kind, word)]
                    if len(found) <= COMMON_CONTEXT:
                        for g in found:
                            if g.article != aid:
                                by_article[g.article][id(g)] = g
                for other in sorted(by_article):
                    _compare(entry, list(by_article[other].values()), figures[aid])
            checked.append(entry)
        out[aid] = checked
    return out


def _agrees(a: Fact, b: Fact) -> bool:
    """The same value said about the same thing: enough context in common."""
    shared = len(a.context & b.context)
    loose = a.kind == "date" or is_vague(a) or is_vague(b)  # common values need more in common
    needed = CORROBORATE_SHARED if loose else 1
    return overlap(a.context, b.context) >= CORROBORATE_AT and shared >= needed


def is_vague(fact: Fact) -> bool:
    """A magnitude without a number ("billions", "tens of thousands", "a few hundred")."""
    return not any(c.isdigit() for c in fact.text)


def _closest(fact: Fact, candidates: list[Fact]) -> tuple[Fact | None, float]:
    best, score = None, 0.0
    for candidate in candidates:
        if comparable(fact, candidate):
            s = overlap(fact.context, candidate.context)
            if s > score:
                best, score = candidate, s
    return best, score


def _compare(entry: CheckedFact, theirs: list[Fact], ours: list[Fact]) -> None:
    fact = entry.fact
    same = [g for g in theirs if comparable(fact, g) and same_value(fact, g)]
    if any(_agrees(fact, g) for g in same):
        entry.corroborated_by.append(same[0].article)
        return
    if fact.kind not in CONFLICT_KINDS:
        return
    best, score = _closest(fact, theirs)
    if best is None or score < CONFLICT_AT or same_value(fact, best):
        return
    if len(fact.context & best.context) < CONFLICT_SHARED:
        return
    back, _ = _closest(best, ours)
    if back is fact:
        entry.conflicts.append(
            Conflict(best.article, best.passage, best.text, best.value, best.start)
        )
