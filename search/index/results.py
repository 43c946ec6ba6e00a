"""What the index answers: search results and the report of an update (light: no Whoosh)."""

from __future__ import annotations

from dataclasses import dataclass, field

from search.model import Skipped


@dataclass
class UpdateReport:
    """What an update did, for the one-line summary."""

    added: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    touched: int = 0  # changed on disk but with identical content: not re-indexed
    passages: int = 0  # passages written
    seconds: float = 0.0
    skipped: list[Skipped] = field(default_factory=list)
    rebuilt: str | None = None  # why the index was rebuilt from scratch, if it was
    busy: bool = False  # another process was writing: nothing was updated

    def summary(self) -> str:
        line = (
            f"{self.added} added, {self.changed} changed, {self.removed} removed, "
            f"{self.unchanged} unchanged in {self.seconds:.2f} s"
        )
        if self.touched:
            line += f" ({self.touched} changed only in date: content identical, not re-indexed)"
        if self.skipped:
            line += f"; {len(self.skipped)} files skipped"
        return line

    def status(self) -> str:
        """What the update means for the reader, as the app's status line says it."""
        if self.added or self.changed or self.removed:
            parts = [
                f"index updated ({self.added} added, {self.changed} changed, "
                f"{self.removed} removed)"
            ]
        elif self.busy:
            parts = ["another Dossier is updating the index"]
        else:
            parts = ["index up to date"]
        if self.skipped:
            parts.append(f"{len(self.skipped)} files skipped")
        return " · ".join(parts)


@dataclass(frozen=True)
class Hit:
    """One passage that matched a query."""

    article: str
    title: str
    passage: int
    kind: str
    score: float
    snippet: str
    matches: list[tuple[int, int]]  # [start, end) offsets into `snippet`

    def as_json(self) -> dict[str, object]:
        return {
            "article": self.article,
            "title": self.title,
            "passage": self.passage,
            "score": round(self.score, 4),
            "snippet": self.snippet,
            "matches": [list(m) for m in self.matches],
        }


@dataclass
class SearchResult:
    query: str
    total: int = 0
    hits: list[Hit] = field(default_factory=list)
    suggestion: str | None = None
    error: str | None = None  # why the query could not run, in one line
    terms: dict[str, set[str]] = field(default_factory=dict)  # what to highlight, by field

    def as_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "query": self.query,
            "total": self.total,
            "suggestion": self.suggestion,
            "hits": [h.as_json() for h in self.hits],
        }
        if self.error:
            data["error"] = self.error
        return data
