"""The query rules as users read them (the README and the app's `?` quote them); the query
language that follows them is search/index/query.py. Kept apart so the help shows them without
importing Whoosh."""

RULES = """\
Results are articles, best first, each listed once with its best passages under it ("+N more
in this article"); a file that holds the same article (identical, or a few words changed) is
named under it as a copy instead of being listed again.

1. Words find passages that contain any of them, in any form ("deploying" finds
   "deployed"). For 2 to 4 words, the articles with a passage holding all of them come
   first; then the rest, ranked by how rare and how frequent the words are in each.
   A word in an article's title raises that article's passages, but a passage is a hit
   only for what its own text says.
2. "Quoted words" are required and match as typed (in any case), side by side, in that
   order: every hit contains each quoted phrase, wherever it stands in the query.
   -"quoted words" drop the passages that hold all of those words, in any form.
3. Field filters restrict and never rank: title:Blair budget finds the passages about
   budget in articles whose title has Blair. title:, source: and kind: filter wherever
   they stand, with or without AND; title:(Blair OR Brown) accepts either. kind: takes
   heading, paragraph, list, table or quote. A filter alone (kind:table) lists every
   passage it lets through.
4. -word or NOT word drops every passage that contains the word.
5. AND, OR and parentheses combine words; +word requires a word.
6. prefix* finds words that start with the prefix (3 letters or more; its 50 most frequent
   completions).
7. "Did you mean" is offered only for plain words that the corpus does not have: never for
   field values, quoted words, prefixes, operators or excluded words.
"""
