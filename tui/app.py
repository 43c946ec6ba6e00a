"""The Dossier app: thin. It knows the corpus folder and pushes the first screen."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding

from search import locations
from tui.screens.library import LibraryScreen


class DossierApp(App[None]):
    """A keyboard-first reader for a corpus of articles."""

    TITLE = "Dossier"
    CSS_PATH = "dossier.tcss"
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
    ]

    def __init__(self, corpus: Path) -> None:
        super().__init__()
        self.corpus = corpus

    def on_mount(self) -> None:
        self.sub_title = self.corpus.name  # the folder name: short, and the same on every machine
        self.push_screen(LibraryScreen(self.corpus))


def create_app(corpus: Path | None = None) -> DossierApp:
    """The one factory the command line and the tests build the app with."""
    return DossierApp(corpus=Path(corpus) if corpus else locations.default_corpus())
