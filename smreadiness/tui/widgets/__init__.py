"""Reusable widgets of the TUI, one public class per file."""
