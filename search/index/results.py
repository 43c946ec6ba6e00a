"""What the index answers: search results by article (each with its best passages and its
copies), flat passage hits for scripts, and the report of an update (light: no Whoosh)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

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


@dataclass(frozen=True, eq=False)
class Hit:
    """One passage that matched a query. Its snippet (about 240 characters around the
    matched words) and the matched words' offsets in it are worked out when first asked for,
    so that only the hits a reader is shown are highlighted."""

    article: str
    title: str
    passage: int
    kind: str
    score: float
    text: str = field(default="", repr=False)  # the whole passage
    terms: dict[str, set[str]] = field(default_factory=dict, repr=False)  # to highlight

    @cached_property
    def _highlighted(self) -> tuple[str, list[tuple[int, int]]]:
        from search.index.highlight import query_spans, snippet

        return snippet(self.text, query_spans(self.text, self.terms))

    @property
    def snippet(self) -> str:
        return self._highlighted[0]

    @property
    def matches(self) -> list[tuple[int, int]]:
        """[start, end) offsets of the matched words in `snippet`."""
        return self._highlighted[1]

    def as_json(self) -> dict[str, object]:
        return {
            "article": self.article,
            "title": self.title,
            "passage": self.passage,
            "score": round(self.score, 4),
            "snippet": self.snippet,
            "matches": [list(m) for m in self.matches],
        }


@dataclass(frozen=True)
class Copy:
    """Another file with the same article (identical or near-identical text)."""

    article: str
    title: str
    identical: bool  # the same words; False: near-identical (a few words differ)

    def as_json(self) -> dict[str, object]:
        return {"article": self.article, "title": self.title, "identical": self.identical}


@dataclass(frozen=True)
class ArticleHit:
    """One article that matched: its matching passages, best first (a list shows the first
    few and "+N more in this article" for the rest: `more(shown)`), and the other files that
    hold the same article (`copies`), which are not listed again."""

    article: str
    title: str
    score: float
    passages: list[Hit]
    copies: list[Copy] = field(default_factory=list)

    def more(self, shown: int) -> int:
        """Matching passages of this article beyond the first `shown`."""
        return max(0, len(self.passages) - shown)

    def as_json(self) -> dict[str, object]:
        return {
            "article": self.article,
            "title": self.title,
            "score": round(self.score, 4),
            "passages": [
                {k: v for k, v in hit.as_json().items() if k not in ("article", "title")}
                for hit in self.passages
            ],
            "copies": [copy.as_json() for copy in self.copies],
        }


@dataclass
class SearchResult:
    """The answer to a query.

    By article (`Workspace.search`): `articles` best first, and `hits` their shown passages
    in the same order (article by article), so that a list of passages and `n`/`N` follow
    the order of the articles. Flat (`Workspace.search_passages`): `articles` is empty and
    `hits` are passages best first, across articles.

    `total` counts the passages that matched (grouped or flat); when `total_exact` is False
    it is an upper bound (counting exactly would mean scoring every match)."""

    query: str
    total: int = 0
    hits: list[Hit] = field(default_factory=list)
    suggestion: str | None = None
    error: str | None = None  # why the query could not run, in one line
    terms: dict[str, set[str]] = field(default_factory=dict)  # what to highlight, by field
    articles: list[ArticleHit] = field(default_factory=list)
    total_exact: bool = True
    grouped: bool = False

    def as_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "query": self.query,
            "total": self.total,
            "suggestion": self.suggestion,
        }
        if self.grouped:
            data["articles"] = [article.as_json() for article in self.articles]
        data["hits"] = [h.as_json() for h in self.hits]
        if not self.total_exact:
            data["total_exact"] = False
        if self.error:
            data["error"] = self.error
        return data
