"""The first screen in a real terminal: wall-clock time from starting the program in a tmux pane
to its text being on screen (polled with `capture-pane`), for the reader (the library's titles on
the seeds, with an up-to-date index) against a bare Textual app showing one line. Runs alternate
between the two; each figure is a median.

On a shared machine wall clock moves with the load, so the same two first frames are also
counted in instructions (valgrind's callgrind, when installed: headless, each program stopped at
the frame that shows its text), which the load does not change.

`python -m bench first_screen` runs it; `python -m bench.first_screen [RUNS]` prints the table.
"""

from __future__ import annotations

import os
import shlex
import shutil
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

from bench.search import WORK

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
RUNS = 7
SIZE = ("120", "36")
POLL_SECONDS = 0.005
TIMEOUT_SECONDS = 30.0
TARGET = 1.3  # the reader's first screen within this ratio of the bare app's
BARE_TEXT = "A bare Textual app"
BARE_APP = f"""
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static({BARE_TEXT!r})

Bare().run()
"""
# Two titles of the bundled corpus: they are drawn once the library is listed.
READER_TEXTS = ("Jassy Defends Amazon", "Big factory lays off")


class Pane:
    """One tmux server and pane of its own, where each run replaces the previous program. The
    screen is read through one control-mode client (`tmux -C`): a `capture-pane` is a line
    written to it, not a new process, so polling takes little from the program measured."""

    def __init__(self, env: dict[str, str]) -> None:
        self.socket = f"dossier-bench-{uuid.uuid4().hex[:10]}"
        self.env = env
        self.tmux("new-session", "-d", "-s", "bench", "-x", SIZE[0], "-y", SIZE[1], "sleep 600")
        self.tmux("set-option", "-g", "window-size", "manual")
        self.control = subprocess.Popen(
            ["tmux", "-L", self.socket, "-C", "attach-session", "-t", "bench", "-f", "no-output"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=30
        )
        return done.stdout

    def screen(self) -> str:
        """The pane's text now (capture-pane through the control client)."""
        assert self.control.stdin is not None and self.control.stdout is not None
        self.control.stdin.write("capture-pane -p -t bench\n")
        self.control.stdin.flush()
        lines: list[str] | None = None
        for line in self.control.stdout:
            if line.startswith("%begin"):
                lines = []
            elif line.startswith(("%end", "%error")) and lines is not None:
                return "".join(lines)
            elif lines is not None:
                lines.append(line)
        raise RuntimeError("the tmux control client went away")

    def time_until(self, argv: list[str], texts: tuple[str, ...]) -> float:
        """Seconds from starting `argv` in the pane until every one of `texts` is on screen."""
        variables = " ".join(f"{k}={shlex.quote(v)}" for k, v in self.env.items())
        # As installed: bytecode is written and read (a test runner may turn it off).
        unset = "-u COLUMNS -u LINES -u PYTHONDONTWRITEBYTECODE"
        command = f"env {unset} {variables} {shlex.join(argv)}"
        self.tmux("respawn-pane", "-k", "-t", "bench", "clear; sleep 600")
        time.sleep(0.3)  # the previous program is gone and the pane is blank
        started = time.perf_counter()
        self.tmux("respawn-pane", "-k", "-t", "bench", command)
        screen = ""
        while time.perf_counter() - started < TIMEOUT_SECONDS:
            screen = self.screen()
            if all(text in screen for text in texts):
                return time.perf_counter() - started
            time.sleep(POLL_SECONDS)
        raise RuntimeError(f"{texts} never appeared:\n{screen}")

    def close(self) -> None:
        self.control.terminate()
        self.tmux("kill-server")


def _seed_index(env: dict[str, str]) -> None:
    """Build the seeds' index in the bench's cache, so the reader opens an up-to-date one."""
    subprocess.run(
        [sys.executable, "-m", "tui.cli.main", "index", "--corpus", str(SEEDS)],
        env={**os.environ, **env},
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def measure(runs: int = RUNS) -> tuple[dict[str, list[float]], dict[str, int] | None]:
    env = {
        variable: str(WORK / variable.lower())
        for variable in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME")
    }
    env |= {"TERM": "xterm-256color", "DOSSIER_CORPUS": str(SEEDS)}
    _seed_index(env)
    # pip compiles an installed package; an editable checkout gets its bytecode on first run
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", "search", "tui"], cwd=ROOT, check=True
    )
    state = Path(env["XDG_DATA_HOME"]) / "dossier"
    python = sys.executable
    installed = Path(python).parent / "dossier"  # the command a user runs, as `make run` does:
    dossier = [str(installed)] if installed.exists() else [python, "-m", "tui.cli.main"]
    # no argument (the corpus is $DOSSIER_CORPUS)
    bare = [python, "-c", BARE_APP]
    pane = Pane(env | {"PYTHONPATH": str(ROOT)})
    times: dict[str, list[float]] = {"bare": [], "reader": []}
    try:
        # Once to warm the file cache, until the index is open (the library is then kept
        # for the next start, as after any run of the app).
        pane.time_until(dossier, ("index up to date",))
        pane.time_until(bare, (BARE_TEXT,))
        for _ in range(runs):
            shutil.rmtree(state, ignore_errors=True)  # no last article: the same screen each run
            times["reader"].append(pane.time_until(dossier, READER_TEXTS))
            times["bare"].append(pane.time_until(bare, (BARE_TEXT,)))
    finally:
        pane.close()
    return times, instructions(env | {"PYTHONPATH": str(ROOT)})


# The same first frames, headless, the process ending at the frame that shows the text.
COUNT_BARE = """
import os
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("A bare Textual app")

    def post_display_hook(self):
        if self.is_running and self.screen.query(Static):
            os._exit(0)

Bare().run(headless=True, size=(120, 36))
"""
COUNT_READER = """
import os
import tui.app
from tui.cli.main import main
from tui.widgets.library import LibraryList

run = tui.app.DossierApp.run

def headless(app, *args, **kwargs):
    shown = app.post_display_hook

    def hook():
        shown()
        rows = app.screen.query(LibraryList)
        if rows and any(r.title.startswith("Jassy") for r in rows.first().rows):
            os._exit(0)

    app.post_display_hook = hook
    return run(app, headless=True, size=(120, 36))

tui.app.DossierApp.run = headless
main([])
"""


def _count(code: str, env: dict[str, str]) -> int | None:
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
        + [sys.executable, "-c", code],
        env={k: v for k, v in {**os.environ, **env}.items() if k != "PYTHONDONTWRITEBYTECODE"},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    found = [line for line in done.stderr.splitlines() if "Collected" in line]
    return int(found[-1].split()[-1]) if found else None


def instructions(env: dict[str, str]) -> dict[str, int | None] | None:
    """Instructions each program runs until its first frame with its text (callgrind): the
    reader without and with a state.yaml (a later start: its theme and last article)."""
    if shutil.which("valgrind") is None:
        return None
    state = Path(env["XDG_DATA_HOME"]) / "dossier"
    shutil.rmtree(state, ignore_errors=True)
    counted = {"bare": _count(COUNT_BARE, env), "reader": _count(COUNT_READER, env)}
    saved = (
        "from search.userdata import ReaderState, StateStore\n"
        f"StateStore({str(SEEDS)!r}).save(ReaderState(last_article='004_e735458e1800b1fc', "
        "theme='dossier-light'))\n"
    )
    subprocess.run([sys.executable, "-c", saved], env={**os.environ, **env}, cwd=ROOT, check=True)
    counted["reader with state"] = _count(COUNT_READER, env)
    shutil.rmtree(state, ignore_errors=True)
    return counted


def run(runs: int = RUNS) -> str:
    if shutil.which("tmux") is None:
        return "## The first screen in a terminal\n\nskipped: tmux is not installed\n"
    times, counted = measure(runs)
    bare, reader = (statistics.median(times[k]) * 1000 for k in ("bare", "reader"))
    spread = {k: f"{min(v) * 1000:.0f}–{max(v) * 1000:.0f}" for k, v in times.items()}
    steady = ""
    if counted and counted["bare"]:
        for name, label in (("reader", "no state.yaml"), ("reader with state", "a state.yaml")):
            if counted.get(name):
                steady += (
                    f"| instructions to that frame, headless, {label} (callgrind) | "
                    f"{counted[name] / 1e6:,.0f} M | {counted['bare'] / 1e6:,.0f} M | "
                    f"{counted[name] / counted['bare']:.2f}x | <= {TARGET}x |\n"
                )
    return (
        "## The first screen in a terminal\n\n"
        "Wall clock from starting the program in a tmux pane (120x36) to its text on screen, "
        f"polled with `capture-pane` every {POLL_SECONDS * 1000:.0f} ms through one tmux "
        f"control-mode client; median of {runs} runs alternating the two programs. The reader "
        "(`dossier`, as `make run` starts it) shows the library's titles on the seeds (index "
        "up to date, no reading position); the bare app is a Textual App with one Static. "
        "Both start from bytecode, as an installed package does. The instruction counts run "
        "the same first frames headless under callgrind, steady whatever the machine's load "
        "(wall clock on a shared 2-core machine moves by tens of percent between runs).\n\n"
        "| measure | Dossier | bare app | ratio | target |\n|---|---:|---:|---:|---:|\n"
        f"| titles on screen (range {spread['reader']} / {spread['bare']} ms) | "
        f"{reader:.0f} ms | {bare:.0f} ms | {reader / bare:.2f}x | <= {TARGET}x |\n" + steady
    )


if __name__ == "__main__":
    sys.stdout.write(run(int(sys.argv[1]) if len(sys.argv) > 1 else RUNS))
