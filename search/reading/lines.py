"""Measurements of one line of text that the cleaner decides on: words, script, sentence shape.

All signals are generic (no site's strings): how many words, how many of them are stopwords,
whether the line ends like a sentence, which writing system its letters belong to.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache

from search.text import HAN_OR_KANA, STOP_WORDS, WORD

# A sentence ends with . ! ? (or their CJK forms), possibly followed by closing quotes/brackets.
_SENTENCE_END = re.compile(r"[.!?。！？…](?:[\"'”’»)\]）」』]+)?\s*$")
_LIST_MARKER = re.compile(r"^\s*(?:(?:[-*+•·▪▫‣◦●○►▸–—]|\d{1,3}[.)])\s*)+(?=\S)")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_NUMBER_ONLY = re.compile(r"^[#№\s]*\d[\d\s.,]*$")
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
# A line that is only a date: 2018-11, 2026/03/05, 2026.03.05 01:53, March 2025, 5 March 2025...
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DATE_PATTERN = re.compile(
    r"(?:(?<!\d)\d{4}[-/.年]\d{1,2}(?:[-/.月]\d{1,2}日?)?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?)"
    rf"|(?:\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b)"
    rf"|(?:\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}\b)"
    rf"|(?:\b{_MONTH}\s+\d{{4}}\b)",
    re.IGNORECASE,
)


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
    counts: dict[str, int] = {"LATIN": len(_ASCII_LETTER.findall(text))}
    for char in _OTHER_LETTER.findall(text):
        script = script_of(char)
        counts[script] = counts.get(script, 0) + 1
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] else None


@dataclass(frozen=True)
class Line:
    """One line of a plain-text file, with the measurements the cleaner uses."""

    number: int  # 1-based
    raw: str
    end: int | None = None  # last file line, when hard-wrapped lines were joined into this one

    @property
    def last(self) -> int:
        return self.end if self.end is not None else self.number

    @cached_property
    def text(self) -> str:
        return self.raw.strip()

    @property
    def blank(self) -> bool:
        return not self.text

    @cached_property
    def tokens(self) -> list[str]:
        return WORD.findall(self.text)

    @cached_property
    def cjk_chars(self) -> int:
        return len(HAN_OR_KANA.findall(self.text))

    @cached_property
    def words(self) -> float:
        """Word count; two CJK characters count as one word."""
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
        match = _LIST_MARKER.match(self.text)
        return match.group() if match and not self.table_row else None

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
    def has_content(self) -> bool:
        """Letters or digits: a line of only symbols or emoji has none."""
        return any(ch.isalnum() for ch in self.text)

    @cached_property
    def title_case_ratio(self) -> float:
        words = [t for t in self.tokens if t[0].isalpha()]
        if not words:
            return 0.0
        return sum(t[0].isupper() for t in words) / len(words)

    @property
    def sentence_like(self) -> bool:
        """Prose: a whole sentence of some length, or a long line dense in function words."""
        if self.cjk_chars >= 20 and self.sentence_end:
            return True
        if self.sentence_end and self.words >= 8:
            return True
        return self.words >= 20 and self.stop_density >= 0.25

    @property
    def short(self) -> bool:
        """A line too short to be prose (menu entries, buttons, headings)."""
        return not self.sentence_like and self.words <= 12


def strip_list_marker(text: str) -> str:
    """The text of a list item without its bullets or numbers."""
    return _LIST_MARKER.sub("", text, count=1).strip()


WRAP_MAX_WIDTH = 100  # files wrapped wider than this are one line per paragraph, not wrapped
WRAP_SLACK = 25  # a wrapped line is at least this close to the wrap width


def wrap_width(lines: list[Line]) -> int | None:
    """The column a hard-wrapped file was wrapped at, or None if it is not hard-wrapped.

    Hard-wrapped text (e-mail, plain-text archives, abstracts) has most lines within a few
    characters of one width, well under 100; scraped web text has one paragraph per line.
    """
    lengths = sorted(len(line.raw.rstrip()) for line in lines if not line.blank)
    if len(lengths) < 4:
        return None
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if not 30 <= width <= WRAP_MAX_WIDTH:
        return None
    full = sum(1 for length in lengths if length >= width - WRAP_SLACK)
    return width if full >= 0.5 * len(lengths) else None


def _structural(line: Line) -> bool:
    return bool(line.list_marker or line.table_row or line.text.startswith(("#", ">")))


def unwrap(lines: list[Line]) -> list[Line]:
    """Join the lines of hard-wrapped paragraphs into one logical line each, so that the
    cleaner judges sentences, not fragments. Files that are not hard-wrapped are returned
    as they are."""
    width = wrap_width(lines)
    if width is None:
        return lines
    out: list[Line] = []
    for line in lines:
        previous = out[-1] if out else None
        if (
            previous is not None
            and not line.blank
            and not previous.blank
            and previous.last == line.number - 1
            and len(lines[previous.last - lines[0].number].raw.rstrip()) >= width - WRAP_SLACK
            and not _structural(line)
            and not _structural(previous)
        ):
            out[-1] = Line(previous.number, f"{previous.text} {line.text}", end=line.number)
        else:
            out.append(line)
    return out
