"""From the kept lines of a plain-text article to passages: headings, paragraphs, list items,
tables and quotes, each with a stable index and the file lines it came from."""

from __future__ import annotations

import re

from search.model import Passage, PassageKind
from search.reading.lines import Line, strip_list_marker

LONG_PASSAGE = 4000  # characters: a longer paragraph (a file that is one huge line) is split
_BREAK_AFTER = re.compile(r"[.!?。！？][\"”’)]*\s+|[。！？]")
_SPACE = re.compile(r"\s+")

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_QUOTE = re.compile(r"^>\s?(.*)$")
HEADING_LEVEL = 2  # the title is the article's level 1


def _heading_like(line: Line) -> bool:
    return line.short and not line.sentence_end and not line.list_marker and not line.table_row


def _is_heading(line: Line, following: Line | None) -> bool:
    """A short line with no sentence ending that introduces what follows it."""
    if following is None or not _heading_like(line) or line.text.endswith((":", "：", ",")):
        return False
    if line.title_case_ratio >= 0.6:
        return True
    return following.sentence_like or bool(following.list_marker) or following.table_row


def _same_table(row: Line, following: Line) -> bool:
    """A pipe table goes on with the next line; a table of figures over one blank line too."""
    if row.figures:
        return following.figures and following.number <= row.last + 2
    return following.table_row and following.number == row.last + 1


def build_passages(kept: list[Line]) -> list[Passage]:
    """Group kept lines into passages, in file order."""
    passages: list[tuple[PassageKind, str, int, int, int]] = []  # kind, text, first, last, level
    i = 0
    while i < len(kept):
        line = kept[i]
        following = kept[i + 1] if i + 1 < len(kept) else None

        if line.table_row or line.figures:
            rows = [line]
            while i + 1 < len(kept) and _same_table(rows[-1], kept[i + 1]):
                i += 1
                rows.append(kept[i])
            text = "\n".join(row.text for row in rows)
            passages.append((PassageKind.TABLE, text, rows[0].number, rows[-1].last, 0))
        elif match := _MD_HEADING.match(line.text):
            level = len(match.group(1))
            passages.append(
                (PassageKind.HEADING, match.group(2).strip(), line.number, line.last, level)
            )
        elif match := _QUOTE.match(line.text):
            passages.append((PassageKind.QUOTE, match.group(1).strip(), line.number, line.last, 0))
        elif line.list_marker:
            passages.append(
                (PassageKind.LIST_ITEM, strip_list_marker(line.text), line.number, line.last, 0)
            )
        elif line.date_only and following is not None and following.sentence_end:
            # A timeline entry: the date on one line, what happened on the next.
            text = f"{line.text} — {following.text}"
            passages.append((PassageKind.LIST_ITEM, text, line.number, following.last, 0))
            i += 1
        elif _is_heading(line, following):
            passages.append((PassageKind.HEADING, line.text, line.number, line.last, HEADING_LEVEL))
        elif (
            passages
            and passages[-1][0] is PassageKind.PARAGRAPH
            and passages[-1][3] == line.number - 1
            and not _ends_sentence(passages[-1][1])
            and line.text[:1].islower()
        ):
            # A hard-wrapped paragraph: the previous line stopped mid-sentence.
            kind, text, first, _, level = passages[-1]
            passages[-1] = (kind, f"{text} {line.text}", first, line.last, level)
        else:
            passages.append((PassageKind.PARAGRAPH, line.text, line.number, line.last, 0))
        i += 1
    return [
        Passage(index=index, kind=kind, text=text, lines=(first, last), level=level)
        for index, (kind, text, first, last, level) in enumerate(passages)
    ]


def _ends_sentence(text: str) -> bool:
    return Line(0, text).sentence_end


def split_long_passages(passages: list[Passage], limit: int = LONG_PASSAGE) -> list[Passage]:
    """Passages longer than `limit` characters cut into pieces of at most `limit`: at the last
    sentence end in each piece's second half, else the last space, else anywhere. A real
    paragraph is never that long; a file that is one 5 MB line would otherwise be one passage
    that no screen can draw quickly and no cursor can point into. Headings and tables stay."""
    out: list[Passage] = []
    for passage in passages:
        if len(passage.text) <= limit or passage.kind in (PassageKind.HEADING, PassageKind.TABLE):
            out.append(passage)
            continue
        for piece in _pieces(passage.text, limit):
            out.append(Passage(0, passage.kind, piece, passage.lines, passage.level))
    return [
        Passage(index=i, kind=p.kind, text=p.text, lines=p.lines, level=p.level)
        for i, p in enumerate(out)
    ]


def _pieces(text: str, limit: int) -> list[str]:
    pieces, start = [], 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = 0
        for pattern in (_BREAK_AFTER, _SPACE):
            ends = [m.end() for m in pattern.finditer(window, limit // 2)]
            if ends:
                cut = ends[-1]
                break
        cut = cut or limit
        piece = text[start : start + cut].strip()
        if piece:
            pieces.append(piece)
        start += cut
    rest = text[start:].strip()
    if rest:
        pieces.append(rest)
    return pieces
