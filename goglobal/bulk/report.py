"""What an import did or would do, row by row: the dry run's table and the real run's record."""

from __future__ import annotations

from dataclasses import dataclass, field

# The report keeps every refused row up to this many, and the first of the others: enough to
# review, bounded for a 100,000-row file.
MAX_ERROR_ROWS = 5000
MAX_OK_ROWS = 2000


@dataclass
class RowOutcome:
    row: int
    key: str = ""
    action: str = ""  # create, update, unchanged or error
    errors: list[dict] = field(default_factory=list)

    def add(self, column: str, message: str) -> None:
        self.errors.append({"column": column, "message": str(message)})
        self.action = "error"


@dataclass
class Report:
    kind: str
    dry_run: bool
    file_errors: list[str] = field(default_factory=list)
    outcomes: list[RowOutcome] = field(default_factory=list)
    committed: bool = False

    @property
    def ok(self) -> bool:
        return not self.file_errors and not any(o.errors for o in self.outcomes)

    def counts(self) -> dict[str, int]:
        counts = {"total": len(self.outcomes), "create": 0, "update": 0, "unchanged": 0, "error": 0}
        for outcome in self.outcomes:
            counts[outcome.action or "unchanged"] += 1
        return counts

    def as_dict(self) -> dict:
        errors = [o for o in self.outcomes if o.errors]
        others = [o for o in self.outcomes if not o.errors]
        shown = sorted(errors[:MAX_ERROR_ROWS] + others[:MAX_OK_ROWS], key=lambda o: o.row)
        return {
            "kind": self.kind,
            "dry_run": self.dry_run,
            "committed": self.committed,
            "counts": self.counts(),
            "file_errors": [str(message) for message in self.file_errors],
            "rows": [
                {"row": o.row, "key": o.key, "action": o.action, "errors": o.errors} for o in shown
            ],
            "rows_truncated": len(shown) < len(self.outcomes),
        }
