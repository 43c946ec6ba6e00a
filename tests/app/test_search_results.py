"""The search screen lists results by article (issue 19): each article once with its best
passages under it and "+N more in this article", the files that copy it named under it; Enter
opens the chosen passage, and `n` / `N` in the reader go through the passages in the order
the list shows them."""

from __future__ import annotations

from tests.support import SEEDS
from tests.support.pilot import drawn_text, ready, screen_text, status, view
from tui.screens.reader import ReaderScreen
from tui.screens.search import SearchScreen
from tui.widgets.hits import SHOWN, HitList


async def test_each_article_once_with_its_best_passages_then_more(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"Trainium")
        await ready(pilot)
        assert isinstance(app.screen, SearchScreen)
        result = app.screen.result
        assert [a.article for a in result.articles] == list(
            dict.fromkeys(h.article for h in result.hits)
        )  # the passages come article by article
        hits = app.screen.query_one(HitList)
        listing = "\n".join(
            str(hits.get_option_at_index(i).prompt) for i in range(hits.option_count)
        )  # the whole list, scrolled or not
        assert listing.splitlines()[0] in drawn_text(hits)
        for article in result.articles:
            assert listing.count(f"{article.article} · {len(article.passages)} passage") == 1
        best = result.articles[0]
        assert len(best.passages) > SHOWN
        assert f"+{len(best.passages) - SHOWN} more in this article" in listing
        assert "13 passages in 4 articles match" in str(
            app.screen.query_one("#search-status").render()
        )


async def test_enter_on_a_passage_of_the_second_article_opens_it_and_n_follows_the_list(
    make_app,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"Trainium")
        await ready(pilot)
        result = app.screen.result
        second = result.articles[1]
        hits = app.screen.query_one(HitList)
        await pilot.press("tab")  # into the list: the first article's best passage
        assert hits.hit_index(hits.highlighted) == 0
        shown_first = min(SHOWN, len(result.articles[0].passages))
        await pilot.press(*["down"] * shown_first)  # past the first article's passages
        index = hits.hit_index(hits.highlighted)
        assert result.hits[index] == second.passages[0]
        await pilot.press("enter")
        await ready(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert view(pilot).article.id == second.article
        assert view(pilot).cursor == second.passages[0].passage
        await pilot.press("n")
        await ready(pilot)
        following = result.hits[index + 1]
        assert (view(pilot).article.id, view(pilot).cursor) == (
            following.article,
            following.passage,
        )
        assert f"Hit {index + 2} of {len(result.hits)}" in status(pilot)


async def test_a_copy_of_an_article_is_named_under_it_not_listed_again(make_app, tmp_path) -> None:
    seed = next(SEEDS.glob("004_*"))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / seed.name).write_bytes(seed.read_bytes())
    copy = corpus / f"copy-of-{seed.name}"
    copy.write_bytes(seed.read_bytes())
    app = make_app(corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"Trainium")
        await ready(pilot)
        result = app.screen.result
        assert len(result.articles) == 1
        listing = screen_text(pilot)
        assert "copy: " in listing and listing.count("Jassy Defends") >= 2
        assert {h.article for h in result.hits} == {result.articles[0].article}
