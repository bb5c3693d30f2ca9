"""机审's stored state: the word lists, findings a reviewer accepted, and the report
kept with each submitted revision."""
from __future__ import annotations

import json

from newsdesk import times
from newsdesk.ids import new_id
from newsdesk.model import ListEntry, Term
from newsdesk.store._sql import Repository


class Checks(Repository):
    def terms(self) -> list[Term]:
        return [Term(*r) for r in self.conn.execute(
            "SELECT term, level, category, replacement FROM word_terms ORDER BY term")]

    def terms_version(self) -> str:
        """Changes whenever the word list does (what cached matchers are keyed by)."""
        count, latest = self.conn.execute(
            "SELECT COUNT(*), MAX(updated_at) FROM word_terms").fetchone()
        return f"{count}:{latest}"

    def set_terms(self, terms: list[Term], actor_id: str | None, replace: bool = False) -> int:
        """Add (or update, by term) word-list entries; replace drops the others first."""
        now = times.now()
        with self.store.transaction():
            if replace:
                self.conn.execute("DELETE FROM word_terms")
            self.conn.executemany(
                "INSERT INTO word_terms (id, term, level, category, replacement, created_at, "
                "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (term) DO "
                "UPDATE SET level = excluded.level, category = excluded.category, "
                "replacement = excluded.replacement, updated_at = excluded.updated_at, "
                "updated_by = excluded.updated_by",
                [(new_id(), t.term, t.level, t.category, t.replacement, now, now, actor_id)
                 for t in terms])
        return len(terms)

    def entries(self, kind: str) -> list[ListEntry]:
        """One of the outlet's other lists (names, confusions, traditional), in order."""
        return [ListEntry(*r) for r in self.conn.execute(
            "SELECT key, value, note FROM check_lists WHERE kind = ? ORDER BY position",
            [kind])]

    def lists_version(self) -> str:
        count, latest = self.conn.execute(
            "SELECT COUNT(*), MAX(updated_at) FROM check_lists").fetchone()
        return f"{count}:{latest}"

    def set_entries(self, kind: str, entries: list[ListEntry], actor_id: str | None) -> int:
        """Replace one list, keeping the order given."""
        now = times.now()
        with self.store.transaction():
            self.conn.execute("DELETE FROM check_lists WHERE kind = ?", [kind])
            self.conn.executemany(
                "INSERT INTO check_lists VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(kind, n, e.key, e.value, e.note, now, now, actor_id)
                 for n, e in enumerate(entries)])
        return len(entries)

    def acceptances(self, article_id: str) -> dict[tuple[str, str, str], str]:
        return {(r, f, t): note for r, f, t, note in self.conn.execute(
            "SELECT rule, field, text, note FROM check_acceptances WHERE article_id = ?",
            [article_id])}

    def all_acceptances(self) -> dict[str, dict[tuple[str, str, str], str]]:
        """article id → its accepted findings, for every story at once."""
        out: dict[str, dict] = {}
        for a, r, f, t, note in self.conn.execute(
                "SELECT article_id, rule, field, text, note FROM check_acceptances"):
            out.setdefault(a, {})[(r, f, t)] = note
        return out

    def accept(self, article_id: str, rule: str, field: str, text: str, note: str,
               actor_id: str | None) -> None:
        now = times.now()
        with self.store.transaction():
            self.conn.execute(
                "INSERT INTO check_acceptances VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT "
                "(article_id, rule, field, text) DO UPDATE SET note = excluded.note, "
                "updated_at = excluded.updated_at, updated_by = excluded.updated_by",
                [new_id(), article_id, rule, field, text, note, now, now, actor_id])

    def save_report(self, article_id: str, revision: int, verdict: str, report: dict) -> None:
        with self.store.transaction():
            self.conn.execute("INSERT OR REPLACE INTO check_reports VALUES (?, ?, ?, ?, ?)",
                              [article_id, revision, verdict,
                               json.dumps(report, ensure_ascii=False), times.now()])

    def report(self, article_id: str, revision: int) -> dict | None:
        row = self.conn.execute("SELECT report FROM check_reports WHERE article_id = ? AND "
                                "revision = ?", [article_id, revision]).fetchone()
        return json.loads(row[0]) if row else None

    def verdicts(self, ids: list[str]) -> dict[str, str]:
        """article id → the verdict recorded for its current revision, where one was."""
        return dict(self.in_chunks(
            "SELECT c.article_id, c.verdict FROM check_reports c JOIN articles a ON "
            "a.id = c.article_id AND a.revision = c.revision WHERE c.article_id IN "
            "({marks})", ids))
