"""Measurements of one line of text that the cleaner decides on: words, script, sentence shape,
list markers, dates and times.

All signals are generic (no site's strings): how many words, how many of them are stopwords,
whether the line ends like a sentence, which writing system its letters belong to, whether it
states a date or a time of day.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from search.text import HAN_OR_KANA, STOP_WORDS, WORD

# A sentence ends with . ! ? (or their CJK forms), possibly followed by closing quotes/brackets.
_SENTENCE_END = re.compile(r"[.!?。！？…](?:[\"'”’»)\]）」』]+)?\s*$")
# A bullet is a symbol then a space (a dash straight before a digit is a minus sign), or a round
# bullet glued to its text. A number marker ("1." "22)") needs a space and then no digit after
# it, so that "13.5 billion" or "3. 5" never read as list items.
_BULLETS = r"(?:[-*+–—]\s+|[•·▪▫‣◦●○►▸]\s*)+"
_BULLET_MARKER = re.compile(rf"^\s*{_BULLETS}(?=\S)")
_NUMBER_MARKER = re.compile(r"^\s*\d{1,3}[.)]\s+(?=[^\d\s])")
# Two sentences on one line: a full stop inside, then a capital.
_INNER_PUNCTUATION = re.compile(r"[^\W\d_][.!?…]\s+[\"“«(¿¡]?[^\W\d_a-z]")
_ANY_DIGIT = re.compile(r"\d")
_ALNUM = re.compile(r"[^\W_]")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_NUMBER_ONLY = re.compile(r"^[#№\s]*\d[\d\s.,]*$")
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
# A line that is only a date: 2018-11, 2026/03/05, 2026.03.05 01:53, March 2025, 5 March 2025...
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DATE_PATTERN = re.compile(
    r"(?:(?<!\d)\d{4}[-/.年]\d{1,2}(?:[-/.月]\d{1,2}日?)?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?)"
    r"|(?:(?<![\d/.])\d{1,2}[/.]\d{1,2}[/.]\d{4}(?![\d/.]))"
    rf"|(?:\b{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b)"
    rf"|(?:\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+\d{{4}}\b)"
    rf"|(?:\b{MONTH}\s+\d{{4}}\b)",
    re.IGNORECASE,
)
# Any mention of a day: the patterns above, day.month.year, or a month and a day without a year.
_ANY_DATE = re.compile(
    rf"{DATE_PATTERN.pattern}|\b\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}\b"
    rf"|\b{MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{MONTH}(?!\w)",
    re.IGNORECASE,
)
# A time of day (9:24, 21:17, 7:07 PM) or an age ("2 days ago", "~6 hours ago", "32M ago").
_CLOCK = re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?![\d:]\d)|\b\d{1,2}\s*[ap]\.?m\.?(?!\w)", re.I)
_AGE = re.compile(r"\b\d+\s*[a-z]{0,7}\.?\s+ago\b", re.I)


class cached_property:  # lower case, as the functools one it replaces
    """Compute once per Line, then a plain attribute (functools' version takes a lock on
    every first read in Python 3.11: a third of the cleaner's time went there)."""

    def __init__(self, func):  # type: ignore[no-untyped-def]
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj, owner=None):  # type: ignore[no-untyped-def]
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


@lru_cache(maxsize=16384)
def script_of(char: str) -> str:
    """The writing system of a letter, by the first word of its Unicode name (LATIN, CJK...)."""
    if HAN_OR_KANA.match(char):
        return "CJK"
    try:
        name = unicodedata.name(char)
    except ValueError:
        return "OTHER"
    first = name.split(" ", 1)[0]
    return "LATIN" if first in {"LATIN", "FULLWIDTH"} else first


_ASCII_LETTER = re.compile(r"[A-Za-z]")
_OTHER_LETTER = re.compile(r"[^\W\d_A-Za-z]")


def dominant_script(text: str) -> str | None:
    """The script most letters of `text` are written in, or None when it has no letters."""
    if text.isascii():
        return "LATIN" if _ASCII_LETTER.search(text) else None
    latin = len(_ASCII_LETTER.findall(text))
    others = _OTHER_LETTER.findall(text)
    if len(others) * 2 < latin:  # a few accented letters in Latin text: no need to look
        return "LATIN"
    counts: dict[str, int] = {"LATIN": latin}
    for char in others:
        script = script_of(char)
        counts[script] = counts.get(script, 0) + 1
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] else None


@dataclass(frozen=True)
class Line:
    """One line of a plain-text file, with the measurements the cleaner uses.

    The layout pass (search/reading/layout.py) sets the last three fields: `end` when
    hard-wrapped lines were joined into this one, `figures` for a row of a table of figures,
    and `item` for a line it decided is (True) or is not (False) a list item.
    """

    number: int  # 1-based
    raw: str
    end: int | None = None  # last file line, when hard-wrapped lines were joined into this one
    figures: bool = False
    item: bool | None = None
    capitals: bool = False  # the whole text is in capitals: case says nothing about headings

    @property
    def last(self) -> int:
        return self.end if self.end is not None else self.number

    @cached_property
    def text(self) -> str:
        return self.raw.strip()

    @cached_property
    def lower(self) -> str:
        return self.text.lower()

    @cached_property
    def digits(self) -> bool:
        return bool(_ANY_DIGIT.search(self.text))

    @cached_property
    def blank(self) -> bool:
        return not self.text

    @cached_property
    def indent(self) -> int:
        """Columns of leading white space (a tab counts as four)."""
        head = self.raw[: len(self.raw) - len(self.raw.lstrip())]
        return len(head.replace("\t", "    "))

    @cached_property
    def tokens(self) -> list[str]:
        return WORD.findall(self.text)

    @cached_property
    def cjk_chars(self) -> int:
        return len(HAN_OR_KANA.findall(self.text))

    @cached_property
    def words(self) -> float:
        """Word count; two CJK characters count as one word."""
        if not self.cjk_chars:
            return len(self.tokens)
        latin_tokens = [t for t in self.tokens if not HAN_OR_KANA.search(t)]
        return len(latin_tokens) + self.cjk_chars / 2

    @cached_property
    def stop_density(self) -> float:
        if not self.tokens:
            return 0.0
        return sum(t.lower() in STOP_WORDS for t in self.tokens) / len(self.tokens)

    @cached_property
    def sentence_end(self) -> bool:
        return bool(_SENTENCE_END.search(self.text))

    @cached_property
    def script(self) -> str | None:
        return dominant_script(self.text)

    @cached_property
    def list_marker(self) -> str | None:
        """The line's list marker (bullets, or a number such as "2."), if it is a list item."""
        if self.item is False or self.table_row or self.figures:
            return None
        match = _BULLET_MARKER.match(self.text) or _NUMBER_MARKER.match(self.text)
        return match.group() if match else None

    @cached_property
    def table_row(self) -> bool:
        return bool(_TABLE_ROW.match(self.text))

    @cached_property
    def number_only(self) -> bool:
        """A line holding only a number (a section counter, an id), but not a year."""
        return bool(_NUMBER_ONLY.match(self.text)) and not _YEAR.match(self.text)

    @cached_property
    def date_only(self) -> bool:
        """A line holding only a date or a year (a timeline entry)."""
        match = DATE_PATTERN.fullmatch(self.text)
        return bool(match) or bool(_YEAR.match(self.text))

    @cached_property
    def dated(self) -> bool:
        """A line that is a date, give or take a word ("12 November 2019", "Nov 18 | Fact")."""
        match = _ANY_DATE.search(self.text)
        if not match:
            return False
        rest = self.text[: match.start()] + " " + self.text[match.end() :]
        return len(WORD.findall(rest)) <= 1

    @cached_property
    def mentions_date(self) -> bool:
        """The line names a day (with or without its year)."""
        return self.digits and bool(_ANY_DATE.search(self.text))

    @cached_property
    def clock(self) -> bool:
        """The line states a time of day or an age ("3 hours ago")."""
        return self.digits and bool(_CLOCK.search(self.text) or _AGE.search(self.text))

    @cached_property
    def has_content(self) -> bool:
        """Letters or digits: a line of only symbols or emoji has none."""
        return bool(_ALNUM.search(self.text))

    @cached_property
    def title_case_ratio(self) -> float:
        if self.capitals:
            return 0.0
        words = [t for t in self.tokens if t[0].isalpha()]
        if not words:
            return 0.0
        return sum(t[0].isupper() for t in words) / len(words)

    @cached_property
    def sentence_like(self) -> bool:
        """Prose: a whole sentence of some length, or a long line dense in function words."""
        if self.cjk_chars >= 20 and self.sentence_end:
            return True
        if self.sentence_end and self.words >= 8:
            return True
        # A long line of two sentences or more, in any language (stop words are English).
        return self.words >= 20 and (
            self.stop_density >= 0.25 or bool(_INNER_PUNCTUATION.search(self.text))
        )

    @cached_property
    def short(self) -> bool:
        """A line too short to be prose (menu entries, buttons, headings)."""
        return not self.sentence_like and self.words <= 12


def strip_list_marker(text: str) -> str:
    """The text of a list item without its bullets. A number ("2.") is part of the text: the
    number of an item in a ranking is information, and no number is ever dropped."""
    return _BULLET_MARKER.sub("", text, count=1).strip()


def letters_in_capitals(text: str) -> bool:
    """Whether a text is written in capitals (a wire story, a scanned magazine): then a line
    in capitals is not a heading for that reason."""
    sample = text[:20_000]  # enough to tell; a long text is not read twice for this
    upper = sum(map(str.isupper, sample))
    return upper >= 200 and upper >= 4 * sum(map(str.islower, sample))


# Measurements that do not depend on the layout's flags: a Line given new flags keeps them.
_FLAG_FREE = frozenset(
    """text lower digits blank tokens cjk_chars words stop_density sentence_end script indent
    table_row number_only date_only dated mentions_date clock has_content sentence_like
    short""".split()
)


def with_flags(line: Line, **changes: object) -> Line:
    """`line` with other layout flags (figures, item, capitals, end...), keeping what was
    already measured of its text when the text stays the same."""
    changed = replace(line, **changes)  # type: ignore[arg-type]
    if "raw" not in changes:
        cache = {k: v for k, v in line.__dict__.items() if k in _FLAG_FREE}
        changed.__dict__.update(cache)
    return changed
