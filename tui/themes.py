"""Theme files (YAML, read with `yaml.safe_load`) turned into Textual themes.

Dossier's own themes ship in `themes/`; a user may add more in `themes/` beside config.yaml.
A file that cannot be used is reported in one line and skipped: the reader falls back to
`dossier-dark`, or to Textual's default when no theme file could be read at all. What a usable
file holds is kept in the user cache (themes.json, by the file's size and time), so a start
reads YAML only for a theme file that changed.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from textual.theme import Theme

from search.userdata import YamlProblem, atomic_write_text, load_yaml, locations

DEFAULT_THEME = "dossier-dark"
FALLBACK_THEME = "textual-dark"
COLOR_KEYS = (
    "primary",
    "secondary",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
    "success",
    "warning",
    "error",
)


@dataclass
class LoadedThemes:
    themes: list[Theme] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def theme_from_mapping(data: object, *, checked: bool = False) -> Theme:
    """A Textual theme from a theme file's mapping; ValueError with a one-line reason.
    `checked`: the mapping was made into a theme before (its colours are known good)."""
    if not isinstance(data, dict):
        raise ValueError("not a mapping of theme settings")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError("no 'name'")
    if not isinstance(data.get("primary"), str):
        raise ValueError("no 'primary' colour")
    unknown = sorted(str(k) for k in data if k not in (*COLOR_KEYS, "name", "dark", "variables"))
    if unknown:
        raise ValueError(f"unknown setting '{unknown[0]}'")
    colors = {}
    for key in COLOR_KEYS:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise ValueError(f"'{key}' must be a colour such as \"#1e2227\"")
        colors[key] = value
    variables = data.get("variables") or {}
    if not isinstance(variables, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in variables.items()
    ):
        raise ValueError("'variables' must map names to values")
    theme = Theme(
        name=name.strip(), dark=bool(data.get("dark", True)), variables=variables, **colors
    )
    if checked:
        return theme
    try:
        theme.to_color_system().generate()  # a bad colour fails here, not when drawing
    except Exception as error:  # Textual raises ColorParseError, ValueError...
        raise ValueError(f"bad colour ({error})") from None
    return theme


def read_theme_file(path: Path) -> dict:
    """A theme file's mapping, made into a theme once to check it (ValueError: why not)."""
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ValueError(f"cannot be read ({type(error).__name__})") from None
    except YamlProblem as problem:
        raise ValueError(f"not valid YAML{problem.where()}") from None
    theme_from_mapping(data)
    return data


def load_theme_file(path: Path) -> Theme:
    return theme_from_mapping(read_theme_file(path), checked=True)


def theme_folders() -> list[Path]:
    return [locations.themes_dir(), locations.config_dir() / "themes"]


def _cache_path() -> Path:
    return locations.cache_dir() / "themes.json"


def _kept() -> dict:
    with contextlib.suppress(OSError, ValueError):
        kept = json.loads(_cache_path().read_text(encoding="utf-8"))
        if isinstance(kept, dict):
            return kept
    return {}


def load_themes(folders: list[Path] | None = None) -> LoadedThemes:
    """Every usable theme file of the folders, and a line for each that is not usable."""
    loaded = LoadedThemes()
    kept, keep = _kept(), {}
    for folder in folders if folders is not None else theme_folders():
        if not folder.is_dir():
            continue
        for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
            try:
                stat = path.stat()
                version = [stat.st_size, stat.st_mtime_ns]
                entry = kept.get(str(path))
                if isinstance(entry, dict) and entry.get("version") == version:
                    data = entry.get("theme")
                    loaded.themes.append(theme_from_mapping(data, checked=True))
                else:
                    data = read_theme_file(path)
                    loaded.themes.append(theme_from_mapping(data, checked=True))
                keep[str(path)] = {"version": version, "theme": data}
            except (OSError, ValueError) as error:
                reason = (
                    f"cannot be read ({type(error).__name__})"
                    if isinstance(error, OSError)
                    else error
                )
                loaded.problems.append(f"theme file {path.name}: {reason}; skipped")
    if keep != kept:
        with contextlib.suppress(OSError):
            atomic_write_text(_cache_path(), json.dumps(keep, ensure_ascii=False))
    return loaded


def _choice_path() -> Path:
    return locations.cache_dir() / "last-theme.json"


def last_theme() -> str | None:
    """The theme chosen last, as kept in the user cache: the first frame is drawn in it
    without reading state.yaml (the state, which says the same, is read after that frame)."""
    with contextlib.suppress(OSError, ValueError):
        kept = json.loads(_choice_path().read_text(encoding="utf-8"))
        if isinstance(kept, dict) and isinstance(kept.get("theme"), str):
            return kept["theme"]
    return None


def keep_last_theme(name: str | None) -> None:
    if name != last_theme():
        with contextlib.suppress(OSError):
            atomic_write_text(_choice_path(), json.dumps({"theme": name}))
