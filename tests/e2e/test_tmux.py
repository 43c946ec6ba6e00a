"""End to end: the installed `dossier` command in a real terminal (tmux), read by capture-pane."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import SEEDS

DOSSIER = Path(sys.executable).parent / "dossier"
pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Terminal:
    """A tmux session on its own server socket, so tests never touch the user's tmux."""

    def __init__(self, socket: str, session: str = "dossier") -> None:
        self.socket = socket
        self.session = session

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=30
        )
        return done.stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.session)

    def wait_for(self, text: str, timeout: float = 60.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared on screen:\n{self.screen()}")

    def send(self, keys: str, literal: bool = False) -> None:
        self.tmux("send-keys", "-t", self.session, *(["-l"] if literal else []), keys)

    def type(self, *steps: tuple[str, bool]) -> None:
        """(keys, literal) steps at a person's pace: tmux types faster than a key binding
        moves the focus between fields."""
        for keys, literal in steps:
            self.send(keys, literal=literal)
            time.sleep(0.3)

    def alive(self) -> bool:
        """The program still runs (its pane is kept after it exits, to show what it printed)."""
        return self.tmux("list-panes", "-t", self.session, "-F", "#{pane_dead}").strip() == "0"


def start(term: Terminal, tmp_path: Path) -> None:
    """Run the installed `dossier` in the terminal, on the seeds, with user dirs in tmp_path."""
    env = {
        "DOSSIER_CORPUS": str(SEEDS),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "TERM": "xterm-256color",
    }
    # COLUMNS/LINES from the test runner would override the terminal's real size.
    command = "env -u COLUMNS -u LINES " + " ".join(f"{k}={v}" for k, v in env.items())
    command += f" {DOSSIER}"
    term.tmux(
        *("new-session", "-d", "-s", term.session, "-x", "120", "-y", "36", command),
        *(";", "set-option", "-t", term.session, "remain-on-exit", "on"),
    )


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    # A server of its own per test: a new session on the previous test's server, still
    # shutting down after kill-server, could die with it (seen once in a full run).
    term = Terminal(f"dossier-test-{uuid.uuid4().hex[:12]}")
    start(term, tmp_path)
    yield term
    term.tmux("kill-server")


def test_dossier_opens_on_the_seeds_and_quits_with_q(terminal: Terminal) -> None:
    screen = terminal.wait_for("index updated (5 added")
    # The library lists every seed; the first one (by title) is open beside it.
    for title in ("Amazon lays off", "Big factory lays off", "Jassy Defends Amazon"):
        assert title in screen
    terminal.wait_for("Details")
    terminal.send("q")
    deadline = time.monotonic() + 15
    while terminal.alive() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not terminal.alive()


def test_search_for_trainium_and_open_the_first_hit(terminal: Terminal) -> None:
    terminal.wait_for("index updated (5 added")
    terminal.send("/")
    terminal.wait_for("Search the corpus")
    terminal.send("Trainium", literal=True)
    results = terminal.wait_for("Enter opens")
    assert "Trainium" in results
    terminal.send("Enter")
    screen = terminal.wait_for("Hit 1 of")
    # The reader shows the hit's article with the passage that mentions Trainium.
    article = screen.split("▕")[1:] if "▕" in screen else [screen]
    assert "Trainium" in "".join(article)
    terminal.send("n")
    assert "Hit 2 of" in terminal.wait_for("Hit 2 of")


def test_bookmark_a_passage_then_list_it_here_and_on_the_command_line(
    terminal: Terminal, tmp_path: Path
) -> None:
    terminal.wait_for("index updated (5 added")
    terminal.send("Tab")  # into the open article
    terminal.send("b")
    terminal.wait_for("Enter save")
    terminal.type(("chips and capex", True), ("Tab", False), ("#trainium", True))
    terminal.send("Enter")
    terminal.wait_for("B lists bookmarks")
    terminal.send("B")
    terminal.wait_for("1 of 1 bookmarks")
    assert "#trainium" in terminal.wait_for("✎ chips and capex")
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "DOSSIER_CORPUS": str(SEEDS)}
    listed = subprocess.run(
        [str(DOSSIER), "bookmarks", "list", "--json"], env=env, capture_output=True, text=True
    )
    (saved,) = json.loads(listed.stdout)
    assert (saved["note"], saved["tags"], saved["status"]) == (
        "chips and capex",
        ["trainium"],
        "anchored",
    )


def test_keys_sent_in_one_burst_all_arrive(terminal: Terminal, tmp_path: Path) -> None:
    """A paste, or a fast typist over SSH: each burst is one `send-keys`, so the terminal
    delivers it at once, before the app has handled the first key."""
    terminal.wait_for("index updated (5 added")
    terminal.wait_for("Details")
    terminal.tmux(
        *("send-keys", "-t", terminal.session),
        *("Tab", "b", "pasted note", "Tab", "#alpha #beta", "Enter"),
    )
    terminal.wait_for("B lists bookmarks")
    terminal.tmux("send-keys", "-t", terminal.session, "B", "e", "Tab", "End", " #fast", "Enter")
    terminal.wait_for("Note saved")
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "DOSSIER_CORPUS": str(SEEDS)}
    listed = subprocess.run(
        [str(DOSSIER), "bookmarks", "list", "--json"], env=env, capture_output=True, text=True
    )
    (saved,) = json.loads(listed.stdout)
    assert (saved["note"], saved["tags"]) == ("pasted note", ["alpha", "beta", "fast"])


def type_note(terminal: Terminal, note: str) -> None:
    terminal.send("b")
    terminal.wait_for("Enter save")
    terminal.type((note, True))
    terminal.send("Enter")


def test_two_instances_search_and_bookmark_the_same_corpus(tmp_path: Path) -> None:
    socket = f"dossier-two-{uuid.uuid4().hex[:12]}"
    first, second = Terminal(socket, "first"), Terminal(socket, "second")
    try:
        start(first, tmp_path)
        start(second, tmp_path)  # at once: one builds the index, the other waits or searches
        for term in (first, second):
            term.wait_for("5 articles")
            term.wait_for("Details")
        for term, note in ((first, "from the first"), (second, "from the second")):
            term.send("Tab")
            type_note(term, note)
            term.wait_for("B lists bookmarks")
        for term in (first, second):
            term.send("/")
            term.wait_for("Search the corpus")
            term.send("Trainium", literal=True)
            term.wait_for("Enter opens")
            term.send("Enter")
            term.wait_for("Hit 1 of")
            assert "rror" not in term.screen()
        env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "DOSSIER_CORPUS": str(SEEDS)}
        listed = subprocess.run(
            [str(DOSSIER), "bookmarks", "list", "--json"], env=env, capture_output=True, text=True
        )
        notes = sorted(b["note"] for b in json.loads(listed.stdout))
        assert notes == ["from the first", "from the second"]
        second.send("B")
        assert "from the first" in second.wait_for("2 of 2 bookmarks")
    finally:
        first.tmux("kill-server")


def test_a_title_corrected_in_the_app_is_what_the_command_line_shows(
    terminal: Terminal, tmp_path: Path
) -> None:
    terminal.wait_for("index updated (5 added")
    terminal.send("Tab")  # into the open article
    terminal.send("D")
    terminal.wait_for("Details of")
    terminal.type(("End", False), ("C-u", False), ("A title set by hand", True))
    terminal.send("Enter")
    terminal.wait_for("Corrected: title")
    env = {
        **os.environ,
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "DOSSIER_CORPUS": str(SEEDS),
    }

    def run(*args: str) -> str:
        done = subprocess.run([str(DOSSIER), *args], env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return done.stdout

    (row,) = [
        a for a in json.loads(run("articles", "--json")) if a["title"] == "A title set by hand"
    ]
    shown = json.loads(run("fix", row["id"], "--show", "--json"))
    assert shown["fields"] == {"title": "A title set by hand"}
    assert "A title set by hand" in terminal.screen()  # the library and the heading follow
