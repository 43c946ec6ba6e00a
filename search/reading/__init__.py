"""Reading: a file to a clean Article — corpus scan, decoding and repair, front matter,
Markdown and HTML, line measures, boilerplate, metadata, structure, and the loader."""

from search.lazy import lazy_exports

_EXPORTS = {
    "Corpus": "corpus",
    "CorpusScan": "corpus",
    "load_corpus": "corpus",
    "resolve_id": "corpus",
    "scan_corpus": "corpus",
    "NotText": "decode",
    "decode": "decode",
    "load_article": "loader",
    "table_rows": "markdown",
}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
