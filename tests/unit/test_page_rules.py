"""The line classifier on pages written for these tests (none is from the development data):
each rule on text it was not written from. Context weighs more than words: a short line between
paragraphs is article, a run of short lines before the headline is a menu, dated entries after
the article are comments or other stories; every removed line keeps its reason."""

from __future__ import annotations

from search.model import PassageKind
from search.reading.clean import clean_plain_text

ARTICLE = [
    "Volunteers planted more than two thousand trees along the river on Sunday, the largest "
    "single planting the county has seen since the floods of the last decade.",
    "The project, paid for by a mix of council money and local donations, aims to slow the "
    "water that pours off the hills after heavy rain and floods the lower town.",
    "Organisers said the saplings would need watering through the summer and asked residents "
    "who live near the river to keep an eye on them during dry spells.",
]


def _page(before: list[str], after: list[str], middle: list[str] | None = None) -> str:
    body = [ARTICLE[0], *(middle or []), ARTICLE[1], ARTICLE[2]]
    return "\n".join(before + body + after) + "\n"


def _texts(text: str) -> list[str]:
    return [p.text for p in clean_plain_text(text).passages]


MENU = [
    "Valley Courier",
    "News",
    "Local",
    "Weather",
    "Sport",
    "Business",
    "Podcasts",
    "Events",
    "Jobs",
    "Obituaries",
]


def test_a_menu_then_the_headline_byline_and_date() -> None:
    text = _page(
        [*MENU, "Two thousand trees planted along the river", "By Ruth Okonkwo", "2 April 2024"],
        [],
    )
    clean = clean_plain_text(text)
    assert clean.title == "Two thousand trees planted along the river"
    assert (clean.byline, clean.published) == ("Ruth Okonkwo", "2024-04-02")
    assert [p.text for p in clean.passages] == ARTICLE
    reasons = {r.text: r.reason for r in clean.removed}
    assert reasons["Obituaries"].startswith("site menu (a run of")


def test_a_comment_thread_after_the_article() -> None:
    comments = []
    for name, when, said in [
        (
            "riverwatcher says:",
            "April 2, 2024 at 9:14 am",
            "Great to see this finally happening here.",
        ),
        (
            "Ann P says:",
            "April 2, 2024 at 10:02 am",
            "Who will water them in August though? Nobody has said.",
        ),
        (
            "oldtown_joe says:",
            "April 2, 2024 at 11:40 am",
            "My kids went along and loved every minute of the day out.",
        ),
        (
            "M. Ferris says:",
            "April 2, 2024 at 1:05 pm",
            "The same was promised ten years ago and nothing was done at all.",
        ),
    ]:
        comments += [name, when, said, "Reply"]
    text = _page(["Two thousand trees planted along the river"], ["4 comments", *comments])
    clean = clean_plain_text(text)
    assert [p.text for p in clean.passages] == ARTICLE
    reasons = {r.text: r.reason for r in clean.removed}
    assert reasons["Who will water them in August though? Nobody has said."].startswith(
        "comment thread"
    )


def test_a_list_of_other_stories_with_their_dates() -> None:
    others = []
    for headline, day in [
        ("Bridge repairs to close the high street for a week", "1 April 2024"),
        ("School wins national prize for its science garden", "31 March 2024"),
        ("Bus timetable changes from Monday: what you need to know", "30 March 2024"),
        ("Market hall reopens after two years of works", "29 March 2024"),
    ]:
        others += [headline, "By Staff Reporter", day]
    text = _page(["Two thousand trees planted along the river"], ["Latest news", *others])
    clean = clean_plain_text(text)
    assert [p.text for p in clean.passages] == ARTICLE
    reasons = {r.text: r.reason for r in clean.removed}
    assert reasons["Market hall reopens after two years of works"].startswith(
        "list of other stories"
    )


def test_headline_and_summary_teasers_after_the_article() -> None:
    teasers = [
        "Share",
        "Email",
        "Print",
        "More from the Courier",
        "Bridge repairs to close the high street",
        "Traders fear a week of lost business as the council starts work on Monday.",
        "School wins national science prize",
        "Pupils built a pond and a weather station in the playground last year.",
        "Market hall reopens",
        "Twenty stalls are back after two years of works on the old roof.",
    ]
    text = _page(["Two thousand trees planted along the river"], teasers)
    assert _texts(text) == ARTICLE


def test_junk_the_old_phrase_lists_missed_is_removed_after_the_article() -> None:
    after = [
        "Claim now!",
        "Loving this issue? Forward it",
        "Show source",
        "END OF ARTICLE",
        "More like this",
    ]
    text = _page(["Two thousand trees planted along the river"], after)
    clean = clean_plain_text(text)
    assert [p.text for p in clean.passages] == ARTICLE
    assert {r.text for r in clean.removed} >= set(after)


def test_interface_lines_between_paragraphs_go_and_short_prose_lines_stay() -> None:
    middle = ["Show source", "More like this", "Where the trees went"]
    clean = clean_plain_text(_page(["Two thousand trees planted along the river"], [], middle))
    texts = [p.text for p in clean.passages]
    assert texts == [ARTICLE[0], "Where the trees went", ARTICLE[1], ARTICLE[2]]
    assert clean.passages[1].kind is PassageKind.HEADING
    reasons = {r.text: r.reason for r in clean.removed}
    assert reasons["Show source"] == "interface text"
    assert reasons["More like this"] == "related-links heading"


def test_sentences_with_the_words_of_junk_are_prose() -> None:
    middle = [
        "The mayor said the city would reach out to residents who lost gardens to the floods.",
        "Comments from the transport minister drew sharp criticism from the opposition.",
        "Residents can register now for a free tree of their own from the autumn.",
        "Follow-up plantings are planned for next year if the saplings survive.",
    ]
    texts = _texts(_page(["Two thousand trees planted along the river"], [], middle))
    assert texts == [ARTICLE[0], *middle, ARTICLE[1], ARTICLE[2]]


def test_a_paragraph_about_copyright_law_is_article_text() -> None:
    last = (
        "Under the Copyright Act of 1988, the court said, the photographs belonged to the agency."
    )
    text = _page(["Two thousand trees planted along the river"], [last])
    assert _texts(text)[-1] == last
    notice = _page(["Two thousand trees planted along the river"], ["© 2024 Valley Courier Ltd."])
    clean = clean_plain_text(notice)
    assert clean.removed[-1].reason == "copyright notice"


def test_lists_of_names_in_a_clean_article_stay() -> None:
    squad = [
        "The squad:",
        "Forwards: Ellis Genge, Jamie George, Kyle Sinckler, Maro Itoje",
        "Backs: Ben Youngs, Owen Farrell, Manu Tuilagi, Jonny May, Elliot Daly",
    ]
    longlist = [
        "The longlist:",
        "The Orchard Keeper by Ana Ruiz",
        "Salt Roads by Tom Hale",
        "A House of Lamps by Mira Shah",
        "Winter Ferry by Jon Eck",
        "The Last Tram by Ida Berg",
    ]
    for names in (squad, longlist):
        text = "Squad and prize news\n\n" + "\n\n".join(ARTICLE) + "\n\n" + "\n".join(names) + "\n"
        texts = _texts(text)
        assert texts[-len(names) :] == names


def test_the_sites_own_notices_go() -> None:
    notice = [
        "This website uses cookies to improve your experience while you navigate through it.",
        "Necessary cookies are absolutely essential for the site to function properly.",
    ]
    text = _page(["Two thousand trees planted along the river"], ["Privacy Overview", *notice])
    clean = clean_plain_text(text)
    assert [p.text for p in clean.passages] == ARTICLE
    reasons = {r.text: r.reason for r in clean.removed}
    assert reasons[notice[1]].startswith("the site's notice")


def test_every_removed_line_has_a_reason_and_no_line_is_lost() -> None:
    text = _page([*MENU, "Two thousand trees planted along the river"], ["Share", "© 2024 x"])
    clean = clean_plain_text(text)
    covered = {n for p in clean.passages for n in range(p.lines[0], p.lines[1] + 1)}
    removed = {r.line for r in clean.removed if r.reason}
    lines = [n for n, line in enumerate(text.split("\n"), start=1) if line.strip()]
    assert all(n in covered or n in removed for n in lines)
