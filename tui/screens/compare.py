"""`c` in the reader: two articles side by side, paragraphs aligned, figures that differ marked
on both sides. Below 100 columns one side is shown at a time (`f` flips). Enter (or `o`) opens
side A in the reader at the row's passage, `O` side B."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from search import Article, ArticleInfo, Workspace
from search.compare import Comparison
from search.places import Place
from search.safety import one_line
from tui import workers
from tui.jobs import Jobs
from tui.messages import Compared, CompareFailed
from tui.widgets.bars import KeyBar
from tui.widgets.compare import AlignedRows

NARROW = 100  # below this many columns, one side at a time


class CompareScreen(Jobs, Screen[Place | None]):
    DEFAULT_CSS = """
    #compare-heading {
        height: auto;
        padding: 0 1;
        background: $panel;
        color: $text;
    }

    #compare-side {
        display: none;
        padding: 0 1;
        background: $accent-muted;
        color: $text;
    }

    CompareScreen.-narrow #compare-side {
        display: block;
    }

    #compare-rows {
        height: 1fr;
        scrollbar-size-vertical: 1;
        overflow-y: scroll;
    }

    .compare-row {
        height: auto;
        border-left: outer $background;
        padding: 0 0 1 0;
    }

    .compare-row.-cursor {
        border-left: outer $accent;
        background: $boost;
    }

    .compare-row.-differs {
        border-left: outer $error;
    }

    .compare-row.-differs.-cursor {
        border-left: outer $accent;
    }

    .compare-row .side-a, .compare-row .side-b {
        width: 1fr;
        height: auto;
        padding: 0 1;
    }

    .compare-row .side-a {
        border-right: vkey $panel;
    }

    .compare-row .-gap {
        color: $text-muted;
        text-style: italic;
    }

    CompareScreen.-narrow .side-b {
        display: none;
    }

    CompareScreen.-narrow.-show-b .side-a {
        display: none;
    }

    CompareScreen.-narrow.-show-b .side-b {
        display: block;
    }
    """
    BINDINGS = [
        Binding("j,down", "move(1)", "Next row", show=False, id="compare.down"),
        Binding("k,up", "move(-1)", "Previous row", show=False, id="compare.up"),
        Binding("n", "difference(1)", "Next difference", id="compare.next"),
        Binding("N", "difference(-1)", "Previous difference", id="compare.previous"),
        Binding("s", "swap", "Swap sides", id="compare.swap"),
        Binding("c", "choose", "Other article", id="compare.choose"),
        Binding("f", "flip", "Flip side", id="compare.flip"),
        Binding("enter,o", "open('a')", "Open A", id="compare.open_a"),
        Binding("O", "open('b')", "Open B", id="compare.open_b"),
        Binding("escape,q", "dismiss(None)", "Back", id="compare.back"),
    ]

    def __init__(
        self,
        workspace: Workspace,
        comparison: Comparison,
        a: Article,
        b: Article,
        library: list[ArticleInfo],
    ) -> None:
        super().__init__()
        self.workspace, self.library = workspace, library
        self.comparison, self.a, self.b = comparison, a, b

    def compose(self) -> ComposeResult:
        yield Static("", id="compare-heading", markup=False)
        yield Static("", id="compare-side", markup=False)
        yield AlignedRows(id="compare-rows")
        yield KeyBar()

    async def on_mount(self) -> None:
        await self._show()
        self.query_one(AlignedRows).focus()

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW, "-narrow")
        self._show_side()

    def _show_side(self) -> None:
        """In the one-side layout, say which side is shown."""
        shown, other = ("B", "A") if self.has_class("-show-b") else ("A", "B")
        label = f"Showing side {shown} · f shows side {other}"
        self.query_one("#compare-side", Static).update(label)

    async def _show(self) -> None:
        result, a, b = self.comparison, self.a, self.b
        figures = len(result.disagreements)
        self.query_one("#compare-heading", Static).update(
            f"A  {one_line(a.title)}\nB  {one_line(b.title)}\n"
            f"similarity {result.similarity:.2f} · {len(result.rows)} rows · "
            f"{figures} figure{'s' * (figures != 1)} differ · n next difference · s swap · "
            "f flip · c other article"
        )
        await self.query_one(AlignedRows).show(result, a, b)

    # --- keys ----------------------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        self.query_one(AlignedRows).move(step)

    def action_difference(self, direction: int) -> None:
        if not self.query_one(AlignedRows).next_difference(direction):
            self.notify("No more differences that way", timeout=2)

    def action_flip(self) -> None:
        self.toggle_class("-show-b")
        self._show_side()

    def action_swap(self) -> None:
        self.compare_with(self.b.id, self.a.id)

    def action_choose(self) -> None:
        from tui.dialogs.pick import ArticlePicker

        partners = dict(self.workspace.known_partners().get(self.a.id, []))
        self.app.push_screen(
            ArticlePicker(self.library, exclude=self.a.id, scores=partners),
            lambda chosen: chosen and self.compare_with(self.a.id, chosen),
        )

    def action_open(self, side: str) -> None:
        rows = self.query_one(AlignedRows)
        row = self.comparison.rows[rows.cursor] if self.comparison.rows else None
        if row is None:
            return
        article, passages = (self.a, row.a) if side == "a" else (self.b, row.b)
        if not passages:
            self.notify(f"This row has no passage on side {side.upper()}", timeout=3)
            return
        self.dismiss(Place(article.id, passages[0]))

    def compare_with(self, a_id: str, b_id: str) -> None:
        self.run_job(workers.compare, a_id, b_id, group="compare")

    def on_compare_failed(self, message: CompareFailed) -> None:
        self.notify(message.reason, severity="error")

    async def on_compared(self, message: Compared) -> None:
        self.comparison, self.a, self.b = message.result, message.a, message.b
        await self._show()
