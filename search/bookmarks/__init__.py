"""Bookmarks: anchors that find their passage again after an edit, and the bookmark store."""

from search.lazy import lazy_exports

_EXPORTS = {
    "Anchor": "anchors",
    "Found": "anchors",
    "make_anchor": "anchors",
    "resolve": "anchors",
    "Bookmark": "store",
    "BookmarkStore": "store",
    "export_markdown": "store",
    "locate": "store",
    "marked_spans": "store",
    "matches": "store",
    "new_bookmark": "store",
    "parse_tags": "store",
}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
