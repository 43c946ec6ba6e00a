"""Cleaning a plain-text article: classify its lines, read its metadata, build its passages."""

from __future__ import annotations

from dataclasses import dataclass, field

from search.model import Passage, PassageKind, RemovedLine
from search.reading.boilerplate import classify
from search.reading.lines import Line, unwrap
from search.reading.metadata import attribution_of
from search.reading.structure import build_passages


@dataclass
class CleanText:
    """The clean form of one text: metadata, passages, and the lines that were removed."""

    passages: list[Passage]
    removed: list[RemovedLine] = field(default_factory=list)
    title: str | None = None
    byline: str | None = None
    source: str | None = None
    published: str | None = None
    url: str | None = None
    attribution: str | None = None


def split_lines(text: str) -> list[Line]:
    """The lines of a text, numbered from 1 as an editor numbers them."""
    return [Line(number, raw) for number, raw in enumerate(text.split("\n"), start=1)]


def logical_lines(text: str) -> list[Line]:
    """The lines the cleaner judges: file lines, with hard-wrapped paragraphs joined."""
    return unwrap(split_lines(text))


def first_paragraph(passages: list[Passage]) -> str:
    return next((p.text for p in passages if p.kind is PassageKind.PARAGRAPH), "")


def clean_plain_text(text: str) -> CleanText:
    """Turn the repaired text of a scraped article into a clean, structured article."""
    physical = text.split("\n")
    lines = logical_lines(text)
    verdict = classify(lines)
    passages = build_passages(verdict.kept)
    by_number = {line.number: line for line in lines}
    removed = [  # one entry per file line, also for a removed hard-wrapped paragraph
        RemovedLine(line=n, text=physical[n - 1].strip(), reason=reason)
        for number, reason in verdict.removed.items()
        for n in range(number, by_number[number].last + 1)
        if physical[n - 1].strip()
    ]
    removed += [RemovedLine(line=n, text=text, reason=why) for n, text, why in verdict.fragments]
    removed.sort(key=lambda r: r.line)
    meta = verdict.meta
    return CleanText(
        passages=passages,
        removed=removed,
        title=meta.title,
        byline=meta.byline,
        source=meta.source,
        published=meta.published,
        url=meta.url,
        attribution=attribution_of(first_paragraph(passages)),
    )
