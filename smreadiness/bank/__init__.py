"""Question banks: the TOML format (schema), validation, and the runtime form (model) the
engine uses. Import the modules themselves; this package imports nothing, so that the list
cache can check bank files without loading the model."""
