"""Modal dialogs of the reader app."""
