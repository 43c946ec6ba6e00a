"""Names an article states (people, organisations, products): capitalised runs cut at job
titles and possessives, confirmed by the prose, counted over the article."""

from __future__ import annotations

import re

from search.facts.calendar import MONTHS
from search.facts.fact import Fact
from search.text import STOP_WORDS

WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
ENTITY = re.compile(
    r"\b(?:[A-Z][a-z]+[A-Z]\w*|[A-Z]{2,}[a-z]?\d*|[A-Z][a-z’'-]+)"
    r"(?:[ \t]+(?:[A-Z][a-z]+[A-Z]\w*|[A-Z]{2,}\d*|[A-Z][a-z’'-]+|of|de|van|von))*"
)
POSSESSIVE = re.compile(r"[’']s?$")


def _sentence_start(text: str, index: int) -> bool:
    head = text[:index].rstrip()
    return not head or head[-1] in '.!?:"“'


# Job titles split a run of capitalised words into names: "Amazon CEO Andy Jassy" names Amazon
# and Andy Jassy. The title itself is not a name.
ROLES = frozenset(
    """ceo cfo cto coo cio chief executive officer president chairman chairwoman chair founder
    cofounder co-founder director minister senator governor secretary spokesperson spokesman
    spokeswoman analyst head vice mr mrs ms dr prof professor sir""".split()
)


# Verbs that headlines in capitals put right after the name they are about.
HEADLINE_VERBS = frozenset(
    """says said sees sets gets buys sells cuts raises lowers plans makes making has had is are
    to up down off by in on for of at with and may will wants seeks files reports posts
    expects agrees acquires completes names ups boosts rises falls gains drops omits declares
    pays lifts ends halts resumes opens closes launches signs wins loses""".split()
)


SPEECH_AFTER = re.compile(
    r"\s+(?:said|says|told|reported|announced|added|expects|expected|plans|planned|"
    r"warned|confirmed|denied)\b"
)


def _name_segments(match: re.Match[str]) -> list[list[tuple[str, int]]]:
    """The words of a capitalised run with their offsets, cut into names: after a possessive
    ("Google's TPU" -> Google | TPU) and at job titles (dropped)."""
    segments: list[list[tuple[str, int]]] = [[]]
    for word in re.finditer(r"\S+", match.group()):
        raw, start = word.group(), match.start() + word.start()
        bare = POSSESSIVE.sub("", raw).rstrip("-")
        if (
            bare.isupper()
            and len(bare) > 1
            and (bare.lower() in STOP_WORDS or bare.lower() in HEADLINE_VERBS)
        ):
            segments.append([])  # a headline in capitals: "SHV SAYS IT MAKING TENDER OFFER"
            continue
        if bare.lower() in ROLES:
            segments.append([])
            continue
        segments[-1].append((bare, start))
        if bare != raw.rstrip("-"):  # a possessive ends the name
            segments.append([])
    return [s for s in segments if s]


def entities_in(text: str) -> list[tuple[str, int, int, bool]]:
    """Capitalised names (people, organisations, products): (name, start, end, tentative).
    A name is tentative when it opens a sentence with a plain Title-case word, which may be
    a common word ("If AI", "However"): `extract` keeps it only when the article confirms it."""
    found = []
    for match in ENTITY.finditer(text):
        for words in _name_segments(match):
            while words and words[0][0].lower() in STOP_WORDS:  # "Some Wall Street" -> Wall Street
                words.pop(0)
            while words and words[-1][0].lower() in ("of", "de", "van", "von"):
                words.pop()
            if not words or not words[-1][0]:
                continue
            start = words[0][1]
            end = words[-1][1] + len(words[-1][0])
            name = " ".join(w for w, _ in words)
            if len(words) == 1 and (
                name.lower() in STOP_WORDS
                or name.lower() in MONTHS
                or name.lower() in WEEKDAYS
                or len(name) < 2
            ):
                continue
            possessive = bool(POSSESSIVE.search(text[end : end + 2])) or text[end : end + 2] in (
                "'s",
                "’s",
            )
            tentative = (
                _sentence_start(text, start)
                and not _looks_like_name(words[0][0])
                and not possessive  # "Norway's imports": a name
                and not SPEECH_AFTER.match(text, end)  # "Norway said": a name
            )
            found.append((name, start, end, tentative))
    return found


def _looks_like_name(word: str) -> bool:
    """A lone capitalised word at a sentence's start: a name only when it is not plain
    Title case ("AWS", "OpenAI", "iPhone" are names; "However" is not)."""
    return any(c.isupper() for c in word[1:]) or any(c.isdigit() for c in word)


def _is_title_case(word: str) -> bool:
    return word[:1].isupper() and word[1:].islower()


def _merge_surnames(entities: dict[str, Fact]) -> None:
    """ "Jassy" after "Andy Jassy": a lone Title-case word that ends exactly one person-like name
    (two or three Title-case words) is a later mention of that name. A name whose first word
    the article also names on its own ("Google Claude" where "Google" stands alone) joins two
    names: it is no person, and does not take the mentions of its last word ("Claude")."""
    for key, fact in list(entities.items()):
        if " " in fact.text or not _is_title_case(fact.text):
            continue
        owners = [
            other
            for other in entities.values()
            if 2 <= len(words := other.text.split()) <= 3
            and words[-1] == fact.text
            and all(_is_title_case(w) for w in words)
            and words[0].casefold() not in entities
        ]
        if len(owners) == 1:
            owners[0].mentions += fact.mentions
            del entities[key]


def names_of(article_id: str, texts: list[tuple[int, str, bool]]) -> list[Fact]:
    """The names of an article, one fact each at its first mention with the number of mentions,
    most mentioned first. `texts` are (passage index, text, is a headline or table?).

    Which capitalised words are names is decided over the whole article: headlines and table
    cells capitalise every word, so a name there counts only when the prose names it too; a
    Title-case word opening a sentence ("However", "If AI") counts only when the prose names
    it elsewhere, or, for several words, when the rest is a known name ("If AI" -> AI) or it
    stands as a name of its own ("Andy Jassy said...")."""
    from search.text import sentence_spans

    entities: dict[str, Fact] = {}
    doubtful: list[tuple[Fact, bool]] = []  # (first sighting, from a headline or table?)
    for index, text, headline in texts:
        bounds = sentence_spans(text)
        for name, start, end, tentative in entities_in(text):
            key = name.casefold()
            if key in entities and not headline:
                entities[key].mentions += 1
                continue
            s, e = next(((s, e) for s, e in bounds if s <= start < e), (0, len(text)))
            sighting = Fact(
                "entity", name, name, None, None, article_id, index, text[s:e], start, end
            )
            if headline or tentative:
                doubtful.append((sighting, headline))
            else:
                entities[key] = sighting
    for sighting, headline in doubtful:
        key, words = sighting.text.casefold(), sighting.text.split()
        rest = words[1:]
        while rest and rest[0].lower() in ("of", "de", "van", "von"):
            rest = rest[1:]  # "Users of Vela": Vela
        tail = " ".join(rest).casefold()
        if key in entities:
            entities[key].mentions += 1
        elif not headline and tail in entities:
            entities[tail].mentions += 1
        elif not headline and len(words) > 1:
            entities[key] = sighting
    _merge_surnames(entities)
    return sorted(entities.values(), key=lambda f: -f.mentions)
