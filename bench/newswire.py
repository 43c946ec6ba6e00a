"""The cleaner on 350 wire and broadcast stories (../shared/data/newswire), checked against
labels made by reading every file before any output was seen (tests/fixtures/reading/newswire):
every headline the title, no sign-off left, no line of article text removed, no number changed."""

from __future__ import annotations

from tests.support.reading import NEWSWIRE, score_newswire

SHOWN = 5


def _examples(items: list[str]) -> str:
    return "; ".join(items[:SHOWN]) + (" ..." if len(items) > SHOWN else "") if items else ""


def run() -> str:
    if not NEWSWIRE.is_dir():
        return "## Newswire\n\nThe newswire set (../shared/data/newswire) is not beside the repo.\n"
    s = score_newswire()
    rows = [
        "| check | result | target | examples |",
        "|---|---:|---:|---|",
        f"| headline is the title | {s.titles}/{s.files} | all | {_examples(s.wrong_titles)} |",
        f"| sign-off lines left in the text | {len(s.signoffs_left)} of {s.signoffs} | 0 | "
        f"{_examples(s.signoffs_left)} |",
        f"| lines of article text removed | {len(s.text_removed)} of {s.text_lines} | 0 | "
        f"{_examples(s.text_removed)} |",
        f"| numbers changed or lost | {len(s.numbers_changed)} | 0 | "
        f"{_examples(s.numbers_changed)} |",
        f"| entities left undecoded (`&lt;`) | {len(s.entities_left)} | 0 | "
        f"{_examples(s.entities_left)} |",
        f"| dateline read (place, date as written) | {s.datelines_read}/{s.datelines} | | |",
        f"| byline read | {s.bylines_read}/{s.bylines} | | |",
        f"| text starts with the label's first words | {s.first_words}/{s.files} | | |",
        f"| text ends with the label's last words | {s.last_words}/{s.last_words_checked} | | "
        "(files without unmarked comments) |",
        f"| table lines in table passages | {s.table_lines_in_tables}/{s.table_lines} | | |",
        f"| unmarked reader comments and promos removed (may remove) | "
        f"{s.may_remove_removed}/{s.may_remove} | | |",
        f"| files that did not load | {len(s.failed)} | 0 | {_examples(s.failed)} |",
    ]
    return (
        "## Newswire: 350 wire and broadcast stories against their labels\n\n"
        + "\n".join(rows)
        + "\n"
    )
