"""The Dossier app: thin. It registers the themes, applies the user's keys, and pushes the
reader on the corpus it was given."""

from __future__ import annotations

import contextlib
from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.theme import Theme

from search import CorpusError, Workspace
from search.safety import one_line
from search.userdata import Config, ReaderState, UserFileError, default_corpus, load_config
from tui.keygate import KeyGate
from tui.screens.reader import ReaderScreen
from tui.themes import DEFAULT_THEME, FALLBACK_THEME, keep_last_theme, last_theme, load_themes


class DossierApp(KeyGate, App[None]):
    """A keyboard-first reader for a corpus of articles."""

    TITLE = "Dossier"
    CSS_PATH = "dossier.tcss"
    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("ctrl+t", "change_theme", "Next theme", show=False, id="app.theme"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, id="app.commands"),
        Binding("question_mark", "help", "Keys", id="app.help"),
    ]

    def __init__(self, workspace: Workspace, config: Config) -> None:
        super().__init__()
        self.workspace = workspace
        self.config = config
        self.keymap = dict(config.keys)
        # state.yaml is read after the first frame (YAML is slow to load); the frame is drawn
        # in the theme chosen last, which the user cache keeps too.
        self.reader_state = ReaderState()
        self.state_read = False
        self.notices = list(config.notices)
        self.dossier_themes = self._register_themes()
        # The theme is set before the stylesheet is first read: setting it later reads and
        # applies every style a second time.
        self._apply_theme(self._starting_theme(last_theme()))

    def on_mount(self) -> None:
        self.sub_title = self.workspace.root.name  # short, and the same on every machine
        for notice in self.notices:
            self.notify(one_line(notice), severity="warning", timeout=10)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self.keymap:
            self.set_keymap(self.keymap)
        self.reader = ReaderScreen(self.workspace, self.reader_state)
        self.push_screen(self.reader)
        self.call_after_refresh(self._read_state)
        self.call_after_refresh(self._check_keymap)

    def _read_state(self, theme_chosen: bool = False) -> None:
        """What the reader remembers (state.yaml), into the state the reader already holds;
        its theme too, unless one was `theme_chosen` meanwhile."""
        if self.state_read:
            return
        loaded = self.workspace.state.load()
        state = self.reader_state
        state.last_article, state.theme = loaded.last_article, loaded.theme
        state.positions.update(loaded.positions)
        state.history[:0] = [query for query in loaded.history if query not in state.history]
        self.state_read = True
        for notice in self.workspace.state.notices:
            self.notify(one_line(notice), severity="warning", timeout=10)
        wanted = self._starting_theme(loaded.theme, quiet=True)
        if wanted != self.theme and not theme_chosen:  # the file says otherwise (edited, or
            self.theme = wanted  # the cache was cleared)
        keep_last_theme(loaded.theme)
        self.reader.state_read()

    # --- themes --------------------------------------------------------------------------------

    def _register_themes(self) -> list[str]:
        """Register the theme files; the names of Dossier's themes, in the order ctrl+t
        goes through them (the shipped ones first, then the user's)."""
        loaded = load_themes()
        for theme in loaded.themes:
            self.register_theme(theme)
        self.notices += loaded.problems
        return list(dict.fromkeys(theme.name for theme in loaded.themes))

    def _starting_theme(self, chosen: str | None, quiet: bool = False) -> str:
        """The theme chosen last, else the config's, else Dossier's default."""
        wanted = chosen or self.config.theme or DEFAULT_THEME
        if wanted in self.available_themes:
            return wanted
        fallback = DEFAULT_THEME if DEFAULT_THEME in self.available_themes else FALLBACK_THEME
        if wanted != DEFAULT_THEME and not quiet:
            self.notices.append(f"Theme '{one_line(wanted)}' not found; using {fallback}")
        return fallback

    def _apply_theme(self, name: str) -> None:
        """Make `name` the theme before the app runs (what `App._watch_theme` does after)."""
        self.set_reactive(App.theme, name)
        dark = self.current_theme.dark
        classes = {c: False for c in self.classes if c.startswith("-theme-")}
        classes |= {f"-theme-{name}": True, "-dark-mode": dark, "-light-mode": not dark}
        self.update_classes(classes, update=False)

    def action_change_theme(self) -> None:
        """`ctrl+t`: the next of Dossier's themes (the choice is kept)."""
        names = self.dossier_themes or list(self.available_themes)
        following = (
            names[(names.index(self.theme) + 1) % len(names)] if self.theme in names else names[0]
        )
        self.theme = following
        self.notify(f"Theme: {following} · ctrl+t for the next", timeout=3)

    def _remember_theme(self, theme: Theme) -> None:
        if not self.state_read:  # never write a state not read yet over the one on disk
            self._read_state(theme_chosen=True)
        self.reader_state.theme = theme.name
        keep_last_theme(theme.name)
        try:
            self.workspace.state.save(self.reader_state)
        except UserFileError as error:
            self.notify(one_line(str(error)), severity="warning")

    # --- keys ----------------------------------------------------------------------------------

    def _check_keymap(self) -> None:
        """A binding id in config.yaml that no key has gets a notice (after the first frame:
        the ids are read from every screen's bindings)."""
        from tui.keys import binding_ids

        known = binding_ids(type(self))
        for binding_id in sorted(set(self.keymap) - known):
            self.notify(
                f"config.yaml: keys: no binding '{one_line(binding_id)}' (? lists the ids); "
                "ignored",
                severity="warning",
                timeout=10,
            )

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
    workspace = Workspace(root, index_location=index_location)
    with contextlib.suppress(CorpusError):  # the reader says why in its status line
        workspace.scan()  # so that a small corpus is listed in the first frame
    return DossierApp(workspace, config)
