"""Facts: figures, dates and names read from an article (with what each measures, of whom, for
when), checked across articles by subject, measure and period, cached in the fact store; which
articles tell the same story, and which are copies; the sidebar's grouping."""

from search.lazy import lazy_exports

_EXPORTS = {
    "FactsFailed": "apart",
    "refresh_apart": "apart",
    "CheckedFact": "check",
    "Conflict": "check",
    "Link": "check",
    "check": "check",
    "overlap": "check",
    "same_value": "check",
    "Fact": "fact",
    "extract": "extract",
    "figures_in": "figures",
    "FactGroup": "sidebar",
    "article_name": "sidebar",
    "group_facts": "sidebar",
    "story_terms": "stories",
    "copy_groups": "stories",
    "FactStore": "store",
}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
