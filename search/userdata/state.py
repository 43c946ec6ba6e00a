"""What the reader remembers between runs: per corpus, the last article and the passage each
article was left at; the search history; the theme. Kept in `state.yaml` in the user data
directory (see search.userfiles for how it is written)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from search.userdata import locations
from search.userdata.userfiles import UserFile

STATE_VERSION = 1
HISTORY_LIMIT = 100
POSITIONS_LIMIT = 5000  # articles remembered per corpus; the oldest are forgotten first


def _corpus_key(root: Path) -> str:
    return str(Path(root).expanduser().resolve())


@dataclass
class ReaderState:
    """The remembered state of one corpus, and the settings shared by every corpus."""

    last_article: str | None = None
    positions: dict[str, int] = field(default_factory=dict)
    history: list[str] = field(default_factory=list)  # oldest first
    theme: str | None = None


def _clean_positions(value: Any) -> dict[str, int]:
    if not isinstance(value, dict):
        return {}
    return {str(k): v for k, v in value.items() if isinstance(v, int) and v >= 0}


class StateStore:
    """Reads and writes the reader's state for one corpus."""

    def __init__(self, root: Path, path: Path | None = None) -> None:
        self.key = _corpus_key(root)
        self.file = UserFile(
            path or locations.data_dir() / "state.yaml", STATE_VERSION, "reading state"
        )

    @property
    def notices(self) -> list[str]:
        return self.file.notices

    def load(self) -> ReaderState:
        data = self.file.load()
        corpora = data.get("corpora") if isinstance(data.get("corpora"), dict) else {}
        mine = corpora.get(self.key) if isinstance(corpora.get(self.key), dict) else {}
        history = data.get("history") if isinstance(data.get("history"), list) else []
        last = mine.get("last_article")
        theme = data.get("theme")
        return ReaderState(
            last_article=last if isinstance(last, str) else None,
            positions=_clean_positions(mine.get("positions")),
            history=[h for h in history if isinstance(h, str)][-HISTORY_LIMIT:],
            theme=theme if isinstance(theme, str) else None,
        )

    def save(self, state: ReaderState) -> None:
        """Merge `state` into the file: other corpora, and positions another Dossier saved
        for articles this one did not open, are kept. A read-only file (its notice was shown
        when it was read) is left as it is."""
        if self.file.read_only:
            return

        def change(data: dict[str, Any]) -> None:
            corpora = data.get("corpora") if isinstance(data.get("corpora"), dict) else {}
            mine = corpora.get(self.key) if isinstance(corpora.get(self.key), dict) else {}
            positions = _clean_positions(mine.get("positions"))
            positions.update(state.positions)
            if len(positions) > POSITIONS_LIMIT:
                positions = dict(list(positions.items())[-POSITIONS_LIMIT:])
            corpora[self.key] = {"last_article": state.last_article, "positions": positions}
            data["corpora"] = corpora
            history = data.get("history") if isinstance(data.get("history"), list) else []
            merged = [h for h in history if isinstance(h, str) and h not in state.history]
            data["history"] = (merged + state.history)[-HISTORY_LIMIT:]
            if state.theme:
                data["theme"] = state.theme

        self.file.update(change)


def remember_query(history: list[str], query: str) -> list[str]:
    """The history with `query` as its newest entry (moved there if it was already in it)."""
    query = query.strip()
    if not query:
        return history
    return ([h for h in history if h != query] + [query])[-HISTORY_LIMIT:]
