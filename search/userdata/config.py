"""The user's `config.yaml` (in the user config directory), read with `yaml.safe_load`:

    corpus: ~/articles        # the corpus opened when none is named
    theme: dossier-light      # the theme at start (the last one chosen wins over it)
    keys:                     # binding id -> keys, to rebind the reader's keys
      search: "/,ctrl+k"

Dossier never writes this file. A part it cannot use is ignored with a one-line notice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from search.userdata import locations
from search.userdata.yamltext import YamlProblem, load_yaml

KNOWN_KEYS = ("corpus", "theme", "keys")


@dataclass
class Config:
    corpus: Path | None = None
    theme: str | None = None
    keys: dict[str, str] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)


def config_path() -> Path:
    return locations.config_dir() / "config.yaml"


def load_config(path: Path | None = None) -> Config:
    """The config, or an empty one with a notice when the file cannot be used."""
    path = path or config_path()
    config = Config()
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return config
    except (OSError, UnicodeDecodeError) as error:
        config.notices.append(f"config.yaml cannot be read ({type(error).__name__}); ignored")
        return config
    except YamlProblem as problem:
        config.notices.append(f"config.yaml is not valid YAML{problem.where()}; ignored")
        return config
    if data is None:
        return config
    if not isinstance(data, dict):
        config.notices.append("config.yaml is not a mapping of settings; ignored")
        return config
    for unknown in sorted(str(k) for k in data if k not in KNOWN_KEYS):
        config.notices.append(f"config.yaml: unknown setting '{unknown}' ignored")
    corpus = data.get("corpus")
    if isinstance(corpus, str) and corpus.strip():
        config.corpus = Path(corpus.strip()).expanduser()
    elif corpus is not None:
        config.notices.append("config.yaml: 'corpus' must be a folder path; ignored")
    theme = data.get("theme")
    if isinstance(theme, str) and theme.strip():
        config.theme = theme.strip()
    keys = data.get("keys")
    if isinstance(keys, dict):
        for binding, value in keys.items():
            if isinstance(value, str) and value.strip():
                config.keys[str(binding)] = value.replace(" ", "")
            else:
                config.notices.append(f"config.yaml: keys.{binding} must be a key string; ignored")
    elif keys is not None:
        config.notices.append("config.yaml: 'keys' must map binding ids to keys; ignored")
    return config


def default_corpus(config: Config | None = None) -> Path:
    """$DOSSIER_CORPUS, else the config's corpus, else the bundled one."""
    if locations.corpus_from_environment() is not None:
        return locations.default_corpus()
    if config is not None and config.corpus is not None:
        return config.corpus
    return locations.bundled_corpus()
