"""Cleaning a plain-text article: repair its layout, classify its lines, read its metadata,
build its passages."""

from __future__ import annotations

from dataclasses import dataclass, field

from search.model import Passage, PassageKind, RemovedLine
from search.reading.boilerplate import Classification, classify
from search.reading.layout import repair_layout
from search.reading.lines import Line
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
    dateline: str | None = None
    place: str | None = None
    tags: list[str] = field(default_factory=list)
    restored: list[int] = field(default_factory=list)  # file lines the reader's corrections kept
    unkept: list[int] = field(default_factory=list)  # file lines they removed


def split_lines(text: str) -> list[Line]:
    """The lines of a text, numbered from 1 as an editor numbers them."""
    return [Line(number, raw) for number, raw in enumerate(text.split("\n"), start=1)]


def logical_lines(text: str, disabled: frozenset[str] = frozenset()) -> list[Line]:
    """The lines the cleaner judges: file lines, with hard-wrapped paragraphs joined."""
    return repair_layout(text, figures="table of figures" not in disabled)


def first_paragraph(passages: list[Passage]) -> str:
    return next((p.text for p in passages if p.kind is PassageKind.PARAGRAPH), "")


def removed_lines(text: str, verdict: Classification) -> list[RemovedLine]:
    """One entry per file line removed (also for each line of a removed hard-wrapped
    paragraph), and one per fragment cut from a kept line, in file order."""
    physical = text.split("\n")
    by_number = {line.number: line for line in verdict.lines}
    removed = [
        RemovedLine(line=n, text=physical[n - 1].strip(), reason=reason)
        for number, reason in verdict.removed.items()
        for n in range(number, by_number[number].last + 1)
        if physical[n - 1].strip()
    ]
    removed += [RemovedLine(line=n, text=text, reason=why) for n, text, why in verdict.fragments]
    removed.sort(key=lambda r: r.line)
    return removed


def clean_plain_text(
    text: str,
    disabled: frozenset[str] = frozenset(),
    overrides: dict[int, bool] | None = None,
) -> CleanText:
    """Turn the repaired text of a scraped article or a wire story into a clean, structured
    article. `disabled` names classifier rules to leave out (the bench's ablation);
    `overrides` are the reader's corrections (file line -> kept or removed)."""
    lines = logical_lines(text, disabled)
    verdict = classify(lines, disabled, overrides=overrides)
    passages = build_passages(verdict.kept)
    meta = verdict.meta
    return CleanText(
        passages=passages,
        removed=removed_lines(text, verdict),
        title=meta.title,
        byline=meta.byline,
        source=meta.source,
        published=meta.published,
        url=meta.url,
        attribution=attribution_of(first_paragraph(passages)),
        dateline=meta.dateline,
        place=meta.place,
        restored=verdict.restored,
        unkept=verdict.unkept,
    )
