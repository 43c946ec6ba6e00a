"""The keys that move through a list or scroll a view: one table for every widget, so they
cannot drift apart. Each widget names its own actions and descriptions, and its binding ids
(`article.page_up`, `library.page_up`...) stay separate so each can be rebound on its own."""

from __future__ import annotations

from textual.binding import Binding

# What a move is called -> its keys.
KEYS = {
    "down": "j,down",
    "up": "k,up",
    "page_down": "space,pagedown",
    "page_up": "u,pageup",
    "top": "g,home",
    "bottom": "G,end",
}


def navigation(prefix: str, **moves: tuple[str, ...]) -> list[Binding]:
    """Bindings for the moves given as move=(action, description[, id]); the id is
    `prefix.<id>`, `prefix.<move>` when none is given."""
    bindings = []
    for move, (action, description, *name) in moves.items():
        binding_id = f"{prefix}.{name[0] if name else move}"
        bindings.append(Binding(KEYS[move], action, description, show=False, id=binding_id))
    return bindings
