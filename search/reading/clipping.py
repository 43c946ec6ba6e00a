"""Markdown files, and clippings as web clippers save pages: the front matter mapped to the
article's details (`source: <url>` gives the address and the site, `author:` a list of
"[[Name]]" the byline, `tags` kept), and the body cleaned like any page, by the same line
classifier: skip links and menus of links, "Read more" pointers, share lines, copyright
lines, the title repeated as the first heading and the byline line go, each with its reason."""

from __future__ import annotations

from search.model import Passage, PassageKind, RemovedLine
from search.reading.boilerplate import classify
from search.reading.clean import CleanText, first_paragraph
from search.reading.frontmatter import split_front_matter
from search.reading.lines import Line
from search.reading.markdown import parse_markdown_links, reindex
from search.reading.metadata import attribution_of, byline_of

LINKS_SHARE = 0.7  # a passage whose text is this much link text is a list of links
FRONT_MATTER = "front matter (shown in the article's details)"
TITLE = "title (shown as the article's title)"
_MARKERS = {PassageKind.LIST_ITEM: "- ", PassageKind.QUOTE: "> "}


def _as_line(passage: Passage) -> Line:
    """A passage as the classifier sees a line: its first line's number, its text, its kind."""
    first, last = passage.lines or (0, 0)
    raw = _MARKERS.get(passage.kind, "") + passage.text.replace("\n", " ")
    if passage.kind is PassageKind.TABLE:
        raw = "| " + passage.text.replace("\n", " ") + " |"
    return Line(first, raw, end=last if last != first else None)


def _same_title(heading: str, title: str) -> bool:
    """The first heading repeats the title ("Title" and "Title | Site", in any case)."""
    a, b = heading.casefold().strip(), title.casefold().strip()
    return bool(a) and (a == b or b.startswith(a) or a.startswith(b))


def clean_markdown(
    text: str,
    disabled: frozenset[str] = frozenset(),
    overrides: dict[int, bool] | None = None,
) -> tuple[CleanText, list[str]]:
    """The clean form of a Markdown file: (clean text, notes on its front matter).
    `overrides` are the reader's corrections (file line -> kept or removed): a line inside a
    passage applies to the passage."""
    front, body = split_front_matter(text)
    notes = [front.problem] if front.problem else []
    found = parse_markdown_links(body, first_line=front.lines + 1)
    removed = [
        RemovedLine(line=n, text=line, reason=FRONT_MATTER)
        for n, line in enumerate(text.split("\n")[: front.lines], start=1)
        if line.strip()
    ]
    by_line = {p.lines[0]: p for p, _ in found if p.lines}
    lines = [_as_line(p) for p, _ in found if p.lines]
    known = {
        p.lines[0]: "list of links (a menu, a pointer to another page)"
        for p, share in found
        if p.lines
        and share >= LINKS_SHARE
        and p.kind is not PassageKind.HEADING
        and not byline_of(Line(0, p.text))
    }
    starts = {n: p.lines[0] for p, _ in found if p.lines for n in range(p.lines[0], p.lines[1] + 1)}
    asked = {n: keep for n, keep in (overrides or {}).items() if n in starts}
    by_passage = {starts[n]: keep for n, keep in asked.items()}
    verdict = classify(
        lines, disabled, known if "link list" not in disabled else None, by_passage or None
    )
    meta = verdict.meta
    named = front.fields.get("title")
    if named:  # the front matter names the title: no line of the body is taken for it
        taken = [n for n, r in verdict.removed.items() if r == TITLE]
        for number in taken:
            if not _same_title(by_line[number].text, named):
                del verdict.removed[number]
                verdict.kept.append(next(line for line in lines if line.number == number))
        verdict.kept.sort(key=lambda line: line.number)
    title = named or meta.title
    if meta.title and title and _same_title(meta.title, title):
        title = meta.title  # the page's own heading, without the site's name after it
    kept: list[Passage] = []
    for line in verdict.kept:
        passage = by_line[line.number]
        if (
            not kept
            and passage.kind is PassageKind.HEADING
            and title
            and _same_title(passage.text, title)
        ):
            verdict.removed[line.number] = "repeated title"
            continue
        kept.append(passage)
    for number, reason in verdict.removed.items():
        passage = by_line[number]
        first, last = passage.lines or (number, number)
        source = text.split("\n")
        if reason == "repeated title" and front.fields.get("title") is None and not title:
            reason = TITLE
        removed += [
            RemovedLine(line=n, text=source[n - 1].strip(), reason=reason)
            for n in range(first, last + 1)
            if source[n - 1].strip()
        ]
    removed.sort(key=lambda r: r.line)
    passages = reindex(kept)
    fields = front.fields
    clean = CleanText(
        passages=passages,
        removed=removed,
        title=title,
        byline=fields.get("byline") or meta.byline,
        source=fields.get("source") or meta.source,
        published=fields.get("published") or meta.published,
        url=fields.get("url") or meta.url,
        attribution=attribution_of(first_paragraph(passages)),
        dateline=meta.dateline,
        place=meta.place,
        tags=front.tags,
        restored=[n for n, keep in asked.items() if keep and starts[n] in verdict.restored],
        unkept=[n for n, keep in asked.items() if not keep and starts[n] in verdict.unkept],
    )
    return clean, notes
