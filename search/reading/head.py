"""The head of an article: its title among the lines above the text, and what the lines near
it say (byline, date, source, address), its dateline; each with the reason its line is listed
with when removed."""

from __future__ import annotations

import re
from dataclasses import dataclass

from search.reading import metadata
from search.reading.lines import Line
from search.reading.newswire import Dateline, dateline_of
from search.text import HAN_OR_KANA, STOP_WORDS, content_words


@dataclass
class Metadata:
    """What the header and footer lines say about the article."""

    title: str | None = None
    byline: str | None = None
    source: str | None = None
    published: str | None = None
    url: str | None = None
    dateline: str | None = None  # as written: "CLEVELAND, Feb 26 -"
    place: str | None = None


ROLE_REASONS = {
    "title": "title (shown as the article's title)",
    "byline": "byline (shown in the article's details)",
    "date": "date line (shown as the publication date)",
    "source": "source line (shown in the article's details)",
    "url": "address line (shown in the article's details)",
    "dateline": "dateline (shown in the article's details)",
}


def _content_words(lines: list[Line]) -> set[str]:
    """search.text.content_words of the lines' text, from the words each line already has."""
    found = {t.lower().strip("'’") for line in lines for t in line.tokens}
    found |= {c for line in lines if line.cjk_chars for c in HAN_OR_KANA.findall(line.text)}
    return {w for w in found if w and w not in STOP_WORDS}


def metadata_line(line: Line) -> bool:
    """A byline, a date or a time: what stands between a headline and its text."""
    if line.words > 18:
        return False
    if line.clock or (line.words <= 12 and line.mentions_date):
        return True
    return bool(metadata.byline_of(line))


def title_index(
    head: list[Line], body_words: set[str], details: dict[int, list[Line]] | None = None
) -> int | None:
    """Index in `head` of the title: a headline-shaped line near the top of the text whose
    words recur in it. Shared words / (words + 1) is the base, so that a three-word menu entry
    sharing two words scores below a full headline; a headline printed twice (the page's
    heading and its breadcrumb) and a headline's length count for it; distance from the text
    and a full stop (a standfirst, a caption) against it. `details` gives, by line number,
    the page's lines just below each candidate (where its byline or date would be)."""
    repeats: dict[str, int] = {}
    for line in head:
        repeats[line.text.casefold()] = repeats.get(line.text.casefold(), 0) + 1
    scored: list[tuple[int, float]] = []
    reach = max(0, len(head) - TITLE_REACH)
    for index, line in enumerate(head):
        if line.words < 2 or (line.sentence_end and line.words > 30):
            continue
        # A headline with its byline or date below it is found however far up it is.
        below = (details or {}).get(line.number, head[index + 1 : index + 4])
        above_details = any(metadata_line(x) for x in below)
        if index < reach and not above_details:
            continue
        words = content_words(line.text)
        if not words or metadata_line(line):
            continue
        score = len(words & body_words) / (len(words) + 1)
        score += 0.15 if repeats[line.text.casefold()] > 1 else 0.0
        score += 0.1 if 4 <= line.words <= 25 else 0.0
        score -= 0.25 if line.sentence_end and not line.text.endswith(("?", "!", "”", '"')) else 0.0
        score += 0.2 if above_details else 0.0
        score -= 0.015 * min(len(head) - 1 - index, TITLE_REACH)
        scored.append((index, score))
    best = max((score for _, score in scored), default=0.0)
    if best >= 0.3:
        chosen = next(index for index, score in scored if score == best)
        key = head[chosen].text.casefold()  # a headline printed twice: its first print
        return next(i for i, line in enumerate(head) if line.text.casefold() == key)
    # No header line shares the body's words (a short piece, a headline of puns): the title is
    # then the last headline-shaped line before the body.
    shaped = [
        i
        for i, line in enumerate(head)
        if i >= len(head) - 6 and 2 <= line.words <= 25 and not line.sentence_end
    ]
    return shaped[-1] if shaped else None


def read_metadata(line: Line, meta: Metadata, *, in_header: bool) -> str | None:
    """Record what a header/footer line says about the article; return its role or None."""
    if in_header and (name := metadata.byline_of(line)):
        meta.byline = meta.byline or name
        return "byline"
    if meta.source is None and (name := metadata.source_of(line)):
        if (url := metadata.url_of(Line(line.number, name))) is not None:
            meta.url = meta.url or url
            return "url"
        meta.source = name
        return "source"
    if meta.url is None and (url := metadata.url_of(line)):
        meta.url = url
        return "url"
    if in_header and meta.published is None and (found := metadata.date_in(line)):
        meta.published, rest = found
        if meta.source is None and rest:
            meta.source = metadata.name_beside_date(rest)
        return "date"
    return None


def furniture_reason(head: list[Line], title: int) -> str:
    before = [ln for ln in head if not title or ln.number < title]
    run = longest_short_run(before)
    if run >= MENU_RUN:
        return f"site menu (a run of {run} short lines)"
    return "site header (before the title)"


def longest_short_run(lines: list[Line]) -> int:
    best = current = 0
    for line in lines:
        current = current + 1 if line.short else 0
        best = max(best, current)
    return best


def keep_dateline(meta: Metadata, found: Dateline) -> None:
    """The dateline as written, its place, and its date when it has a year."""
    meta.dateline, meta.place = found.text, found.place
    if found.date and meta.published is None and re.search(r"\d{4}", found.date):
        meta.published = metadata.normalise_date(found.date)


def read_head(
    meta: Metadata,
    head: list[Line],
    body: list[Line],
    footer: list[Line],
    junk: dict[int, str],
    dated: set[int],
    roles: dict[int, str],
    disabled: frozenset[str],
) -> None:
    """The title among the lines above the article, and what the lines near it say."""
    near = head[-TITLE_REACH:]
    if "metadata lines" not in disabled:
        for line in near:
            role = None if line.number in junk else read_metadata(line, meta, in_header=True)
            if role:
                roles[line.number] = role
    candidates = [
        ln
        for ln in head
        if ln.number not in roles and (ln.number not in junk or ln.number in dated)
    ]
    body_words = _content_words(body + footer)
    below = {ln.number: head[i + 1 : i + 4] for i, ln in enumerate(head)}
    title_at = title_index(candidates, body_words, below)
    if title_at is None and not candidates and len(body) > 1 and body[0].words <= 25:
        title_line = body.pop(0)  # a title that reads as a sentence
    elif title_at is not None:
        title_line = candidates[title_at]
    else:
        return
    meta.title = title_line.text
    roles[title_line.number] = "title"


def cut_dateline(
    kept: list[Line], fragments: list[tuple[int, str, str]], meta: Metadata, known: Dateline | None
) -> None:
    """Take the dateline off the first paragraph ("LONDON (Reuters) - ..."): its place and date
    go to the article's details, the words as written to the removed lines."""
    first = next((i for i, ln in enumerate(kept) if ln.sentence_like), None)
    if first is None or first > 2:
        return
    line = kept[first]
    found = known or dateline_of(line.text)
    if found is None or not line.text.startswith(found.text) or not found.rest:
        return
    keep_dateline(meta, found)
    fragments.append((line.number, found.text, ROLE_REASONS["dateline"]))
    kept[first] = Line(
        line.number,
        line.text[len(found.text) :].strip(),
        end=line.end,
        figures=line.figures,
        capitals=line.capitals,
    )


TITLE_REACH = 20  # the title is among this many lines above the article's first line


MENU_RUN = 8  # this many short lines in a row, before the title, are a site menu
