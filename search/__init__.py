"""Dossier's UI-free core: the Workspace façade over one corpus, the model and the errors a user
can see; reading/, index/, facts/, bookmarks/ and userdata/ behind it. Never imports Textual."""

from search.lazy import lazy_exports

_EXPORTS = {
    "Workspace": "workspace",
    "Article": "model",
    "ArticleInfo": "model",
    "Passage": "model",
    "PassageKind": "model",
    "RemovedLine": "model",
    "Skipped": "model",
    "SourceFile": "model",
    "CorpusError": "errors",
    "CorrectionError": "errors",
    "IndexBusy": "errors",
    "LoadError": "errors",
    "UnknownArticle": "errors",
    "UnknownBookmark": "errors",
}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
