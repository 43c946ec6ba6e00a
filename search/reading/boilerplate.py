"""Which lines of a plain-text article are the article, and why the others are not.

A line classifier of general signals, in four passes:

1. Each line alone (search/reading/rules.py): controls, calls to action, copyright notices,
   picture credits, separators, stray numbers; labels printed more than once on the page; short
   lines in another script than the article's; a wire story's sign-off.
2. The article's extent (search/reading/extent.py): the stretch of lines richest in prose, so
   that menus, lists of links and other stories, and comment threads around it are left out,
   while a heading or a caption between two paragraphs stays. Text without page furniture (a
   wire story, a clean article) keeps every line.
3. The head of the article (search/reading/head.py): its title (the headline-shaped line
   just above the text whose words recur in it, or a wire story's headline), then what the
   lines between say: byline, date, source, address, dateline.
4. Context: a heading whose whole section was removed goes too, and so does a short line
   wedged between removed lines.

Every line that is not kept gets a reason, so the reader can show what was removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from search.reading import extent, metadata
from search.reading.extent import article_extent, has_furniture, isolated_lines
from search.reading.head import (
    ROLE_REASONS,
    Metadata,
    cut_dateline,
    furniture_reason,
    keep_dateline,
    read_head,
    read_metadata,
)
from search.reading.lines import Line
from search.reading.newswire import signoff_lines, wire_header
from search.reading.rules import SHORT_JUNK_MAX_WORDS, line_verdicts, repeated_labels

__all__ = ["SHORT_JUNK_MAX_WORDS", "Classification", "Metadata", "classify"]

# "Competitor Analysis ▸ Show": the label of a collapsible section's toggle, left by scraping.
_TOGGLE_MARKS = re.compile("[▸▾►▼▶▲+]")
_TOGGLE_SUFFIX = re.compile(
    r"\s*[▸▾►▼▶▲+]\s*(?:show|hide|expand|collapse|more|less)(?: (?:more|all|details))?\s*$",
    re.I,
)


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
    if not has_furniture(nonblank, {n: r for n, r in junk.items() if n not in stray}, story):
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
            keep_dateline(meta, header.dateline)
    exempt = extent.introduced_lists(nonblank, junk)
    if header is None:
        spacing = isolated_lines(lines) if "paragraph spacing" not in disabled else set()
        notices = frozenset(n for n, v in verdicts.items() if v.rule in _SMALL_PRINT)
        first, last = article_extent(nonblank, junk, weak, disabled, spacing, notices, exempt)

    links: dict[int, int] = {}
    furnished = header is None and has_furniture(nonblank, junk, exempt)
    if furnished and "navigation run" not in disabled:
        links = extent.navigation_runs(nonblank, exempt)

    head, body, footer = nonblank[:first], nonblank[first : last + 1], nonblank[last + 1 :]
    if header is None:
        read_head(meta, head, body, footer, junk, dated | set(weak), roles, disabled)
    # Between the title and the article, what stands above a byline or date line (a
    # standfirst, a caption) is the page's header; what follows the last of them is article.
    title_at = next((n for n, role in roles.items() if role == "title"), 0)
    opens = max((n for n in roles if n > title_at), default=title_at)
    after_title = [ln for ln in head if ln.number > opens and ln.number not in roles]
    removed = result.removed
    furniture = furniture_reason(head, title_at)
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
        elif line.number in links:
            removed[line.number] = f"list of links (a run of {links[line.number]} short lines)"
        elif key in seen and line.words >= REPEAT_WORDS and line.sentence_end:
            removed[line.number] = f"repeats line {seen[key]}"
        else:
            seen.setdefault(key, line.number)
            result.kept.append(line)
    if not result.kept:  # a text that only repeats its title is that text, not furniture
        for line in after_title + body:
            if removed.get(line.number) == "repeated title":
                del removed[line.number]
                result.kept.append(line)

    # The footer: source and URL lines are metadata, the rest is site furniture.
    for line in footer:
        role = None if line.number in junk else read_metadata(line, meta, in_header=False)
        if role:
            roles[line.number] = role
        else:
            removed[line.number] = junk.get(line.number, "footer (after the article's end)")

    for number, role in roles.items():
        removed[number] = ROLE_REASONS[role]
    _remove_orphaned_context(result)
    if overrides:
        _apply_overrides(result, overrides)
    result.kept.sort(key=lambda ln: ln.number)
    if "dateline" not in disabled:
        known = header.dateline if header and header.dateline.rest else None
        cut_dateline(result.kept, result.fragments, meta, known)
    _cut_toggle_labels(result)
    return result


CORRECTED = "removed by you (a correction)"
REPEAT_WORDS = 15  # a line this long printed a second time is a pull quote (shorter ones: data)
_SMALL_PRINT = ("copyright notice", "site notice", "disclaimer")


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


def _cut_toggle_labels(result: Classification) -> None:
    for index, line in enumerate(result.kept):
        if not _TOGGLE_MARKS.search(line.text):
            continue
        match = _TOGGLE_SUFFIX.search(line.text)
        if match and match.start() > 0:
            result.fragments.append((line.number, match.group().strip(), "interface text (toggle)"))
            result.kept[index] = Line(line.number, line.text[: match.start()], end=line.end)


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
