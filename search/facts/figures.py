"""Figures read from one passage as a careful reader would: money (by sign, code and word),
percentages and percentage points, counts with the thing counted, measures with their unit,
durations and ages, ratios, ranges, dates, times and scores.

Hand-written rules, not a model (spaCy's English models are not on the package index;
quantulum3 read "an L5" as litres). What is not a figure: ordinals ("4TH QTR", "second
week"), ranks ("number one", "top 40"), names and models ("Fortune 500", "Boeing 757-200",
"H100", "V8", "COVID-19"), ids, phone numbers, web addresses, datelines, and a date's day.
"""

from __future__ import annotations

import re

from search.facts.around import (
    counted_after,
    currency_after,
    currency_before,
    glued_letters,
    is_id,
    is_name_number,
    qualifier_before,
)
from search.facts.dates import (
    DATE,
    DATELINE,
    DAY_RANGE,
    PHONE,
    SCORE,
    TIME,
    URL,
    day_range,
    is_score,
    looks_like_phone,
    read_date,
    time_value,
)
from search.facts.fact import Fact
from search.facts.numbers import CORE, Number, read_number, vague_numbers
from search.facts.shapes import (
    ALTERNATIVE,
    NOT_A_YEAR,
    ONE_TO_ANOTHER,
    PARTITIVE,
    SCALE_HEADER,
    STREET,
    in_a_name,
    list_marker,
    shaped_figures,
)
from search.facts.units import (
    AS_UNITS,
    BASIS_POINTS,
    CURRENCY_WORDS,
    DURATION,
    GLUED_ONLY,
    MEASURE,
    PERCENT,
    POINTS,
    WEIGHT_WORDS,
    duration_unit,
    measure_unit,
)

DATE_QUALIFIERS = ("early", "mid", "late", "end of", "end", "first half of", "second half of")
AGE = re.compile(r"[\s-]+years?[\s-]+old\b|[\s-]+year-old\b", re.I)
AGE_AFTER_NAME = re.compile(
    r"(?:[A-Z][\w'’.-]+|\b(?:international|man|woman|player|striker|defender|midfielder|winger|"
    r"goalkeeper|captain|chairman|executive|director|actor|actress|singer|star|mother|father|"
    r"son|daughter|boy|girl|officer|teacher|patient|president|minister|driver|founder|"
    r"victim|suspect|husband|wife|resident|worker|student|veteran|author|artist))\s*,\s*$"
)
RANKED = re.compile(r"\b(?:chart|charts|list|ranking|spot|position|places?)\b", re.I)
RANK_BEFORE = re.compile(r"\b(?:number|no\.|No|top|ranked|rank|#)\s*$", re.I)
PERIOD_LABEL = re.compile(r"\b(?:first|last|past|next|final)\s+$", re.I)
PRONOUN_ONE = re.compile(
    r"\b(?:any|no|every|each|the|this|that|which|such|another|at|on)\s+$", re.I
)
PRICED = re.compile(
    r"\b(?:priced|pricing|reoffered|issued|issue\s+price)\b(?:\s+\w+){0,2}\s+(?:at|of)\s+$", re.I
)
RACE = re.compile(
    r"\b(?:race|sprint|hurdles|freestyle|backstroke|breaststroke|butterfly|medley|relay|dash|"
    r"metres?|meters?|swim\w*|swam|ran|run\w*|track|heat|tall|high|deep|long|wide|away|length|"
    r"athlet\w*|olympic\w*|marathon|steeplechase|final|finish\w*)\b",
    re.I,
)


def _fact(kind, value, unit, text, start, end, qualifier=None, step=0.0) -> Fact:  # type: ignore[no-untyped-def]
    if qualifier is None and kind not in ("date", "other", "score"):
        qualifier, start = qualifier_before(text, start)
    return Fact(kind, text[start:end], value, unit, qualifier, "", -1, "", start, end, step=step)


def _classify(text: str, number: Number) -> Fact | None:
    """The figure a number is, from what is written around it; None when it is no figure."""
    start, end = number.start, number.end
    ranged = _range(text, number)
    if ranged is not None:
        return ranged
    if is_id(text, number):
        return None
    value, step = number.value, number.step
    negative = (
        not number.is_word
        and start >= 1
        and text[start - 1] in "-−"
        and (start < 2 or text[start - 2] in " (\t\n")
    )
    code, begin = currency_before(text, start)
    if negative and code is None:
        value, begin = -value, start - 1
    elif (
        code is not None
        and begin >= 1
        and text[begin - 1] in "-−"
        and (begin < 2 or text[begin - 2] in " (\t\n")
    ):
        value, begin = -value, begin - 1
    if number.scaled and re.search(r"[mM]$", text[start:end]) and code is None:
        glued_m = text[end - 1] == "m" and text[end - 2].isdigit()
        around = text[max(0, start - 40) : end + 30]
        thousands = "," in text[start:end] or (100 <= number.value / 1e6 <= 50000)
        if (
            glued_m
            and (RACE.search(around) or (thousands and "," in text[start:end]))
            and not currency_after(text, end)[0]
        ):
            value /= 1e6
            return _fact("measure", value, "metres", text, begin, end, step=step / 1e6)
    if code is None and re.match(r"p\b", text[end : end + 2]) and not number.is_word:
        return _fact("money", value / 100, "GBP", text, begin, end + 1, step=step / 100)  # 80p
    if glued_letters(text, end):
        glued = MEASURE.match(text, end)
        if glued is None and not re.match(r"(?:%|pct)", text[end:]):
            return None  # 757s, 8V, 1980s
    rest = text[end:]
    if points := POINTS.match(rest):
        return _fact("percentage_points", value, "pp", text, begin, end + points.end(), step=step)
    if basis := BASIS_POINTS.match(rest):
        if basis.group().strip().lower().startswith("bp") and not number.is_word:
            pass
        return _fact(
            "percentage_points", value / 100, "pp", text, begin, end + basis.end(), step=step / 100
        )
    if percent := PERCENT.match(rest):
        return _fact("percent", value, "%", text, begin, end + percent.end(), step=step)
    after, factor, money_end = currency_after(text, end)
    weight = re.match(r"\s+pounds?\b", rest, re.I) if after == "GBP" and code is None else None
    if weight and WEIGHT_WORDS.search(text[max(0, start - 60) : start].split(".")[-1]):
        end = end + weight.end()  # "a take-off weight of 870,000 pounds"
        return _fact("measure", value, "pounds weight", text, begin, end, step=step)
    if code is None and after is not None:
        return _fact("money", value * factor, after, text, begin, money_end, step=step * factor)
    if code is not None:
        return _fact("money", value, code, text, begin, end, step=step)
    if text[start:end].lower() == "half" and re.search(
        r"\b(?:first|second|opening|closing|other)\s+$", text[max(0, start - 10) : start], re.I
    ):
        return None  # "the second half": a part of a match or of a year
    if number.fraction and not number.scaled:
        if re.match(r"\s+points?\b", rest, re.I):
            point = re.match(r"\s+points?\b", rest, re.I)
            assert point is not None
            return _fact("percentage_points", value, "pp", text, begin, end + point.end())
        return _fact("ratio", round(value, 4), "fraction", text, begin, end)
    if age := AGE.match(rest):
        fact = _fact("duration", value, "years", text, begin, end + age.end(), step=step)
        fact.measure = "age"
        return fact
    if duration := DURATION.match(rest):
        label_before = PERIOD_LABEL.search(text[max(0, begin - 12) : begin])
        after_duration = text[end + duration.end() :]
        if (label_before and re.match(r"\s+of\b", after_duration)) or (
            re.search(r"\bthe\s+$", text[max(0, begin - 5) : begin])
            and re.match(r"\s+(?:to|ended|ending|through)\s+(?:\d|[A-Z])", after_duration)
        ):
            return None  # "the first 20 days of February", "the six months to June": periods
        if re.match(r"\s*mths\b", rest, re.I) and not re.search(
            r"\b(?:for|in|over|after|of|within)\s+$", text[max(0, begin - 8) : begin], re.I
        ):
            return None  # "12 mths" heading a table's rows: their period, not a figure
        unit = duration_unit(duration.group("unit"))
        if duration.group("old"):
            fact = _fact("duration", value, "years", text, begin, end + duration.end(), step=step)
            fact.measure = "age"
            return fact
        return _fact("duration", value, unit, text, begin, end + duration.end(), step=step)
    if (measure := MEASURE.match(text, end)) and measure.group().strip(" -"):
        name = measure_unit(measure)
        glued = not text[end].isspace()
        written = measure.group().strip(" -")
        if written.lower() not in GLUED_ONLY or glued or written in AS_UNITS:
            return _fact("measure", value, name, text, begin, measure.end(), step=step)
    if RANK_BEFORE.search(text[max(0, start - 10) : start]):
        counted = counted_after(text, end)
        plural = bool(counted) and counted.split()[0].endswith("s")  # type: ignore[union-attr]
        if not (
            plural
            and not RANKED.search(counted or "")
            and re.search(r"top\s*$", text[max(0, start - 5) : start], re.I)
        ):
            return None  # "number one", "top 40" (but "the top 12 films" counts films)
    counted = counted_after(text, end)
    if re.match(r"\s+(?:series|model|class|edition)\b", rest, re.I) and re.search(
        r"\bthe\s+$", text[max(0, start - 5) : start], re.I
    ):
        return None  # "the 300 series": a name
    if number.is_word:
        word = text[start:end].lower()
        if word == "zero" and rest.startswith("-"):
            return None  # "zero-coupon bonds", "zero-sum"
        if in_a_name(text, start, rest):
            return None  # "the Four Seasons hotel", "<Three Rivers Corp>"
        if counted is None and ALTERNATIVE.match(rest):
            return _fact("count", value, None, text, begin, end, step=step)  # "five or six years"
        if not number.scaled and (counted is None or word == "a"):
            return None  # "the two said", "one of them"
        if word == "one" and PRONOUN_ONE.search(text[max(0, start - 12) : start]):
            return None  # "any one person", "the one"
        if word == "one" and (PARTITIVE.match(rest) or ONE_TO_ANOTHER.match(rest)):
            return None  # "one of the largest leaks", "from one room to another"
        if counted and counted.split()[0] in ("another", "anothers"):
            return None
    elif not number.scaled and is_name_number(text, start):
        return None  # "Fortune 500", "Maroon 5"
    if (
        not number.is_word
        and STREET.search(text[max(0, start - 40) : start])
        and re.match(r"[ \t]*(?:,|;|\)|\n|$)", rest)
    ):
        return None  # "Corso Magenta, 15, Milan": an address
    after_name = AGE_AFTER_NAME.search(text[max(0, start - 40) : start]) and re.match(
        r"\s*(?:,|\)|\.|;|$| is | was | said| has)", rest
    )
    aged = re.search(r"\baged\s+$", text[max(0, start - 8) : start], re.I) or (
        re.search(r"[A-Z][\w'’.-]+\s+\($", text[max(0, start - 30) : start])
        and rest.startswith(")")
    )
    if not number.scaled and (after_name or aged) and 1 <= value <= 110 and number.step == 1:
        fact = _fact("duration", value, "years", text, begin, end, step=step)
        fact.measure = "age"
        return fact
    if (
        not number.scaled
        and 80 <= value <= 130
        and PRICED.search(text[max(0, begin - 32) : begin])
        and not counted
    ):
        return _fact("other", value, "% of par", text, begin, end, step=step)  # a bond's price
    fact = _fact("count", value, counted, text, begin, end, step=step)
    return fact


def _taken(text: str) -> list[tuple[int, int]]:
    """Spans with digits that hold no figure: web addresses, phone numbers, datelines."""
    spans = [m.span() for m in URL.finditer(text)]
    spans += [m.span() for m in PHONE.finditer(text) if looks_like_phone(m.group())]
    spans += [m.span() for m in DATELINE.finditer(text)]
    spans += [m.span("scale") for m in SCALE_HEADER.finditer(text)]  # "(BILLIONS)": a table's scale
    return spans


def figures_in(text: str, day_first: bool | None = None) -> list[Fact]:
    """Every figure of a text, in order, without overlaps."""
    digits = any(c.isdigit() for c in text)  # dates, times, scores and the like need one
    taken = _taken(text) if digits else []
    found: list[Fact] = []

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in taken)

    for match in DAY_RANGE.finditer(text) if digits else ():
        for value, start, end in day_range(match):
            if free(start, end):
                found.append(_fact("date", value, None, text, start, end))
                taken.append((start, end))
    for match in DATE.finditer(text) if digits else ():
        if not free(*match.span()):
            continue
        if match.group("year") and NOT_A_YEAR.search(
            text[max(0, match.start() - 20) : match.start()]
        ):
            continue  # "a total score of 2072": a number, not a year
        value, note = read_date(match, day_first)
        start, end = match.span()
        qualifier = None
        before = text[max(0, start - 20) : start].lower()
        for word in DATE_QUALIFIERS:
            hit = re.search(rf"\b{word}(?:\s+(?:in|of))?[\s-]*$", before)
            if hit:
                qualifier, start = word, start - (len(before) - hit.start())
                break
        fact = _fact("date", value, None, text, start, end, qualifier)
        fact.note = note
        found.append(fact)
        taken.append((start, end))  # with its qualifier: the "half" of "second half of 2004"
    for match in TIME.finditer(text) if digits else ():
        if free(*match.span()):
            found.append(_fact("other", time_value(match), "time of day", text, *match.span()))
            taken.append(match.span())
    for match in SCORE.finditer(text) if digits else ():
        if free(*match.span()) and is_score(text, match):
            sets = re.findall(r"\d{1,2}-\d{1,2}", match.group())
            found.append(_fact("score", ", ".join(sets), None, text, *match.span()))
            taken.append(match.span())
    for kind, value, unit, start, end in shaped_figures(text, digits):
        if free(start, end):
            found.append(_fact(kind, value, unit, text, start, end))
            taken.append((start, end))
    for lower, upper, start, end, words in vague_numbers(text):
        if not free(start, end):
            continue
        fact = _vague(text, lower, upper, start, end, words)
        found.append(fact)
        taken.append((start, end))
    for match in CORE.finditer(text):
        if not match.group().strip() or not free(*match.span()):
            continue
        number = read_number(match, text)
        if number.end <= number.start:
            continue
        if list_marker(text, number):
            taken.append((number.start, number.end))
            continue
        fact = _classify(text, number)
        if fact is None:
            model = re.match(r"[-–]\d[\w-]*", text[number.end :])
            taken.append((number.start, number.end + (model.end() if model else 0)))
            continue
        found.append(fact)
        taken.append((fact.start, fact.end))
    found.sort(key=lambda f: f.start)
    _inherit_units(text, found)
    return found


def _range(text: str, number: Number) -> Fact | None:
    """ "30-60 per cent", "$5-10 million", "2-3 years": one figure from two numbers joined by a
    hyphen, whose unit the second gives; its value is the lower bound, `upper` the higher."""
    # "15-20", "15 - 20"; not "225.86 -12.99" (a minus sign: a space before only)
    joint = re.match(r"(?:[-–]|\s[-–]\s)(?=\d)", text[number.end :])
    if not joint or number.is_word or glued_letters(text, number.end):
        return None
    second = CORE.match(text, number.end + joint.end())
    if second is None:
        return None
    other = _classify(text, read_number(second, text))
    if other is None or other.kind in ("count", "date", "score") or other.qualifier:
        return None
    high = read_number(CORE.match(text, number.end + joint.end()), text)  # type: ignore[arg-type]
    factor = other.value / high.value if high.value else 1.0
    if number.value * factor >= other.value:
        return None
    fact = _fact(other.kind, number.value * factor, other.unit, text, number.start, other.end)
    fact.upper, fact.step = other.value, other.step
    return fact


def _vague(text: str, lower: float, upper: float, start: int, end: int, words: str) -> Fact:
    """ "tens of billions of dollars", "hundreds of thousands", "billions"."""
    of_money = re.match(
        r"\s+of\s+(?:US\s+|U\.S\.\s+)?(dollars|euros|pounds|yuan|yen|rupees)\b", text[end:]
    )
    money_before = text[max(0, start - 2) : start].strip() in ("$", "€", "£", "¥")
    if of_money:
        end += of_money.end()
        code = {"dollars": "USD", "rupees": "INR"}.get(of_money.group(1).lower())
        unit = code or CURRENCY_WORDS[of_money.group(1).lower()]
        fact = _fact("money", lower, unit, text, start, end, words)
    elif money_before or MONEY_VERBS.search(text[max(0, start - 20) : start]):
        if money_before:
            start -= 1
        fact = _fact("money", lower, "USD", text, start, end, words)
    else:
        counted = re.match(r"\s+of\s+", text[end:])
        thing = counted_after(text, end + counted.end()) if counted else counted_after(text, end)
        fact = _fact("count", lower, thing, text, start, end, words)
    fact.upper, fact.step = upper, lower
    return fact


MONEY_VERBS = re.compile(
    r"\b(?:spend\w*|invest\w*|pay\w*|cost\w*|budget\w*|rais\w+|fund\w*)\b", re.I
)
LINKS = re.compile(
    r"^\s*(?:-|–|to|and|or|,|from|vs\.?|versus|against|of\s+the|of\s+its|of\s+their)\s*"
    r"(?:\$|€|£)?\s*$",
    re.I,
)
COMPARED = re.compile(
    r"(?:\bvs\.?|\bversus|\bagainst|\bfrom|\bcompared\s+with|\bcompared\s+to|\bto|\bor|"
    r"\band|\bfrom\s+the|\bup\s+from|\bdown\s+from|\(|,)\s*(?:a|an|the)?\s*$",
    re.I,
)


def _inherit_units(text: str, facts: list[Fact]) -> None:
    """A bare number takes the unit of the figure it is paired with: "2,899 to 3,699 dlrs"
    (the next one), "6.62 mln tonnes against 7.7 mln", "42.00 dlrs from the 40.50" (the one
    before, same sentence)."""
    for i, fact in enumerate(facts):
        if fact.kind != "count" or fact.unit is not None:
            continue
        nxt = facts[i + 1] if i + 1 < len(facts) else None
        if (
            nxt
            and (
                nxt.kind in ("money", "percent", "measure", "duration")
                or (nxt.kind == "count" and nxt.unit)
            )
            and LINKS.match(text[fact.end : nxt.start])
            and not re.search(r"[.;]\s", text[fact.end : nxt.start])
        ):
            _take_unit(fact, nxt)
            continue
        prev = next((f for f in reversed(facts[:i]) if f.kind != "date"), None)
        gap = text[prev.end : fact.start] if prev is not None else ""
        if (
            prev is not None
            and prev.kind in ("money", "measure")
            and (prev.step >= 1000) == (fact.step >= 1000)
            and COMPARED.search(gap)
            and len(gap.split()) <= 4
        ):
            _take_unit(fact, prev)
        elif (
            prev is not None
            and prev.kind == "count"
            and prev.unit
            and re.search(r"\b(?:and|vs\.?|versus|against|from)\s*$", gap)
            and len(gap.split()) <= 7
            and not re.search(r"[.;:]\s", gap)
        ):
            fact.unit = prev.unit  # "interviewed 401 people before ... and 601 afterwards"


def _take_unit(fact: Fact, other: Fact) -> None:
    fact.kind, fact.unit = other.kind, other.unit
    if other.kind == "money" and "ct" in other.text.lower() and fact.step >= 1:
        fact.value, fact.step = fact.value / 100, fact.step / 100
