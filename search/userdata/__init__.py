"""User data: atomic writes, locked versioned YAML files, YAML reading, the reader's state, the
config file, and where each lives (config, data and cache directories)."""

from search.lazy import lazy_exports

_EXPORTS = {
    "Config": "config",
    "default_corpus": "config",
    "load_config": "config",
    "ReaderState": "state",
    "StateStore": "state",
    "remember_query": "state",
    "atomic_write_text": "storage",
    "unused_name": "storage",
    "UserFile": "userfiles",
    "UserFileError": "userfiles",
    "YamlProblem": "yamltext",
    "load_yaml": "yamltext",
}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
