"""The note editor of a bookmark: the quote it keeps, a note and tags. Enter saves (dismisses
with the note and the tags), Escape leaves everything as it was (dismisses with None)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from search.bookmarks import parse_tags
from tui.widgets.bookmarks import clip

QUOTE_SHOWN = 240  # characters of the quote shown above the note


class NoteDialog(ModalScreen[tuple[str, tuple[str, ...]] | None]):
    DEFAULT_CSS = """
    NoteDialog {
        align: center middle;
        background: $background 60%;
    }

    #note-box {
        width: 80%;
        max-width: 100;
        height: auto;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }

    #note-heading {
        text-style: bold;
    }

    #note-quote {
        color: $text-muted;
        text-style: italic;
        margin-bottom: 1;
    }

    #note-box Input {
        margin-bottom: 1;
    }

    #note-hint {
        color: $text-muted;
    }
    """
    AUTO_FOCUS = "#note-text"
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="note.cancel"),
        Binding("enter", "save", "Save", priority=True, id="note.save"),
    ]

    def __init__(
        self, heading: str, quote: str, note: str = "", tags: tuple[str, ...] = ()
    ) -> None:
        super().__init__()
        self.heading, self.quote, self.note, self.tags = heading, quote, note, tags

    def compose(self) -> ComposeResult:
        quote = clip(self.quote, QUOTE_SHOWN)
        with Vertical(id="note-box"):
            yield Static(Content(self.heading), id="note-heading")
            yield Static(Content(f"“{quote}”"), id="note-quote")
            yield Input(self.note, placeholder="Note (optional)", id="note-text")
            yield Input(
                " ".join(f"#{t}" for t in self.tags),
                placeholder="Tags, e.g. #chips #capex (optional)",
                id="note-tags",
            )
            yield Static("Enter save · Tab next field · Esc cancel", id="note-hint", markup=False)

    def action_save(self) -> None:
        note = self.query_one("#note-text", Input).value.strip()
        tags = parse_tags(self.query_one("#note-tags", Input).value)
        self.dismiss((note, tags))
