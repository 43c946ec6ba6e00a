"""Choose another article of the corpus (to compare with): same-story partners first, marked
"≈ 0.80" with the similarity `dossier compare` reports for the pair, then every other article
by title. Dismisses with the article id or None."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from search import ArticleInfo
from search.safety import one_line


class ArticlePicker(ModalScreen[str | None]):
    DEFAULT_CSS = """
    ArticlePicker {
        align: center middle;
        background: $background 60%;
    }

    #pick-box {
        width: 80%;
        max-width: 100;
        height: 60%;
        border: round $primary;
        background: $surface;
    }

    #pick-heading {
        padding: 0 1;
        text-style: bold;
    }

    #pick-list {
        height: 1fr;
        border: none;
        background: $surface;
    }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", "Close", id="pick.close")]

    def __init__(self, rows: list[ArticleInfo], *, exclude: str, scores: dict[str, float]) -> None:
        super().__init__()
        self.rows, self.exclude, self.scores = rows, exclude, scores

    def compose(self) -> ComposeResult:
        with Vertical(id="pick-box"):
            yield Static("Compare with…", id="pick-heading")
            yield OptionList(id="pick-list", markup=False)

    def on_mount(self) -> None:
        rows = [row for row in self.rows if row.id != self.exclude]
        rows.sort(key=lambda row: (-self.scores.get(row.id, 0.0), row.title.casefold()))
        options = []
        for row in rows:
            prompt = Content(one_line(row.title))
            if row.id in self.scores:
                prompt = Content.assemble(
                    Content(f"≈ {self.scores[row.id]:.2f}  ").stylize("$text-success"),
                    prompt,
                )
            options.append(Option(prompt, id=row.id))
        picker = self.query_one(OptionList)
        picker.add_options(options)
        picker.highlighted = 0 if options else None
        picker.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)
