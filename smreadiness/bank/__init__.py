"""Question banks: the TOML format, validation, and the runtime form the engine uses."""

from smreadiness.bank.model import VERDICT_RANK, VERDICTS, Bank, Question

__all__ = ["VERDICTS", "VERDICT_RANK", "Bank", "Question"]
