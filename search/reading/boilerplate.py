"""Which lines of a plain-text article are the article, and why the others are not.

A line classifier of general signals, in four passes:

1. Each line alone (search/reading/rules.py): controls, calls to action, copyright notices,
   picture credits, separators, stray numbers; labels printed more than once on the page; short
   lines in another script than the article's; a wire story's sign-off.
2. The article's extent (search/reading/extent.py): the stretch of lines richest in prose, so
   that menus, lists of links and other stories, and comment threads around it are left out,
   while a heading or a caption between two paragraphs stays. Text without page furniture (a
   wire story, a clean article) keeps every line.
3. The head of the article: its title (the headline-shaped line just above the text whose
   words recur in it, or a wire story's headline), then what the lines between say: byline,
   date, source, address, dateline.
4. Context: a heading whose whole section was removed goes too, and so does a short line
   wedged between removed lines.

Every line that is not kept gets a reason, so the reader can show what was removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from search.reading import extent, metadata
from search.reading.lines import Line
from search.reading.newswire import Dateline, dateline_of, signoff_lines, wire_header
from search.reading.rules import SHORT_JUNK_MAX_WORDS, line_verdicts, repeated_labels

__all__ = ["SHORT_JUNK_MAX_WORDS", "Classification", "Metadata", "classify"]
from search.text import content_words

MENU_RUN = 8  # this many short lines in a row, before the title, are a site menu
FURNITURE_RUN = 3  # a run of this many short lines in a row is page furniture (a menu...)
TITLE_REACH = 20  # the title is among this many lines above the article's first line
SHORT_TAIL_WORDS = 16  # a few short lines ending the text after the last paragraph are its own
# "Competitor Analysis ▸ Show": the label of a collapsible section's toggle, left by scraping.
_TOGGLE_SUFFIX = re.compile(
    r"\s*[▸▾►▼▶▲+]\s*(?:show|hide|expand|collapse|more|less)(?: (?:more|all|details))?\s*$",
    re.I,
)


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


@dataclass
class Classification:
    """The verdict on every non-blank line: kept (`kept`) or removed with a reason."""

    lines: list[Line]
    kept: list[Line] = field(default_factory=list)
    removed: dict[int, str] = field(default_factory=dict)  # line number -> reason
    # Parts cut from a kept line (a toggle after a heading, a dateline): (line, text, reason).
    fragments: list[tuple[int, str, str]] = field(default_factory=list)
    meta: Metadata = field(default_factory=Metadata)
    restored: list[int] = field(default_factory=list)  # file lines the reader kept
    unkept: list[int] = field(default_factory=list)  # file lines the reader removed


_ROLE_REASONS = {
    "title": "title (shown as the article's title)",
    "byline": "byline (shown in the article's details)",
    "date": "date line (shown as the publication date)",
    "source": "source line (shown in the article's details)",
    "url": "address line (shown in the article's details)",
    "dateline": "dateline (shown in the article's details)",
}


def _article_script(lines: list[Line]) -> str | None:
    prose = [line for line in lines if line.sentence_like] or lines
    counts: dict[str, float] = {}
    for line in prose:
        if line.script:
            counts[line.script] = counts.get(line.script, 0) + line.words
    return max(counts, key=counts.__getitem__) if counts else None


def _other_script(nonblank: list[Line], junk: dict[int, str]) -> dict[int, str]:
    script = _article_script([line for line in nonblank if line.number not in junk])
    return {
        line.number: f"text in another script ({line.script.title()}) than the article's"
        for line in nonblank
        if line.number not in junk
        and script
        and line.script
        and line.script != script
        and line.words <= 12
        and not metadata.byline_of(line)
        and not metadata.date_in(line)
    }


def _introduced_lists(nonblank: list[Line], junk: dict[int, str]) -> set[int]:
    """Lines of a list that a sentence introduces ("The longlist is:", "England squad:"):
    article text, however short each entry is."""
    found: set[int] = set()
    for index, line in enumerate(nonblank):
        if not line.text.endswith((":", "：")) or line.words < 3 or line.number in junk:
            continue
        for entry in nonblank[index + 1 : index + 41]:
            if entry.number in junk or not entry.short or entry.text.endswith(":"):
                break
            found.add(entry.number)
    return found


def _isolated(lines: list[Line]) -> set[int]:
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


def _values(
    nonblank: list[Line],
    junk: dict[int, str],
    weak: dict[int, str],
    listed: set[int],
    isolated: set[int],
) -> list[float]:
    values, run = [], 0
    seen: set[str] = set()
    for line in nonblank:
        names = line.number in listed or extent.names_list(line)
        if line.number in junk or extent.is_short(line, names):
            run += 1
        else:
            run = 0
        # A long line printed a second time (a pull quote, a notice shown twice) adds nothing.
        repeated = line.words >= 15 and line.sentence_like and line.text in seen
        seen.add(line.text)
        values.append(
            extent.value(
                line,
                run,
                junk=line.number in junk,
                weak=line.number in weak or repeated,
                names=names,
                isolated=line.number in isolated and not repeated,
            )
        )
    return values


def _has_furniture(nonblank: list[Line], junk: dict[int, str], exempt: set[int]) -> bool:
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


def _metadata_line(line: Line) -> bool:
    return bool(metadata.byline_of(line) or metadata.date_in(line) or line.clock)


def _after_byline_block(nonblank: list[Line], first: int, last: int, values: list[float]) -> int:
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
        if _metadata_line(nonblank[index]) and index < last:
            start = index + 1
    return start


def _extent(
    nonblank: list[Line],
    junk: dict[int, str],
    weak: dict[int, str],
    disabled: frozenset[str],
    isolated: set[int],
) -> tuple[int, int]:
    """(first, last) index of the article's lines among the non-blank lines."""
    listed = _introduced_lists(nonblank, junk) if "list of names" not in disabled else set()
    if "article extent" in disabled or not _has_furniture(nonblank, junk, listed):
        # Every line is the article's, from its first sentence: the lines above it are
        # its head (title, byline, date).
        prose = next((i for i, line in enumerate(nonblank) if line.sentence_like), 0)
        return prose, len(nonblank) - 1
    values = _values(nonblank, junk, weak, listed, isolated)
    span = extent.best_segment(values)
    if span is None:
        return 0, len(nonblank) - 1
    first, last = span
    if "story teasers" not in disabled:
        first, last = extent.trim_teasers(nonblank, values, first, last)
    if "byline block" not in disabled:
        first = _after_byline_block(nonblank, first, last, values)
    tail = [line for line in nonblank[last + 1 :] if line.number not in junk]
    if (
        tail
        and len(tail) <= 2
        and sum(line.words for line in tail) <= SHORT_TAIL_WORDS
        and all(line.number not in junk for line in nonblank[last + 1 :])
    ):
        last = len(nonblank) - 1
    return first, last


def _title_index(head: list[Line], body_words: set[str]) -> int | None:
    """Index in `head` of the title: a headline-shaped line near the top of the text whose
    words recur in it. Shared words / (words + 1) is the base, so that a three-word menu entry
    sharing two words scores below a full headline; a headline printed twice (the page's
    heading and its breadcrumb) and a headline's length count for it; distance from the text
    and a full stop (a standfirst, a caption) against it."""
    repeats: dict[str, int] = {}
    for line in head:
        repeats[line.text.casefold()] = repeats.get(line.text.casefold(), 0) + 1
    scored: list[tuple[int, float]] = []
    reach = max(0, len(head) - TITLE_REACH)
    for index, line in enumerate(head):
        if index < reach or line.words < 2 or (line.sentence_end and line.words > 30):
            continue
        words = content_words(line.text)
        if not words or _metadata_line(line):
            continue
        score = len(words & body_words) / (len(words) + 1)
        score += 0.15 if repeats[line.text.casefold()] > 1 else 0.0
        score += 0.1 if 4 <= line.words <= 25 else 0.0
        score -= 0.25 if line.sentence_end and not line.text.endswith(("?", "!", "”", '"')) else 0.0
        score += 0.2 if any(_metadata_line(x) for x in head[index + 1 : index + 4]) else 0.0
        score -= 0.015 * (len(head) - 1 - index)
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


def _read_metadata(line: Line, meta: Metadata, *, in_header: bool) -> str | None:
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


def classify(
    lines: list[Line],
    disabled: frozenset[str] = frozenset(),
    known: dict[int, str] | None = None,
    overrides: dict[int, bool] | None = None,
) -> Classification:
    """Decide, for every non-blank line, whether it belongs to the article; `disabled` names
    rules to leave out (for measuring what each gains); `known` gives lines already known not
    to be text, with their reasons (a Markdown clipping's lines of links); `overrides` the
    reader's corrections: file line -> kept (True) or removed (False), whatever the rules say."""
    result = Classification(lines=lines)
    nonblank = [line for line in lines if not line.blank]
    if not nonblank:
        return result
    verdicts = line_verdicts(nonblank, disabled)
    junk = {number: v.reason for number, v in verdicts.items()}
    for number, reason in (known or {}).items():
        junk.setdefault(number, reason)
    closing = signoff_lines(lines) if "sign-off" not in disabled else {}
    header = wire_header(lines) if "dateline" not in disabled else None
    story = set(closing) | ({header.headline, header.dateline_line} if header else set())
    stray = {n for n, v in verdicts.items() if v.rule == "stray number"}
    if not _has_furniture(nonblank, {n: r for n, r in junk.items() if n not in stray}, story):
        # A number alone on a line is a counter of the page's furniture; in a clean text
        # (a match report's attendance) it is the article's.
        junk = {n: r for n, r in junk.items() if n not in stray}
    junk.update(closing)
    if "other script" not in disabled:
        junk.update(_other_script(nonblank, junk))
    dated: set[int] = set()  # lines of runs of dated entries: may still hold the title
    if "comment thread" not in disabled:
        for run in extent.stamped_runs(nonblank):
            for line in nonblank[run.first : run.last + 1]:
                if line.number not in junk:
                    junk[line.number] = run.reason
                    dated.add(line.number)
    weak = {n: v.reason for n, v in repeated_labels(nonblank, disabled).items() if n not in junk}

    meta = result.meta
    roles: dict[int, str] = {}
    if header is not None:
        at = next(i for i, line in enumerate(nonblank) if line.number == header.dateline_line)
        first, last = (at + 1 if not header.dateline.rest else at), len(nonblank) - 1
        title_line = next(line for line in nonblank if line.number == header.headline)
        meta.title = title_line.text
        roles[header.headline] = "title"
        if header.byline is not None:
            byline = next(line for line in nonblank if line.number == header.byline)
            meta.byline = metadata.byline_of(byline) or byline.text
            roles[header.byline] = "byline"
        if not header.dateline.rest:
            roles[header.dateline_line] = "dateline"
            _keep_dateline(meta, header.dateline)
    else:
        spacing = _isolated(lines) if "paragraph spacing" not in disabled else set()
        first, last = _extent(nonblank, junk, weak, disabled, spacing)

    head, body, footer = nonblank[:first], nonblank[first : last + 1], nonblank[last + 1 :]
    if header is None:
        _read_head(result, head, body, footer, junk, dated | set(weak), roles, disabled)
    # Between the title and the article, what stands above a byline or date line (a
    # standfirst, a caption) is the page's header; what follows the last of them is article.
    title_at = next((n for n, role in roles.items() if role == "title"), 0)
    opens = max((n for n in roles if n > title_at), default=title_at)
    after_title = [ln for ln in head if ln.number > opens and ln.number not in roles]
    removed = result.removed
    furniture = _furniture(head, title_at)
    for line in head:
        if line.number in roles or line.number > opens:
            continue
        if meta.title and line.text.casefold() == meta.title.casefold():
            removed[line.number] = "repeated title"
        elif line.number > title_at and title_at:
            removed[line.number] = junk.get(line.number, "header (between the title and byline)")
        else:
            removed[line.number] = junk.get(line.number, furniture)

    # The article: drop junk, repeats of the title, and long lines seen before (pull quotes).
    seen: dict[str, int] = {}
    for line in after_title + body:
        key = line.text.casefold()
        if line.number in junk:
            removed[line.number] = junk[line.number]
        elif meta.title and key == meta.title.casefold():
            removed[line.number] = "repeated title"
        elif line in after_title and line.number in weak:
            removed[line.number] = weak[line.number]
        elif key in seen and line.words >= 8:
            removed[line.number] = f"repeats line {seen[key]}"
        else:
            seen.setdefault(key, line.number)
            result.kept.append(line)

    # The footer: source and URL lines are metadata, the rest is site furniture.
    for line in footer:
        role = None if line.number in junk else _read_metadata(line, meta, in_header=False)
        if role:
            roles[line.number] = role
        else:
            removed[line.number] = junk.get(line.number, "footer (after the article's end)")

    for number, role in roles.items():
        removed[number] = _ROLE_REASONS[role]
    _remove_orphaned_context(result)
    if overrides:
        _apply_overrides(result, overrides)
    result.kept.sort(key=lambda ln: ln.number)
    if "dateline" not in disabled:
        _cut_dateline(result, header.dateline if header and header.dateline.rest else None)
    _cut_toggle_labels(result)
    return result


def _furniture(head: list[Line], title: int) -> str:
    before = [ln for ln in head if not title or ln.number < title]
    run = _longest_short_run(before)
    if run >= MENU_RUN:
        return f"site menu (a run of {run} short lines)"
    return "site header (before the title)"


def _read_head(
    result: Classification,
    head: list[Line],
    body: list[Line],
    footer: list[Line],
    junk: dict[int, str],
    dated: set[int],
    roles: dict[int, str],
    disabled: frozenset[str],
) -> None:
    """The title among the lines above the article, and what the lines near it say."""
    meta = result.meta
    near = head[-TITLE_REACH:]
    if "metadata lines" not in disabled:
        for line in near:
            role = None if line.number in junk else _read_metadata(line, meta, in_header=True)
            if role:
                roles[line.number] = role
    candidates = [
        ln
        for ln in head
        if ln.number not in roles and (ln.number not in junk or ln.number in dated)
    ]
    body_words = content_words(" ".join(ln.text for ln in body + footer))
    title_at = _title_index(candidates, body_words)
    if title_at is None and not candidates and len(body) > 1 and body[0].words <= 25:
        title_line = body.pop(0)  # a title that reads as a sentence
    elif title_at is not None:
        title_line = candidates[title_at]
    else:
        return
    meta.title = title_line.text
    roles[title_line.number] = "title"


CORRECTED = "removed by you (a correction)"


def _apply_overrides(result: Classification, overrides: dict[int, bool]) -> None:
    """The reader's corrections, over the rules: a line restored is kept, a line removed goes.
    A correction of one line of a hard-wrapped paragraph applies to the whole paragraph."""
    logical = {n: ln for ln in result.lines if not ln.blank for n in range(ln.number, ln.last + 1)}
    kept = {ln.number for ln in result.kept}
    for number, keep in sorted(overrides.items()):
        line = logical.get(number)
        if line is None:
            continue
        if keep and line.number not in kept:
            result.removed.pop(line.number, None)
            result.kept.append(line)
            kept.add(line.number)
            result.restored.append(number)
        elif not keep and line.number in kept:
            result.kept = [ln for ln in result.kept if ln.number != line.number]
            kept.discard(line.number)
            result.removed[line.number] = CORRECTED
            result.unkept.append(number)


def _keep_dateline(meta: Metadata, found: Dateline) -> None:
    """The dateline as written, its place, and its date when it has a year."""
    meta.dateline, meta.place = found.text, found.place
    if found.date and meta.published is None and re.search(r"\d{4}", found.date):
        meta.published = metadata.normalise_date(found.date)


def _cut_dateline(result: Classification, known: Dateline | None) -> None:
    """Take the dateline off the first paragraph ("LONDON (Reuters) - ..."): its place and date
    go to the article's details, the words as written to the removed lines."""
    first = next((i for i, ln in enumerate(result.kept) if ln.sentence_like), None)
    if first is None or first > 2:
        return
    line = result.kept[first]
    found = known or dateline_of(line.text)
    if found is None or not line.text.startswith(found.text) or not found.rest:
        return
    _keep_dateline(result.meta, found)
    result.fragments.append((line.number, found.text, _ROLE_REASONS["dateline"]))
    result.kept[first] = Line(
        line.number,
        line.text[len(found.text) :].strip(),
        end=line.end,
        figures=line.figures,
        capitals=line.capitals,
    )


def _cut_toggle_labels(result: Classification) -> None:
    for index, line in enumerate(result.kept):
        match = _TOGGLE_SUFFIX.search(line.text)
        if match and match.start() > 0:
            result.fragments.append((line.number, match.group().strip(), "interface text (toggle)"))
            result.kept[index] = Line(line.number, line.text[: match.start()], end=line.end)


def _longest_short_run(lines: list[Line]) -> int:
    best = current = 0
    for line in lines:
        current = current + 1 if line.short else 0
        best = max(best, current)
    return best


def _is_heading_like(line: Line) -> bool:
    return line.short and not line.sentence_end and not line.list_marker and not line.table_row


_CLOSING_REASONS = ("sign-off", "end-of-story")


def _remove_orphaned_context(result: Classification) -> None:
    """Remove a heading whose whole section was removed, and a short line between removals."""
    order = [ln for ln in result.lines if not ln.blank]
    position = {ln.number: i for i, ln in enumerate(order)}
    kept_numbers = {ln.number for ln in result.kept}
    drop: dict[int, str] = {}
    for line in result.kept:
        i = position[line.number]
        if not _is_heading_like(line) or line.words > 6 or line.figures:
            continue
        prev_removed = i > 0 and order[i - 1].number in result.removed
        section: list[Line] = []
        for nxt in order[i + 1 :]:
            if nxt.number in kept_numbers and (_is_heading_like(nxt) or nxt.sentence_like):
                break
            if result.removed.get(nxt.number, "").startswith(_CLOSING_REASONS):
                break  # a story's sign-off is no section
            section.append(nxt)
        if section and all(s.number in result.removed for s in section):
            drop[line.number] = "heading of a removed section"
        elif prev_removed and section and section[0].number in result.removed:
            drop[line.number] = "short line between removed lines"
    if drop:
        result.removed.update(drop)
        result.kept = [ln for ln in result.kept if ln.number not in drop]
