"""Unit tests of the core (search/) and of the command line run in-process: no app, no
subprocess of `dossier`. The seeds' index (`built_seed_index`) comes from tests/conftest.py."""
