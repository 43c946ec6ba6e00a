"""Figures known by their shape rather than by a unit after a number: a results line ("Bruins
5, Devils 1:"), a line-up's minutes and attendance, "one in five", a "3-for-2" split; and
numbers whose shape says they are no figure: a numbered list's item number, an address's house
number, a table's scale word, a score that looks like a year."""

from __future__ import annotations

import re
from collections.abc import Iterator

from search.facts.around import capitals_share, starts_sentence
from search.facts.numbers import Number
from search.facts.units import NUMBER_WORDS

TEAM = r"[A-Z][\w.'’&-]*(?:[ \t]+[A-Z][\w.'’&-]*){0,3}"
RESULT = re.compile(  # two teams, each with its score, before a colon or the line's end
    rf"(?:^|(?<=\n)|(?<=[.!?]\s)){TEAM}[ \t]+(?P<a>\d{{1,3}}),[ \t]+{TEAM}[ \t]+(?P<b>\d{{1,3}})"
    r"(?=[ \t]*(?::|\n|$))"
)
ONE_IN = re.compile(
    r"\b(?P<a>one|two|three|four|five|six|seven|eight|nine|\d{1,2})\s+(?:in|out\s+of)\s+"
    r"(?:every\s+)?"
    r"(?P<b>two|three|four|five|six|seven|eight|nine|ten|twenty|\d{1,4})\b(?![.,]\d|\s*(?:%|pct))",
    re.IGNORECASE,
)
SMALL = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})"
FOR_RATIO = re.compile(  # "3-for-2", "a two for one stock split"
    rf"\b(?P<a>{SMALL})(?:-for-(?P<b>{SMALL})\b|\s+for\s+(?P<c>{SMALL})(?=\s+(?:stock\s+|share\s+)?"
    r"(?:split|bonus|rights|share)))",
    re.IGNORECASE,
)

# A football line-up: "Barton (Macken 68) ... Goals: Rooney 68, Dunne 75 og. Att: 47,111"
LINEUP = re.compile(r"\b(?:Subs(?: [Nn]ot [Uu]sed)?|Booked|Goals|Sent [Oo]ff|Att|Ref)\s*:")
MINUTE = re.compile(
    r"(?<=[A-Za-z'’-])[ \t]+(?P<n>\d{1,3})(?:[ \t]+(?:og|pen))?(?=[),.;]|[ \t]*$|[ \t]+[A-Z])"
)
ATTENDANCE = re.compile(r"\b(?:Att|Attendance)\s*[:.]?\s*(?P<n>\d{1,3}(?:,\d{3})+|\d{3,6})\b")
# A table's scale as its header writes it: "(DAILY AVG BILLIONS)", "(in mln dlrs)"; not
# "(about 5 mln dlrs)" (a figure) nor "(hundreds of thousands)".
SCALE_HEADER = re.compile(
    r"\((?:[^()\n\d]{0,30}\s)?(?<!of\s)(?P<scale>billions|millions|thousands|bln|mln)"
    r"(?:\s+(?:of\s+)?(?P<currency>dlrs|dollars|stg|sterling|pounds|yen|euros|marks|francs))?"
    r"\s*\)",
    re.I,
)
NOT_A_YEAR = re.compile(
    r"\b(?:score|total|tally|rating|sum|average|reading|index|level)\s+(?:of\s+)?$", re.I
)
PARTITIVE = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|our|my|your|these|those|them|us|many|several)\b", re.I
)
ONE_TO_ANOTHER = re.compile(r"\s+[a-z]+\s+(?:to|after)\s+another\b", re.I)
ALTERNATIVE = re.compile(
    r"\s*(?:or|to|-|–)\s*(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|fifteen|twenty|thirty|forty|fifty|hundred)\b)",
    re.I,
)
LIST_MARKER = re.compile(r"(?:[.)]|\s*[-–—:])\s+[A-Z“\"‘']")
STREET = re.compile(  # the words before an address's number: "Corso Magenta, "
    r"\b(?:street|st|road|rd|avenue|ave|via|viale|corso|rue|strasse|straße|boulevard|blvd|lane|"
    r"piazza|plaza|calle|avenida|platz|square|drive|way)\.?(?:[ \t]+[A-Z][\w'’.-]*){0,3}\s*,\s*$",
    re.I,
)


def small_number(word: str) -> float:
    return float(word) if word.isdigit() else float(NUMBER_WORDS.get(word.lower(), 0))


def shaped_figures(text: str, digits: bool) -> Iterator[tuple[str, object, str | None, int, int]]:
    """(kind, value, unit, start, end) of each figure known by its shape, results lines first
    (the caller keeps the first of two that overlap)."""
    for match in RESULT.finditer(text) if digits else ():
        score = f"{match.group('a')}-{match.group('b')}"  # "Bruins 5, Devils 1: Pastrnak..."
        yield "score", score, None, match.start("a"), match.end("b")
    if digits and LINEUP.search(text):
        for match in ATTENDANCE.finditer(text):
            value = float(match.group("n").replace(",", ""))
            yield "count", value, "spectators (attendance)", *match.span("n")
        for match in MINUTE.finditer(text):
            if 1 <= int(match.group("n")) <= 130:  # a substitution's or a goal's minute
                yield "other", float(match.group("n")), "minute of match", *match.span("n")
    for match in ONE_IN.finditer(text):
        top, bottom = (small_number(match.group(g)) for g in ("a", "b"))
        if top and bottom and top < bottom:
            yield "ratio", round(top / bottom, 4), "fraction", *match.span()
    for match in FOR_RATIO.finditer(text):
        top, bottom = (
            small_number(match.group("a")),
            small_number(match.group("b") or match.group("c")),
        )
        if top and bottom:  # "a 3-for-2 split", "a one-for-four bonus issue"
            yield "ratio", round(top / bottom, 4), "ratio", *match.span()


def list_marker(text: str, number: Number) -> bool:
    """ "1. Prioritize", "2) Drink water": a numbered list's item number at a line's start."""
    line_start = text.rfind("\n", 0, number.start) + 1
    return (
        not number.is_word
        and not text[line_start : number.start].strip()
        and number.value < 100
        and bool(LIST_MARKER.match(text, number.end))
    )


def in_a_name(text: str, start: int, rest: str) -> bool:
    """A capitalised number word inside a sentence, before a capitalised word: a name."""
    return (
        text[start].isupper()
        and not starts_sentence(text, start, '.!?:"“(')
        and bool(re.match(r"[ \t]+[A-Z][a-z]", rest))
        and capitals_share(text[max(0, start - 40) : start + 40]) < 0.6
    )
