"""Versions of the code that made a cache: a digest of the source of some modules of search/,
which changes whenever their code does (the search index and the fact store are then made
anew, so that a better cleaner or extractor reaches what they hold)."""

from __future__ import annotations

import hashlib
from pathlib import Path

SEARCH = Path(__file__).resolve().parent


def code_version(*parts: str) -> str:
    """The digest of `parts`, in order: modules ("text.py") and packages ("reading", each of
    its modules by name) below search/."""
    digest = hashlib.sha1()
    for part in parts:
        path = SEARCH / part
        for module in sorted(path.glob("*.py")) if path.is_dir() else [path]:
            digest.update(module.read_bytes())
    return digest.hexdigest()[:16]
