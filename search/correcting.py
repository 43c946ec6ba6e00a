"""The Workspace's corrections of the cleaner: what `dossier fix` and the app's `x` (original
view) and `D` (details) call. A mixin of search.workspace.Workspace, kept apart to keep the
façade readable; the corrections themselves live in search/corrections.py."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from search.model import Article, SourceFile

if TYPE_CHECKING:
    from search.corrections import ArticleFixes, CorrectionStore, Fixed
    from search.facts.store import FactStore
    from search.index.corpus_index import CorpusIndex


def _kept(article: Article, line: int) -> bool:
    """Whether a file line is part of the article's text (in one of its passages)."""
    return any(p.lines and p.lines[0] <= line <= p.lines[1] for p in article.passages)


class Correcting:
    """Corrections for a Workspace (which provides what is declared here)."""

    root: Path
    _guard: threading.Lock
    _articles: OrderedDict[str, Article]
    _index: CorpusIndex | None
    _corrections: CorrectionStore | None
    _checked: object
    _partners: object
    _facts_fresh: bool

    if TYPE_CHECKING:

        @property
        def index(self) -> CorpusIndex: ...

        def source(self, article_id: str) -> SourceFile: ...

        def article(self, article_id: str) -> Article: ...

        def _store(self) -> FactStore: ...

    @property
    def correction_store(self) -> CorrectionStore:
        if self._corrections is None:
            from search.corrections import shared_store

            self._corrections = shared_store()
        return self._corrections

    def corrections(self, article_id: str) -> ArticleFixes:
        """What the reader corrected in an article (`dossier fix ID --show`): the stored
        corrections, where each line correction is in the file now (stale: its line is
        gone), and the article as corrected."""
        from search.corrections import ArticleFixes, locate

        source = self.source(article_id)
        stored = self.correction_store.get(self.root, source.rel)
        article = self.article(source.id)
        return ArticleFixes(
            source.id, source.rel, stored, locate(stored.lines, article.text), article
        )

    def fix(
        self,
        article_id: str,
        *,
        title: str | None = None,
        published: str | None = None,
        source: str | None = None,
        byline: str | None = None,
        restore: Iterable[int] = (),
        remove: Iterable[int] = (),
    ) -> Fixed:
        """Correct the cleaner for one article (`dossier fix ID --title ... --restore LINE`).
        A field given replaces the cleaner's ("" gives the cleaner's back); `restore` keeps
        file lines the cleaner removed, `remove` removes lines it kept (numbers as in the file
        now). Saved at once; the article is read again and re-indexed, its facts and
        bookmarks follow. Raises UnknownArticle, or CorrectionError with a one-line reason."""
        from search.corrections import CorrectionError, merged

        file = self.source(article_id)
        current = self.article(file.id)
        plain = self._uncorrected(file)
        lines = current.text.split("\n")
        stored = self.correction_store.get(self.root, file.rel)
        wanted = {n: True for n in restore} | {n: False for n in remove}
        if (plain.passages and plain.passages[0].lines is None) and wanted:
            raise CorrectionError("an HTML page has no lines to restore or remove: fix its details")
        fields = {"title": title, "published": published, "source": source, "byline": byline}
        cleaner = {number: _kept(plain, number) for number in wanted}
        corrected = merged(stored, file.rel, lines, wanted, cleaner, fields)
        self.correction_store.put(self.root, file.rel, corrected)
        return self._after_fix(file)

    def toggle_line(self, article_id: str, line: int) -> Fixed:
        """The original view's key: the file line under the cursor goes from kept to removed,
        or from removed to kept."""
        article = self.article(article_id)
        if _kept(article, line):
            return self.fix(article.id, remove=[line])
        return self.fix(article.id, restore=[line])

    def reset_corrections(self, article_id: str) -> Fixed:
        """Forget every correction of an article (`dossier fix ID --reset`)."""
        from search.corrections import FileCorrections

        file = self.source(article_id)
        self.correction_store.put(self.root, file.rel, FileCorrections())
        return self._after_fix(file)

    def _uncorrected(self, file: SourceFile) -> Article:
        from search.reading.loader import load_article

        return load_article(file, corrections=None)

    def _after_fix(self, file: SourceFile) -> Fixed:
        """Read the corrected article, re-index it, and let facts and stories follow."""
        from search.corrections import Fixed
        from search.errors import IndexBusy

        with self._guard:
            self._articles.pop(file.id, None)
        article = self.article(file.id)
        self._forget_facts(file.id)
        reindexed, notice = False, None
        if self._index is not None or self.index.location.exists():
            try:
                self.index.update()
                reindexed = True
            except IndexBusy as error:
                notice = f"{error}; the correction is indexed at the next update"
        return Fixed(article, reindexed, notice)

    def _forget_facts(self, article_id: str) -> None:
        """Let the facts and stories follow a correction: the article is read again."""
        self._checked = self._partners = None
        self._facts_fresh = False
        self._store().forget(article_id)
