"""What a check reports: findings with a rule, a severity, where (field and character
span), a message in Chinese and English, and a suggested fix where there is one."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from newsdesk.i18n import N_, _
from newsdesk.model import field_label

BLOCK, WARN, INFO = "block", "warn", "info"
_SEVERITIES = {BLOCK: N_("block"), WARN: N_("warn"), INFO: N_("info")}


def severity_label(severity: str) -> str:
    """A finding's severity as the newsroom says it (拦截, 警告, 提示)."""
    return _(_SEVERITIES[severity]) if severity in _SEVERITIES else severity


def place_label(name: str) -> str:
    """Where a finding is, as the newsroom says it: a field of the story (正文), or the
    site's settings."""
    return _("site settings") if name == "site" else field_label(name)


@dataclass
class Finding:
    rule: str
    severity: str
    field: str          # which field of the story: title, body, source, …
    start: int          # character span in that field
    end: int
    text: str           # what was matched there
    message: str        # Chinese, for the newsroom
    message_en: str
    suggestion: str | None = None   # replacement text for start:end, when there is one
    category: str = ""
    accepted: bool = False
    note: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        """What an acceptance is matched by: it survives edits elsewhere in the text."""
        return (self.rule, self.field, self.text)


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    char_count: int = 0
    error_rate: float = 0.0      # findings per 10,000 characters
    threshold: float = 3.0

    @property
    def verdict(self) -> str:
        open_ = [f for f in self.findings if not f.accepted]
        if any(f.severity == BLOCK for f in open_):
            return BLOCK
        return WARN if any(f.severity == WARN for f in open_) else "pass"

    @property
    def blocking(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == BLOCK and not f.accepted]

    def to_dict(self) -> dict:
        return {"verdict": self.verdict, "char_count": self.char_count,
                "error_rate": round(self.error_rate, 2), "threshold": self.threshold,
                "findings": [asdict(f) for f in self.findings]}

    @classmethod
    def from_dict(cls, data: dict) -> "Report":
        return cls([Finding(**f) for f in data["findings"]], data["char_count"],
                   data["error_rate"], data["threshold"])
