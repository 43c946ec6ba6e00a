"""The details editor of an article (`D`): its title, date, source and byline as cleaning found
them (or as the reader corrected them), to correct. Enter or ctrl+s saves in a worker; a
refused value (a date that is not one) is said in the dialog, which stays open with what was
typed. Escape leaves everything as it was. Dismisses with the `Corrected` report, or None."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from search import Article, Workspace
from search.safety import one_line, visible
from tui.jobs import Jobs

if TYPE_CHECKING:
    from tui.messages import Corrected, CorrectionFailed

FIELDS = (  # name, label, placeholder
    ("title", "Title", "the article's title"),
    ("published", "Date", "YYYY-MM-DD, YYYY-MM or YYYY"),
    ("source", "Source", "the outlet"),
    ("byline", "Byline", "who wrote it"),
)
HINT = "Enter save · Tab next field · Esc cancel · a field left empty: as cleaning found it"


class DetailsDialog(Jobs, ModalScreen["Corrected | None"]):
    DEFAULT_CSS = """
    DetailsDialog {
        align: center middle;
        background: $background 60%;
    }

    #details-box {
        width: 80%;
        max-width: 100;
        height: auto;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }

    #details-heading {
        text-style: bold;
        margin-bottom: 1;
    }

    .details-field {
        height: 1;
        margin-bottom: 1;
    }

    .details-field Label {
        width: 8;
        color: $text-muted;
    }

    .details-field Input {
        width: 1fr;
    }

    #details-problem {
        color: $text-muted;
        display: none;
        &.-error {
            color: $text-error;
        }
    }

    #details-hint {
        color: $text-muted;
    }
    """
    AUTO_FOCUS = "#details-title"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="details.cancel"),
        Binding("enter,ctrl+s", "save", "Save", priority=True, id="details.save"),
    ]

    def __init__(self, workspace: Workspace, article: Article) -> None:
        super().__init__()
        self.workspace = workspace
        self.article = article
        self._saving = False

    def compose(self) -> ComposeResult:
        with Vertical(id="details-box"):
            heading = f"Details of “{one_line(self.article.title)}”"
            yield Static(Content(visible(heading)), id="details-heading")
            for name, label, placeholder in FIELDS:
                with Horizontal(classes="details-field"):
                    yield Label(label)
                    yield Input(
                        self._was(name), placeholder=placeholder, compact=True, id=f"details-{name}"
                    )
            yield Static("", id="details-problem", markup=False)
            yield Static(HINT, id="details-hint", markup=False)

    def _was(self, name: str) -> str:
        return getattr(self.article, name) or ""

    def changes(self) -> dict[str, str]:
        """The fields the reader changed ("": give back what cleaning found)."""
        typed = {name: self.query_one(f"#details-{name}", Input).value for name, *_ in FIELDS}
        return {n: v.strip() for n, v in typed.items() if v.strip() != self._was(n).strip()}

    def action_cancel(self) -> None:
        if not self._saving:  # once saving, the dialog waits to say how it went
            self.dismiss(None)

    def action_save(self) -> None:
        if self._saving:
            return
        changes = self.changes()
        if not changes:
            self.dismiss(None)
            return
        from tui import workers

        self._saving = True
        self._say("Saving…")
        self.run_job(workers.fix_details, self.article.id, changes, group="details")

    def on_corrected(self, message: Corrected) -> None:
        message.stop()
        self.dismiss(message)

    def on_correction_failed(self, message: CorrectionFailed) -> None:
        message.stop()
        self.job_failed("details", message.reason)

    def job_failed(self, group: str, text: str) -> None:
        """Said in the dialog, which keeps what was typed."""
        self._saving = False
        self._say(text, error=True)

    def _say(self, text: str, error: bool = False) -> None:
        said = self.query_one("#details-problem", Static)
        said.update(one_line(text))
        said.set_class(error, "-error")
        said.display = True
