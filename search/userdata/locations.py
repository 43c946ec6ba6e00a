"""Every path Dossier uses: the bundled corpus and themes, and the user's config, data and cache.

The user directories come from platformdirs, which honours XDG_CONFIG_HOME, XDG_DATA_HOME and
XDG_CACHE_HOME on Linux, so tests point them at temporary directories.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "dossier"
CORPUS_ENV = "DOSSIER_CORPUS"

_PACKAGE_DIR = Path(__file__).resolve().parent.parent  # search/


def _shipped(name: str) -> Path:
    """A folder shipped with Dossier: inside the wheel, or at the top of a source checkout."""
    installed = _PACKAGE_DIR / "_bundled" / name
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / name


def bundled_corpus() -> Path:
    """The corpus that ships with Dossier (the seed articles)."""
    return _shipped("seeds")


def themes_dir() -> Path:
    """The folder of theme files shipped with Dossier."""
    return _shipped("themes")


def corpus_from_environment() -> Path | None:
    """$DOSSIER_CORPUS, if it is set."""
    configured = os.environ.get(CORPUS_ENV, "").strip()
    return Path(configured).expanduser() if configured else None


def default_corpus() -> Path:
    """The corpus used when none is named: $DOSSIER_CORPUS, else the bundled one (the app
    also looks at config.yaml: search.config.default_corpus)."""
    return corpus_from_environment() or bundled_corpus()


def config_dir() -> Path:
    """Where config.yaml lives."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """Where user data (bookmarks, reading positions, history) lives."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Where rebuildable data (the search index) lives."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def index_location(root: Path) -> Path:
    """The index folder of a corpus (the facts store lives in it too): one per corpus folder,
    in the user cache directory. Here, not beside Whoosh, so that reading facts imports
    neither Whoosh nor the cleaner."""
    import hashlib

    resolved = Path(root).expanduser().resolve()
    digest = hashlib.sha1(str(resolved).encode()).hexdigest()[:12]
    return cache_dir() / "index" / f"{resolved.name or 'root'}-{digest}"
