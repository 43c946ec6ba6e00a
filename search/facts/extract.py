"""The facts of one article: its figures (figures.py) with what each is about (about.py), and
its names (names.py). What one passage cannot settle is settled over the article: which
currency "¥", "francs" or a bare "dlrs" is, the story's currency for a table's "Revs 104.6
mln", and whether numeric dates write the day or the month first."""

from __future__ import annotations

import re
from collections import Counter

from search.facts.about import describe, headline_period, main_subject
from search.facts.around import currency_after
from search.facts.dates import numeric_dates_day_first
from search.facts.fact import Fact
from search.facts.figures import figures_in
from search.facts.names import entities_in, names_of
from search.facts.shapes import SCALE_HEADER
from search.facts.units import DOLLAR_COUNTRIES, FRANC_COUNTRIES, YEN_COUNTRIES, YEN_OR_YUAN
from search.model import Article, PassageKind
from search.text import LATIN_WORD, STOP_WORDS, sentence_spans, stem

__all__ = ["TITLE", "Fact", "context_words", "entities_in", "extract", "figures_in"]

TITLE = -1  # the passage index of facts stated in an article's title
CONTEXT_WORDS = 8  # words each side of a figure that say what it is about


def context_words(text: str, start: int, end: int) -> frozenset[str]:
    """Content words within CONTEXT_WORDS words of a span: what the figure is about."""
    before = LATIN_WORD.findall(text[:start])[-CONTEXT_WORDS:]
    after = LATIN_WORD.findall(text[end:])[:CONTEXT_WORDS]
    return frozenset(stem(w) for w in before + after if w.lower() not in STOP_WORDS and len(w) > 1)


def _decide(candidates: dict[str, tuple[str, ...]], words: str) -> str | None:
    """The one currency whose country words the article uses, if exactly one."""
    named = [code for code, cues in candidates.items() if any(f" {c}" in words for c in cues)]
    return named[0] if len(named) == 1 else None


def _settle_currencies(facts: list[Fact], body: str) -> None:
    words = " " + " ".join(LATIN_WORD.findall(body.lower())) + " "
    money = [f for f in facts if f.kind == "money"]
    named_dollars = {f.unit for f in money if f.unit in DOLLAR_COUNTRIES}
    explicit_us = any("u.s." in f.text.lower() or "us$" in f.text.lower() for f in money)
    for fact in money:
        if fact.unit == YEN_OR_YUAN:
            decided = _decide(YEN_COUNTRIES, words)
            if decided:
                fact.unit = decided
            else:
                fact.note = "¥ is yen or yuan: the article does not say which"
        elif fact.unit == "FRANC":
            decided = _decide(FRANC_COUNTRIES, words)
            fact.unit = decided or "CHF|FRF|BEF"
            if not decided:
                fact.note = "francs: the article does not say whose"
        elif (
            fact.unit == "USD"
            and len(named_dollars) == 1
            and not explicit_us
            and "u.s" not in fact.text.lower()
            and "us" not in fact.text.lower().split()
        ):
            fact.unit = next(iter(named_dollars))  # "1.28 billion dlrs" in a Hong Kong story
    story = Counter(f.unit for f in money if f.unit and "|" not in f.unit).most_common(1)
    for fact in money:
        if fact.unit is None:
            fact.unit = story[0][0] if story else None
            if fact.unit is None:
                fact.note = "money: the article does not say in which currency"


SCALES = {"billions": 1e9, "bln": 1e9, "millions": 1e6, "mln": 1e6, "thousands": 1e3}


def _scale_tables(figures: list[Fact], texts: list[tuple[int, str, bool]]) -> None:
    """Bare numbers under a header that gives their scale are that many: "18.6" under "(DAILY
    AVG BILLIONS)" is 18.6 billion; money when the header names a currency."""
    header = next(
        ((index, m) for index, text, _ in texts if (m := SCALE_HEADER.search(text))), None
    )
    if header is None:
        return
    index, match = header
    factor = SCALES[match.group("scale").lower()]
    currency, _, _ = currency_after(" " + (match.group("currency") or ""), 0)
    for fact in figures:
        below = fact.passage > index or (fact.passage == index and fact.start > match.end())
        if below and fact.kind == "count" and fact.unit is None and fact.step < 1000:
            fact.value, fact.step = fact.value * factor, fact.step * factor
            if currency:
                fact.kind, fact.unit = "money", currency


def _names_pattern(names: list[Fact]) -> re.Pattern[str] | None:
    """One pattern for all of an article's names, longest first."""
    if not names:
        return None
    ordered = sorted({n.text for n in names}, key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(n) for n in ordered) + r")(?![\w])")


def _mentions(text: str, pattern: re.Pattern[str] | None) -> list[tuple[str, int, int]]:
    """Where the article's names occur in a text (no overlaps), as written."""
    if pattern is None:
        return []
    return [(m.group(), m.start(), m.end()) for m in pattern.finditer(text)]


def extract(article: Article) -> list[Fact]:
    """The facts of an article, its title first (passage TITLE), then passage by passage:
    figures and dates with their measure, subject and period; then names (one fact per name,
    at its first mention, with the number of mentions)."""
    texts = [(TITLE, article.title, True)] + [
        (p.index, p.text, p.kind in (PassageKind.HEADING, PassageKind.TABLE))
        for p in article.passages
    ]
    body = "\n".join(text for _, text, _ in texts)
    day_first = numeric_dates_day_first(body)
    figures: list[Fact] = []
    for index, text, _ in texts:
        bounds = sentence_spans(text)
        for fact in figures_in(text, day_first):
            s, e = next(((s, e) for s, e in bounds if s <= fact.start < e), (0, len(text)))
            fact.article, fact.passage, fact.sentence = article.id, index, text[s:e]
            fact.context = context_words(text, fact.start, fact.end)
            figures.append(fact)
    names = names_of(article.id, texts)
    pattern = _names_pattern(names)
    names_in = {index: _mentions(text, pattern) for index, text, _ in texts}
    first = article.passages[0].text if article.passages else ""
    describe(
        figures,
        {index: text for index, text, _ in texts},
        names_in,
        main_subject(article.title, first, names),
        headline_period(article.title),
    )
    _scale_tables(figures, texts)
    _settle_currencies(figures, body)
    return figures + names
