"""The Whoosh index of a corpus's passages: schema and building, searching, the query language
(its rules for users: RULES), analysis, highlighting, "did you mean", results by article with
their copies, field lengths, and the writer's processes."""

from search.lazy import lazy_exports

_EXPORTS = {
    "ArticleRead": "building",
    "Progress": "building",
    "CorpusIndex": "corpus_index",
    "QueryError": "query",
    "RULES": "rules",
    "ArticleHit": "results",
    "Copy": "results",
    "Hit": "results",
    "SearchResult": "results",
    "UpdateReport": "results",
    "index_location": "schema",
    "query_spans": "highlight",
}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
