"""Bad input, checked in the command line and in the app: one corpus holding every kind of
broken file beside a good article. Each bad file gets one clear line; the rest of the corpus
is listed, opened and searched as usual."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from textual.widgets import Static

from search.index.corpus_index import CorpusIndex
from search.reading.corpus import scan_corpus
from tests.conftest import SEEDS, ready, write
from tests.test_cli import run
from tui.screens.reader import ReaderScreen
from tui.widgets.article import ArticleView
from tui.widgets.library import LibraryList
from tui.widgets.passage import PassageBlock

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


def title_mismatches(titles: dict[str, str]) -> dict[str, str | None]:
    """Articles missing, extra, or whose title does not start as expected (empty: all fine)."""
    return {
        key: titles.get(key)
        for key in OPENS.keys() | titles.keys()
        if not titles.get(key, "\0").startswith(OPENS.get(key, "\0"))
    }


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("inside.txt", PROSE * 20)
    return buffer.getvalue()


@pytest.fixture
def zoo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
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


def test_the_command_line_lists_the_good_files_and_says_why_each_bad_one_is_skipped(
    capsys, zoo: Path
) -> None:
    code, out, err = run(capsys, "articles", "--json", "--corpus", str(zoo))
    assert code == 0
    assert title_mismatches({row["id"]: row["title"] for row in json.loads(out)}) == {}
    lines = err.strip().splitlines()
    assert len(lines) == len(SKIPPED) and "Traceback" not in err
    for name, reason in SKIPPED.items():
        assert f"{name}: {reason}" in err


def test_the_command_line_shows_and_searches_every_good_file(capsys, zoo: Path) -> None:
    code, out, err = run(capsys, "index", "--corpus", str(zoo))
    assert code == 0 and f"{len(SKIPPED)} files skipped" in out + err
    for article_id, query in {
        "nul-bytes": "title:NUL",
        "bad-utf8": "Café",
        "utf16-no-bom": "title:UTF-16",
        "escapes": "title:escapes",
        "markup": "title:markup",
        "-leading-dash": "title:leading",
        "ñandú-日本": "title:non-ASCII",
        "with spaces in name": "title:spaces",
    }.items():
        code, out, _ = run(capsys, "search", query, "--json", "--corpus", str(zoo))
        hits = [hit["article"] for hit in json.loads(out)["hits"]]
        assert code == 0 and hits[:1] == [article_id], (query, hits)
    code, out, _ = run(capsys, "show", "--json", "--corpus", str(zoo), "--", "-leading-dash")
    assert code == 0 and json.loads(out)["title"] == OPENS["-leading-dash"]
    code, out, _ = run(capsys, "show", "--json", "--corpus", str(zoo), "nul-bytes")
    shown = json.loads(out)
    assert shown["repairs"] == ["removed 4 NUL bytes"] and "\0" not in out
    code, out, _ = run(capsys, "show", "--corpus", str(zoo), "escapes")
    assert "\x1b" not in out and "\x07" not in out  # never sent to the terminal
    code, out, _ = run(capsys, "show", "--corpus", str(zoo), "markup")
    assert "[bold red]Markup title[/]" in out and "[b]bold[/b]" in out  # shown as written
    code, out, _ = run(capsys, "show", "--json", "--corpus", str(zoo), "one-5mb-line")
    passages = json.loads(out)["passages"]
    assert len(passages) > 1000 and max(len(p["text"]) for p in passages) <= 4000


def test_the_installed_command_never_shows_a_traceback(zoo: Path, tmp_path: Path) -> None:
    dossier = Path(sys.executable).parent / "dossier"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    for argv in (["index"], ["articles"], ["search", "chips"], ["show", "-leading-dash"]):
        done = subprocess.run(
            [str(dossier), *argv, "--corpus", str(zoo)],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
        )
        assert "Traceback" not in done.stderr, done.stderr
        assert done.returncode in (0, 2), done.stderr
    assert "goes after '--'" in done.stderr  # the leading dash: a hint, in one line
    assert len(done.stderr.strip().splitlines()) == 1


async def test_the_app_lists_opens_and_searches_the_good_files(make_app, zoo: Path) -> None:
    app = make_app(zoo)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        status = str(app.screen.query_one("#status", Static).render())
        assert f"{len(SKIPPED)} files skipped" in status
        warned = [str(n.message) for n in app._notifications]
        assert any(": binary file" in m or ": link back" in m or ": empty" in m for m in warned)
        rows = app.screen.query_one(LibraryList).rows
        titles = {row.info.id: row.info.title for row in rows}
        assert title_mismatches(titles) == {}
        for article_id, title in OPENS.items():
            app.screen.open_article(article_id)
            await ready(pilot)
            view = app.screen.query_one(ArticleView)
            assert view.article is not None and view.article.id == article_id
            shown = str(view.query_one(".article-title", Static).render())
            assert shown.startswith(title)  # literally: markup as written, escapes gone
        assert len(view.query(PassageBlock)) == len(view.article.passages)  # the 5 MB line too
        await pilot.press("slash", *"chips", "enter")
        await ready(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert "Hit 1 of" in str(app.screen.query_one("#status", Static).render())


def test_a_file_that_vanishes_or_changes_while_it_is_indexed(tmp_path: Path) -> None:
    folder = tmp_path / "moving"
    for name in ("a", "b", "c", "d"):
        write(folder, f"{name}.txt", f"Article {name}\n\n" + PROSE * 3)
    index = CorpusIndex(folder, location=tmp_path / "index")
    moves: list[str] = []

    def meanwhile(done: int, total: int, what: str) -> None:
        if what == "reading" and done == 1:  # after the first file, two others change
            (folder / "c.txt").unlink()
            write(folder, "d.txt", "Article d, rewritten\n\n" + "A new sentence about robots. " * 5)
            moves.append("done")

    report = index.update(progress=meanwhile)
    assert moves
    reasons = {s.path.name: s.reason for s in report.skipped}
    assert reasons == {"c.txt": "file disappeared while it was being read"}
    assert {h.article for h in index.search("chips").hits} == {"a", "b"}
    assert {h.article for h in index.search("robots").hits} == {"d"}  # read as it is now
    # The next open sets the record straight: c is gone, d's recorded version is refreshed.
    second = index.update()
    assert (second.removed, second.changed, second.skipped) == (1, 1, [])
    assert [row.id for row in index.catalog(scan_corpus(folder))] == ["a", "b", "d"]
