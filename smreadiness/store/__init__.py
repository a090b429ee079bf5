"""The store: saved assessments as TOML files in the data directory."""

from smreadiness.files import StoreError
from smreadiness.store.assessment import SCHEMA_VERSION, Assessment, parse_assessment
from smreadiness.store.store import Entry, NotFoundError, Store, read_assessment

__all__ = [
    "SCHEMA_VERSION",
    "Assessment",
    "Entry",
    "NotFoundError",
    "Store",
    "StoreError",
    "parse_assessment",
    "read_assessment",
]
