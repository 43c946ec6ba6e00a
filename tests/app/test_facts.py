"""The facts sidebar driven by Pilot: F focuses it, Enter goes to a fact's passage, v shows a
fact (or a name) across the corpus."""

from __future__ import annotations

from textual.widgets import OptionList, Static

from tests.support.pilot import (
    cursor_block,
    explore_fact,
    fact_list,
    highlight_fact,
    open_row,
    ready,
    view,
)
from tui.screens.fact import FactScreen

AMZN = "Amazon(AMZN.US)"  # seed 000


async def test_the_sidebar_lists_the_articles_facts_with_their_marks(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await open_row(pilot, AMZN)
        status = str(pilot.app.screen.query_one("#facts-status", Static).render())
        assert "≠ 2 in conflict" in status
        prompts = [
            str(fact_list(pilot).get_option_at_index(i).prompt)
            for i in range(fact_list(pilot).option_count)
        ]
        assert prompts[0] == "Money"
        assert any(p.startswith("✓ $200 billion") for p in prompts)
        (conflict,) = [p for p in prompts if p.startswith("≠ hundreds of billions of dollars")]
        assert "≠ in “Amazon lays off robotics positions" in conflict
        assert "(金融界, 2026-03-05): tens of billions of dollars" in conflict
        assert "001" not in conflict
        assert "Names" in prompts and any(p.startswith("Andy Jassy") for p in prompts)


async def test_f_focuses_the_facts_and_enter_goes_to_the_passage(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await open_row(pilot, AMZN)
        await pilot.press("F")
        assert pilot.app.focused is fact_list(pilot)
        await highlight_fact(pilot, "hundreds of billions of dollars")
        fact = fact_list(pilot)._entry().fact
        await pilot.press("enter")
        await ready(pilot)
        assert pilot.app.focused is view(pilot)
        block = cursor_block(pilot)
        assert block.passage.index == fact.passage
        assert block._layers["fact"] == [(fact.start, fact.end)]
        assert block.passage.text[fact.start : fact.end] == "hundreds of billions of dollars"


async def test_v_shows_a_figure_across_the_corpus_and_enter_opens_the_other_article(
    make_app,
) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await explore_fact(pilot, AMZN, "hundreds of billions of dollars")
        rows = screen.query_one("#fact-rows", OptionList)
        prompts = [str(rows.get_option_at_index(i).prompt) for i in range(rows.option_count)]
        assert len(prompts) == 2
        assert prompts[0].startswith("hundreds of billions of dollars  this article")
        assert prompts[1].startswith("differs: tens of billions of dollars  Amazon lays off")
        assert "金融界, 2026-03-05" in prompts[1] and "001_" not in prompts[1]
        assert "differs: same subject (Anthropic)" in prompts[1] and "confidence 0." in prompts[1]
        await pilot.press("down", "enter")
        await ready(pilot)
        assert not isinstance(pilot.app.screen, FactScreen)
        assert pilot.app.screen.article.id.startswith("001_")
        block = cursor_block(pilot)
        (span,) = block._layers["fact"]
        assert block.passage.text[span[0] : span[1]] == "tens of billions of dollars"


async def test_v_on_a_name_lists_its_mentions_across_the_corpus(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await explore_fact(pilot, AMZN, "Trainium")
        heading = str(screen.query_one("#fact-heading", Static).render())
        assert heading.startswith("“Trainium”:") and "passages in the corpus" in heading
        articles = {place.article[:3] for place in screen.places}
        assert {"000", "001"} <= articles and len(articles) >= 3
        await pilot.press("escape")
        assert not isinstance(pilot.app.screen, FactScreen)


async def test_enter_on_a_mention_opens_it_with_the_name_marked(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        target = (await explore_fact(pilot, AMZN, "Trainium")).places[0]
        await pilot.press("enter")
        await ready(pilot)
        assert pilot.app.screen.article.id == target.article
        block = cursor_block(pilot)
        assert block.passage.index == target.passage
        marked = [block.passage.text[s:e] for s, e in block._layers["fact"]]
        assert marked and all(m.casefold() == "trainium" for m in marked)
