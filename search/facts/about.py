"""What each figure is about: its measure (what is counted, paid, grown: the words of its clause
before it, or the row label of a table), its subject (the name nearest before it in its
sentence, else the article's own subject) and its period (a date, year, quarter or month said
in its sentence, else the headline's; a "vs" column is the year before)."""

from __future__ import annotations

import re

from search.facts.calendar import MONTHS
from search.facts.fact import Fact
from search.text import LATIN_WORD, STOP_WORDS, stem

# Words that say how a figure moved or was said, not what it measures.
NOT_MEASURE = frozenset(
    """said says say told added reported announced expected expects estimated forecast
    rose rise rises risen fell fall falls fallen increased increase decreased decrease
    climbed dropped declined gained grew jumped slipped eased totalled totaled totalling
    reached was were is are be been being will would could should may might also still
    vs versus against from compared up down new record unchanged just only some about
    around nearly almost over under more less than least most per cent pct percent
    mln bln billion million thousand hundred dlrs dlr dollars cts cents stg yen its their
    his her our company group year years month months week weeks day days today yesterday
    last next this that these those which who while when where after before since
    one two three four five six seven eight nine ten inc corp co ltd plc reuter reuters
    mr mrs ms dr against versus put puts set sets at into onto by calendar fiscal quarter
    half period first second third fourth end ending mid early late annual annually
    january february march april june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec embassy report reports reported
    government officials official sources source analysts analyst assessment estimates
    statistics figures data ministry department agency according statement""".split()
)
ABBREVIATIONS = {
    "revs": "revenues",
    "rev": "revenues",
    "shr": "earnings per share",
    "shrs": "shares",
    "oper": "operating",
    "avg": "average",
    "qtr": "quarter",
    "mths": "months",
    "mth": "months",
    "div": "dividend",
    "dividends": "dividend",
    "pretax": "pretax",
    "prof": "profit",
    "profits": "profit",
    "earns": "earnings",
    "loss": "loss",
    "losses": "loss",
}
MONEY_MEASURES = frozenset(
    """revenue revenues sale sales profit profits net income loss losses earnings deficit
    surplus export exports import imports debt debts loan loans reserve reserves asset
    assets capital budget spending cost costs price prices value worth dividend turnover
    takings fund funds investment investments payment payments bid offer financing credit
    shr share earnings-per-share payout fee fees salary wage wages tax taxes receipts
    outlays expenditure bill bills aid grant""".split()
)
ORGANISATION_ENDS = re.compile(
    r"\s+(?:Inc|Corp|Corporation|Co|Cos|Company|Ltd|Limited|Plc|PLC|LP|AG|SA|NV|BV|GmbH|Group|"
    r"Holdings?)\b\.?$",
    re.I,
)
QUARTER = re.compile(
    r"\b(?P<n>first|second|third|fourth|1st|2nd|3rd|4th|q[1-4])\s*(?:-?\s*(?:quarter|qtr)\b)?",
    re.I,
)
QUARTER_WORD = re.compile(r"\b(?:quarter|qtr)s?\b|\bq[1-4]\b", re.I)
ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}
FISCAL = re.compile(r"\b(?:fiscal|financial|calendar|crop|marketing|budget)\s+(?:year\s+)?$", re.I)


def subject_key(name: str | None) -> frozenset[str]:
    """The words of a subject that identify it: lower case, without legal forms."""
    if not name:
        return frozenset()
    name = ORGANISATION_ENDS.sub("", name.strip())
    return frozenset(
        w.lower().strip("'’.")
        for w in LATIN_WORD.findall(name)
        if w.lower() not in STOP_WORDS
        and len(w) > 1
        and w.lower() not in ("inc", "corp", "co", "ltd")
    )


# Words news uses for one thing: a measure's key names the thing, whichever word is used.
CONCEPTS = {
    word: concept
    for concept, words in {
        "spending": "spend spending spent invest investing investment investments capex "
        "expenditure expenditures outlay outlays",
        "revenue": "revenue revenues revs sales turnover",
        "profit": "profit profits earnings income",
        "jobs": "jobs job positions posts workforce staff employees workers headcount",
        "layoffs": "layoffs lay-offs redundancies cuts",
        "price": "price prices priced cost costs",
        "output": "output production produce produced",
        "deficit": "deficit",
        "shortage": "shortage shortages shortfall",
        "age": "age aged",
    }.items()
    for word in words.split()
}


def measure_key(measure: str | None) -> frozenset[str]:
    """The stems of a measure's words that say what it measures (one word per thing: "capex"
    and "investment" are both "spending")."""
    if not measure:
        return frozenset()
    return frozenset(
        CONCEPTS.get(w, stem(w))
        for w in LATIN_WORD.findall(measure.lower())
        if w not in STOP_WORDS and w not in NOT_MEASURE and len(w) > 2
    )


def _expand(word: str) -> str:
    return ABBREVIATIONS.get(word.lower(), word.lower())


def _clause_start(text: str, index: int, floor: int) -> int:
    """Where the clause holding `index` starts: after the last ";", ":" or " - " (or
    `floor`, the previous figure's end)."""
    cut = floor
    for match in re.finditer(r"[;:—]|\s[-–]\s|,\s+(?:while|whereas|but|and)\s", text[floor:index]):
        cut = floor + match.end()
    return cut


def _measure_words(text: str, start: int, end: int, names: list[tuple[int, int]]) -> list[str]:
    out = []
    brackets = [m.span() for m in re.finditer(r"\([^)]*\)", text)]
    for match in LATIN_WORD.finditer(text, start, end):
        if any(s <= match.start() < e for s, e in names + brackets):
            continue
        word = match.group().lower().strip("'’")
        if word in STOP_WORDS or word in NOT_MEASURE or word in MONTHS or len(word) < 2:
            continue
        out.append(_expand(word))
    return out


def describe(
    facts: list[Fact],
    texts: dict[int, str],
    names_in: dict[int, list[tuple[str, int, int]]],
    main_subject: str | None,
    headline_period: str | None,
) -> None:
    """Fill in the measure, subject and period of every figure (in place)."""
    by_passage: dict[int, list[Fact]] = {}
    for fact in facts:
        by_passage.setdefault(fact.passage, []).append(fact)
    for index, passage_facts in by_passage.items():
        text = texts[index]
        names = names_in.get(index, [])
        spans = [(s, e) for _, s, e in names]
        previous: Fact | None = None  # the figure before, in this sentence (dates aside)
        for fact in passage_facts:
            if previous is not None and previous.sentence != fact.sentence:
                previous = None
            floor = previous.end if previous is not None else _sentence_at(text, fact)
            begin = _clause_start(text, fact.start, floor)
            words = _measure_words(text, begin, fact.start, spans)
            after = re.match(
                r"\s+(?:of|in)\s+((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)", text[fact.end :]
            )
            if fact.kind == "count" and fact.unit:
                words = words + fact.unit.split()
            if after and fact.kind in ("money", "measure", "percent"):
                words += _measure_words(after.group(1), 0, len(after.group(1)), [])
            gap = text[previous.end : fact.start] if previous else ""
            earlier = previous is not None and bool(EARLIER.search(gap)) and len(gap.split()) <= 4
            if not words and previous is not None and previous.measure:
                words = previous.measure.split()
            if earlier and previous is not None and previous.kind == fact.kind:
                # "to 1.45 mln tonnes from 1.35 mln", "27 cts vs 29 cts": the period before
                fact.period = _earlier(previous.period or headline_period)
            if not (after and words) and fact.kind not in ("other", "score"):
                # what follows: "$200B AI Spending Spree", "$200B capex as ..."
                clause = re.match(r"[^.;:!?,(—]*", text[fact.end :]).group()  # type: ignore[union-attr]
                words += _measure_words(clause, 0, len(clause), spans_after(spans, fact.end))[:3]
            if fact.measure == "age":
                words = ["age"]
            fact.measure = " ".join(dict.fromkeys(words[-5:])) or fact.measure
            fact.subject = _subject(text, fact, names, begin) or main_subject
            fact.topic = main_subject
            own = _period(text, fact, passage_facts, following_only=fact.period is not None)
            if fact.kind != "date" and (own or fact.period is None):
                fact.period = own or fact.period or headline_period
            if fact.kind != "date":
                previous = fact
    _read_bare_amounts(facts, texts)


ROW_LABEL = re.compile(r"[ \t]*[A-Za-z][A-Za-z .'&/-]{0,30}")
VS_COLUMN = re.compile(r"\s*(?:vs\.?|versus|against)\s+(?:[a-z]+\s+)?$", re.I)


def _read_bare_amounts(facts: list[Fact], texts: dict[int, str]) -> None:
    """A count with nothing counted is an amount of money when what it measures is money:
    "Revs 104.6 mln", a table row's "Net loss 1,566,000" and its "vs loss 292,000" column; a
    scaled amount with nothing after it takes the unit of the scaled figure before it in its
    passage or the one before ("at 1.8 mln tonnes ... puts it at 1.99 mln")."""
    for i, fact in enumerate(facts):
        if fact.kind != "count":
            continue
        text = texts.get(fact.passage, "")
        before = facts[i - 1] if i else None
        if (
            fact.unit is None
            and before is not None
            and before.kind == "money"
            and before.passage == fact.passage
            and before.end <= fact.start
            and VS_COLUMN.fullmatch(text[before.end : fact.start])
        ):
            fact.kind, fact.unit = "money", before.unit
            continue
        stop = fact.start - (fact.start > 0 and text[fact.start - 1] == "\n")
        line = text[text.rfind("\n", 0, stop) + 1 : stop]  # the row's label: its line only
        row = abs(fact.value) >= 1000 and bool(ROW_LABEL.fullmatch(line))
        if fact.step < 1000 and not row:
            continue
        if fact.unit is None and _is_money(fact):
            fact.kind = "money"  # "Revs 104.6 mln": the currency is the story's (extract)
        elif fact.unit and set(fact.unit.split()[:1]) & MONEY_MEASURES and fact.step >= 1000:
            fact.kind, fact.unit = "money", None  # "a 2.98 billion loss"
        elif fact.unit is None and re.search(r"[a-z]$", fact.text, re.I):
            earlier = next(
                (
                    f
                    for f in reversed(facts[:i])
                    if f.passage in (fact.passage, fact.passage - 1)
                    and f.kind in ("money", "measure")
                    and f.step >= 1000
                ),
                None,
            )
            if earlier is not None:  # "at 1.8 mln tonnes ... puts it at 1.99 mln"
                fact.kind, fact.unit = earlier.kind, earlier.unit


def spans_after(spans: list[tuple[int, int]], offset: int) -> list[tuple[int, int]]:
    """Name spans made relative to `offset` (for words read from the text after a figure)."""
    return [(s - offset, e - offset) for s, e in spans if e > offset]


def _is_money(fact: Fact) -> bool:
    words = set((fact.measure or "").split())
    return bool(words & MONEY_MEASURES)


def _sentence_at(text: str, fact: Fact) -> int:
    found = text.find(fact.sentence)
    return found if found >= 0 and found <= fact.start else 0


def _asides(text: str) -> list[tuple[int, int]]:
    """Spans in quotes or brackets or between dashes: a name there is not the sentence's."""
    return [
        m.span() for m in re.finditer(r"“[^”]*”|\([^)]*\)|—[^—]*—|\s[-–]\s[^-–]*\s[-–]\s", text)
    ]


def _subject(text: str, fact: Fact, names: list[tuple[str, int, int]], begin: int) -> str | None:
    """The name nearest before the figure in its sentence, outside quotes and brackets; else
    the nearest after it."""
    sentence_start = _sentence_at(text, fact)
    asides = _asides(text)
    plain = [
        n for n in names if not any(s <= n[1] < e and not s <= fact.start < e for s, e in asides)
    ]
    before = [n for n in plain if sentence_start <= n[1] and n[2] <= fact.start]
    if before:
        return before[-1][0]
    sentence_end = sentence_start + len(fact.sentence)
    after = [n for n in plain if fact.end <= n[1] and n[2] <= sentence_end]
    return after[0][0] if after else None


MONTH_WORD = re.compile(
    r"\b(january|february|march|april|may|june|july|august|september|october|november|"
    r"december)\b",
    re.I,
)
MONTH_AFTER = re.compile(r"[\s,]*(?:in|for|during)\s+(?P<month>[A-Z][a-z]+)\b")


def _month_after(text: str, fact: Fact) -> str | None:
    """ "60.85 billion in April": a month named right after a figure is its period."""
    match = MONTH_AFTER.match(text, fact.end)
    if match and match.group("month").lower() in MONTHS and len(match.group("month")) > 2:
        return f"{MONTHS[match.group('month').lower()]:02d}"
    return None


def _period(
    text: str, fact: Fact, passage_facts: list[Fact], following_only: bool = False
) -> str | None:
    """The date, year, quarter or month said in the figure's sentence, nearest first."""
    dates = [
        f
        for f in passage_facts
        if f.kind == "date" and f.sentence == fact.sentence and f is not fact
    ]
    if dates:
        # "1.35 mln in 1986": a date right after the figure is its period; else the nearest
        # before it in the sentence; else the nearest after
        following = [
            f
            for f in dates
            if f.start >= fact.end
            and re.fullmatch(
                r"[\s,]*(?:in|for|during|of|at\s+end-?|by)?\s*(?:calendar|fiscal)?\s*",
                text[fact.end : f.start],
                re.I,
            )
        ]
        before = [f for f in dates if f.end <= fact.start]
        if following_only and not following:
            return _month_after(text, fact)
        if not (following or before):
            return (
                None  # the sentence's dates are other figures' ("720,000 against 695,000 in 1986")
            )
        nearest = (following or before[-1:])[0]
        value = str(nearest.value)
        fiscal = FISCAL.search(text[max(0, nearest.start - 20) : nearest.start])
        return f"fiscal {value}" if fiscal else value
    if following_only:
        return _month_after(text, fact)
    sentence = fact.sentence
    quarter = QUARTER.search(sentence)
    if quarter and QUARTER_WORD.search(sentence[quarter.start() : quarter.end() + 12]):
        n = quarter.group("n").lower()
        return f"Q{ORDINALS.get(n, n[-1:])}"
    months = [m for m in MONTH_WORD.finditer(sentence) if m.group(1)[0].isupper()]
    if not months:
        return None
    offset = fact.start - (text.find(sentence) if text.find(sentence) >= 0 else 0)
    before = [m for m in months if m.end() <= offset]
    month = before[-1] if before else months[0]  # "(January 51.46 billion)": January
    return f"{MONTHS[month.group(1).lower()]:02d}"


EARLIER = re.compile(
    r"\b(?:vs\.?|versus|against|from|compared\s+(?:with|to))\s*(?:the|a|an)?\s*$", re.I
)


def _earlier(period: str | None) -> str:
    """The period before `period`: the year before a year or crop year, else "a year
    earlier" than it."""
    if period and re.fullmatch(r"(?:19|20)\d\d", period):
        return str(int(period) - 1)
    crop = re.fullmatch(r"((?:19|20)\d\d)/(\d\d)", period or "")
    if crop:
        return f"{int(crop.group(1)) - 1}/{int(crop.group(2)) - 1:02d}"
    return f"{period} a year earlier" if period else "a year earlier"


def headline_period(title: str) -> str | None:
    """The period a wire story's headline names ("4TH QTR NET", "JANUARY NET", "YEAR NET")."""
    quarter = QUARTER.search(title)
    if quarter and QUARTER_WORD.search(title[quarter.start() : quarter.end() + 8]):
        n = quarter.group("n").lower()
        return f"Q{ORDINALS.get(n, n[-1:])}"
    month = re.search(
        rf"\b({'|'.join(m for m in MONTHS if len(m) > 3)})\s+(?:NET|SALES|EARNINGS)\b", title, re.I
    )
    if month:
        return f"{MONTHS[month.group(1).lower()]:02d}"
    if re.search(r"\b(?:YEAR|YR|ANNUAL)\s+(?:NET|EARNINGS|RESULTS|PROFIT|LOSS)\b", title, re.I):
        return "year"
    return None


def main_subject(title: str, first: str, names: list[Fact]) -> str | None:
    """What the article is about: the most mentioned name that its title or first passage
    names, else the first name of its title (wire headlines are in capitals)."""
    opening = f"{title} {first}".casefold()
    for fact in names:
        if fact.text.casefold() in opening:
            return fact.text
    from search.facts.names import HEADLINE_VERBS

    words = []
    for word in title.split():
        if not word[:1].isupper() or word.lower() in STOP_WORDS or word.lower() in HEADLINE_VERBS:
            break
        words.append(word)
    return " ".join(words[:6]) or None
