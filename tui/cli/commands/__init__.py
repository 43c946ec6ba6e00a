"""One handler per sub-command, each `run(args) -> exit status`, each going through the
Workspace."""

from __future__ import annotations

from argparse import Namespace
from collections.abc import Callable

from tui.cli.commands import articles, bookmarks, compare, facts, fix, index, search, show

HANDLERS: dict[str, Callable[[Namespace], int]] = {
    "articles": articles.run,
    "show": show.run,
    "fix": fix.run,
    "index": index.run,
    "search": search.run,
    "facts": facts.run,
    "compare": compare.run,
    "bookmarks": bookmarks.run,
}
