"""`/`: search the corpus. Results follow the typing (debounced, in an exclusive worker, so a
stale search is dropped); Enter opens the article at the chosen passage."""

from __future__ import annotations

import time
from dataclasses import dataclass

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static

from search import Workspace
from search.index import SearchResult
from search.safety import one_line
from search.userdata import remember_query
from tui import workers
from tui.jobs import Jobs
from tui.messages import Searched, Status
from tui.widgets.hits import HitList

DEBOUNCE_SECONDS = 0.04  # a pause this long in typing starts a search
RESULT_LIMIT = 25  # the best articles; the status line says how many passages matched in all


@dataclass(frozen=True)
class SearchChoice:
    """The hit the user opened, and the whole result (for `n`/`N`)."""

    result: SearchResult
    index: int


class SearchScreen(Jobs, ModalScreen[SearchChoice | None]):
    """The search field, a status line (count, did-you-mean, errors) and the hits."""

    DEFAULT_CSS = """
    SearchScreen {
        align: center top;
        background: $background 60%;
    }

    #search-box {
        width: 90%;
        max-width: 120;
        height: 80%;
        margin-top: 2;
        border: round $primary;
        background: $surface;
    }

    #search-input {
        border: none;
        background: $boost;
        height: 1;
        margin: 0 0 0 0;
    }

    #search-status {
        height: 1;
        padding: 0 1;
        color: $text-muted;
    }

    #search-hits {
        height: 1fr;
        border: none;
        background: $surface;
    }

    #search-hits > .option-list--option {
        padding: 0 1;
    }
    """

    BINDINGS = [
        Binding("escape", "dismiss_search", "Close", id="search.close"),
        Binding("ctrl+r", "use_suggestion", "Use suggestion", id="search.suggestion"),
        Binding("tab", "focus_hits", "Hits", show=False, id="search.hits"),
    ]

    def __init__(self, workspace: Workspace, history: list[str], query: str = "") -> None:
        super().__init__()
        self.workspace = workspace
        self.history = history
        self._history_at = len(history)
        self._initial = query
        self.result: SearchResult | None = None
        self._chosen_early: int | None = None  # Enter before the results of the typed query
        self.searched_at: float = 0.0  # when the last keystroke arrived (for the benchmark)
        self.shown_at: float = 0.0  # when its results were drawn

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Input(
                value=self._initial,
                placeholder='Search the corpus: words, "a phrase", -exclude, prefix*, title:…',
                id="search-input",
            )
            yield Static("Type to search.", id="search-status", markup=False)
            yield HitList(id="search-hits")

    def on_mount(self) -> None:
        self.query_one("#search-input", Input).focus()
        if self._initial:
            self._search(self._initial)

    # --- searching -----------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._chosen_early = None
        self.searched_at = time.perf_counter()
        self._search(event.value)

    def _search(self, text: str) -> None:
        if not text.strip():
            self.workers.cancel_group(self, "search")
            self.result = None
            self.query_one(HitList).clear_options()
            self._status("Type to search.")
            return
        self.run_job(workers.search, text, RESULT_LIMIT, DEBOUNCE_SECONDS, group="search")

    def on_status(self, message: Status) -> None:
        self._status(message.text)

    def on_searched(self, message: Searched) -> None:
        self._show(message.result)

    def _show(self, result: SearchResult) -> None:
        self.result = result
        self.query_one(HitList).show_result(result)
        self._status(self.describe(result))
        self.shown_at = time.perf_counter()
        if self._chosen_early is not None and self._current(result):
            index, self._chosen_early = self._chosen_early, None
            self._choose(index)

    @property
    def accepts_keys(self) -> bool:
        """Keys wait while Enter waits for its results (they are for the article it opens)."""
        return self._chosen_early is None

    def _current(self, result: SearchResult | None) -> bool:
        """The result is of the query as typed now (not of an earlier keystroke)."""
        typed = self.query_one("#search-input", Input).value
        return result is not None and result.query.strip() == typed.strip()

    @staticmethod
    def describe(result: SearchResult) -> str:
        if result.error:
            return one_line(result.error)
        count = f"{result.total:,} passage{'' if result.total == 1 else 's'}"
        line = f"{count} match" + ("es" if result.total == 1 else "")
        if result.articles:
            articles = len(result.articles)
            line = f"{count} in {articles} article{'' if articles == 1 else 's'} match"
            if result.total == 1:
                line += "es"
            if articles >= RESULT_LIMIT:
                line += f" · best {articles} articles shown"
        elif result.total > len(result.hits):
            line += f" · best {len(result.hits)} shown"
        if result.suggestion:
            line += f" · did you mean “{one_line(result.suggestion)}”? ctrl+r to search it"
        if result.hits:
            line += " · Enter opens"
        return line

    def _status(self, text: str) -> None:
        self.query_one("#search-status", Static).update(text)

    # --- keys ----------------------------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        field = self.query_one("#search-input", Input)
        if not field.has_focus or event.key not in ("up", "down"):
            return
        event.stop()
        if not self.history:
            return
        step = -1 if event.key == "up" else 1
        self._history_at = max(0, min(len(self.history), self._history_at + step))
        field.value = self.history[self._history_at] if self._history_at < len(self.history) else ""
        field.cursor_position = len(field.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value.strip() and not self._current(self.result):
            self._chosen_early = 0  # typed faster than the search: open its first hit when it comes
            return
        hits = self.query_one(HitList)
        self._choose(hits.hit_index(hits.highlighted))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(self.query_one(HitList).hit_index(event.option_index))

    def _choose(self, index: int) -> None:
        result = self.result
        if result is None or not result.hits:
            return
        self.history[:] = remember_query(self.history, result.query)
        self.dismiss(SearchChoice(result, max(0, min(index, len(result.hits) - 1))))

    def action_use_suggestion(self) -> None:
        if self.result is not None and self.result.suggestion:
            field = self.query_one("#search-input", Input)
            field.value = self.result.suggestion
            field.cursor_position = len(field.value)
            field.focus()

    def action_focus_hits(self) -> None:
        hits = self.query_one(HitList)
        if hits.has_focus:
            self.query_one("#search-input", Input).focus()
        elif hits.option_count:
            hits.focus()

    def action_dismiss_search(self) -> None:
        if self.result is not None:
            self.history[:] = remember_query(self.history, self.result.query)
        self.dismiss(None)
