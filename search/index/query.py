"""The query language, parsed into the Whoosh query that passages must match; its rules for
users are `RULES` (the README and the `?` help quote them).

Words are grouped with OR: Whoosh's default AND finds almost nothing for questions (Cranfield
nDCG@10 0.006). A query of 2 to 4 plain words is run twice, its passages with all the words
first (an AND, which Whoosh answers fast), then the others; longer queries rank by BM25F.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from whoosh import qparser
from whoosh import query as wq
from whoosh.fields import Schema
from whoosh.reading import IndexReader

from search.index.rules import RULES  # noqa: F401  (search/index/rules.py: for users)
from search.model import PassageKind

WORD_FIELD = "text"  # where unfielded words go
FILTER_FIELDS = ("title", "source", "kind")
KIND_NAMES = {kind.value: kind.value for kind in PassageKind} | {"list": "list_item"}
MIN_PREFIX = 3  # shorter prefixes expand to too much of the vocabulary
MAX_PREFIX_TERMS = 50  # a prefix stands for at most this many of its most frequent terms
_PLUS = r"(?<![^\s(])\+(?=[\w\"(])"  # "+" after a space, "(" or the start, before a word
_MINUS = r"(?<![^\s(])-(?=[\w\"(])"
OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"})


class QueryError(ValueError):
    """A query that cannot be run; the message is one line for the user."""


@dataclass
class ParsedQuery:
    """A query ready to run: what passages must match (scored), and what to highlight."""

    query: wq.Query
    terms: dict[str, set[str]] = field(default_factory=dict)
    words: bool = True  # False: only filters (every passage they let through matches)
    phrases: list[str] = field(default_factory=list)  # quoted, as typed: every hit has each
    title_words: list[str] = field(default_factory=list)  # stems that raise an article's title
    # Field filters beside words: the passages they let through. (Not a scored part of the
    # query: Whoosh 2.7.5's `Require` fails an assertion while skipping blocks, and a term
    # with boost 0 inside `And` loses matches.)
    restrict: wq.Query | None = None
    # The same query with every word required (2 to ALL_WORDS_FIRST plain words): its hits
    # come first; cheap for Whoosh (it leaps along the rarest word) where an OR scores
    # every passage that has any of the words.
    strict: wq.Query | None = None


def make_parser(schema: Schema) -> qparser.QueryParser:
    parser = qparser.QueryParser(WORD_FIELD, schema, group=qparser.OrGroup)
    # "+word" and "-word" only at the start of a word: "shock-sound" is one hyphenated word,
    # not "shock NOT sound" (Whoosh's default takes any "-" as an exclusion).
    parser.add_plugin(qparser.PlusMinusPlugin(plusexpr=_PLUS, minusexpr=_MINUS))
    parser.remove_plugin_class(qparser.BoostPlugin)  # "^" in pasted text is not a boost
    return parser


def _apply(node: wq.Query, change) -> wq.Query:  # type: ignore[no-untyped-def]
    """`node.apply(change)`, keeping an OR's coordination bonus (Whoosh's `apply` drops its
    `scale`: the bonus was silently lost before)."""
    changed = node.apply(change)
    if isinstance(node, wq.Or) and isinstance(changed, wq.Or):
        changed.scale = node.scale
    return changed


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
        name = node.fieldname
        terms = list(reader.expand_prefix(name, stem))
        if len(terms) > MAX_PREFIX_TERMS:
            terms.sort(key=lambda t: reader.doc_frequency(name, t), reverse=True)
            terms = terms[:MAX_PREFIX_TERMS]
        if not terms:
            return wq.NullQuery
        return wq.Or([wq.Term(name, t) for t in terms])
    if isinstance(node, wq.CompoundQuery | wq.BinaryQuery | wq.WrappingQuery):
        return _apply(node, lambda child: _expand_prefixes(child, reader))
    return node


def _bind_negations(node: wq.Query) -> wq.Query:
    """With OR grouping, "a NOT b" parses as `a OR (NOT b)`, which matches everything: make
    it `a ANDNOT b`, the meaning a reader intends."""
    if isinstance(node, wq.CompoundQuery | wq.BinaryQuery | wq.WrappingQuery):
        node = _apply(node, _bind_negations)
    if isinstance(node, wq.Or):
        negated = [child.query for child in node.subqueries if isinstance(child, wq.Not)]
        kept = [child for child in node.subqueries if not isinstance(child, wq.Not)]
        if negated and kept:
            positive = kept[0] if len(kept) == 1 else wq.Or(kept, scale=node.scale)
            return wq.AndNot(positive, wq.Or(negated))
    return node


def _leaf_fields(node: wq.Query) -> set[str]:
    if isinstance(node, wq.Not):
        return _leaf_fields(node.query)
    children = list(node.children()) if node.is_leaf() is False else []
    if not children:
        name = getattr(node, "fieldname", None)
        return {name} if name else set()
    found: set[str] = set()
    for child in children:
        found |= _leaf_fields(child)
    return found


def _unwrap(node: wq.Query) -> wq.Query:
    while isinstance(node, wq.Or | wq.And) and len(node.subqueries) == 1:
        node = node.subqueries[0]
    return node


def _as_filter(node: wq.Query) -> wq.Query:
    """A filter as it can run: kinds by their names, phrases in unpositioned fields as words."""
    if isinstance(node, wq.Term) and node.fieldname == "kind":
        value = str(node.text).lower()
        if value not in KIND_NAMES:
            names = ", ".join(k for k in KIND_NAMES if k != "list_item")
            raise QueryError(f"unknown kind '{node.text}': kind: takes one of {names}")
        return wq.Term("kind", KIND_NAMES[value])
    if isinstance(node, wq.Phrase):
        return wq.And([wq.Term(node.fieldname, word) for word in node.words])
    if isinstance(node, wq.CompoundQuery | wq.BinaryQuery | wq.WrappingQuery):
        return _apply(node, _as_filter)
    return node


def _typed(text: str, phrase: wq.Phrase) -> str:
    """A quoted phrase as typed (its common words included), from where its words are."""
    ranges = [r for r in phrase.char_ranges or [] if r and r[0] is not None]
    if not ranges:
        return " ".join(phrase.words)
    start = text.rfind('"', 0, ranges[0][0]) + 1
    end = text.find('"', ranges[-1][1])
    return text[start : end if end >= 0 else len(text)].strip()


def _unphrase(node: wq.Query, text: str, typed: list[str] | None) -> wq.Query:
    """Quoted phrases as all of their words (the text field has no positions: a phrase is
    checked as typed against each hit's text), their typed text added to `typed`."""
    if isinstance(node, wq.Phrase) and node.fieldname == WORD_FIELD:
        if typed is not None and node.words:
            typed.append(_typed(text, node))
        return wq.And([wq.Term(WORD_FIELD, word) for word in node.words])
    if isinstance(node, wq.Not):
        return wq.Not(_unphrase(node.query, text, None))
    if isinstance(node, wq.CompoundQuery | wq.BinaryQuery | wq.WrappingQuery):
        return _apply(node, lambda child: _unphrase(child, text, typed))
    return node


def _split(node: wq.Query) -> tuple[list[wq.Query], list[wq.Query], list[wq.Query], type]:
    """The top level of a query as (words, filters, exclusions, how the words combine)."""
    node = _unwrap(node)
    if isinstance(node, wq.Or | wq.And):
        children, combine = list(node.subqueries), type(node)
    else:
        children, combine = [node], wq.Or
    words, filters, excluded = [], [], []
    for child in children:
        child = _unwrap(child)
        if isinstance(child, wq.Not):
            excluded.append(child.query)
            continue
        fields = _leaf_fields(child)
        if fields and fields <= set(FILTER_FIELDS):
            filters.append(_as_filter(child))
        else:
            words.append(child)
    return words, filters, excluded, combine


def _title_terms(node: wq.Query) -> list[wq.Query]:
    """The words of the (positive) query as terms of the title field."""
    found: list[wq.Query] = []

    def visit(item: wq.Query) -> None:
        if isinstance(item, wq.Not):
            return
        if isinstance(item, wq.AndNot):
            visit(item.a)
            return
        if isinstance(item, wq.Term) and item.fieldname == WORD_FIELD:
            found.append(wq.Term("title", item.text))
        elif isinstance(item, wq.Phrase) and item.fieldname == WORD_FIELD:
            found.extend(wq.Term("title", word) for word in item.words)
        elif not isinstance(item, wq.Prefix | wq.Wildcard):  # a prefix: no title bonus
            for child in item.children():
                visit(child)

    visit(node)
    return list(dict.fromkeys(found))


# No coordination bonus (Whoosh's `OrGroup.factory(0.9)`): it counts the matching words of
# every passage, which makes Whoosh score every match (two-word queries 2.3x slower at 20k
# articles) for no gain in relevance (bench/REPORT.md). Passages with all the words of a
# short query come first instead (ALL_WORDS_FIRST).
WORDS_SCALE: float | None = None
ALL_WORDS_FIRST = 4  # queries of 2 to 4 plain words: passages with all of them first


def positive_terms(query: wq.Query) -> dict[str, set[str]]:
    """The terms a query looks for, by field: the words to highlight in a hit. Excluded
    terms (`NOT`, `-word`) are left out."""
    found: dict[str, set[str]] = {}

    def visit(node: wq.Query) -> None:
        if isinstance(node, wq.Not):
            return
        if isinstance(node, wq.AndNot):
            visit(node.a)
            return
        if isinstance(node, wq.Term | wq.Phrase):
            words = [node.text] if isinstance(node, wq.Term) else list(node.words)
            for word in words:
                text = word.decode("utf-8") if isinstance(word, bytes) else str(word)
                found.setdefault(node.fieldname, set()).add(text)
            return
        for child in node.children():
            visit(child)

    visit(query)
    return found


def parse(parser: qparser.QueryParser, text: str, reader: IndexReader) -> ParsedQuery:
    """The query for `text` by the rules above, or QueryError with a one-line explanation."""
    text = text.strip()
    if not text:
        raise QueryError("empty query: type words to search for")
    if len(text) > 1000:
        raise QueryError("query too long (more than 1,000 characters)")
    # "?" ends questions; as a one-letter wildcard it would turn "chips?" into a pattern.
    text = text.replace("?", " ")
    try:
        tree = parser.parse(text, normalize=False)
    except Exception as error:  # Whoosh raises assorted errors on odd input
        raise QueryError(f"could not understand the query ({type(error).__name__})") from error
    words, filters, excluded, combine = _split(tree)
    is_phrase = lambda node: isinstance(node, wq.Phrase) and node.fieldname == WORD_FIELD  # noqa: E731
    quoted = [w for w in words if is_phrase(w) and w.words]  # (common words only: nothing)
    words = [w for w in words if not is_phrase(w)]
    phrases = [_typed(text, q) for q in quoted]
    title = _title_terms(wq.Or([*quoted, *words])) if quoted or words else []
    words = [_unphrase(w, text, phrases) for w in words]  # nested phrases are required too
    excluded = [_unphrase(e, text, None) for e in excluded]
    matched: wq.Query = wq.NullQuery
    strict: wq.Query | None = None  # every word required, for the first tier
    if words or quoted:
        grouped = combine(words, scale=WORDS_SCALE) if combine is wq.Or else combine(words)
        matched = _bind_negations(_expand_prefixes(grouped, reader)).normalize()
        highlighted = positive_terms(matched)
        plain = [w for w in words if isinstance(w, wq.Term) and w.fieldname == WORD_FIELD]
        if combine is wq.Or and len(plain) == len(words) and 2 <= len(words) <= ALL_WORDS_FIRST:
            strict = wq.And(words).normalize()
        if quoted:  # required: the other words only rank
            required = wq.And([_unphrase(q, text, None) for q in quoted]).normalize()
            if matched is wq.NullQuery:
                matched = required
            elif combine is wq.And:
                matched = wq.And([required, matched])
            else:
                matched = wq.AndMaybe(required, matched)
            if strict is not None:
                strict = wq.And([required, strict])
    only_filters = matched is wq.NullQuery
    if only_filters and not filters:
        if excluded:
            raise QueryError("a query cannot only exclude: add a word to search for")
        raise QueryError(
            "nothing to search for: the query has only common words, exclusions or unknown prefixes"
        )
    filter_query = wq.And(filters).normalize() if filters else None
    restrict: wq.Query | None = None
    if only_filters:
        assert filter_query is not None
        query, terms = filter_query, positive_terms(filter_query)
        terms.pop("kind", None)
        terms.pop("source", None)
    else:
        terms = highlighted
        if phrases:
            terms["phrase"] = set(phrases)
        query = matched
        restrict = filter_query  # passed to Whoosh as a filter: it adds nothing to the score
    if excluded:
        query = wq.AndNot(query, wq.Or(excluded).normalize())
        if strict is not None:
            strict = wq.AndNot(strict, wq.Or(excluded).normalize())
    query = query.normalize()
    if query is wq.NullQuery:
        raise QueryError("nothing to search for: the filters and the words cannot both match")
    return ParsedQuery(
        query=query,
        terms=terms,
        words=not only_filters,
        title_words=list(dict.fromkeys(str(term.text) for term in title)),
        phrases=phrases,
        restrict=restrict,
        strict=strict.normalize() if strict is not None else None,
    )


# --- "did you mean": which words of a query are plain words ---------------------------------

_PIECE = re.compile(
    r"""(?P<quoted>"[^"]*(?:"|$))              # a quoted phrase (or an unclosed quote)
      | (?P<fielded>[^\W\d]\w*:(?:\([^)]*\)?|"[^"]*"?|[^\s()]*))  # field:value, field:(...)
      | (?P<word>[+-]?[^\W\d_][\w'’.\-]*\*?)   # a word, maybe +/- before, * after
      | (?P<other>\S)""",
    re.VERBOSE,
)
_LETTERS = re.compile(r"[^\W\d_]+")


def plain_words(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of letters in `text` that is a plain word: not in quotes,
    not a field's value, not an operator, not a prefix, not excluded or required."""
    spans = []
    for piece in _PIECE.finditer(text):
        word = piece.group("word")
        if word is None or word in OPERATORS or word[0] in "+-" or word.endswith("*"):
            continue
        for letters in _LETTERS.finditer(word):
            spans.append((piece.start() + letters.start(), piece.start() + letters.end()))
    return spans
