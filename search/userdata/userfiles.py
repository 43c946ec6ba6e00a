"""User files (state, bookmarks): human-readable YAML with a `version:` key, read with
`yaml.safe_load`, written atomically, changed under a file lock so that two Dossiers never
lose each other's writes.

A missing file reads as empty. A file that cannot be read (not YAML, not a mapping, a wrong
`version:`) is moved aside, never overwritten, and the reader is told in one line. A file
from a newer Dossier is read but never written. Every file ends with END_MARK: one that
parses but lacks it was cut short (a copy, a sync, a disk) — what it holds is used, and a copy
of it is kept aside, with a notice.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from search.userdata.storage import atomic_write_text
from search.userdata.yamltext import YamlProblem, load_yaml

if TYPE_CHECKING:
    from filelock import FileLock

LOCK_SECONDS = 5.0
END_MARK = "# end of file\n"


class UserFileError(Exception):
    """A user file could not be written; the message is one line."""


class UserFile:
    """One versioned YAML file of user data."""

    def __init__(self, path: Path, version: int, what: str) -> None:
        self.path = path
        self.version = version
        self.what = what  # "bookmarks", "reading state"... for messages
        self.notices: list[str] = []  # what happened to the file, for the user
        self.read_only = False
        self._copied: tuple[int, int] | None = None  # the cut-short version already kept

    def _aside_name(self) -> Path:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        return self.path.with_name(f"{self.path.name}.corrupt-{stamp}")

    def _keep_copy_if_cut_short(self, raw: str) -> None:
        if raw.endswith(END_MARK):
            return
        try:
            info = self.path.stat()
            version = (info.st_size, info.st_mtime_ns)
            if version == self._copied:
                return
            aside = self._aside_name()
            atomic_write_text(aside, raw)
        except OSError:
            return
        self._copied = version
        self.notices.append(
            f"{self.what} file was cut short (it does not end as Dossier writes it); what it "
            f"holds is used, and the file as found is kept as {aside.name}"
        )

    def _lock(self) -> FileLock:
        from filelock import FileLock  # with logging behind it: not on the way to the first screen

        self.path.parent.mkdir(parents=True, exist_ok=True)
        return FileLock(str(self.path) + ".lock", timeout=LOCK_SECONDS)

    def _move_aside(self, reason: str) -> None:
        aside = self._aside_name()
        with contextlib.suppress(OSError):
            self.path.replace(aside)
            self.notices.append(
                f"{self.what} file could not be read ({reason}); kept as {aside.name}, "
                "starting empty"
            )
            return
        self.read_only = True
        self.notices.append(f"{self.what} file could not be read ({reason}); left untouched")

    def load(self) -> dict[str, Any]:
        """The file's content (without `version`), or {} when missing or unreadable."""
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except (OSError, UnicodeDecodeError) as error:
            self._move_aside(type(error).__name__)
            return {}
        try:
            data = load_yaml(raw)
        except YamlProblem as problem:
            self._move_aside(f"not valid YAML{problem.where()}")
            return {}
        if data is None:
            return {}
        if not isinstance(data, dict):
            self._move_aside("not a mapping")
            return {}
        version = data.pop("version", None)
        if not isinstance(version, int) or version < 1:
            self._move_aside("no valid 'version:'")
            return {}
        if version > self.version:
            self.read_only = True
            self.notices.append(
                f"{self.what} file is from a newer Dossier (version {version}); read, not changed"
            )
        else:
            self._keep_copy_if_cut_short(raw)
        return data

    def save(self, data: dict[str, Any]) -> None:
        """Write `data` with the version, atomically (refused when the file is read-only: from
        a newer Dossier, or one that could not be moved aside)."""
        if self.read_only:
            raise UserFileError(
                f"{self.what} file is read-only for this Dossier ({self.path}); nothing changed"
            )
        import yaml  # on first use: reading a file needs only load_yaml

        text = (
            f"# Dossier {self.what}. Edit with care: this file is YAML.\n"
            + yaml.safe_dump(
                {"version": self.version, **data}, allow_unicode=True, sort_keys=False, width=100
            )
            + END_MARK
        )
        try:
            atomic_write_text(self.path, text)
        except OSError as error:
            raise UserFileError(
                f"could not save {self.what} ({error.strerror or error}); nothing was lost on disk"
            ) from error

    def update(self, change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
        """Re-read the file under its lock, apply `change` to its content, write it back:
        a change made meanwhile by another Dossier is kept."""
        from filelock import Timeout

        try:
            with self._lock():
                data = self.load()
                change(data)
                self.save(data)
                return data
        except Timeout as error:
            raise UserFileError(
                f"could not save {self.what}: another Dossier holds its lock"
            ) from error
