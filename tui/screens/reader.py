"""The reader: library | article | sidebar. It decides what the widgets only announce and what the
workers (tui/workers.py) report: which article is open, where its passage cursor is, and what
the last search found. Search hits, bookmarks and compare live in tui/screens/reader_actions.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from search import Article, ArticleInfo, Workspace
from search.safety import one_line
from search.userdata import ReaderState, UserFileError
from tui.screens.reader_actions import ReaderActions
from tui.screens.reader_panes import ReaderPanes
from tui.widgets.article import ArticleView
from tui.widgets.article_pane import ArticlePane
from tui.widgets.bars import KeyBar, TitleBar
from tui.widgets.facts import FactList
from tui.widgets.library import LibraryList, LibraryPane
from tui.widgets.sidebar import InfoSidebar

if TYPE_CHECKING:  # the messages and the workers are imported after the first frame
    from textual.command import Provider

    from search.index import SearchResult
    from search.places import Place
    from tui.messages import (
        ArticleLoaded,
        ArticlesRead,
        ArticleUnavailable,
        FactGroupsRead,
        FactsProgress,
        FactsRead,
        IndexOpened,
        LibraryListed,
        MarksFound,
        Problem,
        Status,
        TermsFound,
    )

NO_ARTICLES = "No articles in this folder: Dossier reads .txt, .md and .html files."
SAVE_AFTER_SECONDS = 1.0  # reading position is saved this long after the cursor rests
LIST_AT_ONCE = 2000  # files: a corpus this small is listed before the first frame


def _reader_commands() -> type[Provider]:
    from tui.commands import ReaderCommands  # the palette is loaded when it is first opened

    return ReaderCommands


def _article_commands() -> type[Provider]:
    from tui.commands import ArticleCommands

    return ArticleCommands


def articles(count: int) -> str:
    return f"{count:,} article{'' if count == 1 else 's'}"


class ReaderScreen(ReaderPanes, ReaderActions):
    """The main screen of Dossier."""

    COMMANDS = Screen.COMMANDS | {_reader_commands, _article_commands}
    FAILED = {
        "library": "search is unavailable",
        "facts": "facts unavailable",
        "fact-rows": "facts unavailable",
        "marks": "bookmarks",
    }
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
        Binding("D", "edit_details", "Edit details", show=False, id="reader.details"),
        Binding("ctrl+b", "toggle_library", "Library", show=False, id="reader.toggle_library"),
        Binding("ctrl+s", "toggle_sidebar", "Sidebar", show=False, id="reader.toggle_sidebar"),
        Binding("tab", "next_pane(1)", "Next pane", show=False, id="reader.next_pane"),
        Binding(
            "shift+tab", "next_pane(-1)", "Previous pane", show=False, id="reader.previous_pane"
        ),
        Binding("escape", "back", "Back", show=False, id="reader.back"),
    ]

    article: reactive[Article | None] = reactive(None, init=False)

    def __init__(self, workspace: Workspace, state: ReaderState) -> None:
        super().__init__()
        self.workspace = workspace
        self.state = state
        self.search_result: SearchResult | None = None
        self.facts_ready = False  # the corpus's facts are checked and stored
        self._facts_progress: str | None = None
        self.hit_index = -1
        self._save_timer = None
        self._restored = False
        self._state_read = False  # state.yaml is read after the first frame (by the app)
        self._library_listed = False
        self._pending_place: Place | None = None
        self._opening: Worker[None] | None = None  # the article asked for, not shown yet
        self._base_status = ""
        self._note: tuple[str, str | None, str] | None = None  # kind, article id, text

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="panes"):
            yield LibraryPane(id="library")
            yield ArticlePane(id="article")
            yield InfoSidebar(id="sidebar")
        yield Static("Reading the corpus folder…", id="status", markup=False)
        yield KeyBar()

    # --- start: library first, then the index ------------------------------------------------

    def on_mount(self) -> None:
        self.layout_for(self.size.width)
        self.query_one(LibraryList).focus()
        scan = self.workspace.scan_result
        listed = scan is not None and len(scan.files) <= LIST_AT_ONCE
        if listed:  # titles in the first frame; the article opens right after it
            self._listed(self.workspace.listing())
        # After the first paint: reading the folder and the index would compete for the GIL.
        self.call_after_refresh(self._load_library, listed)

    def _load_library(self, listed: bool) -> None:
        from tui import workers

        self.run_job(workers.load_library, listed, group="library")

    def on_library_listed(self, message: LibraryListed) -> None:
        self._listed(message.rows)

    def _listed(self, rows: list[ArticleInfo]) -> None:
        self._library_listed = True
        self.query_one(LibraryList).set_articles(rows)
        self._status(f"{articles(len(rows))} · opening the search index…")
        if not rows:
            self.query_one(ArticlePane).view.placeholder(NO_ARTICLES)
        self.call_after_refresh(self._restore)

    def on_articles_read(self, message: ArticlesRead) -> None:
        self.query_one(LibraryList).update_articles(message.rows)

    def on_index_opened(self, message: IndexOpened) -> None:
        self._library_listed = True
        self.query_one(LibraryList).set_articles(message.rows)
        from tui import workers

        self.run_job(workers.load_facts, group="facts")
        report = message.report
        for item in report.skipped[:3]:
            self.notify(
                f"{one_line(item.path.name)}: {one_line(item.reason)}",
                severity="warning",
                timeout=8,
            )
        if report.rebuilt:
            self.notify(f"The search index was rebuilt: {report.rebuilt}", timeout=8)
        self._status(f"{articles(len(message.rows))} · {report.status()}")
        if not message.rows:
            self.query_one(ArticlePane).view.placeholder(NO_ARTICLES)
        self._restore()

    def on_facts_read(self, message: FactsRead) -> None:
        self.facts_ready = True
        self.query_one(LibraryList).mark_same_story(message.partners)
        if self.article is not None:
            self._group_facts(self.article.id)

    def _group_facts(self, article_id: str) -> None:
        """The sidebar's rows for the article and the titles they name: in a worker (until
        they come, the sidebar says they are being read, not another article's facts)."""
        self.query_one(InfoSidebar).show_facts(None, progress=self._facts_progress)
        if not self.facts_ready:
            return
        from tui import workers

        self.run_job(workers.group_facts, article_id, self.all_articles(), group="fact-rows")

    def on_facts_progress(self, message: FactsProgress) -> None:
        self._facts_progress = message.text
        if not self.facts_ready and self.article is not None:
            self.query_one(InfoSidebar).show_facts(None, progress=message.text)

    def on_fact_groups_read(self, message: FactGroupsRead) -> None:
        if self.article is not None and self.article.id == message.article_id:
            self.query_one(InfoSidebar).show_facts(message.groups, message.linked)

    def on_status(self, message: Status) -> None:
        self._status(message.text)

    def on_problem(self, message: Problem) -> None:
        self._fail(message.text)

    def job_failed(self, group: str, text: str) -> None:
        if group in ("facts", "fact-rows"):
            self.query_one(InfoSidebar).facts_problem(text)
        if group == "library":
            self._fail(text)
        elif group in self.FAILED:
            self._status(text)
        else:
            super().job_failed(group, text)

    def state_read(self) -> None:
        """The app has read what the reader remembers: where it was can be restored."""
        self._state_read = True
        self._restore()

    def _restore(self) -> None:
        """Open the article the reader was last in, once, where it was left (else the first),
        when both the library and the remembered state are there."""
        if self._restored or not (self._state_read and self._library_listed):
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
        """The status line's lasting text: the library and the index."""
        self._base_status = text
        self._show_status()

    def note(self, kind: str, text: str, article: str | None = None) -> None:
        """A status line about an article, the open one unless named (a find, a search hit,
        a comparison): it goes when another article opens, or its `kind` ends (`end_note`)."""
        if article is None and self.article is not None:
            article = self.article.id
        self._note = (kind, article, text)
        self._show_status()

    def end_note(self, kind: str) -> None:
        if self._note is not None and self._note[0] == kind:
            self._note = None
            self._show_status()

    def _show_status(self) -> None:
        text = self._note[2] if self._note is not None else self._base_status
        self.query_one("#status", Static).update(text)

    def watch_article(self, article: Article | None) -> None:
        if self._note is not None and (article is None or self._note[1] != article.id):
            self._note = None  # about another article: no longer true
            self._show_status()

    def library_rows(self) -> list[ArticleInfo]:
        """The articles the library shows (filtered), in its order."""
        return [row.info for row in self.query_one(LibraryList).rows]

    def all_articles(self) -> list[ArticleInfo]:
        """Every article of the corpus, whatever the library's filter."""
        return [row.info for row in self.query_one(LibraryList).all_rows]

    def key_hint(self, binding_id: str) -> str:
        """The keys of the binding `binding_id` as the user has bound them ("/", "^k")."""
        from tui.dialogs.help import bindings_of, key_names

        owners = (type(self.app), ReaderScreen, LibraryList, LibraryPane, ArticleView, ArticlePane)
        for owner in owners:
            for binding in bindings_of(owner):
                if binding.id == binding_id:
                    return key_names(self.app, binding, getattr(self.app, "keymap", {}))
        return ""

    # --- opening articles ----------------------------------------------------------------------

    def open_article(
        self,
        article_id: str,
        passage: int | None = None,
        terms: dict[str, set[str]] | None = None,
        focus: bool = True,
    ) -> None:
        """Read the article in a worker and show it (at `passage`, `terms` highlighted)."""
        from tui import workers

        self._opening = self.run_job(
            workers.open_article, article_id, passage, terms, focus, group="open"
        )

    @property
    def accepts_keys(self) -> bool:
        """Keys typed after one that opens an article are for that article: they wait."""
        job = self._opening
        return job is None or job.state in (WorkerState.CANCELLED, WorkerState.ERROR)

    def on_article_unavailable(self, message: ArticleUnavailable) -> None:
        self._opening = None
        self.notify(f"{message.article_id}: {message.reason}", severity="error")

    async def on_article_loaded(self, message: ArticleLoaded) -> None:
        article, passage = message.article, message.passage
        self._opening = None
        if passage is None:
            passage = self.state.positions.get(article.id, 0)
        pane = self.query_one(ArticlePane)
        await pane.show(article, passage)
        if message.term_spans is not None:
            pane.view.set_layer("search", message.term_spans)
        self.article = article
        sidebar = self.query_one(InfoSidebar)
        sidebar.show(article)
        self._group_facts(article.id)
        library = self.query_one(LibraryList)
        library.current = article.id
        library.select_article(article.id)
        if message.focus:
            self.single_pane = "article"
            pane.view.focus()
        place, self._pending_place = self._pending_place, None
        if place is not None and place.article == article.id:
            self._mark_place(place)
        from tui import workers

        self.run_job(workers.load_marks, article.id, group="marks")

    def on_terms_found(self, message: TermsFound) -> None:
        view = self.query_one(ArticleView)
        if view.article is not None and view.article.id == message.article_id:
            view.set_layer("search", message.spans)

    def on_marks_found(self, message: MarksFound) -> None:
        for notice in message.notices:
            self.notify(one_line(notice), severity="warning", timeout=10)
        view = self.query_one(ArticleView)
        if view.article is not None and view.article.id == message.article_id:
            view.mark_bookmarks(message.spans)

    def on_fact_list_chosen(self, message: FactList.Chosen) -> None:
        fact = message.entry.fact
        spans = ((fact.start, fact.end),) if fact.passage >= 0 else ()
        from search.places import Place

        self.go_to(Place(fact.article, max(0, fact.passage), spans))

    def on_fact_list_explore(self, message: FactList.Explore) -> None:
        from tui.screens.fact import FactScreen

        infos = {row.id: row for row in self.all_articles()} | message.infos  # names' mentions
        screen = FactScreen(message.group, infos, self.workspace)
        self.app.push_screen(screen, self._place_chosen)

    def _place_chosen(self, place: Place | None) -> None:
        if place is not None:
            self.go_to(place)

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
            self.note("find", f"Find: {message.text}")
        else:
            self.end_note("find")

    def save_state(self) -> None:
        if not self._state_read:  # never write a state not read yet over the one on disk
            return
        try:
            self.workspace.state.save(self.state)
        except UserFileError as error:
            self.notify(one_line(str(error)), severity="warning")

    def on_unmount(self) -> None:
        self.save_state()
