"""Facts checked across articles by subject, measure and period, not by a shared word.

Two figures of the same kind and unit are linked only when they are about the same subject
(their subjects share a name), measure the same thing (their measures share a word that says
what is measured) and are for the same period (or one of them says none):
- they corroborate when their values agree within rounding and qualifiers ("about $200
  billion" and "$200 billion"; 57 and 56.88 billion; "over 1 million" and "1 million");
- they conflict when their values differ beyond that, their measures match closely, their
  periods are both known and equal or the two articles tell the same story, and each is the
  other's closest figure;
- a copy of an article (near-identical text) is no second source: its figures are listed as
  "copy", never as corroboration.
Each link says why (the subject, measure and period the two share) and how sure (0-1).
Candidates come from an index of (kind, unit, subject word), so a corpus of 20k articles is
not compared pair by pair.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from search.facts.about import CONCEPTS, NOT_MEASURE, measure_key, subject_key
from search.facts.fact import Fact
from search.text import stem

APPROXIMATE = frozenset({"about", "nearly", "estimated"})
ABOVE = frozenset({"over", "at least"})
BELOW = frozenset({"under", "up to", "no more than", "at most"})
CONFLICT_AT = 0.5  # measure overlap (Jaccard) from which a different value is a disagreement
CHECKED_KINDS = frozenset(
    "money percent percentage_points count measure duration ratio date score".split()
)
COMMON_POSTING = 1000  # a (kind, unit, subject word) shared by more figures finds no candidates


@dataclass
class Link:
    """Another article's figure linked to this one: how (corroborates, conflicts or copy), why
    (the subject, measure and period they share) and how sure."""

    article: str
    passage: int
    text: str
    value: float | str
    start: int = -1
    end: int = -1
    relation: str = "corroborates"
    subject: str | None = None
    measure: str | None = None
    period: str | None = None
    confidence: float = 0.0

    def why(self) -> str:
        """One line for `v`: "same subject (Japan), measure (exports), period (1987-02)"."""
        parts = [f"subject ({self.subject})" if self.subject else "subject"]
        parts.append(f"measure ({self.measure})" if self.measure else "measure")
        parts.append(f"period ({self.period})" if self.period else "no period stated")
        head = {"corroborates": "agrees", "conflicts": "differs", "copy": "a copy"}[self.relation]
        return f"{head}: same {', '.join(parts)}; confidence {self.confidence:.2f}"

    def as_json(self) -> dict:  # type: ignore[type-arg]
        return {
            "article": self.article,
            "passage": self.passage,
            "text": self.text,
            "value": self.value,
            "relation": self.relation,
            "why": {"subject": self.subject, "measure": self.measure, "period": self.period},
            "confidence": round(self.confidence, 2),
        }


Conflict = Link  # what the app and `dossier facts` called a conflicting statement


@dataclass
class CheckedFact:
    """A fact with what the rest of the corpus says about it."""

    fact: Fact
    links: list[Link] = field(default_factory=list)

    @property
    def corroborated_by(self) -> list[str]:
        """The articles (ids, in order, once each) whose figure agrees with this one."""
        return list(dict.fromkeys(k.article for k in self.links if k.relation == "corroborates"))

    @property
    def conflicts(self) -> list[Link]:
        return [k for k in self.links if k.relation == "conflicts"]

    @property
    def copies(self) -> list[str]:
        return list(dict.fromkeys(k.article for k in self.links if k.relation == "copy"))

    @property
    def status(self) -> str:
        if self.conflicts:
            return "conflict"
        return "corroborated" if self.corroborated_by else "alone"

    def as_json(self) -> dict[str, object]:
        data = self.fact.as_json()
        data["status"] = self.status
        data["corroborated_by"] = self.corroborated_by
        data["conflicts"] = [k.as_json() for k in self.conflicts]
        data["copies"] = self.copies
        data["links"] = [k.as_json() for k in self.links]
        return data

    def to_cache(self) -> list[list[object]]:
        return [
            [k.article, k.passage, k.text, k.value, k.start, k.end, k.relation, k.subject,
             k.measure, k.period, round(k.confidence, 3)]
            for k in self.links
        ]  # fmt: skip

    @staticmethod
    def links_from_cache(rows: list[list[object]]) -> list[Link]:
        return [Link(*row) for row in rows]  # type: ignore[arg-type]


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """How much two sets share: |a ∩ b| / the smaller of the two (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _interval(fact: Fact) -> tuple[float, float]:
    """The values a figure allows: its written precision, widened by its qualifier."""
    value = float(fact.value)  # type: ignore[arg-type]
    if fact.upper is not None:
        return value, fact.upper
    half = fact.step / 2 if fact.step else abs(value) * 0.005
    low, high = value - half, value + half
    qualifier = fact.qualifier or ""
    if qualifier in APPROXIMATE or " of " in qualifier:
        low, high = min(low, value * 0.95), max(high, value * 1.05)
    elif qualifier in ABOVE:  # "more than 1 million" is near 1 million, not any larger number
        high = max(high, value * 1.1)
    elif qualifier in BELOW:
        low = min(low, value * 0.9)
    return low, high


def _significant(fact: Fact) -> int:
    """How many significant digits a figure is written with ("57 billion": 2, "1%": 1)."""
    if not fact.step or not fact.value:
        return 3
    digits = math.floor(math.log10(abs(float(fact.value)))) - math.floor(math.log10(fact.step)) + 1
    return max(1, digits)


def same_value(a: Fact, b: Fact) -> bool:
    """The two values agree within rounding and qualifiers. A coarser figure rounds a finer
    one only when written with two significant digits or more (57 and 56.88 billion agree;
    "1%" and "1.2%" do not)."""
    if isinstance(a.value, str) or isinstance(b.value, str):
        return a.value == b.value
    if a.value == b.value:
        return True
    low_a, high_a = _interval(a)
    low_b, high_b = _interval(b)
    if not (low_a < high_b and low_b < high_a):
        return False
    coarse = a if a.step >= b.step else b
    loose = coarse.qualifier in APPROXIMATE or coarse.upper is not None
    return loose or _significant(coarse) >= 2


def _unit_key(fact: Fact) -> str:
    if fact.kind == "count":
        words = (fact.unit or "").lower().split()
        if not words:
            return ""
        return CONCEPTS.get(words[-1], stem(words[-1]).rstrip("s"))
    if fact.kind in ("date", "score", "ratio"):
        return ""
    return fact.unit or ""


def _word_match(x: str, y: str) -> bool:
    return x == y or (min(len(x), len(y)) >= 4 and (x.startswith(y) or y.startswith(x)))


def _names_match(a: frozenset[str], b: frozenset[str]) -> list[str]:
    """The words of two subjects when one names the other: every word of the shorter is in
    the longer ("Argonaut" and "Argonaut Games"; "Indonesia" and "Indonesian"), not merely one
    word in common ("New Zealand Futures Exchange" is not "Singapore ... Exchange")."""
    if not a or not b:
        return []
    short, long = sorted((a, b), key=len)
    if all(any(_word_match(x, y) for y in long) for x in short):
        return sorted(short)
    return []


def _periods_agree(a: str | None, b: str | None) -> bool:
    """Two periods are different when both name a year (or a quarter, or "a year earlier")
    and these differ; a month against a date or nothing is no difference."""
    if not a or not b or a == b:
        return True
    years_a, years_b = (
        re.findall(r"(?:19|20)\d\d(?:/\d\d)?", a),
        re.findall(r"(?:19|20)\d\d(?:/\d\d)?", b),
    )
    if years_a and years_b and set(years_a).isdisjoint(years_b):
        return False
    if ("earlier" in a) != ("earlier" in b):
        return False
    quarters_a, quarters_b = re.findall(r"q[1-4]", a), re.findall(r"q[1-4]", b)
    return not (quarters_a and quarters_b and quarters_a != quarters_b)


def _period_key(period: str | None) -> str | None:
    if not period:
        return None
    return period.lower().replace("fiscal ", "").strip()


@dataclass
class _Figure:
    fact: Fact
    unit: str
    subject: frozenset[str]
    topic: frozenset[str]
    measure: frozenset[str]
    context: frozenset[str]
    period: str | None


def _figure(fact: Fact) -> _Figure:
    measure = measure_key(fact.measure)
    if fact.kind == "count" and fact.unit:
        measure |= measure_key(fact.unit)
    context = frozenset(w for w in fact.context if w not in NOT_MEASURE and len(w) > 2)
    return _Figure(
        fact,
        _unit_key(fact),
        subject_key(fact.subject),
        subject_key(fact.topic),
        measure,
        context,
        _period_key(fact.period),
    )


def _bucket(value: float) -> int:
    """Values within about 5% of each other fall in one bucket or the next."""
    return round(math.log(abs(value)) * 20) if value else -(10**6)


def _keys(figure: _Figure, lookup: bool = False) -> list[tuple[object, ...]]:
    """Where a figure is filed to be found (`lookup`: where to look for the others): by the
    same value of the same subject or topic (a corroboration), and by the same subject and a
    measure word (a conflict). Keys this specific keep the candidates few whatever the
    corpus's size; a key shared by more than COMMON_POSTING figures finds none."""
    fact, names = figure.fact, {w[:4] for w in figure.subject | figure.topic}
    if isinstance(fact.value, str):
        values: list[object] = [fact.value]
    else:
        value = abs(float(fact.value))
        low, high = _interval(fact)
        low, high = max(abs(low), value / 2), min(abs(high), value * 2)  # at most 14 buckets away
        values = list(range(_bucket(low) - 1, _bucket(high) + 2)) if lookup else [_bucket(value)]
    keys: list[tuple[object, ...]] = [
        ("=", fact.kind, figure.unit, value, name) for value in values for name in names
    ]
    if fact.kind not in ("date", "score", "ratio"):  # these never conflict (see _relate)
        keys += [
            ("≠", fact.kind, figure.unit, name, word)
            for name in {w[:4] for w in figure.subject}
            for word in figure.measure
        ]
    return keys


def _relate(
    a: _Figure, b: _Figure, same_story: bool
) -> tuple[str, float, list[str], list[str]] | None:
    """How two figures of different articles relate: (relation, confidence, shared subject
    words, shared measure words), or None when they are not about the same thing."""
    if a.fact.kind != b.fact.kind or a.unit != b.unit:
        return None
    if not _periods_agree(a.period, b.period):
        return None
    subject = _names_match(a.subject, b.subject)
    measure = sorted(a.measure & b.measure)
    jaccard = len(measure) / len(a.measure | b.measure) if measure else 0.0
    period_score = 1.0 if a.period and a.period == b.period else 0.5
    explicit = bool(a.period and b.period and a.period == b.period)
    if same_value(a.fact, b.fact):
        # the same value: the same subject may be the two articles' own (their topic), and
        # the same measure two words of the sentences around the two figures
        topic = subject or _names_match(a.topic, b.topic) or _names_match(a.subject, b.topic)
        topic = topic or _names_match(a.topic, b.subject)
        about = measure or sorted(a.context & b.context)
        if not (topic or same_story) or not (measure or len(about) >= 2):
            return None
        subject_score = 1.0 if subject else 0.5
        confidence = round((subject_score + max(jaccard, 0.3) + period_score) / 3, 3)
        return "corroborates", confidence, topic, about
    if not subject or len(measure) < 2:
        return None  # a disagreement needs the same thing said twice, not one word in common
    if not same_story and not _names_match(a.topic, b.topic):
        return None  # and two articles about one subject (two companies' tables share "Oper")
    confidence = round((1.0 + jaccard + period_score) / 3, 3)
    if a.fact.kind in ("date", "score", "ratio"):
        return None  # two dates of one subject are usually two events
    if jaccard < CONFLICT_AT:
        return None
    if not explicit and not same_story:
        return None
    return "conflicts", confidence, subject, measure


def check(
    facts_by_article: dict[str, list[Fact]],
    copies: Callable[[str, str], bool] | None = None,
    same_story: Callable[[str, str], bool] | None = None,
) -> dict[str, list[CheckedFact]]:
    """Every article's facts, each with its links to other articles' figures (see the module's
    notes). `copies(a, b)` says whether two articles are copies of one text; `same_story(a,
    b)` whether they tell the same story (conflicts without stated periods need it)."""
    is_copy = copies or (lambda a, b: False)
    is_same = same_story or (lambda a, b: False)
    figures = {
        aid: [_figure(f) for f in facts if f.kind in CHECKED_KINDS and not _is_period(f, facts)]
        for aid, facts in facts_by_article.items()
    }
    postings: dict[tuple[object, ...], list[_Figure]] = defaultdict(list)
    for found in figures.values():
        for figure in found:
            for key in _keys(figure):
                postings[key].append(figure)
    out: dict[str, list[CheckedFact]] = {}
    for aid, facts in facts_by_article.items():
        checked = {id(f): CheckedFact(f) for f in facts}
        for figure in figures[aid]:
            entry = checked[id(figure.fact)]
            candidates: dict[int, _Figure] = {}
            for key in _keys(figure, lookup=True):
                found = postings.get(key, ())
                if len(found) <= COMMON_POSTING:
                    candidates.update((id(g), g) for g in found if g.fact.article != aid)
            best: dict[str, tuple[str, float, list[str], list[str], _Figure]] = {}
            for other in candidates.values():
                related = _relate(figure, other, is_same(aid, other.fact.article))
                if related is None:
                    continue
                kept = best.get(other.fact.article)
                rank = (related[0] == "corroborates", related[1])
                if kept is None or rank > (kept[0] == "corroborates", kept[1]):
                    best[other.fact.article] = (*related, other)
            for article in sorted(best):
                relation, confidence, subject, measure, other = best[article]
                if relation == "conflicts" and not _closest(other, figure, figures[aid]):
                    continue
                if is_copy(aid, article):
                    relation = "copy"
                entry.links.append(
                    Link(
                        article,
                        other.fact.passage,
                        other.fact.text,
                        other.fact.value,
                        other.fact.start,
                        other.fact.end,
                        relation,
                        other.fact.subject if subject else None,
                        " ".join(measure),
                        figure.fact.period or other.fact.period,
                        confidence,
                    )
                )
        out[aid] = list(checked.values())
    return out


def _is_period(fact: Fact, facts: list[Fact]) -> bool:
    """A date that dates another figure of its sentence ("against 1.35 mln in 1986") is that
    figure's period, not a statement of its own."""
    if fact.kind != "date":
        return False
    return any(
        f.kind != "date" and f.sentence == fact.sentence and f.passage == fact.passage
        and f.period is not None and str(fact.value) in f.period
        for f in facts
    )  # fmt: skip


def _closest(theirs: _Figure, mine: _Figure, ours: list[_Figure]) -> bool:
    """Whether `mine` is, of this article's figures, the one closest in measure to `theirs`
    (a conflict is between each other's closest statements)."""

    def score(f: _Figure) -> float:
        if f.fact.kind != theirs.fact.kind or f.unit != theirs.unit:
            return -1.0
        union = f.measure | theirs.measure
        return len(f.measure & theirs.measure) / len(union) if union else 0.0

    top = max(score(f) for f in ours)
    return score(mine) >= top
