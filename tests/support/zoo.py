"""A corpus of every kind of bad file beside one good seed: what the hardening tests of each
level (command line, app, installed command) run on."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from tests.support import SEEDS, write

PROSE = "Amazon said its new chips would cut the cost of training models for cloud customers. "


GOOD = next(SEEDS.glob("000_*"))


# file name -> the one line the user is told about it
SKIPPED = {
    "empty.txt": "empty file",
    "photo.txt": "binary file (a PNG image)",
    "archive.txt": "binary file (a ZIP archive)",
    "huge-50mb.txt": "too large to be an article (52.4 MB; the limit is 17 MB)",
    "scripts.html": "HTML page without article text (only markup, scripts or menus)",
    "loop": "link back to a folder already read (a loop)",
    "unreadable.txt": "cannot be read (Permission denied)",
}


# article id -> how its title starts (shown literally)
OPENS = {
    "good": "Amazon(AMZN.US) dispatches strategic signals",
    "nul-bytes": "Title with NUL bytes",
    "bad-utf8": "Café notes with bad bytes",
    "utf16-no-bom": "A title in UTF-16",
    "one-5mb-line": "A single line file",
    "escapes": "Title with escapes red",
    "markup": "[bold red]Markup title[/] [@click=app.quit]click[/]",
    "with spaces in name": "Spaces in the name",
    "ñandú-日本": "A non-ASCII file name",
    "-leading-dash": "A leading dash in the name",
}


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("inside.txt", PROSE * 20)
    return buffer.getvalue()


def build_zoo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A corpus of every kind of broken file, and one good seed."""
    folder = tmp_path / "zoo"
    folder.mkdir()
    write(folder, "good.txt", GOOD.read_bytes())
    write(folder, "empty.txt", b"")
    write(folder, "photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(300))
    write(folder, "archive.txt", zip_bytes())
    with (folder / "huge-50mb.txt").open("w", encoding="utf-8") as huge:
        huge.write("A very large file\n\n")
        while huge.tell() < 52_400_000:
            huge.write(PROSE * 200 + "\n\n")
    write(
        folder,
        "scripts.html",
        "<html><head><script>alert(1)</script></head><body>"
        "<nav><a href='/'>Home</a></nav><script>var tracking = 1;</script></body></html>",
    )
    write(
        folder, "nul-bytes.txt", ("Title with NUL bytes\n\n" + PROSE * 4).replace("cost", "co\0st")
    )
    write(
        folder,
        "bad-utf8.txt",
        "Café notes with bad bytes\n\n".encode() + PROSE.encode() * 3 + b"\xff\xfe\xc3( naive\n",
    )
    write(folder, "utf16-no-bom.txt", ("A title in UTF-16\n\n" + PROSE * 4).encode("utf-16-le"))
    write(folder, "one-5mb-line.txt", "A single line file " + PROSE * 60_000)
    write(
        folder,
        "escapes.txt",
        "Title with escapes \x1b[31mred\x1b[0m\n\n"
        + PROSE * 3
        + "\x1b]0;pwned\x07 \x1b[2J cleared? \x08\x07"
        + PROSE
        + "\n",
    )
    write(
        folder,
        "markup.txt",
        "[bold red]Markup title[/] [@click=app.quit]click[/]\n\n"
        + PROSE * 3
        + "[link=http://example.com]link[/link] $text-error [b]bold[/b]\n",
    )
    write(folder, "with spaces in name.txt", "Spaces in the name\n\n" + PROSE * 3)
    write(folder, "ñandú-日本.txt", "A non-ASCII file name\n\n" + PROSE * 3)
    write(folder, "-leading-dash.txt", "A leading dash in the name\n\n" + PROSE * 3)
    (folder / "loop").symlink_to(".")
    unreadable = write(folder, "unreadable.txt", "Cannot be read\n\n" + PROSE * 3)
    unreadable.chmod(0)
    if os.access(unreadable, os.R_OK):  # root reads anything: the kernel's answer, simulated
        real_open = Path.open

        def refusing_open(self: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
            if self.name == "unreadable.txt":
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)

        monkeypatch.setattr(Path, "open", refusing_open)
    return folder


def title_mismatches(titles: dict[str, str]) -> dict[str, str | None]:
    """Articles missing, extra, or whose title does not start as expected (empty: all fine)."""
    return {
        key: titles.get(key)
        for key in OPENS.keys() | titles.keys()
        if not titles.get(key, "\0").startswith(OPENS.get(key, "\0"))
    }
