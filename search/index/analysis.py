"""The analyzers of the search index, chosen deliberately (see ../shared/notes/whoosh.md).

- `text` and `title` use Snowball stemming (`LanguageAnalyzer("en")`): "running" and "runs"
  both become "run", where Whoosh's Porter `StemmingAnalyzer` leaves "runn". Stop words are
  dropped, which is what natural-language questions need.
- `exact` keeps every word as typed (lower-cased, unstemmed, no stop list), because a stemmed,
  stop-worded field renumbers positions: the phrase "state of the art" would also match
  "state art museum". Quoted phrases are sent to this field, and "did you mean" suggests from
  its vocabulary, which holds real words ("trainium"), not stems ("trainium" -> "trainium",
  "policy" -> "polici").
"""

from __future__ import annotations

from whoosh.analysis import Analyzer, Filter, LanguageAnalyzer, LowercaseFilter, RegexTokenizer

# Words, including numbers with separators ("57,000", "2.5") and "re:Invent"-style tokens.
TOKEN_PATTERN = r"\w+(?:[.,:'’]\w+)*"


def stemmed_analyzer() -> Analyzer:
    return LanguageAnalyzer("en", expression=TOKEN_PATTERN)


class ApostropheFilter(Filter):
    """Typographic apostrophes as straight ones, so "Amazon's" finds "Amazon’s"."""

    def __call__(self, tokens):  # type: ignore[no-untyped-def]
        for token in tokens:
            token.text = token.text.replace("’", "'")
            yield token


def exact_analyzer() -> Analyzer:
    return RegexTokenizer(expression=TOKEN_PATTERN) | LowercaseFilter() | ApostropheFilter()
