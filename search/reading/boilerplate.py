"""Which lines of a scraped plain-text article are the article, and why the others are not.

A line classifier from generic signals only, in three passes:

1. Each line alone: junk phrases common to many sites (copyright, disclaimer, calls to action,
   comment widgets, newsletter sign-offs, template placeholders), number-only and
   symbol-only lines, short lines in another script than the article's.
2. The article's extent: it starts at the title (the header line whose words recur most in
   the body) and ends at the last cluster of sentence-like lines. Everything before the title
   is site header or menu (a run of 8+ short lines); everything after the end is footer.
   Header and footer lines that state a byline, date, source or URL become metadata.
3. Context: a heading whose whole section was removed goes too, and so does a short line
   wedged between removed lines.

Every line that is not kept gets a reason, so the reader can show what was removed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from search.reading import metadata
from search.reading.lines import Line
from search.text import content_words

# --- pass 1: phrases that mark boilerplate on many sites --------------------------------------

# Whatever the line's length.
_ALWAYS_JUNK: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^\W*(?:disclaimer|免责声明|风险提示|legal notice)\b", re.I), "disclaimer"),
    (
        re.compile(
            r"©|\bcopyright\b|\ball rights reserved\b|\brights (?:belong|reserved)|版权", re.I
        ),
        "copyright notice",
    ),
    (
        re.compile(r"\{\{[^}]*\}\}|\{%[^%]*%\}|\*\|[A-Z_]+\|\*|%%[A-Za-z_]+%%"),
        "unfilled template placeholder",
    ),
)

# Only on lines of at most 25 words: a long sentence may say "subscribe" and be prose.
_SHORT_LINE_JUNK: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"\b(?:un)?subscribe\b|\bnewsletter\b|\bsign(?:ing)?[ -]?up\b|^P\.?S\.?\s|"
            r"\bthanks for reading\b|\buntil next (?:time|week)\b|\bsee you (?:next|tomorrow)\b|"
            r"\b(?:yesterday|last week|today)['’]s (?:issue|edition)\b|\bin your inbox\b"
        ),
        "newsletter text",
    ),
    (
        re.compile(
            r"\bclick (?:here|to|below)\b|\bshare (?:this|it|the|with)\b|\bfollow us\b|"
            r"\bdownload (?:the|our) app\b|\b(?:read|learn|see) more\b|\bwant to be featured\b|"
            r"\breach out\b|\bsponsored\b|\badvertisement\b|\bjoin (?:us|now|our)\b|"
            r"\b(?:buy|trade|lock|shop|order|try|register|apply|start|book|download) now\b|"
            r"\benjoying this\b|\bplease (?:support|share|like|follow|subscribe)\b|"
            r"\bif you (?:like|liked|enjoyed|found) (?:it|this)\b|\bcurated digest\b",
            re.I,
        ),
        "call to action",
    ),
    (
        re.compile(
            r"^\W*\d*\s*comments?\b|\bleave a (?:reply|comment)\b|\bpost a comment\b|"
            r"\bno comments\b|\bbe the first to comment\b|点赞|评论|抢沙发|登录后|分享到",
            re.I,
        ),
        "comment widget",
    ),
    (
        re.compile(
            r"^\W*(?:related(?: (?:articles|stories|posts|updates|news|coverage|reading))?|"
            r"recommended(?: for you)?|you (?:may|might) also like|read (?:also|next)|see also|"
            r"trending(?: now)?|most (?:read|popular)|top stories|more (?:from|on) .{1,40})\W*$",
            re.I,
        ),
        "related-links heading",
    ),
    (
        re.compile(r"^\W*(?:log ?in|sign ?in|create an account|forgot (?:your )?password)\b", re.I),
        "sign-in prompt",
    ),
    (re.compile(r"^[\s\-—=*_~]*(?:the end|fin)[\s\-—=*_~.]*$", re.I), "end marker"),
    (
        re.compile(
            r"^\W*(?:(?:show|view|see) (?:original|more|less|all|translation)|expand|collapse|"
            r"translate|back to top|scroll to top|print|e-?mail|menu|home|"
            r"skip to (?:main )?content|toggle navigation|close|open in app|"
            r"listen(?: to this article)?|"
            r"\d+\s*min(?:ute)?s? read)\W*$",
            re.I,
        ),
        "interface text",
    ),
    (
        re.compile(
            r"^\W*(?:image|photo|picture|illustration|graphic|video)\s*"
            r"(?:source|credit|courtesy|by)?\s*[:：]",
            re.I,
        ),
        "image credit",
    ),
    (re.compile(r"^\W*(?:https?://|www\.)\S+\W*$"), "bare link"),
)

# "Competitor Analysis ▸ Show": the label of a collapsible section's toggle, left by scraping.
_TOGGLE_SUFFIX = re.compile(
    r"\s*[▸▾►▼▶▲+]\s*(?:show|hide|expand|collapse|more|less)(?: (?:more|all|details))?\s*$",
    re.I,
)
_SEPARATOR = re.compile(r"^[\s\-—_=*~·•.#]{3,}$")
_SECOND_PERSON = re.compile(r"\b(?:you|your|you['’]re|you['’]ll)\b", re.I)
MENU_RUN = 8  # this many short lines in a row, before the title, are a site menu
SHORT_JUNK_MAX_WORDS = 25


def _starts_with_pictograph(text: str) -> bool:
    return bool(text) and unicodedata.category(text[0]) == "So"


def junk_reason(line: Line) -> str | None:
    """Why a line is boilerplate on its own, whatever surrounds it; None if it may be content."""
    text = line.text
    for pattern, reason in _ALWAYS_JUNK:
        if pattern.search(text):
            return reason
    if line.table_row:
        return None
    if _SEPARATOR.match(text):
        return "separator"
    if not line.has_content:
        return "decoration (no letters or digits)"
    if line.number_only:
        return "stray number line"
    if line.words <= SHORT_JUNK_MAX_WORDS:
        for pattern, reason in _SHORT_LINE_JUNK:
            if pattern.search(text):
                return reason
        if _starts_with_pictograph(text) and _SECOND_PERSON.search(text):
            return "call to action"
    return None


# --- the result ---------------------------------------------------------------------------------


@dataclass
class Metadata:
    """What the header and footer lines say about the article."""

    title: str | None = None
    byline: str | None = None
    source: str | None = None
    published: str | None = None
    url: str | None = None


@dataclass
class Classification:
    """The verdict on every non-blank line: kept (`kept`) or removed with a reason."""

    lines: list[Line]
    kept: list[Line] = field(default_factory=list)
    removed: dict[int, str] = field(default_factory=dict)  # line number -> reason
    # Parts cut from a kept line (an interface toggle after a heading): (line, text, reason).
    fragments: list[tuple[int, str, str]] = field(default_factory=list)
    meta: Metadata = field(default_factory=Metadata)


# --- passes 2 and 3 -----------------------------------------------------------------------------


def _article_script(lines: list[Line]) -> str | None:
    prose = [line for line in lines if line.sentence_like] or lines
    counts: dict[str, float] = {}
    for line in prose:
        if line.script:
            counts[line.script] = counts.get(line.script, 0) + line.words
    return max(counts, key=counts.__getitem__) if counts else None


def _title_index(head: list[Line], body_words: set[str]) -> int | None:
    """Index in `head` of the title: the header line whose words recur most in the body.

    The score is shared words / (words + 1), so a three-word menu entry that happens to share
    two words scores below a full headline. Near-ties go to the earlier line (the headline
    comes before its dek).
    """
    scored: list[tuple[int, float]] = []
    for index, line in enumerate(head):
        if line.words < 3 or (line.sentence_end and line.words > 30):
            continue
        words = content_words(line.text)
        if words:
            scored.append((index, len(words & body_words) / (len(words) + 1)))
    best = max((score for _, score in scored), default=0.0)
    if best >= 0.3:
        return next(index for index, score in scored if score >= best - 0.1)
    # No header line shares the body's words (a short piece, a headline of puns): the title is
    # then the last headline-shaped line before the body.
    shaped = [i for i, line in enumerate(head) if 2 <= line.words <= 25 and not line.sentence_end]
    return shaped[-1] if shaped else None


def _read_metadata(line: Line, meta: Metadata, *, in_header: bool) -> str | None:
    """Record what a header/footer line says about the article; return its role or None."""
    if in_header and meta.byline is None and (name := metadata.byline_of(line)):
        meta.byline = name
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
            meta.source = metadata.doubled_name(rest)
        return "date"
    return None


def _extend_end(nonblank: list[Line], end: int, junk: dict[int, str]) -> int:
    """Carry the article's end over lines that continue it: whole sentences, list items and
    table rows that follow the last prose line, and a date line that heads such a line."""
    while end + 1 < len(nonblank):
        nxt = nonblank[end + 1]
        if nxt.number in junk:
            break
        continues = (
            (nxt.sentence_end and nxt.words >= 4)
            or (nxt.list_marker and nonblank[end].list_marker)
            or (nxt.table_row and nonblank[end].table_row)
        )
        heads_next = (
            nxt.date_only
            and end + 2 < len(nonblank)
            and nonblank[end + 2].number not in junk
            and nonblank[end + 2].sentence_end
        )
        if not (continues or heads_next):
            break
        end += 1
    return end


def classify(lines: list[Line]) -> Classification:
    """Decide, for every non-blank line, whether it belongs to the article."""
    result = Classification(lines=lines)
    nonblank = [line for line in lines if not line.blank]
    if not nonblank:
        return result
    junk = {line.number: reason for line in nonblank if (reason := junk_reason(line))}

    script = _article_script([line for line in nonblank if line.number not in junk])
    for line in nonblank:
        if (
            line.number not in junk
            and script
            and line.script
            and line.script != script
            and line.words <= 12
            and not metadata.byline_of(line)
            and not metadata.date_in(line)
        ):
            junk[line.number] = f"text in another script ({line.script.title()}) than the article's"

    prose = [i for i, line in enumerate(nonblank) if line.sentence_like and line.number not in junk]
    if prose:
        first, last = prose[0], _extend_end(nonblank, prose[-1], junk)
    else:  # no prose at all (a note, a list): keep whatever is not junk
        first, last = 0, len(nonblank) - 1

    header, body, footer = nonblank[:first], nonblank[first : last + 1], nonblank[last + 1 :]
    meta = result.meta
    removed = result.removed

    # The header: metadata lines, then the title; what precedes the title is site furniture.
    roles: dict[int, str] = {}
    for line in header:
        role = None if line.number in junk else _read_metadata(line, meta, in_header=True)
        if role:
            roles[line.number] = role
    candidates = [ln for ln in header if ln.number not in junk and ln.number not in roles]
    body_words = content_words(" ".join(ln.text for ln in body + footer))
    title_at = _title_index(candidates, body_words)
    if title_at is None and not candidates and body and len(body) > 1 and body[0].words <= 25:
        candidates, body = [body[0]], body[1:]  # a title that reads as a sentence
        title_at = 0
    if title_at is not None:
        title_line = candidates[title_at]
        meta.title = title_line.text
        roles[title_line.number] = "title"
        before = [ln for ln in header if ln.number < title_line.number]
        run = _longest_short_run(before)
        furniture = (
            f"site menu (a run of {run} short lines)"
            if run >= MENU_RUN
            else "site header (before the title)"
        )
        for line in before:
            if line.number not in roles:
                removed[line.number] = junk.get(line.number, furniture)
        after_title = [ln for ln in header if ln.number > title_line.number]
    else:
        after_title = header
    # The rest: drop junk, repeats of the title, and long lines seen before (pull quotes).
    seen: dict[str, int] = {}
    for line in [ln for ln in after_title if ln.number not in roles] + body:
        key = line.text.casefold()
        if line.number in junk:
            removed[line.number] = junk[line.number]
        elif meta.title and key == meta.title.casefold():
            removed[line.number] = "repeated title"
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
    result.kept.sort(key=lambda ln: ln.number)
    _cut_toggle_labels(result)
    return result


def _cut_toggle_labels(result: Classification) -> None:
    for index, line in enumerate(result.kept):
        match = _TOGGLE_SUFFIX.search(line.text)
        if match and match.start() > 0:
            result.fragments.append((line.number, match.group().strip(), "interface text (toggle)"))
            result.kept[index] = Line(line.number, line.text[: match.start()], end=line.end)


_ROLE_REASONS = {
    "title": "title (shown as the article's title)",
    "byline": "byline (shown in the article's details)",
    "date": "date line (shown as the publication date)",
    "source": "source line (shown in the article's details)",
    "url": "address line (shown in the article's details)",
}


def _longest_short_run(lines: list[Line]) -> int:
    best = current = 0
    for line in lines:
        current = current + 1 if line.short else 0
        best = max(best, current)
    return best


def _is_heading_like(line: Line) -> bool:
    return line.short and not line.sentence_end and not line.list_marker and not line.table_row


def _remove_orphaned_context(result: Classification) -> None:
    """Remove a heading whose whole section was removed, and a short line between removals."""
    order = [ln for ln in result.lines if not ln.blank]
    position = {ln.number: i for i, ln in enumerate(order)}
    kept_numbers = {ln.number for ln in result.kept}
    drop: dict[int, str] = {}
    for line in result.kept:
        i = position[line.number]
        if not _is_heading_like(line) or line.words > 6:
            continue
        prev_removed = i > 0 and order[i - 1].number in result.removed
        section: list[Line] = []
        for nxt in order[i + 1 :]:
            if nxt.number in kept_numbers and (_is_heading_like(nxt) or nxt.sentence_like):
                break
            section.append(nxt)
        if section and all(s.number in result.removed for s in section):
            drop[line.number] = "heading of a removed section"
        elif prev_removed and section and section[0].number in result.removed:
            drop[line.number] = "short line between removed lines"
    if drop:
        result.removed.update(drop)
        result.kept = [ln for ln in result.kept if ln.number not in drop]
