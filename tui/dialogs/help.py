"""`?`: every key of the reader, generated from the bindings themselves (with the user's
rebindings from config.yaml applied), so the help can never disagree with the keys."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

Section = tuple[str, Sequence[type]]


def bindings_of(owner: type) -> Iterable[Binding]:
    """The bindings a class declares (tuples made Bindings)."""
    for item in getattr(owner, "BINDINGS", []):
        if isinstance(item, Binding):
            yield item
        elif isinstance(item, tuple) and len(item) >= 2:
            yield Binding(*item)


def key_names(app: App, binding: Binding, keymap: dict[str, str]) -> str:
    """How a binding's keys are shown: `j / ↓`, after the user's rebinding if there is one."""
    keys = keymap.get(binding.id or "", binding.key)
    shown = []
    for key in keys.split(","):
        key = key.strip()
        if key:
            shown.append(app.get_key_display(Binding(key, binding.action)))
    return " / ".join(dict.fromkeys(shown))


def help_content(app: App, sections: Sequence[Section], keymap: dict[str, str]) -> Content:
    lines: list[Content] = []
    for title, owners in sections:
        rows: list[tuple[str, str, str]] = []
        for owner in owners:
            for binding in bindings_of(owner):
                if binding.description:
                    keys = key_names(app, binding, keymap)
                    rows.append((keys, binding.description, binding.id or ""))
        if not rows:
            continue
        if lines:
            lines.append(Content(""))
        lines.append(Content(title).stylize("bold $text-accent"))
        width = max(len(keys) for keys, _, _ in rows) + 2
        described = max(len(description) for _, description, _ in rows) + 2
        for keys, description, binding_id in dict.fromkeys(rows):
            lines.append(
                Content.assemble(
                    Content(f"  {keys:<{width}}").stylize("bold"),
                    Content(f"{description:<{described}}"),
                    Content(binding_id).stylize("$text-muted"),
                )
            )
    return Content("\n").join(lines)


def search_rules() -> Content:
    """The query rules (search/index/rules.py), under the keys."""
    from search.index.rules import RULES

    title = Content("Searching (/): the rules").stylize("bold $text-accent")
    return Content("\n").join([title, Content(RULES.rstrip())])


class HelpScreen(ModalScreen[None]):
    """The keys, grouped by where they work."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        background: $background 60%;
    }

    #help-rules {
        margin-top: 1;
    }

    #help-box {
        width: 84;
        max-width: 95%;
        height: 85%;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    """

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close"),
        Binding("j,down", "scroll('down')", "Scroll down", show=False, id="help.down"),
        Binding("k,up", "scroll('up')", "Scroll up", show=False, id="help.up"),
    ]

    def __init__(self, sections: Sequence[Section], keymap: dict[str, str]) -> None:
        super().__init__()
        self.sections = sections
        self.keymap = keymap

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = "Keys"
            box.border_subtitle = "Esc closes · rebind in config.yaml (keys: {id: key})"
            yield Static(help_content(self.app, self.sections, self.keymap), markup=False)
            yield Static(search_rules(), markup=False, id="help-rules")

    def action_scroll(self, direction: str) -> None:
        box = self.query_one("#help-box", VerticalScroll)
        if direction == "down":
            box.scroll_down()
        else:
            box.scroll_up()

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
