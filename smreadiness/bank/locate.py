"""Where banks are: a bundled bank's id or a file path, and the translations beside it.

Apart from :mod:`smreadiness.bank.loader` so that checking whether a bank file changed (the list
cache does, for every saved file) does not import the bank model.
"""

from __future__ import annotations

from pathlib import Path

from smreadiness.paths import bundled_banks_dir, exists, user_path
from smreadiness.problems import Problem, ProblemsError
from smreadiness.textsafe import shorten

DEFAULT_BANK = "readiness"


def bundled_bank_ids() -> list[str]:
    """Ids of the bundled banks (one file each; translations are ``ID.LANG.toml``)."""
    folder = bundled_banks_dir()
    return sorted({p.name.split(".")[0] for p in folder.glob("*.toml")})


def translation_path(base: Path, language: str) -> Path:
    return base.with_name(f"{base.stem}.{language}.toml")


def translations_of(base: Path) -> list[Path]:
    """The translation files beside a bank file."""
    return sorted(p for p in base.parent.glob(f"{base.stem}.*.toml") if p.stem.count(".") == 1)


def resolve_bank(spec: str | None = None, language: str | None = None) -> Path:
    """The base bank file for a path or bundled id (default: the readiness bank)."""
    wanted = spec or DEFAULT_BANK
    candidate = user_path(wanted)
    if candidate.suffix == ".toml" or "/" in wanted or exists(candidate):
        if not exists(candidate):
            raise ProblemsError([Problem(shorten(wanted), "no such bank file")])
        return candidate
    plain = bundled_banks_dir() / f"{wanted}.toml"
    if len(wanted) <= 100 and exists(plain) and plain.is_file():
        return plain
    known = ", ".join(bundled_bank_ids()) or "none"
    raise ProblemsError(
        [Problem(shorten(wanted), f"no such bank; give a path to a .toml file or one of: {known}")]
    )


def bank_reference(spec: str | None) -> str:
    """What an assessment records of its bank: a bundled bank's id, else the file's absolute
    path (so a bank given as a relative path still resolves from another directory)."""
    path = resolve_bank(spec).resolve()
    if path.parent == bundled_banks_dir().resolve():
        return path.stem
    return str(path)
