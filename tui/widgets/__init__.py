"""Widgets of the reader app, one module each."""
