"""Dossier's non-UI core: loading, cleaning, indexing, facts, compare and bookmarks.

Nothing in this package imports Textual; the command line and the app both call into it.
"""
