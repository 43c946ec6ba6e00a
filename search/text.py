"""The one tokenizer, stop-word list, stemmer and sentence splitter that reading, facts, stories,
compare and bookmarks share (the search index has its own Whoosh analyzers: search/index)."""

from __future__ import annotations

import re
from functools import lru_cache

# Common English function words: a line of prose has many, a menu or a title few; they say
# nothing about what a figure or a story is about.
STOP_WORDS = frozenset(
    """a about above across after again against all almost also am amid among an and another
    any approximately are around as at be because been before being below between both but by
    can could did do does doing down during each few for from further had has have having he
    her here hers herself him himself his how i if in into is it its itself just least less
    may me might more most must my myself nearly no nor not now of off on once only or other
    our ours ourselves out over own per roughly same she should since so some such than that
    the their theirs them themselves then there these they this those through to too under
    until up very was we were what when where which while who whom whose why will with would
    you your yours yourself yourselves""".split()
)

# A word: letters or digits of any script, joined by an inner apostrophe, dot, hyphen or
# slash ("don't", "U.S", "co-founder", "24/7").
WORD = re.compile(r"[^\W_]+(?:['’.\-/][^\W_]+)*")
# A word that starts with a Latin letter: what figures' contexts and stories compare, so that
# an English name in a translated article still meets the same name in the original.
LATIN_WORD = re.compile(r"(?<![^\W_])[A-Za-z][^\W_]*(?:['’\-][^\W_]+)*['’]?")
HAN_OR_KANA = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")

# A sentence ends at . ! ? (and closing quotes or brackets) before a space and a capital or a
# digit, or right after a CJK full stop, which needs no space.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
_CJK_END = re.compile(r"(?<=[。！？])")


def words(text: str) -> list[str]:
    """The words of `text`, in order, as written."""
    return WORD.findall(text)


def content_words(text: str) -> set[str]:
    """Lower-cased words of `text` that are not stop words, and its Han/Kana characters (which
    have no spaces between words): for comparing vocabularies."""
    found = {w.lower().strip("'’") for w in WORD.findall(text)}
    found |= set(HAN_OR_KANA.findall(text))
    return {w for w in found if w and w not in STOP_WORDS}


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """A light stem for comparing contexts: lower case, no plural or -ing/-ed ending."""
    word = word.lower().replace("’", "'").removesuffix("'s")
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a passage, leading spaces left out."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    out = []
    for start, end in spans:
        cuts = [m.start() for m in _CJK_END.finditer(text, start, end) if start < m.start() < end]
        for lo, hi in zip([start, *cuts], [*cuts, end], strict=True):
            skip = len(text[lo:hi]) - len(text[lo:hi].lstrip())
            if lo + skip < hi:
                out.append((lo + skip, hi))
    return out or [(0, len(text))]
