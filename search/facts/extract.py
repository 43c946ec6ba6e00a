"""Facts an article states: money, counts, percentages, dates and named entities, each with a
normalised value, the sentence and passage it is in, and the words around it.

Hand-written rules, not a model: quantulum3 scored 0.85/0.70 on the seeds (it reads "an L5" as
litres and "2022 to 57,000" as a range) and spaCy's English models are not on the package
index. The rules are general (no word of the seeds in them):

- a number is a figure unless it is glued to letters ("H100", "L5", "v6"), follows a capitalised
  name directly ("Fortune 500"), is the start of a capitalised compound ("30-Second"), starts
  with a zero ("01"), or is a long run of digits (an id: "192845757775");
- scale words and suffixes multiply ("$200B", "1.6 million"); "millionth" is an ordinal;
- vague magnitudes ("tens of billions", "hundreds of thousands", "billions") take the lower
  bound (10 billion, 100 thousand, 1 billion) with the vague words as qualifier;
- a year is a date when it stands alone in 1900-2099, with its month or season words when given.

Qualifiers (over, nearly, about, up to, at least...) are read from the words just before.
"""

from __future__ import annotations

import re

from search.facts.fact import TITLE, Fact
from search.facts.names import entities_in, merge_surnames
from search.model import Article, PassageKind
from search.text import (
    LATIN_WORD,
    MONTHS,
    STOP_WORDS,
    sentence_spans,
    starts_sentence,
    stem,
)

SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "t": 1e12,
    "tn": 1e12,
}
CURRENCY_SIGNS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "CNY"}
CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "usd": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "eur": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "yuan": "CNY",
    "rmb": "CNY",
    "yen": "JPY",
    "cent": "USD/100",
    "cents": "USD/100",
}
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "a": 1,
}
QUALIFIERS = [  # longest first; read from the words just before a figure
    ("more than", "over"),
    ("over", "over"),
    ("above", "over"),
    ("exceeding", "over"),
    ("at least", "at least"),
    ("nearly", "nearly"),
    ("almost", "nearly"),
    ("close to", "nearly"),
    ("under", "under"),
    ("less than", "under"),
    ("fewer than", "under"),
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
DATE_QUALIFIERS = ("early", "mid", "late", "end of", "first half of", "second half of")

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"hundred|thousand|million|billion|trillion|bn|mn|tn|[kmbt]"
_VAGUE_UNIT = r"hundreds|thousands|millions|billions|trillions"
FIGURE = re.compile(
    rf"""
    (?P<sign>US\$|[$€£¥])?\s?
    (?P<num>{_NUM})
    (?:\s?(?P<scale>{_SCALE})(?![\w-]))?
    (?P<pct>\s?(?:%|percent\b|per\s?cent\b|percentage\s+points?\b))?
    """,
    re.VERBOSE | re.IGNORECASE,
)
VAGUE = re.compile(
    rf"""\b(?:(?P<lead>tens|hundreds|dozens|a\s+few)\s+of\s+)?(?P<unit>{_VAGUE_UNIT})\b
    |\b(?P<few>a\s+few|several)\s+(?P<unit2>hundred|thousand|million|billion)\b
    |\b(?P<word>one|two|three|four|five|six|seven|eight|nine|ten)\s+
      (?P<unit3>hundred|thousand|million|billion|trillion)\b""",
    re.VERBOSE | re.IGNORECASE,
)
MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE = re.compile(
    rf"""
    (?P<iso>(?<![\d/.-])(?:19|20)\d\d[-/.](?:0[1-9]|1[0-2])(?:[-/.](?:0[1-9]|[12]\d|3[01]))?(?![\d/.-]\d))
    |(?P<month>\b(?:{MONTH_NAMES})\.?)\s+(?:(?P<day>\d{{1,2}}),?\s+)?(?P<myear>(?:19|20)\d\d)\b
    |(?P<year>(?:(?<=mid-)|(?<=early-)|(?<=late-)|(?<![\w$€£¥.,/-]))(?:19|20)\d\d(?:/\d\d)?(?![\w%]|,\d|\.\d))
    """,
    re.VERBOSE | re.IGNORECASE,
)
ORDINAL_AFTER = re.compile(r"\s*(?:hundred|thousand|million|billion|trillion)th\b", re.I)
CONTEXT_WORDS = 8  # words each side of a figure that say what it is about


# --- reading figures -------------------------------------------------------------------------


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _words_before(text: str, start: int, count: int = 4) -> list[str]:
    return [w.lower() for w in LATIN_WORD.findall(text[max(0, start - 40) : start])][-count:]


def _qualifier(text: str, start: int) -> tuple[str | None, int]:
    """The qualifier just before `start` and where it begins."""
    before = text[max(0, start - 30) : start].lower()
    for phrase, name in QUALIFIERS:
        match = re.search(rf"\b{phrase}\s*$", before)
        if match:
            return name, start - (len(before) - match.start())
    return None, start


def _counted(text: str, end: int) -> str | None:
    """The thing counted: the words after a number up to a stop word or punctuation."""
    words = []
    for match in LATIN_WORD.finditer(text, end):
        gap = text[end : match.start()]
        if gap.strip(" ") not in ("", "-") or len(words) == 3 or (gap == "-" and words):
            break
        word = match.group().lower()
        if word in STOP_WORDS or word in SCALES:
            break
        words.append(word)
        end = match.end()
    return " ".join(words) or None


def _is_id_like(text: str, start: int, end: int, number: str) -> bool:
    """Numbers that are names or ids, not figures."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum() or before in "_/#" or (after.isalpha() and after.lower() not in "kmbt"):
        return True  # H100, L5, v6, 30x, a path or a tag
    digits = number.replace(",", "").replace(".", "")
    if number.startswith("0") and not number.startswith("0."):
        return True  # 01, 007
    if len(digits) > 9 and "," not in number:
        return True  # a long id: 192845757775
    if after == "-" and end + 1 < len(text) and text[end + 1].isupper():
        return True  # a capitalised compound: 30-Second
    if text[end : end + 2] in ("st", "nd", "rd", "th") or ORDINAL_AFTER.match(text, end):
        return True  # 1st, "1 millionth robot"
    if before == "-" and start >= 2 and text[start - 2].isalpha():
        return True  # COVID-19, GPT-4
    prior = LATIN_WORD.findall(text[max(0, start - 20) : start])
    gap = text[:start][len(text[:start].rstrip(" ")) :]
    if prior and prior[-1][0].isupper() and gap and text[: start - len(gap)].endswith(prior[-1]):
        # "Fortune 500", "Model 3" — but not a sentence's first word, a month or a qualifier
        word = prior[-1]
        if (
            word.lower() not in MONTHS
            and word.lower() not in STOP_WORDS
            and word.lower() not in dict(QUALIFIERS)
            and not starts_sentence(text, start - len(gap) - len(word))
        ):
            return True
    return False


def _figures(text: str, taken: list[tuple[int, int]]) -> list[Fact]:
    """Every number in `text` that is a figure (money, count or percentage), outside `taken`."""
    found = []
    for match in FIGURE.finditer(text):
        num = match.group("num")
        start, end = match.start("sign") if match.group("sign") else match.start("num"), match.end()
        if any(s <= match.start("num") < e for s, e in taken):
            continue
        tail = match.end("num") if not (match.group("scale") or match.group("pct")) else end
        if _is_id_like(text, start, tail, num):
            continue
        value = _number(num)
        if match.group("scale"):
            value *= SCALES[match.group("scale").lower()]
        if match.group("pct"):
            found.append(_fact("percent", value, "%", text, start, end))
            continue
        currency = CURRENCY_SIGNS.get((match.group("sign") or "").replace("US", ""))
        word_after = re.match(r"\s+(?:US\s+|U\.S\.\s+)?([A-Za-z]+)\b", text[end:])
        if currency is None and word_after and word_after.group(1).lower() in CURRENCY_WORDS:
            currency = CURRENCY_WORDS[word_after.group(1).lower()]
            end += word_after.end()
        if currency == "USD/100":
            found.append(_fact("money", value / 100, "USD", text, start, end))
        elif currency:
            found.append(_fact("money", value, currency, text, start, end))
        else:
            found.append(_fact("count", value, _counted(text, end), text, start, end))
    return found


def _vague(text: str) -> list[Fact]:
    """ "tens of billions of dollars", "hundreds of thousands", "four thousand", "billions"."""
    found = []
    for match in VAGUE.finditer(text):
        start, end = match.span()
        if match.group("unit"):
            unit = match.group("unit").lower()[:-1]  # billions -> billion
            lead = (match.group("lead") or "").lower()
            factor = {"tens": 10, "hundreds": 100, "dozens": 12}.get(lead, 3 if lead else 1)
            qualifier = f"{lead} of {unit}s" if lead else f"{unit}s"
            if unit == "hundred" and not lead:
                continue  # "hundreds" alone is too vague to be a figure
        elif match.group("few"):
            unit, factor = match.group("unit2").lower(), 3  # "a few", "several": 3 at least
            qualifier = " ".join(match.group("few").lower().split())
        else:
            unit = match.group("unit3").lower()
            factor, qualifier = NUMBER_WORDS[match.group("word").lower()], None
        value = factor * SCALES[unit]
        of_money = re.match(
            r"\s+of\s+(?:US\s+|U\.S\.\s+)?(dollars|euros|pounds|yuan|yen)\b", text[end:]
        )
        money_before = text[max(0, start - 2) : start].strip() in CURRENCY_SIGNS
        if of_money:
            end += of_money.end()
            found.append(
                _fact(
                    "money",
                    value,
                    CURRENCY_WORDS[of_money.group(1).lower()],
                    text,
                    start,
                    end,
                    qualifier,
                )
            )
        elif money_before or _spending_words(text, start, end):
            found.append(_fact("money", value, "USD", text, start, end, qualifier))
        else:
            counted = re.match(r"\s+of\s+", text[end:])
            thing = _counted(text, end + counted.end()) if counted else _counted(text, end)
            found.append(_fact("count", value, thing, text, start, end, qualifier))
    return found


MONEY_VERBS = re.compile(
    r"\b(?:spend\w*|invest\w*|pay\w*|cost\w*|budget\w*|rais\w+|fund\w*)\b", re.I
)


def _spending_words(text: str, start: int, end: int) -> bool:
    """A bare "billions" is money when a spending verb is right before it."""
    return bool(MONEY_VERBS.search(text[max(0, start - 20) : start]))


def _dates(text: str) -> list[Fact]:
    found = []
    for match in DATE.finditer(text):
        start, end = match.span()
        if match.group("iso"):
            parts = re.split(r"[-/.]", match.group("iso"))
            value = "-".join(parts)
        elif match.group("month"):
            month = MONTHS[match.group("month").lower().rstrip(".")]
            value = f"{match.group('myear')}-{month:02d}"
            if match.group("day"):
                value += f"-{int(match.group('day')):02d}"
        else:
            year = match.group("year")
            value = year[:4]
        qualifier = None
        before = text[max(0, start - 20) : start].lower()
        for word in DATE_QUALIFIERS:
            hit = re.search(rf"\b{word}(?:\s+in)?[\s-]*$", before)
            if hit:
                qualifier, start = word, start - (len(before) - hit.start())
                break
        found.append(_fact("date", value, None, text, start, end, qualifier))
    return found


def _fact(
    kind: str,
    value: float | str,
    unit: str | None,
    text: str,
    start: int,
    end: int,
    qualifier: str | None = None,
) -> Fact:
    if qualifier is None and kind != "date":
        qualifier, start = _qualifier(text, start)
    return Fact(kind, text[start:end], value, unit, qualifier, "", -1, "", start, end)


def context_words(text: str, start: int, end: int) -> frozenset[str]:
    """Content words within CONTEXT_WORDS words of a span: what the figure is about."""
    before = LATIN_WORD.findall(text[:start])[-CONTEXT_WORDS:]
    after = LATIN_WORD.findall(text[end:])[:CONTEXT_WORDS]
    return frozenset(stem(w) for w in before + after if w.lower() not in STOP_WORDS and len(w) > 1)


def figures_in(text: str) -> list[Fact]:
    """Every money, count, percentage and date fact of a text, in order, without overlaps."""
    dates = _dates(text)
    vague = [f for f in _vague(text) if not any(d.start <= f.start < d.end for d in dates)]
    taken = [(f.start, f.end) for f in dates + vague]
    facts = sorted(dates + vague + _figures(text, taken), key=lambda f: f.start)
    currency = None
    for fact in facts:  # "85 billion US dollars ... to reach 120 billion": the same money
        if fact.kind == "money":
            currency = fact.unit
        elif fact.kind == "count" and currency and fact.value >= 1e9 and fact.unit is None:
            fact.kind, fact.unit = "money", currency
    return facts


def extract(article: Article) -> list[Fact]:
    """The facts of an article, its title first (passage TITLE), then passage by passage:
    figures and dates, then entities (one fact per entity, at its first mention, with the
    number of mentions).

    Which capitalised words are names is decided over the whole article: headlines and table
    cells capitalise every word, so a name there counts only when the prose names it too; a
    Title-case word opening a sentence ("However", "If AI") counts only when the prose names
    it elsewhere, or, for several words, when the rest is a known name ("If AI" -> AI) or it
    stands as a name of its own ("Andy Jassy said...")."""
    facts: list[Fact] = []
    entities: dict[str, Fact] = {}
    doubtful: list[tuple[Fact, bool]] = []  # (first sighting, from a headline or table?)
    texts = [(TITLE, article.title, True)] + [
        (p.index, p.text, p.kind in (PassageKind.HEADING, PassageKind.TABLE))
        for p in article.passages
    ]
    for index, text, headline in texts:
        bounds = sentence_spans(text)
        for fact in figures_in(text):
            s, e = next(((s, e) for s, e in bounds if s <= fact.start < e), (0, len(text)))
            fact.article, fact.passage, fact.sentence = article.id, index, text[s:e]
            fact.context = context_words(text, fact.start, fact.end)
            facts.append(fact)
        for name, start, end, tentative in entities_in(text):
            key = name.casefold()
            if key in entities and not headline:
                entities[key].mentions += 1
                continue
            s, e = next(((s, e) for s, e in bounds if s <= start < e), (0, len(text)))
            sighting = Fact(
                "entity", name, name, None, None, article.id, index, text[s:e], start, end
            )
            if headline or tentative:
                doubtful.append((sighting, headline))
            else:
                entities[key] = sighting
    for sighting, headline in doubtful:
        key, words = sighting.text.casefold(), sighting.text.split()
        tail = " ".join(words[1:]).casefold()
        if key in entities:
            entities[key].mentions += 1
        elif not headline and tail in entities:
            entities[tail].mentions += 1
        elif not headline and len(words) > 1:
            entities[key] = sighting
    merge_surnames(entities)
    facts.extend(sorted(entities.values(), key=lambda f: -f.mentions))
    return facts
