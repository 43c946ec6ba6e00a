"""What each article of a corpus states, cached beside its search index (`facts.json`): its
facts, and the content words that say which story it tells. Only articles added or changed
since the last time are read again."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from search.errors import LoadError
from search.facts.check import CheckedFact, check
from search.facts.extract import extract
from search.facts.fact import Fact
from search.facts.stories import same_story, story_terms
from search.model import Article
from search.reading.corpus import scan_corpus
from search.userdata.storage import atomic_write_text

_SEARCH = Path(__file__).resolve().parent.parent


def _extractor_version() -> str:
    """Changes whenever the code that makes the facts does (reading, the shared text tools and
    the facts themselves): the cache is then rebuilt."""
    digest = hashlib.sha1()
    modules = [_SEARCH / "text.py", _SEARCH / "model.py"]
    for folder in ("reading", "facts"):
        modules += sorted((_SEARCH / folder).glob("*.py"))
    for module in modules:
        digest.update(module.read_bytes())
    return digest.hexdigest()[:16]


CACHE_VERSION = _extractor_version()
CACHE_NAME = "facts.json"


class FactStore:
    """Facts of the corpus at `root`, checked across its articles."""

    def __init__(self, root: Path, location: Path | None = None) -> None:
        from search.index.schema import index_location

        self.root = Path(root).expanduser()
        self.path = (location or index_location(self.root)) / CACHE_NAME
        self.skipped: dict[str, str] = {}  # article id: why it has no facts
        self.terms: dict[str, dict[str, int]] | None = None  # filled by `facts()`

    def _read_cache(self) -> dict:  # type: ignore[type-arg]
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}  # missing or damaged: extracted again
        if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
            return {}
        articles = data.get("articles")
        return articles if isinstance(articles, dict) else {}

    def facts(self, progress: Callable[[int, int], None] | None = None) -> dict[str, list[Fact]]:
        """Every article's own facts (reading only what changed since the cache was written)."""
        from search.reading.loader import load_article

        def read(source) -> tuple[list[Fact], dict[str, int]]:  # type: ignore[no-untyped-def]
            article: Article = load_article(source)
            return extract(article), story_terms(article)

        cached, fresh = self._read_cache(), {}
        out: dict[str, list[Fact]] = {}
        terms: dict[str, dict[str, int]] = {}
        files = scan_corpus(self.root).files
        self.skipped = {}
        for done, source in enumerate(files, start=1):
            version = [source.size, source.mtime_ns]
            entry = cached.get(source.id)
            try:
                if entry and entry.get("version") == version:
                    facts = [Fact.from_cache(item) for item in entry["facts"]]
                    words = {str(t): int(n) for t, n in entry["terms"].items()}
                else:
                    facts, words = read(source)
            except LoadError as error:
                self.skipped[source.id] = str(error)
                continue
            except (KeyError, TypeError, ValueError, AttributeError):  # a damaged entry
                facts, words = read(source)
            out[source.id], terms[source.id] = facts, words
            fresh[source.id] = {
                "version": version,
                "facts": [f.to_cache() for f in facts],
                "terms": words,
            }
            if progress:
                progress(done, len(files))
        if fresh != cached:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                payload = {"version": CACHE_VERSION, "articles": fresh}
                atomic_write_text(self.path, json.dumps(payload, ensure_ascii=False))
            except OSError:
                pass  # a read-only cache only costs time next run
        self.terms = terms
        return out

    def checked(self) -> dict[str, list[CheckedFact]]:
        """Every article's facts with what the other articles say about each."""
        return check(self.facts())

    def partners(self) -> dict[str, list[tuple[str, float]]]:
        """For every article, the others that tell the same story, closest first."""
        if self.terms is None:
            self.facts()
        return same_story(self.terms or {})
