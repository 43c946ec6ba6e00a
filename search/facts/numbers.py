"""Numbers as written: digits ("1,234.5"), fractions ("4-1/8", "5/8"), words ("twenty-five",
"two thirds", "a million"), scales after them ("mln", "bn", "crore") and vague magnitudes
("tens of billions"); each with the value of its last written digit, for rounding."""

from __future__ import annotations

import re
from dataclasses import dataclass

from search.facts.units import NUMBER_WORDS, SCALES, TENS_WORDS, UNITS_WORDS

_UNITS = "|".join(sorted(UNITS_WORDS, key=len, reverse=True))
_TENS = "|".join(TENS_WORDS)
_ONES = "one|two|three|four|five|six|seven|eight|nine"
WORD_NUMBER = rf"(?:(?:{_TENS})(?:[-\s](?:{_ONES}))?|{_UNITS})"
FRACTION_WORDS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fifth": 5,
    "fifths": 5,
}
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
CORE = re.compile(
    rf"""
    (?<![\w.,/])(?P<frac>\d{{1,2}}/\d{{1,2}})(?![\d/])
    |(?<![\w,/])(?P<digits>{DIGITS})(?P<tail>(?:-|\s)\d{{1,2}}/\d{{1,2}}(?![\d/]))?
    |\b(?P<fword>(?:a|one|two|three|four)[\s-](?:half|third|thirds|quarter|quarters|fifth|fifths))\b
       (?=\s+of\b|\s*[.,;:)]|\s*$|(?<=s)\b)
    |\b(?P<word>{WORD_NUMBER}|a\s+(?=(?:hundred|thousand|million|billion|trillion|dozen)\b)|
       a\s+single(?=\s)|half|dozen)\b
    """,
    re.VERBOSE | re.IGNORECASE,
)
SCALE = re.compile(
    r"""(?:[\s-]+(?P<word>hundred|thousand|million|mln|mn|billion|bln|bn|trillion|tn|trn|crores?
    |lakhs?)s?\b|(?P<glued>k|m|mn|b|bn|tn)(?![\w]))""",
    re.VERBOSE | re.IGNORECASE,
)
VAGUE = re.compile(
    r"""\b(?:(?P<lead>tens|hundreds|dozens|a\s+few)\s+of\s+)?(?P<unit>hundreds|thousands|millions
    |billions|trillions)\b
    |\b(?P<few>a\s+few|several)\s+(?P<unit2>hundred|thousand|million|billion)\b
    |\b(?P<dozens>dozens)\s+of\b""",
    re.VERBOSE | re.IGNORECASE,
)


@dataclass
class Number:
    """A number read from text: its value, the span it covers and its rounding step."""

    value: float
    start: int
    end: int
    step: float
    is_word: bool  # written in words ("two", "a dozen"): needs a noun or a unit to be a figure
    scaled: bool = False  # followed by a scale word ("mln", "bn")
    fraction: bool = False  # "5/8", "two thirds": a ratio when nothing follows


def _word_value(text: str) -> float:
    words = re.split(r"[\s-]+", text.lower())
    if words == ["a", "single"]:
        return 1
    if words[0] in ("a",):
        return 1
    if words == ["half"]:
        return 0.5
    if words == ["dozen"]:
        return 12
    return float(sum(NUMBER_WORDS[w] for w in words if w in NUMBER_WORDS))


def _step(digits: str) -> float:
    digits = digits.replace(",", "")
    if "." in digits:
        return 10.0 ** -len(digits.split(".")[1])
    return 1.0


def read_number(match: re.Match[str], text: str) -> Number:
    """The number a CORE match found, with the scale words after it taken in."""
    start, end = match.span()
    if match.group("frac"):
        top, bottom = match.group("frac").split("/")
        value = int(top) / int(bottom) if int(bottom) else 0.0
        number = Number(value, start, end, 1 / 64, False, fraction=True)
    elif match.group("digits"):
        digits = match.group("digits")
        value = float(digits.replace(",", ""))
        step = _step(digits)
        if match.group("tail"):  # 4-1/8, 5 1/2
            top, bottom = match.group("tail").strip(" -").split("/")
            if int(bottom) and int(top) < int(bottom):
                value += int(top) / int(bottom)
                step = 1 / 64
            else:
                end = match.end("digits")
        number = Number(value, start, end, step, False)
    elif match.group("fword"):
        lead, part = re.split(r"[\s-]+", match.group("fword").lower())
        count = 1 if lead in ("a", "one") else NUMBER_WORDS[lead]
        if count > 1 and not part.endswith("s") and part != "half":
            return Number(0, start, start, 1, True)  # "two third" is not a fraction
        value = count / FRACTION_WORDS[part]
        number = Number(value, start, end, 1 / 64, True, fraction=True)
    else:
        word = match.group("word")
        number = Number(_word_value(word), start, start + len(word.rstrip()), 1.0, True)
        if word.lower() == "half":
            number.fraction = True
    return with_scale(number, text)


AND_WORDS = re.compile(rf"\s+and\s+(?P<word>{WORD_NUMBER})\b", re.IGNORECASE)
AND_A_HALF = re.compile(r"[\s-]and[\s-]a[\s-]half\b", re.IGNORECASE)


def with_scale(number: Number, text: str) -> Number:
    """Take in the scale words after a number ("1.5 mln", "$12.2m", "one hundred thousand",
    "one hundred and fifty"), and "and a half"."""
    if half := AND_A_HALF.match(text, number.end):
        number.value += 0.5
        number.end = half.end()
        number.step = 0.5
    while True:
        scale = SCALE.match(text, number.end)
        if not scale:
            if (
                number.is_word
                and number.value in (100, 1000)
                and (more := AND_WORDS.match(text, number.end))
            ):
                number.value += _word_value(more.group("word"))
                number.end = more.end()
            return number
        word = (scale.group("word") or scale.group("glued")).lower()
        if word in ("crores", "lakhs"):
            word = word[:-1]
        if scale.group("glued") and word == "m" and text[scale.end() : scale.end() + 1] == "²":
            return number
        factor = SCALES[word]
        number.value *= factor
        number.step *= factor
        number.end = scale.end()
        number.scaled = True


def vague_numbers(text: str) -> list[tuple[float, float, int, int, str]]:
    """ "tens of billions", "hundreds of thousands", "billions", "a few hundred": (lower bound,
    upper bound, start, end, the vague words) each."""
    found = []
    for match in VAGUE.finditer(text):
        start, end = match.span()
        if match.group("dozens"):
            found.append((24.0, 144.0, start, match.end("dozens"), "dozens"))
            continue
        if match.group("unit"):
            unit = match.group("unit").lower()[:-1]
            lead = " ".join((match.group("lead") or "").lower().split())
            if unit == "hundred" and not lead:
                continue  # "hundreds" alone is too vague to be a figure
            factor = {"tens": 10, "hundreds": 100, "dozens": 12}.get(lead, 3 if lead else 1)
            words = f"{lead} of {unit}s" if lead else f"{unit}s"
            upper = factor * 10 * SCALES[unit] if lead != "dozens" else 100 * SCALES[unit]
        else:
            unit = match.group("unit2").lower()
            factor = 3  # "a few", "several": three at least
            words = " ".join(match.group("few").lower().split())
            upper = 10 * SCALES[unit]
        found.append((factor * SCALES[unit], upper, start, end, words))
    return found
