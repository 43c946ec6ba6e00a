"""Every error Dossier reports to a user, in one light module: the reader catches them without
importing the heavy parts (Whoosh, the cleaner) that raise them. Each message is one line."""

from __future__ import annotations


class CorpusError(Exception):
    """The corpus itself cannot be used (missing folder...)."""


class UnknownArticle(LookupError):
    """No article, or more than one, answers to an id."""


class LoadError(Exception):
    """A file that cannot be read as an article."""


class IndexBusy(Exception):
    """Another process is writing the index."""


class UnknownBookmark(LookupError):
    """No bookmark, or more than one, answers to an id."""


class CorrectionError(ValueError):
    """A correction that cannot be made (no such line, a date that is not one)."""
