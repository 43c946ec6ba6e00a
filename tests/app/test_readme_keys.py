"""The README's key table and the app agree: every key it names is bound where it says, and
every key the reader shows at the bottom of its screen is in the table."""

from __future__ import annotations

import re

from textual.keys import _character_to_key

from tests.support import ROOT
from tui.app import DossierApp
from tui.dialogs.help import bindings_of
from tui.keys import help_sections
from tui.screens.reader import ReaderScreen

WORDS = {"Enter": "enter", "Escape": "escape"}  # how the README writes some keys


def table_keys() -> set[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("| key | what it does |") :].split("\n\n")[0]
    keys = set()
    for row in table.splitlines()[2:]:
        cell = row.split("|")[1]
        for key in re.findall(r"`([^`]+)`", cell):
            key = WORDS.get(key, key)
            keys.add(_character_to_key(key) if len(key) == 1 and not key.isalnum() else key)
    return keys


def bound_keys() -> set[str]:
    owners = [owner for _, group in help_sections(DossierApp) for owner in group]
    return {
        key.strip()
        for owner in owners
        for binding in bindings_of(owner)
        for key in binding.key.split(",")
    }


def test_every_key_in_the_readme_table_is_bound() -> None:
    assert table_keys() - bound_keys() == set()


def test_every_key_the_reader_shows_is_in_the_readme_table() -> None:
    shown = {
        key.strip()
        for owner in (ReaderScreen, DossierApp)
        for binding in bindings_of(owner)
        for key in binding.key.split(",")
        if binding.show
    }
    assert shown - table_keys() == set()


def test_the_readme_quotes_the_search_rules_the_app_applies() -> None:
    from search.index.rules import RULES

    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert " ".join(RULES.split()) in readme
