"""Dossier's user interfaces: the `dossier` command line and the Textual reader app."""
