"""Dates, years, times of day and match scores as written in news, and the spans that hold
digits but no figure (datelines, phone numbers, web addresses).

A date's day is part of the date, never a count: these are read before other numbers, and the
numbers inside them are taken."""

from __future__ import annotations

import re

from search.facts.calendar import MONTHS

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
DATE = re.compile(
    rf"""
    (?P<iso>(?<![\d/.-]){_YEAR}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?(?![\d/.-]?\d))
    |(?P<ymd>(?<![\d/.-]){_YEAR}[/.](?:0?[1-9]|1[0-2])[/.]{_DAY}(?![\d/.]))
    |(?P<numeric>(?<![\d/.-])(?P<n1>\d{{1,2}})(?P<sep>[/.-])(?P<n2>\d{{1,2}})(?P=sep)
        (?P<ny>{_YEAR}|\d\d)(?![\d/.-]?\d))
    |(?P<mdy>\b(?P<m1>{_MONTH})\.?\s+(?P<d1>{_DAY})(?:st|nd|rd|th)?\b(?!\s*(?:%|[-/]\d|[.,]\d|
        \s*(?:pct|percent|per\s+cent|mln|million|billion|bln|bn|dlrs|cts|years?|months?|days?|
        weeks?|hours?|points?)\b))(?:,?\s+(?P<y1>{_YEAR})\b)?)
    |(?P<dmy>\b(?P<d2>{_DAY})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH})\.?\b(?:,?\s+(?P<y2>{_YEAR})\b)?)
    |(?P<my>\b(?P<m3>{_MONTH})\.?,?\s+(?P<y3>{_YEAR})\b)
    |(?P<year>(?:(?<=mid-)|(?<=early-)|(?<=late-)|(?<=end-)|(?<![\w$€£¥.,/+-])){_YEAR}
        (?:[/-](?P<crop>\d\d)(?!\d))?(?![\w%]|,\d|\.\d|-\d|\s*(?:%|pct|percent)))
    """,
    re.VERBOSE | re.IGNORECASE,
)
# "Oct. 5-7", "March 3 to 5, 2019": two dates of one month, the second written as its day.
DAY_RANGE = re.compile(
    rf"\b(?P<m>{_MONTH})\.?\s+(?P<a>{_DAY})(?:st|nd|rd|th)?\s*(?:[-–]|\bto\b)\s*"
    rf"(?P<b>{_DAY})(?:st|nd|rd|th)?\b(?![-–/.,]\d|\s*(?:%|pct|per|weeks?|days?|months?|"
    rf"years?|hours?|times)\b)(?:,?\s+(?P<y>{_YEAR})\b)?",
    re.IGNORECASE,
)


def day_range(match: re.Match[str]) -> list[tuple[str, int, int]]:
    """The two dates of a DAY_RANGE match: (value, start, end) each."""
    month = f"{MONTHS[match.group('m').lower()]:02d}"
    year = f"{match.group('y')}-" if match.group("y") else ""
    first, second = int(match.group("a")), int(match.group("b"))
    if second <= first:
        return []
    return [
        (f"{year}{month}-{first:02d}", match.start(), match.end("a")),
        (f"{year}{month}-{second:02d}", match.start("b"), match.end()),
    ]


# "WASHINGTON, Feb 26 -": where and when a wire story was filed, not a figure of the story.
DATELINE = re.compile(
    rf"(?:(?:^|(?<=\n))[A-Z][A-Za-z .'/&()-]*|(?<!\w)[A-Z][A-Z .'/&()-]*[A-Z]),"
    rf"\s+(?i:{_MONTH})\.?\s+\d{{1,2}}\s+-"
)
TIME = re.compile(
    r"""(?<![\d.:])(?P<h>[01]?\d|2[0-3])(?:[.:](?P<m>[0-5]\d))?\s?(?P<ampm>[ap])\.?\s?m\b\.?
    |(?<![\d.:])(?P<h2>[01]?\d|2[0-3]):(?P<m2>[0-5]\d)(?![\d:])
    |(?<![\d.:,])(?P<hhmm>(?:[01]\d|2[0-3])[0-5]\d)\s*(?:hrs\b|hours\s+(?:GMT|EST|EDT|local)
        |(?:GMT|EST|EDT|CST|PST|BST|CET|JST|local\s+time)\b)""",
    re.VERBOSE | re.IGNORECASE,
)
SCORE = re.compile(
    r"(?<![\w.,/-])(\d{1,2})-(\d{1,2})(?![\w/%-]|[.,]\d)(?:,\s*\d{1,2}-\d{1,2}(?![\w/%-]|[.,]\d))*"
)
SCORE_WORDS = re.compile(
    r"\b(?:won|win|wins|beat|beats|beaten|lost|lose|loses|defeat\w*|drew|draw|victory|"
    r"triumph\w*|thrash\w*|edged?|scored?|lead|led|trail\w*|sets?|match|game|final|semi-final"
    r"|quarter-final|tie|clash|score)\b",
    re.IGNORECASE,
)
PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){2,}")
URL = re.compile(
    r"\b(?:https?://|www\.)\S+|\b(?i:doi):?\s*10\.\d{4,}/\S+|\bISBN(?:-1[03])?:?\s*[\d-]{10,17}|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|co|uk|io)/\S*"
)


def iso_year(text: str) -> str:
    return text if len(text) == 4 else ("19" if int(text) > 40 else "20") + text


def read_date(match: re.Match[str], day_first: bool | None) -> tuple[str, str | None]:
    """The ISO value of a DATE match ("1987-01-21", "02-23", "2016-11", "1986", "1986/87")
    and a note when it is ambiguous."""
    group = match.lastgroup
    if match.group("iso"):
        return match.group("iso"), None
    if match.group("ymd"):
        year, month, day = re.split(r"[/.]", match.group("ymd"))
        return f"{year}-{int(month):02d}-{int(day):02d}", None
    if match.group("numeric"):
        first, second = int(match.group("n1")), int(match.group("n2"))
        year = iso_year(match.group("ny"))
        month_first = f"{year}-{first:02d}-{second:02d}"
        day_first_value = f"{year}-{second:02d}-{first:02d}"
        if first > 12 or (day_first is True and second <= 12):
            return day_first_value, None
        if second > 12 or day_first is False:
            return month_first, None
        if first == second:
            return month_first, None
        return (
            f"{month_first} or {day_first_value}",
            "day and month order unknown: month/day or day/month",
        )
    if match.group("mdy"):
        month, day, year = match.group("m1"), match.group("d1"), match.group("y1")
    elif match.group("dmy"):
        month, day, year = match.group("m2"), match.group("d2"), match.group("y2")
    elif match.group("my"):
        return f"{match.group('y3')}-{MONTHS[match.group('m3').lower()]:02d}", None
    else:
        del group
        year = match.group("year")
        return (year[:4] + "/" + match.group("crop") if match.group("crop") else year[:4]), None
    value = f"{MONTHS[month.lower()]:02d}-{int(day):02d}"
    return (f"{year}-{value}" if year else value), None


NUMERIC_DATE = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d\d")


def numeric_dates_day_first(text: str) -> bool | None:
    """Whether the numeric dates of a text write the day first, as one of them shows (a first
    number over 12), else None."""
    votes = set()
    if not NUMERIC_DATE.search(text):
        return None
    for match in DATE.finditer(text):
        if match.group("numeric"):
            first, second = int(match.group("n1")), int(match.group("n2"))
            if first > 12 >= second:
                votes.add(True)
            elif second > 12 >= first:
                votes.add(False)
    return votes.pop() if len(votes) == 1 else None


def time_value(match: re.Match[str]) -> str:
    if match.group("hhmm"):
        return f"{match.group('hhmm')[:2]}:{match.group('hhmm')[2:]}"
    if match.group("h2"):
        return f"{int(match.group('h2')):02d}:{match.group('m2')}"
    hour = int(match.group("h")) % 12 + (12 if match.group("ampm").lower() == "p" else 0)
    return f"{hour:02d}:{match.group('m') or '00'}"


def is_score(text: str, match: re.Match[str]) -> bool:
    """ "6-4, 6-4", "1-0": two small numbers joined by a hyphen where a match is spoken of."""
    first, second = int(match.group(1)), int(match.group(2))
    if first > 30 or second > 30:
        return False
    if "," in match.group():
        return True  # sets: "6-2, 6-1"
    if re.search(r"[A-Z][\w.'’]*[ \t]+$", text[max(0, match.start() - 20) : match.start()]) and (
        re.match(r"[ \t]+[A-Z]", text[match.end() : match.end() + 3])
    ):
        return True  # "Leeds 2-1 Derby": a result between two names
    if re.match(r"\s+(?:down|up)\b", text[match.end() : match.end() + 6]):
        return True  # "two after we'd gone 2-0 down"
    around = text[max(0, match.start() - 60) : match.end() + 25]
    return bool(SCORE_WORDS.search(around))


def looks_like_phone(found: str) -> bool:
    """A PHONE match that is a phone number, not a list of figures."""
    return (
        found.startswith(("+", "("))
        or "(0)" in found
        or bool(re.fullmatch(r"\d{3}[\s.-]\d{3}[\s.-]\d{4}", found))
    )
