"""Wire stories, on stories written for these tests (none is from the development set): the
headline is the title, the dateline gives place and date (a date without a year is never
completed), sign-offs go with their reason, entities are decoded, tables of figures stay
tables; and the whole labelled development set meets the targets."""

from __future__ import annotations

import pytest

from search.model import PassageKind
from search.reading.clean import clean_plain_text
from search.reading.newswire import dateline_of
from tests.support.reading import NEWSWIRE, score_newswire

STORY = """\
NORTHERN MILLS &lt;NML> TO CLOSE TWO PLANTS
By Ann Webb, Reuters
PORTLAND, Maine, March 4 -
Northern Mills Inc said it will close two of its
paper plants in the state by the end of the year, cutting
about 450 jobs, because demand for newsprint has fallen.
    The company said the closings would cost 12.5 mln dlrs,
to be charged against first quarter earnings.
 REUTER
&#3;
"""

RESULTS = """\
HARBOR FOODS &lt;HBF> 2ND QTR NET
CHICAGO, April 2 -
Shr 41 cts vs 37 cts
    Net 2,310,000 vs 2,080,000
    Revs 61.2 mln vs 55.9 mln
    Six mths
    Shr 79 cts vs 70 cts
    Net 4,450,000 vs 3,940,000
    NOTE: results include a gain of 310,000 dlrs from the
sale of a warehouse.
 Reuter
&#3;
"""


def test_a_wire_story_headline_dateline_byline_and_sign_off() -> None:
    clean = clean_plain_text(STORY)
    assert clean.title == "NORTHERN MILLS &lt;NML> TO CLOSE TWO PLANTS"  # decoded when read
    assert clean.byline == "Ann Webb, Reuters"
    assert (clean.dateline, clean.place) == ("PORTLAND, Maine, March 4 -", "PORTLAND, Maine")
    assert clean.published is None  # "March 4" has no year: never invented
    texts = [p.text for p in clean.passages]
    assert texts[0].startswith("Northern Mills Inc said it will close two of its paper plants")
    assert texts[0].endswith("because demand for newsprint has fallen.")
    assert texts[1] == (
        "The company said the closings would cost 12.5 mln dlrs, to be charged against first "
        "quarter earnings."
    )
    reasons = {r.text: r.reason for r in clean.removed}
    assert reasons["REUTER"] == "sign-off (the agency's name)"
    assert reasons["&#3;"] == "end-of-story mark"
    assert reasons["PORTLAND, Maine, March 4 -"] == "dateline (shown in the article's details)"


def test_entities_are_decoded_when_the_file_is_read(tmp_path) -> None:
    from tests.support import write
    from tests.support.reading import read

    write(tmp_path, "story.txt", STORY)
    article = read(tmp_path, "story.txt")
    assert article.title == "NORTHERN MILLS <NML> TO CLOSE TWO PLANTS"
    assert "&#3;" not in article.body_text() and "REUTER" not in article.body_text()


def test_a_table_of_figures_stays_a_table_and_its_note_is_prose() -> None:
    clean = clean_plain_text(RESULTS)
    kinds = [(p.kind, p.lines) for p in clean.passages]
    assert kinds == [(PassageKind.TABLE, (3, 8)), (PassageKind.PARAGRAPH, (9, 10))]
    assert clean.passages[0].text.split("\n")[3] == "Six mths"
    assert clean.passages[1].text.startswith("NOTE: results include a gain of 310,000 dlrs")
    assert clean.title == "HARBOR FOODS &lt;HBF> 2ND QTR NET"


@pytest.mark.parametrize(
    ("text", "place", "date", "rest"),
    [
        ("LONDON, March 2 (Reuters) - Oil prices fell.", "LONDON", "March 2", "Oil prices fell."),
        ("WASHINGTON (AP) — The Senate voted.", "WASHINGTON", None, "The Senate voted."),
        ("SAN DIEGO, Calif. — A fire broke out.", "SAN DIEGO, Calif.", None, "A fire broke out."),
        ("Lyon, 12 June - Strikes spread.", "Lyon", "12 June", "Strikes spread."),
        ("KYIV, Jan. 5, 2023 - Power returned.", "KYIV", "Jan. 5, 2023", "Power returned."),
    ],
)
def test_datelines_of_several_shapes(text: str, place: str, date: str | None, rest: str) -> None:
    found = dateline_of(text)
    assert found is not None
    assert (found.place, found.date, found.rest) == (place, date, rest)


@pytest.mark.parametrize(
    "text",
    [
        "Paris - the city of light - welcomed visitors.",  # no capitals, no date: not a place
        "NASA",  # nothing after it
        "The mayor, March 3 - a date in a sentence",
    ],
)
def test_what_is_not_a_dateline(text: str) -> None:
    assert dateline_of(text) is None


def test_a_short_last_line_that_is_text_stays() -> None:
    clean = clean_plain_text(
        "Late goal wins derby\n\nThe home side won with a goal in the last minute of the match.\n\n"
        "Att: 41,200\n\nRef: J Moss\n"
    )
    texts = [p.text for p in clean.passages]
    assert texts[-2:] == ["Att: 41,200", "Ref: J Moss"]


def test_credits_after_a_story_are_a_sign_off() -> None:
    clean = clean_plain_text(
        "Markets edge higher on trade hopes\n\n"
        "Stocks rose on Tuesday as investors bet that trade talks would resume next month.\n\n"
        "(Reporting by Jane Roe in New York; Editing by John Doe)\n"
    )
    assert [p.text for p in clean.passages] == [
        "Stocks rose on Tuesday as investors bet that trade talks would resume next month."
    ]
    assert clean.removed[-1].reason == "sign-off (reporting and editing credits)"


@pytest.mark.skipif(not NEWSWIRE.is_dir(), reason="the shared data is not beside the repo")
def test_the_newswire_set_meets_its_targets() -> None:
    score = score_newswire()
    assert score.files == 350
    assert score.wrong_titles == []
    assert score.signoffs_left == []
    assert score.text_removed == []
    assert score.numbers_changed == []
    assert score.entities_left == []
