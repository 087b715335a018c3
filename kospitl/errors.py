"""Errors (fatal, raised) and problems (non-fatal, located data)."""
from __future__ import annotations

from dataclasses import dataclass


class KospitlError(Exception):
    """A fatal error with a one-line, user-facing message."""


class ArticleError(KospitlError):
    """A file that cannot be read as an article."""


class SchemaTooNewError(KospitlError):
    """The database was written by a newer kospitl than this one."""


@dataclass(frozen=True)
class Problem:
    """Something an article states that kospitl could not turn into a fact.

    ``code`` is a short machine-readable reason (``no-date``, ``unknown-company``...),
    ``message`` the human sentence, ``line`` the 1-based line in the article file.
    """

    code: str
    message: str
    line: int | None = None
    evidence: str = ""
    severity: str = "warning"

    def render(self, source: str) -> str:
        where = f"{source}:{self.line}" if self.line else source
        return f"{where}: {self.message}"
