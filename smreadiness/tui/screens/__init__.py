"""Screens of the TUI, one per file; each imported only when first shown."""
