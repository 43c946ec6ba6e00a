"""Layout repaired before lines are judged: hard-wrapped and double-spaced text reflowed into
paragraphs, list items told apart from wrapped lines that begin with a number, tables of figures
found and kept row by row, and text written in capitals noted.

Everything here comes from the shape of the text: the distribution of its line lengths (a
hard-wrapped text has most lines just short of one width; a line that stops well short of it,
where the next line's first word would have fitted, ends a paragraph), its indentation
(paragraphs that open with an indent), its blank lines (a blank line after every line is
double spacing, not a paragraph break), and the columns of its tables.
"""

from __future__ import annotations

import re

from search.reading.lines import MONTH, Line, letters_in_capitals, with_flags
from search.reading.newswire import signoff_lines, wire_header

WRAP_MAX_WIDTH = 100  # files wrapped wider than this are one line per paragraph, not wrapped
WRAP_SLACK = 25  # a wrapped line is at least this close to the wrap width
FIT_SLACK = 2  # a line ends a paragraph if the next word would have fitted with this to spare

_COLUMN_GAP = re.compile(r"[^\s.](?: {2,}|\t)\S")
_LEADERS = re.compile(r"[^\s.]\.{3,}\s*[\d(]")
_VERSUS = re.compile(r"\S\s+vs\.?\s+\S", re.I)
_DIGIT = re.compile(r"\d")
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
_MONTH_WORD = re.compile(rf"\b{MONTH}(?!\w)", re.I)
_CLOSING = (".", "!", "?", ":", '"', "”", "’", "'", ")", "。", "！", "？")
_MD_STRUCTURE = re.compile(r"^(?:#{1,6}\s|>|\|)")


def wrap_width(lines: list[Line], capitals: bool = False) -> int | None:
    """The column a hard-wrapped text was wrapped at, or None if it is not hard-wrapped.

    Hard-wrapped text (e-mail, wire stories, plain-text archives) has most lines within a few
    characters of one width, well under 100; scraped web text has one paragraph per line.
    (`capitals`: the text is in capitals, so no line goes on in lower case.)
    """
    lengths = sorted(len(line.raw.rstrip()) for line in lines if not line.blank)
    if len(lengths) < 4:
        return None
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if not 30 <= width <= WRAP_MAX_WIDTH:
        return None
    full = [
        line for line in lines if not line.blank and len(line.raw.rstrip()) >= width - WRAP_SLACK
    ]
    if len(full) < 0.5 * len(lengths):
        return None
    # A wrapped line stops wherever the width ran out, mostly inside a sentence; a paragraph
    # written on one line ends with its sentence.
    inside = [line for line in full if not line.text.endswith(_CLOSING)]
    if len(inside) < 0.4 * len(full):
        return None
    # And the sentence goes on in the next line, often with a word in lower case: a list of
    # headlines in Title Case has lines of one length that end without a stop, too.
    following = {line.number: line for line in lines}
    nexts = [following.get(line.number + 1) for line in inside]
    goes_on = [n for n in nexts if n is not None and not n.blank]
    lower = sum(1 for n in goes_on if not n.text[:1].isupper())
    if goes_on and not capitals and lower < 0.3 * len(goes_on):
        return None
    return width


def _double_spaced(lines: list[Line]) -> bool:
    """A blank line after (nearly) every line: the spacing of a typescript, not paragraphs
    (which are then apart by two blank lines, or by nothing more than their line lengths)."""
    gaps = []
    count = None
    for line in lines:
        if line.blank:
            if count is not None:
                count += 1
        else:
            if count is not None:
                gaps.append(count)
            count = 0
    ones = sum(1 for g in gaps if g == 1)
    none = sum(1 for g in gaps if g == 0)
    return len(gaps) >= 4 and ones >= 0.5 * len(gaps) and none <= 0.1 * len(gaps)


def _indented_paragraphs(lines: list[Line], fixed: set[int]) -> bool:
    """Paragraphs open with an indent and go on flush left (wire stories, typescripts): at
    least two indented lines stop mid-sentence and the next line carries on flush left."""
    opening = 0
    for line, following in zip(lines, lines[1:], strict=False):
        if line.number in fixed or following.number in fixed or following.blank:
            continue
        if (
            line.indent >= 2
            and following.indent == 0
            and len(line.text) >= 30
            and not line.text.endswith(_CLOSING)
        ):
            opening += 1
    return opening >= 2


def _strong_row(line: Line) -> bool:
    """A row of a table of figures on its own evidence: dotted leaders before a figure, columns
    apart by runs of spaces with a figure among them, or one figure "vs" another."""
    text = line.text
    if not text or (" vs" not in text and not _DIGIT.search(text)) or line.words > 16:
        return False
    if _VERSUS.search(text) and (not line.sentence_like or len(_FIGURE.findall(text)) >= 2):
        return True
    if line.sentence_like:
        return False
    return bool(_LEADERS.search(text) or (_COLUMN_GAP.search(text) and _DIGIT.search(text)))


def _weak_row(line: Line) -> bool:
    """A short line that belongs to a table when a table is beside it: a period ("Year",
    "12 mths"), a date row ("Pay April 9"), a column header."""
    text = line.text
    if not text or line.words > 8 or line.sentence_end or text.startswith("("):
        return False
    return bool(_DIGIT.search(text) or _MONTH_WORD.search(text) or _COLUMN_GAP.search(text))


def figure_rows(lines: list[Line]) -> set[int]:
    """The line numbers of the tables of figures in a text: runs of rows, with the period
    labels and sub-headings between them and a caption just above."""
    nonblank = [line for line in lines if not line.blank]
    strong = [i for i, line in enumerate(nonblank) if _strong_row(line)]
    rows: set[int] = set()
    i = 0
    while i < len(strong):
        start = end = strong[i]
        while i + 1 < len(strong) and strong[i + 1] - end <= 4:
            between = nonblank[end + 1 : strong[i + 1]]
            if any(line.sentence_like or line.words > 12 for line in between):
                break
            i += 1
            end = strong[i]
        while end + 1 < len(nonblank) and _weak_row(nonblank[end + 1]):
            following = nonblank[end + 2] if end + 2 < len(nonblank) else None
            if following is not None and following.text[:1].islower():
                break  # a note whose sentence goes on below: prose, not a row
            end += 1
        while start > 0 and (
            _weak_row(nonblank[start - 1])
            or _caption(nonblank[start - 1])
            or _wrapped_row(nonblank[start - 1], nonblank[start])
        ):
            start -= 1
        if end > start:
            rows.update(line.number for line in nonblank[start : end + 1])
        i += 1
    return rows


def _wrapped_row(line: Line, row: Line) -> bool:
    """The first half of a row wrapped over two lines: the row below goes on in lower case."""
    return line.words <= 12 and not line.sentence_end and row.text[:1].islower()


def _caption(line: Line) -> bool:
    return line.words <= 6 and not line.sentence_end and bool(_DIGIT.search(line.text))


def _first_word(line: Line) -> str:
    parts = line.text.split(maxsplit=1)
    return parts[0] if parts else ""


def _starts_item(previous: Line, line: Line) -> bool:
    """Whether `line` opens a list item: a bullet always does; a number ("2.") only after a
    line that ended (a sentence, a colon, another item), never inside a wrapped sentence."""
    marker = line.list_marker
    if not marker:
        return False
    if not marker.strip()[:1].isdigit():
        return True
    return previous.sentence_end or previous.text.endswith(":") or bool(previous.list_marker)


def repair_layout(text: str, *, figures: bool = True) -> list[Line]:
    """The logical lines of a text: file lines, with the lines of each hard-wrapped paragraph
    joined into one, tables of figures marked row by row (unless `figures` is False), and
    text in capitals noted."""
    physical = [Line(number, raw) for number, raw in enumerate(text.split("\n"), start=1)]
    capitals = letters_in_capitals(text)
    fixed = set(signoff_lines(physical))
    header = wire_header(physical)
    if header is not None:
        fixed.add(header.headline)
        if not header.dateline.rest:  # a dateline that opens the body goes on with it
            fixed.add(header.dateline_line)
        if header.byline:
            fixed.add(header.byline)
    rows = figure_rows(physical) - fixed if figures else set()
    width = wrap_width(
        [line for line in physical if line.number not in rows | fixed and not line.list_marker],
        capitals,
    )
    indented = _indented_paragraphs(physical, fixed | rows)
    if width is None and indented:  # a short story: few lines, but its paragraphs are indented
        width = max(len(line.raw.rstrip()) for line in physical)
    double = width is not None and _double_spaced(physical)

    out: list[Line] = []
    parts: dict[int, list[Line]] = {}  # index in `out` of a paragraph -> its file lines
    head_at = -1  # index in `out` of the last non-blank logical line
    blanks = 0
    previous: Line | None = None  # the last non-blank file line
    for line in physical:
        if line.blank:
            blanks += 1
            out.append(with_flags(line, capitals=True) if capitals else line)
            continue
        if capitals or line.number in rows:
            line = with_flags(line, capitals=capitals, figures=line.number in rows)
        joined = previous is not None and _continues(
            previous, line, blanks, width, double, indented, fixed
        )
        if line.list_marker and previous is not None and not joined and width is not None:
            line = with_flags(line, item=_starts_item(previous, line))
        if joined:
            del out[head_at + 1 :]  # the blank lines of double spacing go into the paragraph
            parts.setdefault(head_at, [out[head_at]]).append(line)
        else:
            out.append(line)
            head_at = len(out) - 1
        previous = line
        blanks = 0
    for at, lines in parts.items():  # each hard-wrapped paragraph made one line, once
        first = lines[0]
        out[at] = Line(
            first.number,
            " ".join(part.text for part in lines),
            end=lines[-1].number,
            figures=first.figures,
            capitals=capitals,
        )
    return out


def _continues(
    previous: Line,
    line: Line,
    blanks: int,
    width: int | None,
    double: bool,
    indented: bool,
    fixed: set[int],
) -> bool:
    """Whether file line `line` goes on the paragraph that `previous` is part of."""
    if width is None or (blanks and not double) or blanks >= 2:
        return False
    if previous.number in fixed or line.number in fixed or previous.figures or line.figures:
        return False
    if _MD_STRUCTURE.match(previous.text) or _MD_STRUCTURE.match(line.text):
        return False
    if line.list_marker and _starts_item(previous, line):
        return False
    if previous.list_marker and not indented:
        return len(previous.raw.rstrip()) >= width - WRAP_SLACK and line.indent > 0
    if indented:
        return line.indent == 0
    if line.indent >= previous.indent + 2 and previous.sentence_end:
        return False  # an indent after a full stop opens a paragraph
    room = width - len(previous.raw.rstrip()) - FIT_SLACK
    if len(_first_word(line)) + 1 <= room:
        # The next word would have fitted: the line ended its paragraph, unless it stopped
        # mid-sentence and the next line carries on in lower case.
        return not previous.sentence_end and line.text[:1].islower()
    return True
