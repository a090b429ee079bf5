"""Reports of an evaluation: text (Rich), JSON; all from the engine's one result."""
