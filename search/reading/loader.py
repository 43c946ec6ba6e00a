"""Reading one file of a corpus into an Article: size check, decoding, then the cleaner that
fits its format (plain text, Markdown with front matter, or HTML)."""

from __future__ import annotations

from search.corrections import FIELDS, FileCorrections, locate, stored_corrections
from search.errors import LoadError
from search.model import (
    Article,
    CorrectionMarks,
    LineFix,
    Passage,
    PassageKind,
    RemovedLine,
    SourceFile,
)
from search.reading.clean import CleanText, clean_plain_text, first_paragraph
from search.reading.clipping import clean_markdown
from search.reading.decode import NotText, decode
from search.reading.htmlpage import extract_html, html_passages
from search.reading.lines import Line
from search.reading.markdown import reindex
from search.reading.metadata import attribution_of
from search.reading.structure import split_long_passages

PROSE_WORDS = 6  # an HTML page needs one passage this long to hold an article
MAX_FILE_BYTES = 16 * 1024 * 1024  # a news article is far smaller; larger files are refused
TITLE_FALLBACK_CHARS = 80


def _read_bytes(source: SourceFile, max_bytes: int) -> bytes:
    try:
        size = source.path.stat().st_size
        if size > max_bytes:
            raise LoadError(
                f"too large to be an article ({size / 1e6:.1f} MB; the limit is "
                f"{max_bytes / 1e6:.0f} MB)"
            )
        with source.path.open("rb") as handle:
            return handle.read(max_bytes + 1)
    except FileNotFoundError as error:
        raise LoadError("file disappeared while it was being read") from error
    except IsADirectoryError as error:
        raise LoadError("is a folder, not a file") from error
    except OSError as error:
        raise LoadError(f"cannot be read ({error.strerror or error})") from error


def _title_from_heading(
    title: str | None, passages: list[Passage]
) -> tuple[str | None, list[Passage], RemovedLine | None]:
    """Take a leading level-1 heading as the title when it is the title (or there is none):
    (title, the passages without it, the heading's line as removed)."""
    first = passages[0] if passages else None
    if not (first and first.kind is PassageKind.HEADING and first.level == 1):
        return title, passages, None
    if title is not None and title.casefold() != first.text.casefold():
        return title, passages, None
    line = first.lines[0] if first.lines else 0
    removed = RemovedLine(line, first.text, "title (shown as the article's title)")
    return first.text, reindex(passages[1:]), removed


def _clean_html(text: str) -> CleanText:
    page = extract_html(text)
    if page is None:
        raise LoadError("HTML page without article text (only markup, scripts or menus)")
    title, passages, _ = _title_from_heading(page.title, html_passages(page))
    # Words as the cleaner counts them: two CJK characters are a word (Japanese and Chinese
    # have no spaces between words, so splitting on spaces sees one "word" per sentence).
    if not any(Line(0, p.text).words >= PROSE_WORDS for p in passages):
        # What is left of a page of scripts and menus: a "Home" link, a cookie button.
        raise LoadError("HTML page without article text (only markup, scripts or menus)")
    return CleanText(
        passages=passages,
        title=title,
        byline=page.byline,
        source=page.source,
        published=page.published,
        url=page.url,
        attribution=attribution_of(first_paragraph(passages)),
    )


STORED = object()  # load_article's default: the reader's corrections stored for the file


def load_article(
    source: SourceFile,
    *,
    max_bytes: int = MAX_FILE_BYTES,
    corrections: FileCorrections | None | object = STORED,
) -> Article:
    """Read, decode and clean one file, with the reader's corrections of it (those stored,
    unless others or None are given). Raises LoadError with a one-line reason, whatever went
    wrong: one file's failure (a library missing, a bug on a strange page) never stops the
    reading of a corpus; the file is skipped with its reason."""
    try:
        fixes = stored_corrections(source) if corrections is STORED else corrections
        return _load(source, max_bytes, fixes if isinstance(fixes, FileCorrections) else None)
    except LoadError:
        raise
    except Exception as error:  # any failure of one file is that file's reason, never the corpus's
        detail = str(error).strip().splitlines()[0] if str(error).strip() else ""
        reason = f"{type(error).__name__}: {detail}" if detail else type(error).__name__
        raise LoadError(f"could not be read ({reason[:200]})") from error


def _load(source: SourceFile, max_bytes: int, fixes: FileCorrections | None) -> Article:
    data = _read_bytes(source, max_bytes)
    try:
        decoded = decode(data)
    except NotText as error:
        raise LoadError(str(error)) from error
    notes = list(decoded.repairs)
    located = locate(fixes.lines, decoded.text) if fixes and source.kind != "html" else []
    overrides = {found.line: found.fix.keep for found in located if found.line is not None}
    if source.kind == "markdown":
        clean, problems = clean_markdown(decoded.text, overrides=overrides)
        notes += problems
    elif source.kind == "html":
        clean = _clean_html(decoded.text)
    else:
        clean = clean_plain_text(decoded.text, overrides=overrides)
    if not clean.passages:
        raise LoadError("no article text found (everything in it looks like site furniture)")
    title = clean.title or _fallback_title(clean) or source.id
    article = Article(
        id=source.id,
        path=source.path,
        title=title,
        passages=split_long_passages(clean.passages),
        source=clean.source,
        byline=clean.byline,
        attribution=clean.attribution,
        published=clean.published,
        url=clean.url,
        removed=clean.removed,
        encoding=decoded.encoding,
        repairs=notes,
        text=decoded.text,
        dateline=clean.dateline,
        place=clean.place,
        tags=clean.tags,
    )
    if fixes:
        _correct_details(article, fixes, clean, [f.fix for f in located if f.stale])
    return article


def _correct_details(
    article: Article, fixes: FileCorrections, clean: CleanText, stale: list[LineFix]
) -> None:
    """The details the reader fixed, and marks of every correction made."""
    marks = CorrectionMarks(restored=sorted(clean.restored), removed=sorted(clean.unkept))
    for name in FIELDS:
        wanted = getattr(fixes, name)
        if wanted is not None and wanted != getattr(article, name):
            marks.fields[name] = (getattr(article, name), wanted)
            setattr(article, name, wanted)
    marks.stale = stale
    article.corrected = marks


def _fallback_title(clean: CleanText) -> str | None:
    heading = next((p.text for p in clean.passages if p.kind is PassageKind.HEADING), None)
    if heading:
        return heading
    text = clean.passages[0].text if clean.passages else ""
    if len(text) <= TITLE_FALLBACK_CHARS:
        return text or None
    return text[:TITLE_FALLBACK_CHARS].rsplit(" ", 1)[0] + "…"
