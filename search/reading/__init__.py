"""Reading: a file to a clean Article — corpus scan, decoding and repair, layout repair (reflow,
lists, tables of figures), line measures, the line classifier (rules, the article's extent, its
head, wire stories), metadata, structure, Markdown clippings and HTML, and the loader, which
applies the reader's corrections (search/corrections.py)."""

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
