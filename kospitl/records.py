"""Records passed between the pipeline stages.

They are values: never changed once made, and hashable. They are not frozen dataclasses only
because a frozen one is built field by field through ``object.__setattr__`` (5x slower), and an
article makes dozens of them."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kospitl.dates import DateRef


@dataclass(unsafe_hash=True)  # a value (see above)
class Mention:
    """A figure as extracted: its meaning is known, its date still a phrase (or none).

    ``date_ref`` None means "the session the text it sits in reports on"; ``base`` is that
    session's own date where a section carries one (Related Articles and Timeline lines).
    ``shift`` moves the resolved date by whole sessions ("a day after reaching ...": -1).
    """

    kind: str
    subject: str
    metric: str
    as_of: str
    value: float
    approx: bool
    start: int
    end: int
    sent_start: int
    sent_end: int
    rule: str
    decimals: int = 0
    quantum: float = 1.0
    date_ref: DateRef | None = None
    base: date | None = None
    shift: int = 0
    needs_own_date: bool = False


@dataclass(unsafe_hash=True)  # a value (see above)
class Observation:
    """A figure with its session date resolved, ready to store."""

    date: str
    kind: str
    subject: str
    metric: str
    as_of: str
    value: float
    approx: bool
    evidence: str
    line: int
    start: int
    end: int
    rule: str
    date_rule: str
    decimals: int = 0
    quantum: float = 1.0

    def key(self) -> tuple[str, str, str, str, str]:
        return (self.date, self.kind, self.subject, self.metric, self.as_of)
