"""Helpers the tests of every level share: where things are, and writing test corpora."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
FIXTURES = ROOT / "tests" / "fixtures"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    """Write a file of a test corpus (text as UTF-8)."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def generated_article(number: int) -> str:
    """A small article of its own: its words say `item<number>` once per sentence."""
    words = ["chips", "cloud", "robots", "layoffs", "capital", "models", "training", "costs"]
    body = " ".join(
        f"{words[(number * 7 + i) % 8]} sentence {i} of item{number}." for i in range(60)
    )
    return f"Generated article {number}\n\n{body}\n"


def many_articles(tmp_path: Path, count: int = 400) -> tuple[Path, dict[str, str]]:
    """`count` articles (400: a parallel build, with cleaning processes and Whoosh's
    sub-writers) and an environment with its own cache, for running `dossier` on them."""
    folder = tmp_path / "many"
    for number in range(count):
        write(folder, f"a{number:03}.txt", generated_article(number))
    return folder, {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
