"""The Whoosh index of a corpus's passages: schema and building, searching, the query language,
analysis, highlighting, results, field lengths, and the writer's processes."""

from search.lazy import lazy_exports

_EXPORTS = {
    "ArticleRead": "building",
    "Progress": "building",
    "CorpusIndex": "corpus_index",
    "QueryError": "query",
    "Hit": "results",
    "SearchResult": "results",
    "UpdateReport": "results",
    "index_location": "schema",
    "query_spans": "highlight",
}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
