"""Question banks by (spec, language), loaded once per screen that lists many assessments."""

from __future__ import annotations

from typing import TYPE_CHECKING

from smreadiness.problems import ProblemsError

if TYPE_CHECKING:
    from smreadiness.bank.model import Bank


class BankCache:
    """Banks by (spec, language), loaded once; a bank that fails is remembered as its error."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._banks: dict[str, Bank | str] = {}

    def get(self, spec: str | None) -> Bank | str:
        key = spec or ""
        if key not in self._banks:
            from smreadiness.bank.loader import load_bank

            try:
                self._banks[key] = load_bank(spec or None, self.language)
            except ProblemsError as error:
                self._banks[key] = "; ".join(p.message for p in error.problems)
        return self._banks[key]
