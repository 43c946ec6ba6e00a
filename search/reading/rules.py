"""The named rules of the line classifier that judge a line by itself (or by the lines that
repeat it): what each recognises, and the reason a removed line is listed with.

No rule holds a phrase taken from any article. The few words some rules know are the general
vocabulary of web pages' controls ("share", "reply", "subscribe"...), and a line is only
taken for a control when it holds nothing else: a sentence that mentions comments or sign-ups
is prose. Context (where a line stands) is judged in search/reading/boilerplate.py.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from search.reading import metadata
from search.reading.lines import Line

# Rules, by name: the classifier runs the ones not disabled (the bench's ablation turns each
# off in turn to measure what it gains).
RULE_NAMES = (
    "separator",
    "stray number",
    "copyright notice",
    "end marker",
    "postscript",
    "disclaimer",
    "tag list",
    "site notice",
    "template placeholder",
    "interface text",
    "call to action",
    "picture credit",
    "pointer",
    "repeated label",
    "other script",
    "navigation run",
    "paragraph spacing",
    "article extent",
    "metadata lines",
    "dateline",
    "sign-off",
    "comment thread",
    "story teasers",
    "byline block",
    "table of figures",
    "list of names",
    "link list",
)

# The controls of web pages, in a few languages: a line made only of these (and of numbers,
# symbols and function words) is a button, a counter or a menu entry, never prose.
_CONTROL_WORDS = {
    "share": """share shares shared sharing tweet tweets pin facebook twitter linkedin whatsapp
        reddit pinterest email e-mail mail print copy link url permalink compartir teilen
        partager condividi""",
    "comment": """comment comments reply replies respond discussion discuss responses
        commentaire commentaires kommentar kommentare comentario comentarios commenti""",
    "sign-in": """log login logout sign signin signup register account password forgot
        profile""",
    "related": """related recommended trending popular latest read also more next previous prev
        older newer stories articles posts news coverage updates reading""",
    "interface": """home menu search close open skip main content navigation toggle back top
        scroll expand collapse show hide view all translate translation original source
        listen watch play video videos photo photos gallery image images audio subscribe
        subscribed unsubscribe newsletter newsletters follow followers like likes save saved
        bookmark download app advertisement advertisements ad ads sponsored sponsor cookies
        accept settings privacy policy terms contact help about sitemap rss feed min mins
        minute minutes end article story post page click tap here continue full enlarge
        caption edit report flag loading below above""",
}
_CONTROL = {word: kind for kind, words in _CONTROL_WORDS.items() for word in words.split()}
_FUNCTION_WORDS = set(
    "a an the this that these to of on in at for with by and or your our my it us".split()
)
_IMPERATIVE_CONTROLS = set(
    """share subscribe follow sign log register join download click tap read watch listen
    install forward""".split()
)
_SECOND_PERSON = re.compile(r"\b(?:you|your|you['’](?:re|ll|ve|d))\b", re.I)
# "...you can find it here.": a sentence whose end is the text of a link.
_POINTS_AT_LINK = re.compile(r"\b(?:here|below|above)\W*$", re.I)
_OURS = re.compile(r"\b(?:our|us)\b", re.I)
_SUBSCRIBING = re.compile(
    r"\b(?:un)?subscri(?:be|bing|ption)|\bsign(?:ing)? ?up\b|\bjoin\b|\bnewsletters?\b|"
    r"\bregister\b|\bfollow (?:us|me)\b|\bdownload\b|\binbox\b",
    re.I,
)
_QUOTE_MARKS = re.compile(r"[\"“”«»„]")
_PICTURE = re.compile(
    r"^\W*(?:image|photo|photograph|picture|illustration|graphic|video|credit|foto|bild)s?"
    r"\s*(?:source|credit|courtesy|by)?\s*[:：]",
    re.I,
)
_COPYRIGHT = re.compile(
    r"©|ⓒ|\(c\)\s*\d{4}|\ball (?:[^\W\d_]+ )?rights (?:are )?(?:reserved|belong)\b", re.I
)
# "Copyright 2024 Example Media": only on a short line that is no sentence (a paragraph about
# copyright law is prose).
_COPYRIGHT_YEAR = re.compile(r"\bcopyright\b.{0,40}\d{4}|\d{4}.{0,40}\bcopyright\b", re.I)
# A list of the page's keywords under its label ("Tags: a, b, c", "Filed under: x").
_TAG_LIST = re.compile(
    r"^\W*(?:related\s+)?(?:tags?|topics?|categories|category|keywords|labels|filed under|"
    r"filed to|tagged|temas|etiquetas|schlagworte|tópicos)\s*[:：]",
    re.I,
)
# What a site says about itself: its cookies, its terms, its privacy policy.
_SITE_NOTICE = re.compile(
    r"\b(?:this|our) (?:web ?site|site|page|app)\b|\bcookies?\b|\bterms of (?:use|service)\b|"
    r"\bprivacy (?:policy|notice|statement)\b|\buser agreement\b",
    re.I,
)
_NOTICE_HINTS = re.compile("site|cookie|terms of|privacy|agreement|app")  # on lower case
_SITE_SUBJECT = re.compile(r"^\W*(?:this|our) (?:web ?site|site|page|app)\b", re.I)
# A picture's caption that ends with its credit: "... (Image: GETTY)", "... Credit: Reuters".
_CREDITED = re.compile(
    r"\((?:image|photo|picture|pictured|credit|illustration|foto|bild)s?\b[^()]{0,60}\)\s*$|"
    r"\b(?:image|photo|picture) credit\b|\bcredit\s*:\s*\S[^.!?]{0,60}$",
    re.I,
)
_LINK_MARKS = ("»", "›", ">>", "→")
# A pointer to another page under a label of the page's controls ("Related: ...").
_POINTER = re.compile(r"^\W*([^\W\d_]+(?:[ '’][^\W\d_]+){0,2})\s*[:：]\s*\S")
# The end of a text said in words: "THE END", "END OF ARTICLE", "Fin".
_END_MARKER = re.compile(
    r"^[\s\-—=*_~]*(?:the end|fin|end of (?:the )?(?:article|story|post|page))[\s\-—=*_~.!]*$", re.I
)
# A letter's or a newsletter's postscript: "PS. If you missed ...", "P.S. ...".
_POSTSCRIPT = re.compile(r"^P\.?\s?S\.?\s")
# A button's urgency: two or three words ending in "now" ("Lock now!", "Claim now!").
_URGENT = re.compile(r"^\W*[^\W\d_]+(?:\s[^\W\d_]+)?\s+now\s*!*\s*$", re.I)
# A legal notice under its label ("Disclaimer: ...", "免责声明").
_DISCLAIMER = re.compile(r"^\W*(?:disclaimer|legal notice|免责声明|风险提示)\b", re.I)
_TEMPLATE = re.compile(r"\{\{[^}]*\}\}|\{%[^%]*%\}|\*\|[A-Z_]+\|\*|%%[A-Za-z_]+%%")
_SEPARATOR = re.compile(r"^[\s\-—_=*~·•.#]{3,}$")
_WORDS = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


SHORT_JUNK_MAX_WORDS = 25  # rules that know words only look at lines this short


@dataclass(frozen=True)
class Verdict:
    """A rule's finding on one line: the rule's name and the reason shown to the reader."""

    rule: str
    reason: str


def _starts_with_pictograph(text: str) -> bool:
    return bool(text) and unicodedata.category(text[0]) == "So"


def control_kind(line: Line) -> str | None:
    """The kind of control a short line is made of ("share", "comment"...), or None when it
    holds any word that is not a control's, a function word or a number."""
    if line.words > 6 or line.sentence_like:
        return None
    words = [w.lower() for w in _WORDS.findall(line.text)]
    if not words:
        return None
    kinds = Counter()
    for word in words:
        kind = _CONTROL.get(word)
        if kind is None and word not in _FUNCTION_WORDS:
            return None
        if kind:
            kinds[kind] += 1
    if not kinds:
        return None
    for kind in ("comment", "share", "sign-in", "related"):
        if kinds[kind]:
            return kind
    return "interface"


_CONTROL_REASONS = {
    "comment": "comment widget",
    "share": "share bar",
    "sign-in": "sign-in prompt",
    "related": "related-links heading",
    "interface": "interface text",
}


def _call_to_action(line: Line) -> bool:
    """A short line that speaks to the reader to make them act: second person in a question
    or an exclamation, or an imperative control word opening it ("Subscribe to…")."""
    text = line.text
    if line.words > SHORT_JUNK_MAX_WORDS or _QUOTE_MARKS.search(text):
        return False
    first = _WORDS.match(text.lstrip("🌟 \t"))
    opener = first.group().lower() if first else ""
    addressed = bool(_SECOND_PERSON.search(text))
    asks = text.rstrip().endswith(("?", "!", "→", "»", ">")) or "?" in text
    # A question to the reader is a call to action when it asks them to use the page's
    # controls ("Enjoying this? Share it"); a blog's own questions to its readers are prose.
    if addressed and asks and any(w.lower() in _CONTROL for w in _WORDS.findall(text)):
        return True
    if addressed and _starts_with_pictograph(text):
        return True
    low = line.lower
    if (addressed or "click" in low or "tap" in low) and _POINTS_AT_LINK.search(text):
        return True
    ours = "our" in low or "us" in low
    if (addressed or (ours and _OURS.search(text))) and _SUBSCRIBING.search(text):
        return True  # "Join our forums...", "You can unsubscribe at any time..."
    if "now" in low and _URGENT.match(text):
        return True
    return line.words <= 12 and opener in _IMPERATIVE_CONTROLS


LineRule = Callable[[Line], str | None]


ANY = float("inf")


def _rules() -> tuple[tuple[str, float, LineRule], ...]:
    def separator(line: Line) -> str | None:
        if _SEPARATOR.match(line.text):
            return "separator"
        return None if line.has_content else "decoration (no letters or digits)"

    def stray_number(line: Line) -> str | None:
        return "stray number line" if line.number_only and not line.figures else None

    def copyright_notice(line: Line) -> str | None:
        text = line.text
        low = line.lower
        hinted = "©" in text or "ⓒ" in text or "(c)" in low or "copyright" in low
        if line.words > 60 or not (hinted or "rights" in low):
            return None
        if _COPYRIGHT.search(text):
            return "copyright notice"
        if line.words > SHORT_JUNK_MAX_WORDS:
            return None
        short = line.words <= 12 and not line.sentence_like
        return "copyright notice" if short and _COPYRIGHT_YEAR.search(text) else None

    def end_marker(line: Line) -> str | None:
        return "end marker" if line.words <= 4 and _END_MARKER.match(line.text) else None

    def postscript(line: Line) -> str | None:
        return "newsletter text" if line.words <= 40 and _POSTSCRIPT.match(line.text) else None

    def disclaimer(line: Line) -> str | None:
        return "disclaimer" if _DISCLAIMER.match(line.text) else None

    def site_notice(line: Line) -> str | None:
        if line.words > 120 or not _NOTICE_HINTS.search(line.lower):
            return None
        found = {m.group().lower() for m in _SITE_NOTICE.finditer(line.text)}
        site = any(m.startswith(("this", "our")) and "page" not in m for m in found)
        if len(found) >= 2 or site or (found and _SITE_SUBJECT.match(line.text)):
            return "the site's notice (cookies, terms, privacy)"
        return None

    def tag_list(line: Line) -> str | None:
        return "list of tags" if line.words <= 40 and _TAG_LIST.match(line.text) else None

    def template(line: Line) -> str | None:
        text = line.text
        if "{" not in text and "%%" not in text and "*|" not in text:
            return None
        return "unfilled template placeholder" if _TEMPLATE.search(text) else None

    def interface(line: Line) -> str | None:
        kind = None if line.figures else control_kind(line)
        return _CONTROL_REASONS[kind] if kind else None

    def call_to_action(line: Line) -> str | None:
        return "call to action" if not line.figures and _call_to_action(line) else None

    def picture_credit(line: Line) -> str | None:
        if line.words <= 16 and _PICTURE.match(line.text):
            return "image credit"
        credited = "(" in line.text or "redit" in line.text
        if credited and line.words <= 40 and _CREDITED.search(line.text):
            return "image caption (with its credit)"
        return None

    def pointer(line: Line) -> str | None:
        text = line.text
        if text.startswith(_LINK_MARKS) and "«" not in text and line.words <= 12:
            return "pointer to another page"  # "» More columns", "› Next story"
        if (":" not in text and "：" not in text) or line.words > 20 or line.sentence_like:
            return None
        match = _POINTER.match(text)
        if not match:
            return None
        label = [w.lower() for w in _WORDS.findall(match.group(1))]
        controls = [w for w in label if w in _CONTROL]
        if not controls or not all(w in _CONTROL or w in _FUNCTION_WORDS for w in label):
            return None
        if metadata.source_of(line) or metadata.byline_of(line):
            return None  # "Original source: X", "By: X" are the article's details
        if any(_CONTROL[w] == "share" for w in controls):
            return _CONTROL_REASONS["share"]  # "Share this article: Facebook X Email"
        return "pointer to another page"

    return (
        # (name, the most words a line it can fire on has, the rule)
        ("separator", 0, separator),
        ("template placeholder", ANY, template),
        ("copyright notice", 60, copyright_notice),
        ("end marker", 4, end_marker),
        ("postscript", 40, postscript),
        ("disclaimer", ANY, disclaimer),
        ("tag list", 40, tag_list),
        ("site notice", 120, site_notice),
        ("stray number", ANY, stray_number),  # "1 2 3 4 5 6 7 8 9 10": numbers only
        ("interface text", 6, interface),
        ("picture credit", 40, picture_credit),
        ("pointer", 20, pointer),
        ("call to action", SHORT_JUNK_MAX_WORDS, call_to_action),
    )


LINE_RULES = _rules()


def line_verdicts(lines: list[Line], disabled: frozenset[str]) -> dict[int, Verdict]:
    """What the rules that judge a line alone say about each non-blank line."""
    found: dict[int, Verdict] = {}
    for line in lines:
        if line.blank or line.table_row:
            continue
        words = line.words
        for name, most, rule in LINE_RULES:
            if words > most or name in disabled:
                continue
            reason = rule(line)
            if reason:
                found[line.number] = Verdict(name, reason)
                break
    # A notice goes on in the lines next to it that speak of the same things.
    notices = [i for i, line in enumerate(lines) if _is_rule(found, line, "site notice")]
    for i in notices:
        for j in (i - 2, i - 1, i + 1, i + 2):
            near = lines[j] if 0 <= j < len(lines) else None
            if near and near.number not in found and _notice_like(near):
                found[near.number] = found[lines[i].number]
    return found


def _notice_like(line: Line) -> bool:
    return line.words <= 120 and bool(_SITE_NOTICE.search(line.text))


def _is_rule(found: dict[int, Verdict], line: Line, name: str) -> bool:
    verdict = found.get(line.number)
    return verdict is not None and verdict.rule == name


REPEATED_LABEL_WORDS = 8


def repeated_labels(lines: list[Line], disabled: frozenset[str]) -> dict[int, Verdict]:
    """Short lines printed more than once on a page ("Advertisement", "Share", a section's
    name): the page's furniture, since an article's own headings are not repeated."""
    if "repeated label" in disabled:
        return {}
    counts = Counter(
        line.text.casefold()
        for line in lines
        if not line.blank and line.short and line.words <= REPEATED_LABEL_WORDS
    )
    return {
        line.number: Verdict("repeated label", "label repeated on the page")
        for line in lines
        if not line.blank
        and not line.figures
        and line.short
        and line.words <= REPEATED_LABEL_WORDS
        and counts[line.text.casefold()] > 1
    }
