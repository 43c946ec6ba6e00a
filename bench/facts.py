"""Precision and recall of the fact extractor against hand labels: the seeds (tuned on) and
articles written for this and labelled before the extractor existed (never tuned on); and the
time to read the facts of a 5,000-word article and to fill the sidebar with them."""

from __future__ import annotations

import asyncio
import statistics
import time
from dataclasses import replace
from pathlib import Path

from search.facts.check import CheckedFact, check
from search.facts.extract import extract
from search.model import Article
from search.reading.corpus import load_corpus
from tests.support.labels import FACT_LABELS as FIXTURES
from tests.support.labels import score

ROOT = Path(__file__).resolve().parent.parent


RUNS = 15


def _long_article() -> Article:
    """Every seed's passages in one article: about 5,000 words of real news prose."""
    articles = load_corpus(ROOT / "seeds").articles
    passages = [p for a in articles for p in a.passages]
    passages = [replace(p, index=i) for i, p in enumerate(passages)]
    return replace(articles[0], id="long", passages=passages)


def _sidebar_fill_ms(entries: list[CheckedFact]) -> list[float]:
    """Time from handing the facts to the sidebar's list until the screen has composed the
    frame that shows them, in a headless app. (The end of the frame is read by wrapping the
    screen's private `_compositor_refresh`: Pilot's pause adds its own waiting on top.)"""
    from textual.app import App, ComposeResult

    from tui.widgets.facts import FactList

    class Sidebar(App[None]):
        def compose(self) -> ComposeResult:
            yield FactList(id="facts")

    times: list[float] = []

    async def measure() -> None:
        app = Sidebar()
        async with app.run_test(size=(120, 36)) as pilot:
            facts, screen = app.query_one(FactList), app.screen
            frames: list[float] = []
            refresh = screen._compositor_refresh

            def timed_refresh() -> None:
                refresh()
                frames.append(time.perf_counter())

            screen._compositor_refresh = timed_refresh  # type: ignore[method-assign]
            for _ in range(RUNS):
                frames.clear()
                started = time.perf_counter()
                facts.show_facts(entries)
                await pilot.pause()
                await pilot.pause()
                times.append((frames[0] - started) * 1000)

    asyncio.run(measure())
    return times


def speed() -> str:
    article = _long_article()
    extract(article)  # warm the regular expressions
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        facts = extract(article)
        times.append((time.perf_counter() - started) * 1000)
    checked = check({article.id: facts})[article.id]
    fill = _sidebar_fill_ms(checked)
    return (
        f"Speed on one article of {article.words:,} words (every seed's passages), median of "
        f"{RUNS} runs. The corpus's facts are read once and cached beside the index, so opening "
        "an article only fills the list.\n\n"
        "| measure | time | target |\n|---|---:|---:|\n"
        f"| read the facts ({len(facts)} facts) | {statistics.median(times):.1f} ms | - |\n"
        f"| fill the sidebar until its frame is composed (p50 / max) | "
        f"{statistics.median(fill):.1f} / {max(fill):.1f} ms | < 50 ms |\n"
    )


def run() -> str:
    rows = ["## Facts: extraction against hand labels\n"]
    rows.append("| set | labelled | found | precision | recall | target |")
    rows.append("|---|---:|---:|---:|---:|---:|")
    sets = [
        ("seeds (tuned on)", ROOT / "seeds", FIXTURES / "seed-labels.yaml", ">= 0.95"),
        ("untuned articles", FIXTURES, FIXTURES / "untuned-labels.yaml", ">= 0.90"),
    ]
    notes = []
    for name, corpus, labels, target in sets:
        s = score(corpus, labels)
        rows.append(
            f"| {name} | {s.labelled} | {s.found} | {s.precision:.2f} | {s.recall:.2f} | {target} |"
        )
        notes += [f"- {name}, missed: {m}" for m in s.missed]
        notes += [f"- {name}, not a labelled figure: {w}" for w in s.wrong]
    notes_text = "\n".join(notes) + "\n\n" if notes else ""
    return "\n".join(rows) + "\n\n" + notes_text + speed()


if __name__ == "__main__":
    print(run())
