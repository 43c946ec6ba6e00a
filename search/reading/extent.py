"""Where the article is on a page of copied text: the stretch of lines richest in prose.

Each line gets a value: prose counts for its words, a table row or a list item a little, and
every line too short to be prose costs something, more the longer the run of short lines it
is part of (a menu, a list of links, a share bar). The article is the stretch with the largest
total (the maximum-sum segment), so a subheading or a caption between two paragraphs stays
while a menu of forty entries before the headline, or a list of other stories after the last
paragraph, does not. Dated entries in a row (comments, other stories with their times) cost as
much as junk, so that a comment thread of prose does not join the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from search.reading.head import metadata_line
from search.reading.lines import Line

JUNK_COST = 6.0  # a line a rule removed (a share bar, a call to action...)
WEAK_COST = 3.0  # a label printed more than once on the page
RUN_COST = 1.0  # the first short line of a run...
RUN_GROWTH = 0.5  # ...and each next one costs this much more
ISOLATED_COST = 0.5  # a short line with a blank line above and below
STAMP_RUN = 3  # dated entries in a row that make a thread or a list of stories
STAMP_GAP = 12  # lines at most between two entries' dates
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_DIGIT = re.compile(r"\d")
_NAME_LIST = re.compile(
    r"^(?:[^,;:]{1,40}:\s*)?[A-Z][\w'’.\- ()]{1,40}(?:\s*[,;]\s*[A-Z][\w'’.\- ()]{1,40}){3,}\.?$"
)


def names_list(line: Line) -> bool:
    """A line that lists names ("Cech, Ferreira, Carvalho, Terry..."): a squad, a longlist,
    the people in a photo. Article text, though it has no sentence in it."""
    return bool(_NAME_LIST.match(line.text)) and line.words >= 4


def value(
    line: Line, run: int, *, junk: bool, weak: bool, names: bool, isolated: bool = False
) -> float:
    """What a line adds to (or takes from) the article around it; `run` is its place in a run
    of short lines (1 for the first). A short line set apart by blank lines (a paragraph of
    its own, as a browser copies a page) costs little: menus are copied as lines in a row."""
    growth = RUN_GROWTH * (run - 1)
    if junk:
        return -(JUNK_COST + growth)
    if weak and not isolated:
        return -(WEAK_COST + growth)
    if line.figures or line.list_marker or line.table_row:
        return 1.0
    if names:
        return 1.0
    if line.sentence_like:
        return line.words
    if line.sentence_end and line.words >= 3:
        return line.words / 2
    if isolated:
        return -ISOLATED_COST
    return -(RUN_COST + growth)


def is_short(line: Line, names: bool) -> bool:
    """Counts towards a run of short lines."""
    if line.figures or line.list_marker or line.table_row or names:
        return False
    return not line.sentence_like and not (line.sentence_end and line.words >= 3)


def best_segment(values: list[float]) -> tuple[int, int] | None:
    """(first, last) index of the stretch with the largest sum, or None if no sum is positive."""
    best, best_span = 0.0, None
    total, start = 0.0, 0
    for index, amount in enumerate(values):
        if total <= 0:
            total, start = amount, index
        else:
            total += amount
        if total > best:
            best, best_span = total, (start, index)
    return best_span


BARRIER = 12.0  # a stretch inside the article costing this much splits it in two blocks
TEASERS = 3  # headline-then-paragraph pairs that make a block a list of other stories
WALL = 12  # lines of a barrier that walls off what follows it...
WALLED_SHARE = 0.4  # ...when that is less than this share of the text before it
TEASER_WORDS = 40  # a teaser's paragraph is a sentence or two: this many words on average


def _barriers(values: list[float], first: int, last: int) -> list[tuple[int, int]]:
    """Stretches inside [first, last] whose lines together cost at least BARRIER: runs of
    removed or short lines between two blocks of text."""
    found, start, total = [], None, 0.0
    for index in range(first, last + 1):
        if values[index] < 0:
            if start is None:
                start, total = index, 0.0
            total += values[index]
        elif start is not None:
            if total <= -BARRIER:
                found.append((start, index - 1))
            start = None
    return found


def teaser_block(lines: list[Line], values: list[float], start: int, end: int) -> bool:
    """Whether lines[start:end + 1] are headline-and-summary pairs: other stories, each a short
    headline line then one paragraph, at least TEASERS of them and most of the block's prose."""
    prose = [i for i in range(start, end + 1) if values[i] > 1.0 and lines[i].sentence_like]
    if len(prose) < TEASERS:
        return False
    paired = []
    for i in prose:
        headed = i > 0 and values[i - 1] < 0 and not lines[i - 1].sentence_end
        alone = i + 1 >= len(lines) or not lines[i + 1].sentence_like
        if headed and alone:
            paired.append(lines[i].words)
    return (
        len(paired) >= TEASERS
        and 2 * len(paired) >= len(prose)
        and sum(paired) <= TEASER_WORDS * len(paired)
    )


def trim_teasers(
    lines: list[Line],
    values: list[float],
    first: int,
    last: int,
    notices: frozenset[int] = frozenset(),
    listed: set[int] | None = None,
) -> tuple[int, int]:
    """The article without what the best stretch took in after it beyond a barrier: a list of
    other stories, or the page's small print (a block holding a copyright line or a notice,
    whose line numbers are `notices`)."""
    for lo, hi in reversed(_barriers(values, first, last)):
        small_print = any(lines[i].number in notices for i in range(hi + 1, last + 1))
        after = sum(v for v in values[hi + 1 : last + 1] if v > 0)
        before = sum(v for v in values[first:lo] if v > 0)
        # Beyond a long block of links, a little text is the page's, not the article's.
        walled = hi - lo + 1 >= WALL and after < WALLED_SHARE * before
        if not (small_print or walled or teaser_block(lines, values, hi + 1, last)):
            break
        last = lo - 1
    return first, last


@dataclass(frozen=True)
class Stamped:
    """A run of dated entries: comments with their times, or other stories with their dates."""

    first: int  # index of the first line of the run (its first entry's first line)
    last: int  # index of the last line of its last entry
    reason: str


def _stamp(line: Line) -> bool:
    """A line that dates an entry: it states a time of day or an age, or it is a date."""
    if line.words > 14 or not _DIGIT.search(line.text):
        return False
    return line.clock or (line.date_only or line.dated) and bool(_YEAR.search(line.text))


def stamped_runs(nonblank: list[Line]) -> list[Stamped]:
    """Runs of at least STAMP_RUN entries that each carry a time or a date of one year: a
    comment thread (the entries hold sentences) or a list of other stories (they do not). A
    timeline whose dates span years is not a run."""
    stamps = [i for i, line in enumerate(nonblank) if _stamp(line)]
    runs: list[Stamped] = []
    i = 0
    while i < len(stamps):
        j = i
        while j + 1 < len(stamps) and stamps[j + 1] - stamps[j] <= STAMP_GAP:
            j += 1
        chosen = stamps[i : j + 1]
        years = {y for k in chosen for y in _YEAR.findall(nonblank[k].text)}
        clocks = sum(1 for k in chosen if nonblank[k].clock)
        if len(chosen) >= STAMP_RUN:
            gaps = [b - a for a, b in zip(chosen, chosen[1:], strict=False)]
            period = max(set(gaps), key=gaps.count) if gaps else 1
            before = chosen[0] - 1
            first = before if before >= 0 and nonblank[before].short else chosen[0]
            last = min(len(nonblank) - 1, chosen[-1] + max(0, period - 1))
            prose = sum(1 for line in nonblank[first : last + 1] if line.sentence_like)
            if clocks * 3 >= 2 * len(chosen) and prose >= len(chosen) / 2:
                runs.append(Stamped(first, last, "comment thread (entries with authors, times)"))
            elif clocks * 3 >= 2 * len(chosen) or len(years) == 1:
                runs.append(Stamped(first, last, "list of other stories (with their dates)"))
        i = j + 1
    return runs


# --- the article's extent among a page's lines ---------------------------------------------


_MARKS = re.compile(r"[^\w\s]")


def like_entries(nonblank: list[Line], junk: dict[int, str]) -> set[int]:
    """Runs of three or more short lines built alike: the same punctuation in the same order,
    two marks at least, one a separator ("England (Group A): 10th", "Spain (Group F): 11th"):
    the rows of a list of data, not a menu (whose entries have no inner punctuation)."""
    found: set[int] = set()
    run: list[Line] = []
    shape = ""

    def close() -> None:
        # Two marks, one of them separating fields (a count in brackets after each entry of a
        # menu, "Sport (15)", is no data).
        if len(run) >= 3 and len(shape) >= 2 and any(mark in shape for mark in ":;,"):
            found.update(line.number for line in run)

    for line in nonblank:
        mine = "".join(_MARKS.findall(line.text)) if line.short else ""
        if line.number in junk or not mine or mine != shape:
            close()
            run, shape = [], mine
        if mine and line.number not in junk:
            run.append(line)
    close()
    return found


def introduced_lists(nonblank: list[Line], junk: dict[int, str]) -> set[int]:
    """Lines of a list that a sentence introduces ("The longlist is:", "England squad:"):
    article text, however short each entry is."""
    found = like_entries(nonblank, junk)
    for index, line in enumerate(nonblank):
        if not line.text.endswith((":", "：")) or line.words < 2 or line.number in junk:
            continue
        for entry in nonblank[index + 1 : index + 41]:
            if entry.number in junk or not entry.short or entry.text.endswith(":"):
                break
            found.add(entry.number)
    return found


def isolated_lines(lines: list[Line]) -> set[int]:
    """Lines with a blank line above and below, when that tells something: not in a text
    where (nearly) every line is set apart."""
    found = {
        line.number
        for i, line in enumerate(lines)
        if not line.blank
        and (i == 0 or lines[i - 1].blank)
        and (i + 1 == len(lines) or lines[i + 1].blank)
    }
    nonblank = sum(1 for line in lines if not line.blank)
    return found if len(found) < 0.8 * nonblank else set()


def line_values(
    nonblank: list[Line],
    junk: dict[int, str],
    weak: dict[int, str],
    listed: set[int],
    isolated: set[int],
    runs: bool = True,
) -> list[float]:
    """Each line's value (`value`); with `runs`, a line's place in a run of short or removed
    lines makes it cost more (a navigation run: a menu, a list of links)."""
    values, run = [], 0
    seen: set[str] = set()
    for line in nonblank:
        names = line.number in listed or names_list(line)
        counts = line.number in junk or is_short(line, names)
        run = (run + 1 if runs else 1) if counts else 0
        # A long line printed a second time (a pull quote, a notice shown twice) adds nothing.
        repeated = line.words >= 15 and line.sentence_like and line.text in seen
        seen.add(line.text)
        values.append(
            value(
                line,
                run,
                junk=line.number in junk,
                weak=line.number in weak or repeated,
                names=names,
                isolated=line.number in isolated and not repeated,
            )
        )
    return values


def has_furniture(nonblank: list[Line], junk: dict[int, str], exempt: set[int]) -> bool:
    """Page furniture: a run of short lines in a row (a menu, a share bar, a list of links) or
    several lines a rule removed. Text without any (a wire story, a clean article, a match
    report's line-ups set apart by blank lines) keeps its lines."""
    if sum(1 for line in nonblank if line.number in junk) >= 3:
        return True
    run, previous = 0, None
    for line in nonblank:
        short = (
            line.number not in junk
            and line.number not in exempt
            and line.short
            and not (line.figures or line.list_marker or line.table_row)
        )
        adjacent = previous is not None and previous.last + 1 == line.number
        run = (run + 1 if adjacent else 1) if short else 0
        previous = line
        if run >= FURNITURE_RUN:
            return True
    return False


def after_byline_block(nonblank: list[Line], first: int, last: int, values: list[float]) -> int:
    """The article's first line moved past a byline or date line near its top: what comes
    before it there (a standfirst, a caption) belongs to the page's header."""
    total = sum(v for v in values[first : last + 1] if v > 0)
    seen = 0.0
    start = first
    for index in range(first, last + 1):
        if seen > 0.3 * total:
            break
        if values[index] > 0:
            seen += values[index]
        if metadata_line(nonblank[index]) and index < last:
            start = index + 1
    return start


def article_extent(
    nonblank: list[Line],
    junk: dict[int, str],
    weak: dict[int, str],
    disabled: frozenset[str],
    isolated: set[int],
    notices: frozenset[int] = frozenset(),
    listed: set[int] | None = None,
) -> tuple[int, int]:
    """(first, last) index of the article's lines among the non-blank lines."""
    if "list of names" in disabled:
        listed = set()
    elif listed is None:
        listed = introduced_lists(nonblank, junk)
    if "article extent" in disabled or not has_furniture(nonblank, junk, listed):
        # Every line is the article's, from its first sentence: the lines above it are
        # its head (title, byline, date).
        prose = next((i for i, line in enumerate(nonblank) if line.sentence_like), 0)
        return prose, len(nonblank) - 1
    values = line_values(nonblank, junk, weak, listed, isolated, "navigation run" not in disabled)
    span = best_segment(values)
    if span is None:
        return 0, len(nonblank) - 1
    first, last = span
    if "story teasers" not in disabled:
        first, last = trim_teasers(nonblank, values, first, last, notices)
    if "byline block" not in disabled:
        first = after_byline_block(nonblank, first, last, values)
    tail = [line for line in nonblank[last + 1 :] if line.number not in junk]
    if (
        tail
        and len(tail) <= 2
        and sum(line.words for line in tail) <= SHORT_TAIL_WORDS
        and all(line.number not in junk for line in nonblank[last + 1 :])
    ):
        last = len(nonblank) - 1
    return first, last


FURNITURE_RUN = 3  # a run of this many short lines in a row is page furniture (a menu...)


SHORT_TAIL_WORDS = 16  # a few short lines ending the text after the last paragraph are its own


NAVIGATION_RUN = 8  # short lines in a row, no blank line between: a block of links


def navigation_runs(nonblank: list[Line], exempt: set[int]) -> dict[int, int]:
    """Lines of runs of NAVIGATION_RUN or more short lines in a row (no blank line between),
    with the length of their run: a menu or a list of links, even inside the article's
    stretch (a "most read" box between two paragraphs). List items, table rows and the
    entries of a list a sentence introduces are not links."""
    found: dict[int, int] = {}
    run: list[Line] = []

    def close() -> None:
        if len(run) >= NAVIGATION_RUN:
            found.update((line.number, len(run)) for line in run)
        run.clear()

    for line in nonblank:
        link_like = (
            line.short
            and line.number not in exempt
            and not (line.figures or line.list_marker or line.table_row)
        )
        if not link_like or (run and run[-1].last + 1 != line.number):
            close()
        if link_like:
            run.append(line)
    close()
    return found
