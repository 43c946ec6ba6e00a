"""What the reader's keys do beyond reading: walk search hits (`/`, `n`/`N`), move between
articles, copy a passage, bookmark (`b`, `B`), compare (`c`), correct the cleaner (`x` in the
original view, `D` for the details). A part of ReaderScreen
(tui/screens/reader.py), which owns the state these act on."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textual.screen import Screen
from textual.worker import Worker

from search import Article, Workspace
from search.safety import one_line
from search.userdata import ReaderState
from tui.jobs import Jobs
from tui.widgets.article import ArticleView
from tui.widgets.article_pane import ArticlePane, OriginalView
from tui.widgets.library import LibraryList
from tui.widgets.sidebar import InfoSidebar

if TYPE_CHECKING:
    from search.index import SearchResult
    from search.places import Place
    from tui.messages import (
        BookmarkSaved,
        Compared,
        CompareFailed,
        Corrected,
        CorrectionFailed,
        NoPartner,
    )
    from tui.screens.search import SearchChoice


def _workers():  # type: ignore[no-untyped-def]
    from tui import workers  # after the first frame: the jobs and their messages

    return workers


class ReaderActions(Jobs, Screen[None]):
    """Search hits, neighbours, copy, bookmarks and compare, for ReaderScreen, which defines
    what these use: `open_article`, `go_to`, `run_job`, `library_rows`, `save_state`,
    `note`, `facts_ready` and `_place_chosen`."""

    workspace: Workspace
    article: Article | None
    search_result: SearchResult | None
    hit_index: int
    state: ReaderState
    facts_ready: bool

    # --- search --------------------------------------------------------------------------------

    def action_search(self) -> None:
        from tui.screens.search import SearchScreen

        query = self.search_result.query if self.search_result else ""
        self.app.push_screen(
            SearchScreen(self.workspace, self.state.history, query), self._search_done
        )

    def _search_done(self, choice: SearchChoice | None) -> None:
        self.save_state()  # the search history
        if choice is None:
            return
        self.search_result = choice.result
        self._go_to_hit(choice.index)

    def _go_to_hit(self, index: int) -> None:
        result = self.search_result
        if result is None or not result.hits:
            return
        self.hit_index = index % len(result.hits)
        hit = result.hits[self.hit_index]
        self.note(
            "hit",
            f"Hit {self.hit_index + 1} of {len(result.hits)} for “{one_line(result.query)}” "
            "· n next · N previous",
            hit.article,
        )
        if self.article is not None and self.article.id == hit.article:
            pane = self.query_one(ArticlePane)
            self.run_job(_workers().find_terms, self.article, result.terms, group="terms")
            pane.view.move_to(hit.passage)
            pane.view.focus()
            self.single_pane = "article"
        else:
            self.open_article(hit.article, hit.passage, result.terms)

    def action_next_hit(self, step: str) -> None:
        if self.search_result is None or not self.search_result.hits:
            self.notify("No search yet: press / to search", severity="warning")
            return
        self._go_to_hit(self.hit_index + int(step))

    # --- neighbours and copy -------------------------------------------------------------------

    def action_next_article(self, step: str) -> None:
        library = self.query_one(LibraryList)
        current = self.article.id if self.article else None
        target = library.neighbour(current, int(step))
        if target is None:
            self.notify("No more articles that way", severity="information", timeout=2)
            return
        self.open_article(target.id)

    def action_copy_passage(self) -> None:
        view = self.query_one(ArticleView)
        article = view.article
        if article is None or not article.passages:
            self.notify("Open an article first", severity="warning")
            return
        passage = article.passages[view.cursor]
        credit = " · ".join(p for p in (article.title, article.source, article.published) if p)
        self.app.copy_to_clipboard(f"{passage.text}\n\n— {credit}")
        self.notify(f"Copied passage {view.cursor + 1} of {len(article.passages)}", timeout=3)

    # --- bookmarks -----------------------------------------------------------------------------

    def action_bookmark(self) -> None:
        view = self.query_one(ArticleView)
        article, chosen = view.article, view.chosen_span()
        if article is None or chosen is None:
            self.notify("Open an article first", severity="warning", timeout=3)
            return
        passage, start, end = chosen
        text = article.passages[passage].text
        from tui.dialogs.note import NoteDialog

        what = "passage" if (start, end) == (0, len(text)) else "a span of passage"
        dialog = NoteDialog(f"Bookmark {what} {passage + 1}", text[start:end])

        def save(result: tuple[str, tuple[str, ...]] | None) -> None:
            if result is not None:
                view.clear_chosen()
                note, tags = result
                self.run_job(
                    _workers().save_bookmark,
                    article,
                    passage,
                    (start, end),
                    note,
                    tags,
                    group="bookmark-write",
                    exclusive=False,
                )

        self.app.push_screen(dialog, save)

    def on_bookmark_saved(self, message: BookmarkSaved) -> None:
        self.notify(f"Bookmarked passage {message.passage + 1} · B lists bookmarks", timeout=3)
        self.run_job(_workers().load_marks, message.article_id, group="marks")

    def action_bookmarks(self) -> None:
        from tui.screens.bookmarks import BookmarksScreen

        titles = {row.id: row.title for row in self.library_rows()}
        self.app.push_screen(BookmarksScreen(self.workspace, titles), self._bookmark_chosen)

    def _bookmark_chosen(self, place: Place | None) -> None:
        if place is not None:
            self.go_to(place)
        elif self.article is not None:  # notes and deletions show at once
            self.run_job(_workers().load_marks, self.article.id, group="marks")

    # --- compare -------------------------------------------------------------------------------

    def action_compare(self) -> None:
        if self.article is None:
            self.notify("Open an article first", severity="warning", timeout=3)
            return
        self.note("compare", "comparing…")
        self.open_compare(self.article.id, None)

    def open_compare(self, a_id: str, b_id: str | None) -> None:
        self.run_job(_workers().compare, a_id, b_id, group="compare")

    def on_compare_failed(self, message: CompareFailed) -> None:
        self.note("compare", message.reason)

    def on_no_partner(self, message: NoPartner) -> None:
        from tui.dialogs.pick import ArticlePicker

        self.note("compare", message.reason)
        picker = ArticlePicker(self.library_rows(), exclude=message.article_id, scores={})
        a_id = message.article_id
        self.app.push_screen(picker, lambda b_id: b_id and self.open_compare(a_id, b_id))

    def on_compared(self, message: Compared) -> None:
        from tui.screens.compare import CompareScreen

        self.note("compare", f"compared with {one_line(message.b.title)}", message.a.id)
        screen = CompareScreen(
            self.workspace, message.result, message.a, message.b, self.library_rows()
        )
        self.app.push_screen(screen, self._place_chosen)

    # --- corrections of the cleaner ------------------------------------------------------------

    _fixing: Worker[None] | None = None  # the correction being saved: one at a time

    def on_original_view_toggle_line(self, message: OriginalView.ToggleLine) -> None:
        if self._fixing is not None and not self._fixing.is_finished:
            self.notify("Still saving the last correction…", severity="warning", timeout=3)
            return
        self.note("fix", f"Line {message.line}: correcting and re-indexing…", message.article_id)
        self._fixing = self.run_job(
            _workers().toggle_line, message.article_id, message.line, group="fix"
        )

    def action_edit_details(self) -> None:
        if self.article is None:
            self.notify("Open an article first", severity="warning", timeout=3)
            return
        from tui.dialogs.details import DetailsDialog

        self.app.push_screen(DetailsDialog(self.workspace, self.article), self._details_saved)

    def _details_saved(self, done: Corrected | None) -> None:
        if done is not None:  # the dialog's report, for this screen now
            self.post_message(replace(done))

    def job_failed(self, group: str, text: str) -> None:
        if group == "fix":  # not "correcting…" any more
            self.end_note("fix")
        super().job_failed(group, text)

    def on_correction_failed(self, message: CorrectionFailed) -> None:
        self.end_note("fix")
        self.notify(message.reason, severity="warning", timeout=8)

    async def on_corrected(self, message: Corrected) -> None:
        """The article reads as corrected: the library row, the article (cursors kept), the
        original view, the sidebar; its facts and bookmarks are found again."""
        article = message.article
        if message.notice:
            self.notify(one_line(message.notice), severity="warning", timeout=8)
        self.query_one(LibraryList).update_articles([message.info])
        if self.article is None or self.article.id != article.id:
            return
        await self.query_one(ArticlePane).corrected(article)
        self.article = article
        self.note("fix", message.said)
        sidebar = self.query_one(InfoSidebar)
        sidebar.show(article)
        self.facts_ready = False
        sidebar.show_facts(None)
        self.run_job(_workers().load_facts, group="facts")
        self.run_job(_workers().load_marks, article.id, group="marks")
