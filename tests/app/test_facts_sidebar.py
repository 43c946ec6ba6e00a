"""The facts sidebar of issue 18 driven by Pilot: one row per figure with its count, the other
articles named by title (source, date), a heading for every kind, `v` with why each article is
linked (a copy listed as a copy), the first fact selected by F, and the same-story score that
compare reports in the library and the picker."""

from __future__ import annotations

import shutil

from textual.widgets import OptionList, Static

from search.facts import CheckedFact, FactGroup
from search.facts.fact import FIGURE_KINDS, Fact
from tests.support import SEEDS
from tests.support.pilot import (
    cursor_block,
    drawn_text,
    explore_fact,
    fact_list,
    highlight_fact,
    library,
    open_row,
    ready,
)
from tui.dialogs.pick import ArticlePicker
from tui.screens.fact import FactScreen
from tui.widgets.facts import KIND_TITLES

AMZN = "Amazon(AMZN.US)"  # seed 000
LAYOFFS = "Big factory"  # seed 003
JASSY = "“Jassy Defends Amazon's $200B AI Spending Spree” (GeekWire)"  # seed 004


def prompts(options: OptionList) -> list[str]:
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_a_figure_stated_four_times_is_one_row_naming_the_others_by_title(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await open_row(pilot, AMZN)
        rows = [p for p in prompts(fact_list(pilot)) if "$200 billion" in p.split("\n")[0]]
        (row,) = rows
        head, *links = row.split("\n")
        assert head == "✓ $200 billion  ×4"
        assert links[0].startswith("  ✓ also in “Amazon lays off robotics positions, sends")
        assert links[0].endswith("…” (金融界, 2026-03-05)")
        assert f"  ✓ also in {JASSY}" in links
        assert not any("001" in line or "004" in line for line in links)


async def test_every_kind_the_extractor_makes_has_a_heading(make_app) -> None:
    assert set(FIGURE_KINDS) | {"entity"} <= set(KIND_TITLES)
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await open_row(pilot, LAYOFFS)  # states "two hours" and "90 days"
        shown = prompts(fact_list(pilot))
        durations = shown.index("Durations")
        assert {p.split("\n")[0][2:] for p in shown[durations + 1 : durations + 3]} == {
            "two hours",
            "90 days",
        }


async def test_a_kind_without_a_title_still_shows_under_its_own_name(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        fact = Fact("tide_level", "3 fathoms", 3.0, "fathom", None, "x", 0, "", 0, 9)
        fact_list(pilot).show_facts([FactGroup([CheckedFact(fact)])], {})
        assert prompts(fact_list(pilot)) == ["Tide level", "· 3 fathoms"]


async def test_v_names_each_linked_article_with_why_and_enter_opens_it(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await explore_fact(pilot, AMZN, "$200 billion")
        heading = str(screen.query_one("#fact-heading", Static).render())
        assert heading.startswith("money: “$200 billion” ×4 — corroborated · ✓ 2 agree")
        rows = prompts(screen.query_one("#fact-rows", OptionList))
        assert sum("  this article" in r.split("\n")[0] for r in rows) == 4
        others = [r for r in rows if r.startswith("agrees: ")]
        assert len(others) == 2 and not any("_" in r.split("\n")[0] for r in others)
        (jassy,) = [r for r in others if "Jassy Defends Amazon's $200B AI Spending Spree" in r]
        assert jassy.split("\n")[0].endswith("GeekWire, title")  # 004 says it in its title
        why = jassy.split("\n")[1]
        assert why.startswith("  agrees: same subject (Jassy), measure (spending)")
        assert why.endswith("confidence 0.60")
        (retold,) = [r for r in others if r is not jassy]
        assert (
            "Amazon lays off robotics positions" in retold
            and "金融界, 2026-03-05, passage" in retold
        )
        await pilot.press(*["down"] * rows.index(retold), "enter")
        await ready(pilot)
        assert pilot.app.screen.article.id.startswith("001_")
        block = cursor_block(pilot)
        (span,) = block._layers["fact"]
        assert block.passage.text[span[0] : span[1]].startswith("$200 billion")


async def test_a_copy_is_listed_as_a_copy_never_as_corroboration(make_app, tmp_path) -> None:
    corpus = tmp_path / "copies"
    corpus.mkdir()
    for seed in ("000_db1eeced8312f416.txt", "004_e735458e1800b1fc.txt"):
        shutil.copy(SEEDS / seed, corpus / seed)
    shutil.copy(SEEDS / "000_db1eeced8312f416.txt", corpus / "005_reissue.txt")
    app = make_app(corpus)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await open_row(pilot, AMZN)
        shown = [p.split("\n") for p in prompts(fact_list(pilot))]
        (jobs,) = [p for p in shown if p[0] == "· 57,000"]  # alone: its copy is no source
        assert jobs[1].startswith("  = copy: “Amazon(AMZN.US) dispatches")
        (spend,) = [p for p in shown if p[0].startswith("✓ $200 billion")]
        assert f"  ✓ also in {JASSY}" in spend and any(s.startswith("  = copy:") for s in spend)
        status = str(pilot.app.screen.query_one("#facts-status", Static).render())
        assert "✓ 1 corroborated" in status
        await pilot.press("F")
        await highlight_fact(pilot, "57,000")
        await pilot.press("v")
        await ready(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, FactScreen)
        heading = str(screen.query_one("#fact-heading", Static).render())
        assert "✓ 0 agree" in heading and "1 copy of this article (no second source)" in heading
        rows = prompts(screen.query_one("#fact-rows", OptionList))
        (copy,) = [r for r in rows if r.startswith("copy: 57,000")]
        assert copy.split("\n")[1].startswith("  a copy: same subject")
        assert not any(r.startswith("agrees:") for r in rows)


async def test_f_selects_the_first_fact_and_enter_goes_to_its_first_statement(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await open_row(pilot, AMZN)
        await pilot.press("F")
        listed = fact_list(pilot)
        assert listed.highlighted == 1  # below the heading "Money"
        assert str(listed.get_option_at_index(1).prompt).startswith("✓ $200 billion  ×4")
        first = listed.groups[0].entries[0].fact
        await pilot.press("enter")
        await ready(pilot)
        block = cursor_block(pilot)
        assert block.passage.index == max(0, first.passage)


async def test_the_library_and_the_picker_show_the_score_compare_reports(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        workspace = pilot.app.screen.workspace
        similarity = workspace.compare("000", "001").similarity
        score = f"≈ {similarity:.2f} "
        assert score == "≈ 0.80 "
        lines = drawn_text(library(pilot)).split("\n")
        marked = [line for line in lines if line.startswith("≈")]
        assert len(marked) == 2 and all(line.startswith(score) for line in marked)
        await open_row(pilot, AMZN)
        await pilot.press("c")
        await ready(pilot)
        await pilot.press("c")
        await ready(pilot)
        assert isinstance(pilot.app.screen, ArticlePicker)
        first = prompts(pilot.app.screen.query_one(OptionList))[0]
        assert first.startswith(f"≈ {similarity:.2f}  Amazon lays off robotics positions")


async def test_a_large_corpus_has_its_facts_read_apart_and_shown_as_rows(
    make_app, monkeypatch
) -> None:
    import search.workspace as workspace_module

    monkeypatch.setattr(workspace_module, "FACTS_IN_PROCESS", 0)  # the seeds count as large
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await open_row(pilot, AMZN)
        for _ in range(400):  # the child process: a second or two
            if pilot.app.screen.facts_ready:
                break
            await pilot.pause(0.1)
        await ready(pilot)
        rows = [p for p in prompts(fact_list(pilot)) if "$200 billion" in p.split("\n")[0]]
        status = str(pilot.app.screen.query_one("#facts-status", Static).render())
        assert rows and rows[0].startswith("✓ $200 billion  ×4"), (
            pilot.app.screen.facts_ready,
            status,
        )
