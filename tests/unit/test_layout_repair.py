"""Layout repaired before classifying, on texts written for these tests: hard-wrapped and
double-spaced text reflowed from its line lengths, text in capitals read as text, list markers
only where a list is, tables of figures kept as tables."""

from __future__ import annotations

import textwrap

from search.model import PassageKind
from search.reading.clean import clean_plain_text
from search.reading.layout import repair_layout

PARAGRAPHS = [
    "THE OLD ORCHARD ON THE HILL HAS BEEN IN THE SAME FAMILY FOR FOUR GENERATIONS, AND EVERY "
    "AUTUMN THE NEIGHBOURS COME TO HELP WITH THE HARVEST BEFORE THE FIRST FROST ARRIVES.",
    "THIS YEAR THE CROP WAS SMALLER THAN USUAL: A LATE SPRING AND A DRY SUMMER LEFT MANY OF THE "
    "TREES WITH HALF THEIR USUAL LOAD, THOUGH THE FRUIT ITSELF WAS SWEETER THAN EVER.",
    "THE FAMILY SAYS IT WILL PLANT FORTY NEW TREES NEXT YEAR, MOSTLY OLD VARIETIES THAT "
    "NURSERIES HAD STOPPED SELLING, GRAFTED FROM THE OLDEST TREES IN THE ORCHARD.",
]


def _magazine(width: int) -> str:
    """An article typed in capitals, wrapped at `width` and double-spaced, paragraphs apart by
    two blank lines: what a scanned magazine page gives."""
    blocks = ["\n\n".join(textwrap.wrap(p, width)) for p in PARAGRAPHS]
    return "AN ORCHARD'S SLOW HARVEST\n\n\n" + "\n\n\n".join(blocks) + "\n"


def test_double_spaced_text_in_capitals_is_read_as_paragraphs() -> None:
    text = _magazine(58)
    clean = clean_plain_text(text)
    assert clean.title == "AN ORCHARD'S SLOW HARVEST"
    assert [p.kind for p in clean.passages] == [PassageKind.PARAGRAPH] * 3
    assert [p.text for p in clean.passages] == PARAGRAPHS
    assert [r.reason for r in clean.removed] == ["title (shown as the article's title)"]


def test_hard_wrapped_paragraphs_end_where_the_next_word_would_have_fitted() -> None:
    first = "The committee met on Monday to discuss the budget for the coming year. " * 3
    second = "Members agreed to postpone the vote until the auditors report in spring. " * 2
    text = textwrap.fill(first.strip(), 64) + "\n" + textwrap.fill(second.strip(), 64) + "\n"
    lines = [line for line in repair_layout(text) if not line.blank]
    assert [line.text for line in lines] == [first.strip(), second.strip()]


def test_a_list_is_a_list_and_a_wrapped_number_is_not() -> None:
    text = (
        "Harbour Holdings sets out a plan to pay its debts\n"
        "The board of Harbour Holdings reported its results for the year on\n"
        "Monday and said that net income for the twelve months to June rose to\n"
        "12. The figure excludes one-off gains from the sale of two buildings\n"
        "in the city centre and a warehouse by the river, it said in a note to\n"
        "the stock exchange, where its shares rose by a tenth in early trading.\n"
        "The plan has three steps:\n"
        "1. Sell the remaining buildings\n"
        "2. Repay the bank loans in full\n"
        "3. Return the rest to shareholders\n"
    )
    clean = clean_plain_text(text)
    items = [p.text for p in clean.passages if p.kind is PassageKind.LIST_ITEM]
    assert items == [
        "1. Sell the remaining buildings",
        "2. Repay the bank loans in full",
        "3. Return the rest to shareholders",
    ]
    body = " ".join(p.text for p in clean.passages)
    assert "to June rose to 12. The figure excludes" in body


def test_a_table_of_figures_with_columns_is_one_table_passage() -> None:
    text = (
        "Rainfall was well below the average in every region this spring, the office said.\n\n"
        "Region          March    April    May\n"
        "North           41.2     38.0     22.5\n"
        "South           12.9     10.4      8.1\n"
        "Coast           55.0     47.3     30.2\n\n"
        "Farmers in the south have been asked to cut their use of water by a fifth.\n"
    )
    clean = clean_plain_text(text)
    tables = [p for p in clean.passages if p.kind is PassageKind.TABLE]
    assert len(tables) == 1 and tables[0].lines == (3, 6)
    assert tables[0].text.split("\n")[1] == "North           41.2     38.0     22.5"


def test_one_paragraph_per_line_with_blank_lines_is_not_reflowed() -> None:
    paragraphs = [
        "Shops reopened on the high street on Saturday after the flood water went down.",
        "Owners said the damage would take weeks to repair and cost thousands of pounds.",
        "The council has promised grants to the businesses worst affected by the flood.",
        "A public meeting about defences against the river will be held next month.",
    ]
    clean = clean_plain_text("Flood clean-up begins\n\n" + "\n\n".join(paragraphs) + "\n")
    assert [p.text for p in clean.passages] == paragraphs
