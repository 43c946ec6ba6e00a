"""The two bars of a screen, each one widget drawing one line (cheaper to draw than Textual's
Header and Footer, made of a widget per part): the title at the top, and the keys at the bottom
— those shown where the focus is, as many whole ones as fit (never one cut in half), with `?`
(every key) and the command palette always there on the right."""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.widget import Widget

GAP = "  "
ALWAYS = ("app.help", "help")  # shown on the right, before the command palette


class KeyItem(NamedTuple):
    key: str  # what a click sends
    shown: str  # how the key is written
    description: str

    @property
    def width(self) -> int:
        return cell_len(self.shown) + 1 + cell_len(self.description)


class KeyBar(Widget):
    """The keys of the focused widget, its screen and the app, by their bindings' `show`."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
        padding: 0 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._placed: list[tuple[int, int, KeyItem]] = []  # x range of each item drawn

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, lambda _screen: self.refresh())

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def items(self) -> tuple[list[KeyItem], list[KeyItem]]:
        """The keys to show, in order, and those always shown on the right."""
        app = self.app
        left: list[KeyItem] = []
        right: list[KeyItem] = []
        palette_items: list[KeyItem] = []  # last of all
        seen: set[str] = set()
        for active in self.screen.active_bindings.values():
            binding = active.binding
            action = binding.action
            palette = action.endswith("command_palette")
            if (not binding.show and not palette) or action in seen or not active.enabled:
                continue
            seen.add(action)
            item = KeyItem(binding.key, app.get_key_display(binding), binding.description)
            (palette_items if palette else right if action in ALWAYS else left).append(item)
        return left, right + palette_items

    def fitted(self, width: int) -> list[KeyItem]:
        """The items drawn in `width` cells: whole ones from the left, then the right ones."""
        left, right = self.items()
        reserved = sum(item.width + len(GAP) for item in right)
        shown, used = [], 0
        for item in left:
            if used + item.width + reserved > width:
                break
            shown.append(item)
            used += item.width + len(GAP)
        return shown + right

    def render(self) -> Content:
        width = self.content_region.width or self.size.width
        items = self.fitted(width)
        parts: list[Content] = []
        self._placed = []
        x = 0
        for item in items:
            if parts:
                parts.append(Content(GAP))
                x += len(GAP)
            parts.append(Content(item.shown).stylize("bold $footer-key-foreground"))
            parts.append(Content(f" {item.description}"))
            self._placed.append((x, x + item.width, item))
            x += item.width
        return Content.assemble(*parts)

    def on_resize(self, event: events.Resize) -> None:
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        for start, end, item in self._placed:
            if start <= offset.x < end:
                self.app.simulate_key(item.key.split(",")[0])
                return


class TitleBar(Widget):
    """The app's title and the corpus, centred, with the app's icon on the left."""

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    """
    ICON = "▤"

    def render(self) -> Content:
        app = self.app
        title = f"{app.title} — {app.sub_title}" if app.sub_title else app.title
        left = f" {self.ICON} "
        width = self.size.width
        start = max(len(left) + 1, (width - cell_len(title)) // 2)
        return Content(left + " " * (start - len(left)) + title)
