"""Wire stories: the headline, the author line, the dateline and the sign-off.

A dateline opens a story with where (and when) it was filed: "CLEVELAND, Feb 26 -",
"LONDON, March 2 (Reuters) -", "WASHINGTON (AP) —", "BUFFALO, N.Y. —". Its date is kept as
written: a date without a year is never completed. A sign-off closes a story: the agency's
name alone on the last line ("Reuter", "(AP)"), an end-of-text mark ("###", "-30-"), or the
credits line ("Reporting by …; Editing by …").
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from search.reading.lines import MONTH, Line

_WORD = r"[A-Z][A-Za-z'’.\-]*"
_NAME = rf"{_WORD}(?:\s(?:[a-z]{{1,3}}\s)?{_WORD}){{0,3}}"
_PLACE = rf"(?P<place>{_NAME}(?:,\s?{_NAME}){{0,2}})"
_MONTH = f"(?i:{MONTH})"
_DATE = rf"(?P<date>{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:,?\s+\d{{4}})?)"
_AGENCY = r"\((?P<agency>[A-Z][\w .&'-]{0,30})\)"
_DASH = r"\s*[-–—]{1,2}(?=\s|$)"
_DATELINES = (
    # CLEVELAND, Feb 26 -   LONDON, March 2 (Reuters) -   Winnipeg, Manitoba, March 2 -
    re.compile(rf"^{_PLACE},\s*{_DATE}\s*(?:{_AGENCY})?{_DASH}"),
    # WASHINGTON (AP) —   NEW YORK (Reuters) -
    re.compile(rf"^{_PLACE}\s*{_AGENCY}{_DASH}"),
    # MADRID —   BUFFALO, N.Y. —   (the place in capitals, then a spaced dash and the story)
    re.compile(rf"^{_PLACE}\s[-–—]{{1,2}}\s(?=\S)"),
)
_CAPITALS = re.compile(r"^[A-Z][A-Z'’.\-]+(?:\s[A-Z][A-Z'’.\-]+)*$")


@dataclass(frozen=True)
class Dateline:
    """Where (and when) a story was filed, as its first words say it."""

    text: str  # as written, up to and including the dash
    place: str
    date: str | None  # as written ("Feb 26"), never completed
    agency: str | None
    rest: str  # what follows it on its line


def dateline_of(text: str) -> Dateline | None:
    """The dateline that opens `text`, or None."""
    text = text.strip()
    for number, pattern in enumerate(_DATELINES):
        match = pattern.match(text)
        if not match:
            continue
        place = match.group("place").strip()
        first = place.split(",")[0].strip()
        if number > 0 and not (_CAPITALS.match(first) and sum(c.isalpha() for c in first) >= 3):
            continue  # without a date, only a place in capitals is a place
        groups = match.groupdict()
        rest = text[match.end() :].strip()
        if number == 2 and not rest:
            continue
        return Dateline(
            text=match.group().strip(),
            place=place,
            date=groups.get("date"),
            agency=groups.get("agency"),
            rest=rest,
        )
    return None


@dataclass(frozen=True)
class WireHeader:
    """The opening lines of a wire story: headline, author line, dateline."""

    headline: int  # line numbers
    byline: int | None
    dateline_line: int
    dateline: Dateline


_BYLINE_LINE = re.compile(r"^by\s+[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,4}(?:,\s*\w+)?$", re.I)


def wire_header(lines: list[Line]) -> WireHeader | None:
    """A headline, maybe an author line, then a dateline (alone or opening a line): the head
    of a wire story, or None."""
    nonblank = list(itertools.islice((line for line in lines if not line.blank), 4))
    if len(nonblank) < 2 or nonblank[0].words > 30 or nonblank[0].sentence_like:
        return None
    at = 1
    byline = None
    if len(nonblank) > 2 and nonblank[1].words <= 8 and _BYLINE_LINE.match(nonblank[1].text):
        byline, at = nonblank[1].number, 2
    found = dateline_of(nonblank[at].text)
    if found is None:
        return None
    return WireHeader(nonblank[0].number, byline, nonblank[at].number, found)


# "###", "-30-", "&#3;" (end of text, as an undecoded character reference).
_END_MARK = re.compile(r"^[^\w\s]{1,6}$|^[^\w\s]*-?30-?[^\w\s]*$|^&#x?[0-9a-f]{1,4};$", re.I)
_AGENCY_LINE = re.compile(r"^\(?[A-Za-z][A-Za-z&'’-]*\)?(?:\.{2,}|…)?$")
_CREDITS = re.compile(r"^[(\[]?\s*(?:[A-Za-z]+\s+){0,2}[A-Za-z]+ing\s+by\s+[A-Z]", re.I)


def signoff_lines(lines: list[Line]) -> dict[int, str]:
    """The closing lines of a story that are not its text, with their reasons: end marks, the
    agency's name alone on the last line, the credits line. Only after some text."""
    head = {ln.number for ln in itertools.islice((ln for ln in lines if not ln.blank), 2)}
    tail = itertools.islice((ln for ln in reversed(lines) if not ln.blank), 8)
    found: dict[int, str] = {}
    seen_letters = False
    for line in tail:
        if line.number in head:  # the story's own first lines are never its sign-off
            break
        text = line.text
        if _END_MARK.match(text):
            found[line.number] = "end-of-story mark"
            continue
        if not seen_letters and len(text) <= 16 and _AGENCY_LINE.match(text):
            found[line.number] = "sign-off (the agency's name)"
            seen_letters = True
            continue
        if line.words <= 40 and _CREDITS.match(text):
            found[line.number] = "sign-off (reporting and editing credits)"
            seen_letters = True
            continue
        break
    return found
