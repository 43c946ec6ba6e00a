"""The reader: library | article | sidebar. It decides what the widgets only announce: which
article is open, where its passage cursor is, and what the last search found."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Header, Static
from textual.worker import get_current_worker

from search import (
    Article,
    ArticleInfo,
    CorpusError,
    IndexBusy,
    LoadError,
    UnknownArticle,
    Workspace,
)
from search.facts import CheckedFact
from search.index import SearchResult, UpdateReport
from search.safety import one_line
from search.userdata import ReaderState, UserFileError
from tui.commands import ArticleCommands, ReaderCommands
from tui.dialogs.help import HelpScreen
from tui.dialogs.note import NoteDialog
from tui.keys import help_sections
from tui.screens.fact import FactScreen, Place
from tui.screens.search import SearchChoice, SearchScreen
from tui.widgets.article import ArticlePane, ArticleView, FindBar
from tui.widgets.facts import FactList
from tui.widgets.hits import HitList
from tui.widgets.library import LibraryList, LibraryPane
from tui.widgets.sidebar import InfoSidebar

if TYPE_CHECKING:
    from search.compare import Comparison  # rapidfuzz: loaded when a comparison is made

NARROW_BELOW = 100  # columns: below this, one pane at a time
SAVE_AFTER_SECONDS = 1.0  # reading position is saved this long after the cursor rests
LIVE_ROWS_EVERY = 0.5  # seconds between library refreshes during a first build
BUSY_RETRY_SECONDS = 1.0  # while another Dossier builds the first index, try this often
BUSY_WAITING = "Another Dossier is building the index; search starts when it is done…"


class ReaderScreen(Screen[None]):
    """The main screen of Dossier."""

    COMMANDS = Screen.COMMANDS | {ReaderCommands, ArticleCommands}
    BINDINGS = [
        Binding("slash", "search", "Search", id="reader.search"),
        Binding("n", "next_hit('1')", "Next hit", show=False, id="reader.next_hit"),
        Binding("N", "next_hit('-1')", "Previous hit", show=False, id="reader.previous_hit"),
        Binding(
            "right_square_bracket",
            "next_article('1')",
            "Next article",
            show=False,
            id="reader.next_article",
        ),
        Binding(
            "left_square_bracket",
            "next_article('-1')",
            "Previous article",
            show=False,
            id="reader.previous_article",
        ),
        Binding("y", "copy_passage", "Copy passage", show=False, id="reader.copy"),
        Binding("b", "bookmark", "Bookmark", id="reader.bookmark"),
        Binding("B", "bookmarks", "Bookmarks", id="reader.bookmarks"),
        Binding("F", "focus_facts", "Facts", id="reader.facts"),
        Binding("c", "compare", "Compare", id="reader.compare"),
        Binding("ctrl+b", "toggle_library", "Library", show=False, id="reader.toggle_library"),
        Binding("ctrl+s", "toggle_sidebar", "Sidebar", show=False, id="reader.toggle_sidebar"),
        Binding("escape", "back", "Back", show=False, id="reader.back"),
        Binding("question_mark", "help", "Keys", id="reader.help"),
    ]

    article: reactive[Article | None] = reactive(None, init=False)
    single_pane = reactive("library", init=False)  # narrow terminals: "library" or "article"

    def __init__(self, workspace: Workspace, state: ReaderState) -> None:
        super().__init__()
        self.workspace = workspace
        self.state = state
        self.search_result: SearchResult | None = None
        self.facts: dict[str, list[CheckedFact]] | None = None  # None until they are read
        self.hit_index = -1
        self._pending_infos: list[ArticleInfo] = []
        self._last_live_refresh = 0.0
        self._save_timer = None
        self._restored = False
        self._pending_place: Place | None = None

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="▤")
        with Horizontal(id="panes"):
            yield LibraryPane(id="library")
            yield ArticlePane(id="article")
            yield InfoSidebar(id="sidebar")
        yield Static("Reading the corpus folder…", id="status", markup=False)
        yield Footer()

    # --- start: library first, then the index ------------------------------------------------

    def on_mount(self) -> None:
        self._layout_for(self.size.width)
        self.query_one(LibraryList).focus()
        # After the first paint: reading the folder and the index would compete for the GIL.
        self.call_after_refresh(self.load_library)

    @work(thread=True, exclusive=True, group="library")
    def load_library(self) -> None:
        started = time.perf_counter()
        try:
            self.workspace.scan()
            rows = self.workspace.catalog()
        except CorpusError as error:
            self.workspace.unavailable(str(error))
            self.app.call_from_thread(self._fail, str(error))
            return
        self.app.call_from_thread(self._show_catalog, rows)

        def progress(done: int, total: int, what: str) -> None:
            self.app.call_from_thread(self._status, f"Indexing: {what} {done:,} / {total:,}")

        worker = get_current_worker()
        while True:
            try:
                report = self.workspace.open_index(progress=progress, on_article=self._article_read)
                break
            except IndexBusy:  # another Dossier builds the first index: use it when it is done
                if worker.is_cancelled:
                    return
                self.app.call_from_thread(self._status, BUSY_WAITING)
                time.sleep(BUSY_RETRY_SECONDS)
            except Exception as error:  # a broken index folder, a full disk...
                self.app.call_from_thread(self._fail, f"search is unavailable: {error}")
                return
        rows = self.workspace.catalog()
        seconds = time.perf_counter() - started
        self.app.call_from_thread(self._index_opened, rows, report, seconds)

    @work(thread=True, exclusive=True, group="facts")
    def load_facts(self) -> None:
        try:
            facts = self.workspace.facts()
            partners = self.workspace.partners()
        except Exception as error:  # a damaged corpus file mid-read, a full disk...
            self.app.call_from_thread(self._status, f"facts unavailable: {one_line(str(error))}")
            return
        self.app.call_from_thread(self._facts_ready, facts, partners)

    def _facts_ready(
        self, facts: dict[str, list[CheckedFact]], partners: dict[str, list[tuple[str, float]]]
    ) -> None:
        self.facts = facts
        self.query_one(LibraryList).mark_same_story(
            {aid for aid, found in partners.items() if found}
        )
        if self.article is not None:
            self.query_one(InfoSidebar).show_facts(facts.get(self.article.id, []))

    def _article_read(self, info: ArticleInfo) -> None:
        """During a build, read articles join the library every half second."""
        self._pending_infos.append(info)
        now = time.perf_counter()
        if now - self._last_live_refresh >= LIVE_ROWS_EVERY:
            self._last_live_refresh = now
            batch, self._pending_infos = self._pending_infos, []
            self.app.call_from_thread(self.query_one(LibraryList).update_articles, batch)

    def _show_catalog(self, rows: list[ArticleInfo]) -> None:
        self.query_one(LibraryList).set_articles(rows)
        self._status(f"{len(rows):,} articles · opening the search index…")
        self._restore()

    def _index_opened(self, rows: list[ArticleInfo], report: UpdateReport, seconds: float) -> None:
        self.query_one(LibraryList).set_articles(rows)
        self.load_facts()
        parts = [f"{len(rows):,} articles"]
        if report.added or report.changed or report.removed:
            parts.append(
                f"index updated ({report.added} added, {report.changed} changed, "
                f"{report.removed} removed)"
            )
        elif report.busy:
            parts.append("another Dossier is updating the index")
        else:
            parts.append("index up to date")
        skipped = report.skipped
        if skipped:
            parts.append(f"{len(skipped)} files skipped")
            for item in skipped[:3]:
                self.notify(
                    f"{one_line(item.path.name)}: {one_line(item.reason)}",
                    severity="warning",
                    timeout=8,
                )
        if report.rebuilt:
            self.notify(f"The search index was rebuilt: {report.rebuilt}", timeout=8)
        self._status(" · ".join(parts))
        self._restore()

    def _restore(self) -> None:
        """Open the article the reader was last in, once, where it was left (else the first)."""
        if self._restored:
            return
        self._restored = True
        library = self.query_one(LibraryList)
        last = self.state.last_article
        if last and any(row.id == last for row in self.library_rows()):
            library.select_article(last)
            self.open_article(last, focus=False)
        elif library.highlighted is not None:  # a first run: the first article, not a blank
            self.open_article(library.highlighted.id, focus=False)

    def _fail(self, message: str) -> None:
        self._status(one_line(message))
        self.notify(one_line(message), severity="error", timeout=10)

    def _status(self, text: str) -> None:
        self.query_one("#status", Static).update(text)

    def library_rows(self) -> list[ArticleInfo]:
        return [row.info for row in self.query_one(LibraryList).rows]

    # --- opening articles ----------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="open")
    def open_article(
        self,
        article_id: str,
        passage: int | None = None,
        terms: dict[str, set[str]] | None = None,
        focus: bool = True,
    ) -> None:
        try:
            article = self.workspace.article(article_id)
        except (UnknownArticle, LoadError, CorpusError) as error:
            self.app.call_from_thread(
                self.notify, f"{article_id}: {one_line(str(error))}", severity="error"
            )
            return
        self.app.call_from_thread(self._show_article, article, passage, terms, focus)

    async def _show_article(
        self,
        article: Article,
        passage: int | None,
        terms: dict[str, set[str]] | None,
        focus: bool,
    ) -> None:
        if passage is None:
            passage = self.state.positions.get(article.id, 0)
        pane = self.query_one(ArticlePane)
        await pane.show(article, passage)
        if terms:
            pane.view.highlight_terms(terms)
        self.article = article
        sidebar = self.query_one(InfoSidebar)
        sidebar.show(article)
        sidebar.show_facts(None if self.facts is None else self.facts.get(article.id, []))
        library = self.query_one(LibraryList)
        library.current = article.id
        library.select_article(article.id)
        if focus:
            self.single_pane = "article"
            pane.view.focus()
        place, self._pending_place = self._pending_place, None
        if place is not None and place.article == article.id:
            self._mark_place(place)
        self.load_marks(article.id)

    def on_fact_list_chosen(self, message: FactList.Chosen) -> None:
        fact = message.entry.fact
        spans = ((fact.start, fact.end),) if fact.passage >= 0 else ()
        self.go_to(Place(fact.article, max(0, fact.passage), spans))

    def on_fact_list_explore(self, message: FactList.Explore) -> None:
        titles = {row.id: row.title for row in self.library_rows()}
        screen = FactScreen(message.entry, self.facts or {}, self.workspace, titles)
        self.app.push_screen(screen, self._place_chosen)

    def _place_chosen(self, place: Place | None) -> None:
        if place is not None:
            self.go_to(place)

    # --- bookmarks -----------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="marks")
    def load_marks(self, article_id: str) -> None:
        """Mark the open article's bookmarked passages (re-anchored: the file may have changed)."""
        try:
            located, _ = self.workspace.bookmarks(article_id)
        except Exception as error:  # an unreadable bookmarks file is a notice, not a crash
            self.app.call_from_thread(self._status, f"bookmarks: {one_line(str(error))}")
            return
        spans: dict[int, list[tuple[int, int]]] = {}
        for bookmark in located:
            if bookmark.found is not None and bookmark.status != "orphaned":
                spans.setdefault(bookmark.found.passage, []).append(
                    (bookmark.found.start, bookmark.found.end)
                )
        notices = list(self.workspace.bookmark_store.notices)
        self.workspace.bookmark_store.notices.clear()
        self.app.call_from_thread(self._show_marks, article_id, spans, notices)

    def _show_marks(
        self, article_id: str, spans: dict[int, list[tuple[int, int]]], notices: list[str]
    ) -> None:
        for notice in notices:
            self.notify(one_line(notice), severity="warning", timeout=10)
        view = self.query_one(ArticleView)
        if view.article is not None and view.article.id == article_id:
            view.mark_bookmarks(spans)

    def action_bookmark(self) -> None:
        view = self.query_one(ArticleView)
        article, chosen = view.article, view.chosen_span()
        if article is None or chosen is None:
            self.notify("Open an article first", severity="warning", timeout=3)
            return
        passage, start, end = chosen
        text = article.passages[passage].text
        what = "passage" if (start, end) == (0, len(text)) else "a span of passage"
        dialog = NoteDialog(f"Bookmark {what} {passage + 1}", text[start:end])

        def save(result: tuple[str, tuple[str, ...]] | None) -> None:
            if result is not None:
                view.clear_chosen()
                self.save_bookmark(article, passage, (start, end), *result)

        self.app.push_screen(dialog, save)

    @work(thread=True, group="bookmark-write")
    def save_bookmark(
        self,
        article: Article,
        passage: int,
        span: tuple[int, int],
        note: str,
        tags: tuple[str, ...],
    ) -> None:
        from search.bookmarks import new_bookmark

        try:
            bookmark = new_bookmark(
                self.workspace.root, article, passage, span=span, note=note, tags=tags
            )
            self.workspace.bookmark_store.add(bookmark)
        except (UserFileError, UnknownArticle) as error:
            self.app.call_from_thread(self.notify, one_line(str(error)), severity="error")
            return
        self.app.call_from_thread(
            self.notify, f"Bookmarked passage {passage + 1} · B lists bookmarks", timeout=3
        )
        self.app.call_from_thread(self.load_marks, article.id)

    def action_bookmarks(self) -> None:
        from tui.screens.bookmarks import BookmarksScreen

        titles = {row.id: row.title for row in self.library_rows()}
        self.app.push_screen(BookmarksScreen(self.workspace, titles), self._bookmark_chosen)

    def _bookmark_chosen(self, place: Place | None) -> None:
        if place is not None:
            self.go_to(place)
        elif self.article is not None:  # notes and deletions show at once
            self.load_marks(self.article.id)

    # --- compare -------------------------------------------------------------------------------

    def action_compare(self) -> None:
        if self.article is None:
            self.notify("Open an article first", severity="warning", timeout=3)
            return
        self._status("comparing…")
        self.open_compare(self.article.id, None)

    @work(thread=True, exclusive=True, group="compare")
    def open_compare(self, a_id: str, b_id: str | None) -> None:
        try:
            result = self.workspace.compare(a_id, b_id)
            a, b = self.workspace.article(result.a), self.workspace.article(result.b)
        except UnknownArticle as error:
            if b_id is None:  # no same-story partner: let the user pick one
                self.app.call_from_thread(self._pick_partner, a_id, one_line(str(error)))
            else:
                self.app.call_from_thread(self._status, one_line(str(error)))
            return
        except LoadError as error:
            self.app.call_from_thread(self._status, one_line(str(error)))
            return
        self.app.call_from_thread(self._show_compare, result, a, b)

    def _pick_partner(self, a_id: str, reason: str) -> None:
        from tui.dialogs.pick import ArticlePicker

        self._status(reason)
        picker = ArticlePicker(self.library_rows(), exclude=a_id, scores={})
        self.app.push_screen(picker, lambda b_id: b_id and self.open_compare(a_id, b_id))

    def _show_compare(self, result: Comparison, a: Article, b: Article) -> None:
        from tui.screens.compare import CompareScreen

        self._status(f"compared with {one_line(b.title)}")
        screen = CompareScreen(self.workspace, result, a, b, self.library_rows())
        self.app.push_screen(screen, self._place_chosen)

    def go_to(self, place: Place) -> None:
        """Show `place`: its article at its passage, its spans marked."""
        if self.article is not None and self.article.id == place.article:
            self._mark_place(place)
        else:
            self._pending_place = place
            self.open_article(place.article, place.passage)

    def _mark_place(self, place: Place) -> None:
        view = self.query_one(ArticlePane).view
        block = view.block(place.passage)
        spans = place.spans_in(block.passage.text) if block is not None else []
        view.set_layer("fact", {place.passage: spans} if spans else {})
        view.move_to(place.passage)
        view.focus()
        self.single_pane = "article"

    def on_library_list_chosen(self, message: LibraryList.Chosen) -> None:
        self.open_article(message.info.id)

    def on_article_view_cursor_moved(self, message: ArticleView.CursorMoved) -> None:
        self.state.positions[message.article_id] = message.passage
        self.state.last_article = message.article_id
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_AFTER_SECONDS, self.save_state)

    def on_article_pane_find_status(self, message: ArticlePane.FindStatus) -> None:
        if message.text:
            self._status(f"Find: {message.text}")

    def save_state(self) -> None:
        try:
            self.workspace.state.save(self.state)
        except UserFileError as error:
            self.notify(one_line(str(error)), severity="warning")

    def on_unmount(self) -> None:
        self.save_state()

    # --- actions -------------------------------------------------------------------------------

    def action_search(self) -> None:
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
        self._status(
            f"Hit {self.hit_index + 1} of {len(result.hits)} for “{one_line(result.query)}” "
            "· n next · N previous"
        )
        if self.article is not None and self.article.id == hit.article:
            pane = self.query_one(ArticlePane)
            pane.view.highlight_terms(result.terms)
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

    def action_focus_facts(self) -> None:
        self.remove_class("-hide-sidebar")
        facts = self.query_one(FactList)
        if self.has_class("-narrow"):
            self.notify("The facts sidebar needs 100 columns or more", severity="warning")
        elif facts.display and facts.option_count:
            facts.focus()
        else:
            self.notify("No facts for this article yet", severity="information", timeout=3)

    def action_toggle_library(self) -> None:
        self.toggle_class("-hide-library")

    def action_toggle_sidebar(self) -> None:
        self.toggle_class("-hide-sidebar")

    def action_filter_library(self) -> None:
        self.single_pane = "library"
        self.remove_class("-hide-library")
        self.query_one(LibraryPane).action_filter()

    def action_sort_library(self) -> None:
        self.query_one(LibraryList).action_sort()

    def action_find(self) -> None:
        self.query_one(ArticlePane).action_find()

    def action_toggle_original(self) -> None:
        self.query_one(ArticlePane).action_toggle_original()

    def action_back(self) -> None:
        if self.has_class("-narrow") and self.single_pane == "article":
            self.single_pane = "library"
            self.query_one(LibraryList).focus()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(help_sections(), getattr(self.app, "keymap", {})))

    # --- layout --------------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._layout_for(event.size.width)

    def _layout_for(self, width: int) -> None:
        self.set_class(width < NARROW_BELOW, "-narrow")
        self._apply_single_pane()

    def watch_single_pane(self) -> None:
        self._apply_single_pane()

    def _apply_single_pane(self) -> None:
        self.set_class(self.single_pane == "article", "-show-article")

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """In one-pane mode, focusing a pane (tab, a click) shows it."""
        if (
            isinstance(event.widget, LibraryList | LibraryPane)
            or event.widget.id == "library-filter"
        ):
            self.single_pane = "library"
        elif (
            isinstance(event.widget, ArticleView | FindBar | HitList)
            or event.widget.id == "original"
        ):
            self.single_pane = "article"
