"""Facts: figures, dates and names read from an article, checked across articles, cached in
the fact store; and which articles tell the same story."""

from search.lazy import lazy_exports

_EXPORTS = {
    "CheckedFact": "check",
    "Conflict": "check",
    "check": "check",
    "overlap": "check",
    "same_value": "check",
    "Fact": "fact",
    "extract": "extract",
    "figures_in": "extract",
    "same_story": "stories",
    "story_terms": "stories",
    "FactStore": "store",
}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
