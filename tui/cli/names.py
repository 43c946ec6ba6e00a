"""The command's name and its sub-commands (what `dossier` alone, without a parser, needs)."""

PROG = "dossier"
SUBCOMMANDS = ("articles", "show", "fix", "index", "search", "facts", "compare", "bookmarks")
