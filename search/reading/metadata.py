"""Recognisers for the metadata lines of a scraped article: byline, date, source, url, attribution.

Each recogniser looks at one line (or the opening of the first paragraph) and returns what it
found, or None. Dates are found by pattern and only then normalised by dateparser, whose
free-text search is too noisy on article bodies.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from search.reading.lines import DATE_PATTERN, Line

_BYLINE = re.compile(
    r"^(?:by|author|authors|written by|words by|作者|撰文|文)\s*[:：|]?\s*(?P<name>\S.{0,80})$",
    re.IGNORECASE,
)
_SOURCE = re.compile(
    r"^(?:original source|source|via|originally (?:published|appeared) (?:on|in|at|by)|"
    r"published (?:on|in|by)|来源|出处)(?:\s*[:：]\s*|\s+)(?P<name>\S.{0,100})$",
    re.IGNORECASE,
)
_URL_LINE = re.compile(
    r"^(?:(?:url|link|original (?:url|link|article)|canonical|permalink|source)\s*[:：]\s*)?"
    r"(?P<url>https?://\S+)$",
    re.IGNORECASE,
)
_DATE_LABEL = re.compile(r"^(?:published|updated|posted|date|发布时间|发布于)\b", re.IGNORECASE)
_TRAILING_DECORATION = re.compile(r"[\s→>»|·•\-–—:]+$")
_ATTRIBUTIONS = (
    # "According to Zhitong Finance, ..." -- a named outlet, not "according to sources"
    re.compile(r"^(?P<phrase>According to (?:[A-Z][\w&.'’-]*(?:\s+|(?=[,，]))){1,6})[,，]"),
    # "Bloomberg News reports that ..."
    re.compile(r"^(?P<phrase>(?:[A-Z][\w&.'’-]*\s+){1,4}(?:reports|reported|says|said))\s+that\b"),
    # "WASHINGTON (Reuters) - ..."
    re.compile(r"^[A-Z][A-Z .,'-]*\s*(?P<phrase>\([A-Z][\w .&]+\))\s*[-–—]"),
)


def _clean_name(name: str) -> str:
    return _TRAILING_DECORATION.sub("", name).strip()


# What may follow the names on a byline line: "on Monday, November 18th, 2019", "| May 3".
_AFTER_NAMES = re.compile(r"\s+(?:on|at|updated|published|posted)\s+\S.*$|\s*[|·•]\s*\S.*$", re.I)


def byline_of(line: Line) -> str | None:
    """The author named by a byline line ("By: Jane Doe", "By Ann Lee on March 3, 2024"), or
    None."""
    dated = line.mentions_date or line.clock
    if line.words > (18 if dated else 10):
        return None
    match = _BYLINE.match(line.text)
    if not match:
        return None
    name = match.group("name")
    if dated:
        name = _AFTER_NAMES.sub("", name)
    name = _clean_name(name)
    if not name or name[0].isdigit() or len(name.split()) > 6 or line.sentence_like and not dated:
        return None  # "By 2025, ..." is a sentence, not a byline
    return name


def source_of(line: Line) -> str | None:
    """The outlet named by a source line ("Original source: GeekWire ->"), or None."""
    if line.words > 12:
        return None
    match = _SOURCE.match(line.text)
    if not match:
        return None
    name = _clean_name(match.group("name"))
    return name or None


def url_of(line: Line) -> str | None:
    """The address on a line that is only a (labelled) URL, or None."""
    match = _URL_LINE.match(line.text)
    return match.group("url").rstrip(".,;)") if match else None


def date_in(line: Line) -> tuple[str, str] | None:
    """(ISO date, the rest of the line) for a short line that states a date, or None."""
    if line.words > 12 and not _DATE_LABEL.match(line.text):
        return None
    match = DATE_PATTERN.search(line.text)
    if not match:
        return None
    iso = normalise_date(match.group())
    if iso is None:
        return None
    rest = (line.text[: match.start()] + " " + line.text[match.end() :]).strip()
    return iso, rest


_DAY_PRESENT = re.compile(
    r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]|[A-Za-z]\.?\s+\d{1,2}\b(?!\d)"
)


_NUMERIC_DATE = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")


def _numeric_date(first: int, second: int, year: int) -> str | None:
    """A date written 27/09/2018 or 09/27/2018: day and month told apart when one of them
    is over 12; when both could be either, only the year is sure (nothing is guessed)."""
    if first > 12 and 1 <= second <= 12:
        day, month = first, second
    elif second > 12 and 1 <= first <= 12:
        day, month = second, first
    elif first == second and 1 <= first <= 12:
        day = month = first
    else:
        return f"{year:04d}" if first <= 31 and second <= 31 else None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


@lru_cache(maxsize=1024)
def normalise_date(text: str) -> str | None:
    """ISO 8601 for a date string already found: "2026-03-05", or "2018-11" without a day."""
    numeric = _NUMERIC_DATE.fullmatch(text.strip())
    if numeric:
        return _numeric_date(*(int(part) for part in numeric.groups()))
    import dateparser  # slow to import; only needed once a date has been found

    cleaned = text.replace("年", "-").replace("月", "-").replace("日", "")
    parsed = dateparser.parse(
        cleaned,
        languages=["en"],
        settings={"PREFER_DAY_OF_MONTH": "first", "PREFER_DATES_FROM": "past"},
    )
    if parsed is None:
        return None
    if _DAY_PRESENT.search(text):
        return parsed.date().isoformat()
    return f"{parsed.year:04d}-{parsed.month:02d}"


def attribution_of(first_paragraph: str) -> str | None:
    """The agency or outlet an article says it relies on ("According to Zhitong Finance")."""
    for pattern in _ATTRIBUTIONS:
        match = pattern.match(first_paragraph)
        if match:
            return match.group("phrase").strip()
    return None


_NAME_WORD = re.compile(r"^(?:[A-Z][\w&'’.\-]*|[^\W\d_A-Za-z][^\W\d_]*)$")


def name_beside_date(text: str) -> str | None:
    """The outlet named beside a date on a header line ("Associated Press November 19, 2019"):
    one to four capitalised words (or a word in a script without capitals), nothing else. A
    name printed twice in a row, as a logo's text beside its alt text ("CNNCNN"), once."""
    text = text.strip(" \t|·•-–—,")
    words = text.split()
    if not 1 <= len(words) <= 4 or not all(_NAME_WORD.match(word) for word in words):
        return None
    doubled = re.fullmatch(r"(.+?) ?\1", text)
    return doubled.group(1) if doubled else text
