"""What is written around a number: the qualifier before it ("about", "more than"), a currency
before or after it (signs, ISO codes, "dlrs", "Australian cts", "stg"), the thing it counts
after it, and whether it is a name or an id rather than a figure ("Fortune 500", "H100",
"757-200", "1st")."""

from __future__ import annotations

import re

from search.facts.numbers import Number
from search.facts.units import (
    CENT_WORDS,
    CODES,
    COUNTRY_DOLLARS,
    CURRENCY_WORDS,
    DOLLAR_WORDS,
    SIGNS,
)
from search.text import STOP_WORDS

QUALIFIERS = [  # longest first; read from the words just before a figure
    ("no more than", "no more than"),
    ("not more than", "no more than"),
    ("more than", "over"),
    ("just over", "over"),
    ("over", "over"),
    ("above", "over"),
    ("exceeding", "over"),
    ("at least", "at least"),
    ("at most", "at most"),
    ("nearly", "nearly"),
    ("almost", "nearly"),
    ("close to", "nearly"),
    ("just under", "under"),
    ("under", "under"),
    ("less than", "under"),
    ("fewer than", "under"),
    ("an estimated", "estimated"),
    ("estimated", "estimated"),
    ("about", "about"),
    ("around", "about"),
    ("roughly", "about"),
    ("approximately", "about"),
    ("some", "about"),
    ("up to", "up to"),
    ("as much as", "up to"),
    ("as many as", "up to"),
    ("as high as", "up to"),
]
APPROXIMATE = frozenset({"about", "nearly", "estimated"})

SIGN_BEFORE = re.compile(
    r"(?:(?<![\w$])(?P<sign>(?:US|A|AU|C|CA|HK|NZ|S|NT|R)?\s?\$|[€£¥₹₩₽])|\b(?P<word>Rs\.?|SFr|"
    r"DM|" + "|".join(sorted(CODES)) + r"))\s?$"
)
CURRENCY_AFTER = re.compile(
    r"""[\s-]+(?:(?P<country>U\.S\.|US|American|Australian|Aust|Canadian|Can|N\.Z\.|NZ|New\s+Zealand
    |H\.K\.|HK|Hong\s+Kong|Singapore|Taiwan|Swiss|French|Belgian|Mexican|Argentine|Philippine)
    \s+)?(?P<word>dlrs|dlr|dollars|dollar|cts|ct|cents|cent|[a-z]+)\b""",
    re.VERBOSE | re.IGNORECASE,
)
CODE_AFTER = re.compile(r"\s(?P<code>[A-Z]{3})\b")

NOT_COUNTED = frozenset(
    """said says say told added agreed noted would could will may might must shall did do does
    and or but to of in on at by for from with as than per vs versus against compared said.
    were was is are be been has have had times percent pct afterwards later earlier ago
    apiece each overall altogether respectively alone again instead before after""".split()
)


def qualifier_before(text: str, start: int) -> tuple[str | None, int]:
    """The qualifier just before `start` and where it begins."""
    before = text[max(0, start - 30) : start].lower()
    for phrase, name in QUALIFIERS:
        match = re.search(rf"\b{phrase}\s*$", before)
        if match:
            return name, start - (len(before) - match.start())
    return None, start


# A plural noun (or a noun that is plural as it stands) ends what is counted.
HEAD_NOUN = re.compile(
    r"[a-z-]{2,}(?<!ss)(?<!us)(?<!is)s|people|staff|personnel|police|cattle|children|men|women|"
    r"sheep|livestock|equipment|crew"
)


THING_AFTER = re.compile(
    r"(?P<gap>[ \t\n]*-?)(?P<tok>(?:[A-Z]\.){2,}|&lt;[^<>\n]{1,40}>|<[^<>\n]{1,40}>|"
    r"[A-Za-z][\w'’]*(?:-[\w'’]+)*|\d+(?:-\d+)?[A-Za-z]*(?:-[\w]+)*)"
)


def counted_after(text: str, end: int) -> str | None:
    """The thing counted: the words after a number up to a stop word or punctuation, ending at
    its noun ("1,700 workers"); names and models before that noun are part of it ("five Boeing
    757-200 planes", "250 U.S. industrial companies", "13 <Rolls-Royce Ltd> engines", "four
    737-400s"), and "a 2,700-strong crowd" counts the crowd."""
    words: list[str] = []
    rest = re.match(r"\s+of\s+(?:its|the|their|his|her|our)\s+", text[end:])
    if rest:
        end += rest.end() - 1
    hyphenated, named, after_name = False, False, 0
    while len(words) < 6:
        match = THING_AFTER.match(text, end)
        if match is None or (match.group("gap").endswith("-") and words):
            break
        token = match.group("tok")
        word = token.lower().strip("'’")
        if hyphenated and word != "strong":
            break  # "13-nation group": the compound names what is counted
        hyphenated = match.group("gap").endswith("-")
        if token[0].isdigit():
            if not words and not re.search(r"\ds$|[a-z]s$", token):
                break  # "in 2,300 1986 dollars": a second number, not a thing
            words.append(word)
            end = match.end()
            if token.endswith("s"):
                break  # "four 737-400s"
            continue
        if word in STOP_WORDS or word in NOT_COUNTED:
            break
        if hyphenated and word == "strong":
            end, hyphenated = match.end(), False  # "a 2,700-strong crowd"
            continue
        capital = token[0].isupper() or token[0] in "<&"
        words.append(word.strip("<>").replace("&lt;", ""))
        end = match.end()
        if capital:
            named, after_name = True, len(words)
        elif HEAD_NOUN.fullmatch(word):
            break  # "300 people died", "1,700 workers went": the counted thing ends at its noun
        elif len(words) - (after_name if named else 0) == 3:
            break
    if named and len(words) > after_name and not HEAD_NOUN.fullmatch(words[-1]):
        del words[after_name:]  # "12 Democrats voted": the name was what is counted
    return " ".join(words) or None


def glued_letters(text: str, end: int) -> bool:
    return end < len(text) and text[end].isalpha()


# Nouns a number after names one of a series: "type 2", "chapter 11", "week 13", "level 100".
DESIGNATED = re.compile(
    r"\b(?:type|group|stage|phase|grade|level|category|class|article|chapter|section|page|"
    r"room|route|week|game|round|season|episode|volume|version|tier|gate|zone|ward|floor|"
    r"row|seat|platform|exit|flight|channel|district|precinct|division|act|scene|verse|"
    r"paragraph|clause|item|step|question|figure|track|pier|terminal|highway|interstate)"
    r"[ \t]+$",
    re.I,
)


def is_name_number(text: str, start: int) -> bool:
    """ "Fortune 500", "LC 500", "Maroon 5": a bare number right after a capitalised word that
    is not a sentence's first, a month, a qualifier or a headline in capitals; "type 2",
    "chapter 11": a number after a noun that designates one of a series."""
    if DESIGNATED.search(text[max(0, start - 14) : start]):
        return True
    prior = re.search(r"([A-Z][\w.'’-]*)[ \t]+$", text[max(0, start - 30) : start])
    if not prior:
        return False
    word = prior.group(1)
    lower = word.lower().rstrip(".")
    if lower in STOP_WORDS or lower in {q for q, _ in QUALIFIERS} or lower in ("no", "top"):
        return False
    from search.facts.dates import MONTHS

    if lower in MONTHS:
        return False
    word_start = start - len(prior.group(0))
    if starts_sentence(text, word_start, '.!?:"“(;'):
        return False  # a sentence's first word: "Revs 104.6 mln", "Net 205 mln"
    return capitals_share(text[max(0, word_start - 60) : start + 20]) <= 0.8  # not a headline


def starts_sentence(text: str, index: int, stops: str) -> bool:
    """Whether the word at `index` opens the text or follows one of `stops`."""
    head = text[max(0, index - 200) : index].rstrip()
    return not head or head[-1] in stops


def capitals_share(text: str) -> float:
    """The share of a text's letters that are capitals (0 without letters)."""
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) / len(letters) if letters else 0.0


def is_id(text: str, number: Number) -> bool:
    """Numbers that are names, models or ids, not figures."""
    start, end = number.start, number.end
    before = text[start - 1] if start else " "
    raw = text[start:end]
    model = re.search(r"[A-Za-z]\w*-$", text[max(0, start - 12) : start])
    if before.isalnum() or before in "_#@" or model:
        return True  # H100, #5, COVID-19, GPT-4, A320-200
    if number.is_word:
        return False
    digits = re.match(r"[\d,.]+", raw)
    plain = digits.group() if digits else raw
    if plain.startswith("0") and not plain.startswith("0.") and plain != "0":
        return True  # 01, 007
    if len(plain.replace(",", "").replace(".", "")) > 9 and "," not in plain:
        return True  # a long id: 192845757775
    if re.match(r"(?:st|nd|rd|th)\b", text[end : end + 3], re.I):
        return True  # 1st, 4TH
    if re.match(r"\s*(?:hundred|thousand|million|billion|trillion)th\b", text[end:], re.I):
        return True  # "1 millionth robot"
    if re.match(r"-[A-Z]", text[end : end + 2]) and not re.match(r"-[A-Z]+\b(?![a-z])", text[end:]):
        return True  # 30-Second (but NINE-NATION and 13-NATION are counts)
    if re.match(r"-\d", text[end : end + 2]):
        return True  # 757-200: a model (ranges and scores are read before)
    if re.match(r"[’']s\b", text[end : end + 3]) and start and text[start - 1] == " ":
        prior = text[:start].rstrip().split()[-1:] or [""]
        if prior[0][:1].isupper():
            return True  # "Maroon 5's album": a name
    return False


def currency_before(text: str, start: int) -> tuple[str | None, int]:
    match = SIGN_BEFORE.search(text[max(0, start - 5) : start])
    if not match:
        return None, start
    raw = (match.group("sign") or match.group("word") or "").replace(" ", "").lower()
    code = SIGNS.get(raw) or (raw.upper() if raw.upper() in CODES else None)
    if raw == "rmb":
        code = "CNY"
    window = text[max(0, start - 5) : start]
    begin = match.start() + len(match.group()) - len(match.group().lstrip())
    return code, start - (len(window) - begin)


def currency_after(text: str, end: int) -> tuple[str | None, float, int]:
    """A currency word or sign after a number: (code, factor, end). "cts" are hundredths;
    "60,000₩" and "25 €" are written sign last."""
    sign = re.match(r"[ \t]?([€£¥₹₩₽])", text[end : end + 2])
    if sign and sign.group(1) in SIGNS:
        return SIGNS[sign.group(1)], 1.0, end + sign.end()
    match = CURRENCY_AFTER.match(text, end)
    if match:
        word = match.group("word").lower()
        country = (match.group("country") or "").lower().replace(" ", "")
        country = {"newzealand": "nz", "hongkong": "hk"}.get(country, country)
        if word in DOLLAR_WORDS or word in CENT_WORDS:
            code = COUNTRY_DOLLARS.get(country, "USD" if not country else None) or "USD"
            return code, (0.01 if word in CENT_WORDS else 1.0), match.end()
        if word in CURRENCY_WORDS and not country:
            code = CURRENCY_WORDS[word]
            if word in ("pounds", "pound") and re.match(r"\s+of\s", text[match.end() :]):
                return None, 1.0, end  # "ten pounds of flour"
            if code == "GBP/100":
                if word == "p" and text[end : end + 1] == " ":
                    return None, 1.0, end
                return "GBP", 0.01, match.end()
            return code, 1.0, match.end()
    code = CODE_AFTER.match(text, end)
    if code and code.group("code") in CODES:
        return code.group("code"), 1.0, code.end()
    return None, 1.0, end
