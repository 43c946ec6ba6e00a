"""A deterministic generator of synthetic news corpora: N articles of 300-1,500 words in
paragraphs of 40-150 words, drawn from a Zipf-like vocabulary (frequency ~ 1 / rank^1.07)."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

VOCABULARY = 30_000
SYLLABLES = [c + v for c in "bcdfghjklmnprstvwz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]
FUNCTION_WORDS = "the of and to in a is that for on with as by it at from was this be are".split()


def vocabulary(rng: random.Random) -> list[str]:
    words: list[str] = list(FUNCTION_WORDS)
    seen = set(words)
    while len(words) < VOCABULARY:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((1, 2, 2, 3, 3, 4))))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def generate(count: int, folder: Path, seed: int = 7) -> Path:
    """Write `count` articles into `folder` (reused when already complete)."""
    folder.mkdir(parents=True, exist_ok=True)
    if len(list(folder.glob("*.txt"))) == count:
        return folder
    rng = random.Random(seed)
    words = vocabulary(rng)
    weights = list(itertools.accumulate(1 / (rank**1.07) for rank in range(1, len(words) + 1)))
    for number in range(count):
        total = rng.randint(300, 1500)
        paragraphs, written = [], 0
        while written < total:
            size = min(rng.randint(40, 150), max(40, total - written))
            tokens = rng.choices(words, cum_weights=weights, k=size)
            sentences, start = [], 0
            while start < size:
                end = min(size, start + rng.randint(8, 22))
                sentence = " ".join(tokens[start:end])
                sentences.append(sentence[:1].upper() + sentence[1:] + ".")
                start = end
            paragraphs.append(" ".join(sentences))
            written += size
        title_words = rng.choices(words[200:], k=rng.randint(5, 10))
        title = " ".join(w.capitalize() for w in title_words)
        text = title + "\n\n" + "\n\n".join(paragraphs) + "\n"
        (folder / f"article-{number:05d}.txt").write_text(text, encoding="utf-8")
    return folder


def sample_queries(folder: Path, count: int, seed: int = 11) -> dict[str, list[str]]:
    """Queries of each class, drawn from the corpus's own text so that they find something."""
    rng = random.Random(seed)
    files = sorted(folder.glob("*.txt"))
    texts = [rng.choice(files).read_text(encoding="utf-8") for _ in range(count * 2)]
    content = [[w.strip(".").lower() for w in t.split() if len(w) > 4] for t in texts]
    queries: dict[str, list[str]] = {
        "one word": [],
        "two words": [],
        "phrase": [],
        "prefix": [],
        "question": [],
    }
    for words in content[:count]:
        queries["one word"].append(rng.choice(words))
        queries["two words"].append(f"{rng.choice(words)} {rng.choice(words)}")
        queries["phrase"].append(_adjacent_pair(rng, texts[len(queries["phrase"]) + count]))
        queries["prefix"].append(rng.choice(words)[:4] + "*")
        picks = rng.sample(words, 4)
        queries["question"].append(
            f"what is the {picks[0]} of {picks[1]} and {picks[2]} {picks[3]}"
        )
    return queries


def _adjacent_pair(rng: random.Random, text: str) -> str:
    """Two words that stand side by side in `text`, as a quoted phrase."""
    raw = text.split()
    while True:
        start = rng.randrange(len(raw) - 1)
        first, second = raw[start], raw[start + 1]
        if first.isalpha() and second.isalpha() and len(first) > 3 and len(second) > 3:
            return f'"{first.lower()} {second.lower()}"'
