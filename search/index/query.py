"""The query language: words, "exact phrases", AND/OR/NOT and -word, prefix*, field filters
(title:, source:, kind:) and natural-language questions, parsed into Whoosh queries.

Terms are grouped with OR and a coordination bonus (`OrGroup.factory(0.9)`): Whoosh's default
AND finds almost nothing for questions (Cranfield nDCG@10 0.006), while OR with BM25F still
ranks passages holding every word of a short keyword query first.
"""

from __future__ import annotations

from whoosh import qparser
from whoosh import query as wq
from whoosh.fields import Schema
from whoosh.qparser import syntax
from whoosh.reading import IndexReader

SEARCH_FIELDS = ("title", "text")
FILTER_FIELDS = ("title", "source", "kind", "text")
MIN_PREFIX = 3  # shorter prefixes expand to too much of the vocabulary
MAX_PREFIX_TERMS = 50  # a prefix stands for at most this many of its most frequent terms
_PLUS = r"(?<![^\s(])\+(?=[\w\"(])"  # "+" after a space, "(" or the start, before a word
_MINUS = r"(?<![^\s(])-(?=[\w\"(])"


class QueryError(ValueError):
    """A query that cannot be run; the message is one line for the user."""


class ExactPhrasePlugin(qparser.Plugin):
    """Send unfielded "quoted phrases" to the unstemmed `exact` field, so they match as typed.

    Runs after explicit field names are applied (priority 100) and before the multifield
    expansion (110), which leaves nodes that already have a field alone.
    """

    def filters(self, parser):  # type: ignore[no-untyped-def]
        return [(self._to_exact, 105)]

    def _to_exact(self, parser, group):  # type: ignore[no-untyped-def]
        for node in group:
            if isinstance(node, syntax.GroupNode):
                self._to_exact(parser, node)
            elif isinstance(node, qparser.PhrasePlugin.PhraseNode) and node.fieldname is None:
                node.set_fieldname("exact", override=True)
        return group


def make_parser(schema: Schema) -> qparser.QueryParser:
    parser = qparser.MultifieldParser(
        list(SEARCH_FIELDS), schema, group=qparser.OrGroup.factory(0.9)
    )
    # "+word" and "-word" only at the start of a word: "shock-sound" is one hyphenated word,
    # not "shock NOT sound" (Whoosh's default takes any "-" as an exclusion).
    parser.add_plugin(qparser.PlusMinusPlugin(plusexpr=_PLUS, minusexpr=_MINUS))
    parser.add_plugin(ExactPhrasePlugin())
    parser.remove_plugin_class(qparser.BoostPlugin)  # "^" in pasted text is not a boost
    return parser


def _expand_prefixes(node: wq.Query, reader: IndexReader) -> wq.Query:
    """Replace each prefix/wildcard with an OR of its most frequent terms (bounded cost)."""
    if isinstance(node, wq.Prefix | wq.Wildcard):
        stem = node.text.lower()
        if isinstance(node, wq.Wildcard):
            stem = stem.split("*", 1)[0].split("?", 1)[0]
            if node.text.lower() != stem + "*":
                raise QueryError(f"only trailing wildcards are supported: {node.text}")
        if len(stem) < MIN_PREFIX:
            raise QueryError(f"'{stem}*' is too short: a prefix needs {MIN_PREFIX}+ letters")
        field = node.fieldname
        terms = list(reader.expand_prefix(field, stem))
        if len(terms) > MAX_PREFIX_TERMS:
            terms.sort(key=lambda t: reader.doc_frequency(field, t), reverse=True)
            terms = terms[:MAX_PREFIX_TERMS]
        if not terms:
            return wq.NullQuery
        return wq.Or([wq.Term(field, t) for t in terms])
    if isinstance(node, wq.CompoundQuery | wq.BinaryQuery | wq.WrappingQuery):
        return node.apply(lambda child: _expand_prefixes(child, reader))
    return node


def _bind_negations(node: wq.Query) -> wq.Query:
    """With OR grouping, "a NOT b" parses as `a OR (NOT b)`, which matches everything: make
    it `a ANDNOT b`, the meaning a reader intends."""
    if isinstance(node, wq.CompoundQuery | wq.BinaryQuery | wq.WrappingQuery):
        node = node.apply(_bind_negations)
    if isinstance(node, wq.Or):
        negated = [child.query for child in node.subqueries if isinstance(child, wq.Not)]
        kept = [child for child in node.subqueries if not isinstance(child, wq.Not)]
        if negated and kept:
            positive = kept[0] if len(kept) == 1 else wq.Or(kept, scale=node.scale)
            return wq.AndNot(positive, wq.Or(negated))
    return node


def parse(parser: qparser.QueryParser, text: str, reader: IndexReader) -> wq.Query:
    """The Whoosh query for `text`, or QueryError with a one-line explanation."""
    text = text.strip()
    if not text:
        raise QueryError("empty query: type words to search for")
    if len(text) > 1000:
        raise QueryError("query too long (more than 1,000 characters)")
    # "?" ends questions; as a one-letter wildcard it would turn "chips?" into a pattern.
    text = text.replace("?", " ")
    try:
        query = parser.parse(text)
    except Exception as error:  # Whoosh raises assorted errors on odd input
        raise QueryError(f"could not understand the query ({type(error).__name__})") from error
    query = _bind_negations(_expand_prefixes(query, reader)).normalize()
    if query is wq.NullQuery or isinstance(query, wq.NullQuery.__class__):
        raise QueryError(
            "nothing to search for: the query has only common words, exclusions or unknown prefixes"
        )
    if isinstance(query, wq.Not):
        raise QueryError("a query cannot only exclude: add a word to search for")
    return query
