"""The Dossier app: thin. It registers the themes, applies the user's keys, and pushes the
reader on the corpus it was given."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.theme import Theme

from search import Workspace
from search.safety import one_line
from search.userdata import Config, UserFileError, default_corpus, load_config
from tui.keygate import KeyGate
from tui.screens.reader import ReaderScreen
from tui.themes import DEFAULT_THEME, FALLBACK_THEME, load_themes


class DossierApp(KeyGate, App[None]):
    """A keyboard-first reader for a corpus of articles."""

    TITLE = "Dossier"
    CSS_PATH = "dossier.tcss"
    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("ctrl+t", "change_theme", "Theme", show=False, id="app.theme"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, id="app.commands"),
    ]

    def __init__(self, workspace: Workspace, config: Config) -> None:
        super().__init__()
        self.workspace = workspace
        self.config = config
        self.keymap = dict(config.keys)
        self.reader_state = workspace.state.load()

    def on_mount(self) -> None:
        self.sub_title = self.workspace.root.name  # short, and the same on every machine
        for notice in [*self.config.notices, *self.workspace.state.notices]:
            self.notify(one_line(notice), severity="warning", timeout=10)
        self.theme = self._register_themes()
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self.keymap:
            self.set_keymap(self.keymap)
        self.push_screen(ReaderScreen(self.workspace, self.reader_state))

    def _register_themes(self) -> str:
        """Register the theme files and return the theme to start with."""
        loaded = load_themes()
        for theme in loaded.themes:
            self.register_theme(theme)
        for problem in loaded.problems:
            self.notify(one_line(problem), severity="warning", timeout=10)
        wanted = self.reader_state.theme or self.config.theme or DEFAULT_THEME
        if wanted in self.available_themes:
            return wanted
        fallback = DEFAULT_THEME if DEFAULT_THEME in self.available_themes else FALLBACK_THEME
        if wanted != DEFAULT_THEME:
            self.notify(
                f"Theme '{one_line(wanted)}' not found; using {fallback}", severity="warning"
            )
        return fallback

    def _remember_theme(self, theme: Theme) -> None:
        self.reader_state.theme = theme.name
        try:
            self.workspace.state.save(self.reader_state)
        except UserFileError as error:
            self.notify(one_line(str(error)), severity="warning")

    def action_help(self) -> None:
        """`?`: every key, from the bindings (with the user's rebindings)."""
        from tui.dialogs.help import HelpScreen
        from tui.keys import help_sections

        self.push_screen(HelpScreen(help_sections(type(self)), self.keymap))

    def on_unmount(self) -> None:
        self.stop_key_gate()
        self.workspace.close()


def create_app(
    corpus: Path | None = None,
    *,
    index_location: Path | None = None,
    config: Config | None = None,
) -> DossierApp:
    """The one factory the command line and the tests build the app with."""
    config = config if config is not None else load_config()
    root = Path(corpus) if corpus else default_corpus(config)
    return DossierApp(Workspace(root, index_location=index_location), config)
