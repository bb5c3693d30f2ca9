"""An opened review item, read-only: the story, what changed since this stage last saw
it, and the history; Approve and Return act on it. The panel only shows and asks:
the rules are the core's (newsdesk.review.workflow)."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton,
    QTabWidget, QTextBrowser, QVBoxLayout, QWidget,
)

from newsdesk import present, times
from newsdesk.checks import RATED_FROM
from newsdesk.checks.findings import place_label, severity_label
from newsdesk.review import workflow
from newsdesk.review.traced import ReviewDiff, review_diff
from newsdesk.model import LABELS, Article
from newsdesk.store import Store
from ui.preview.preview_pane import PreviewPane


def history_html(store: Store, article: Article) -> str:
    """The review timeline, newest first: when, what, which stage, who (a publication
    names who published it), on which version."""
    version = QCoreApplication.translate("ReviewPanel", "version %1")
    rows = []
    for e in reversed(present.history(store, article.id)):
        comment = (f"<br><span style='color:#555'>{escape(e['comment'])}</span>"
                   if e["comment"] else "")
        on = f" · {escape(version.replace('%1', str(e['revision'])))}" if e["revision"] else ""
        rows.append(f"<p><b>{escape(e['at'][:16])}</b>&nbsp; "
                    f"{escape(e['action'])} {escape(e['stage_name'])} · {escape(e['actor'])}"
                    f"{on}{comment}</p>")
    return "".join(rows)


def _fields_html(fields: dict[str, list[tuple[str, str]]]) -> str:
    """Changed fields with what was deleted struck through and what was inserted marked."""
    out = []
    for name, ops in fields.items():
        spans = []
        for op, text in ops:
            text = escape(text).replace("\n", "<br>")
            if op == "insert":
                spans.append(f"<ins style='background:#d4f7d4;color:#064;'>{text}</ins>")
            elif op == "delete":
                spans.append(f"<del style='background:#fbd5d5;color:#900;'>{text}</del>")
            else:
                spans.append(text)
        out.append(f"<h4>{LABELS.get(name, name)}</h4><p>{''.join(spans)}</p>")
    return "".join(out)


class ReturnDialog(QDialog):
    """Asks why the story goes back; refuses to close on an empty reason."""

    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Return to author"))
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("What must change before it comes back?"))
        self.error = QLabel()
        self.error.setStyleSheet("color:#b00")
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Return “%1” with a reason:").replace("%1", title)))
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            workflow.needs_reason(self.reason.toPlainText(), workflow.RETURNING)
        except workflow.RuleError as e:
            self.error.setText(str(e))  # the rule's words, as the command line says them
            return
        super().accept()

    def text(self) -> str:
        return self.reason.toPlainText().strip()


class ReviewPanel(QWidget):
    approve_requested = Signal()
    return_requested = Signal()

    def __init__(self, store: Store, user, parent=None, look_of=None):
        super().__init__(parent)
        self.store = store
        self.user = user
        self.article: Article | None = None
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-size:15px;font-weight:bold")
        self.tabs = QTabWidget()
        self.preview = PreviewPane(store, look_of=look_of)  # the story as its page will look
        self.changes, self.history = QTextBrowser(), QTextBrowser()
        self.checks = QTextBrowser()
        self.tabs.addTab(self.preview, self.tr("Story"))
        self.tabs.addTab(self.changes, self.tr("Changes"))
        self.tabs.addTab(self.checks, self.tr("Checks"))
        self.tabs.addTab(self.history, self.tr("History"))
        self.approve_button = QPushButton(self.tr("&Approve"))
        self.return_button = QPushButton(self.tr("&Return…"))
        self.approve_button.setToolTip(self.tr("Sign off this stage (Ctrl+Shift+A)"))
        self.return_button.setToolTip(self.tr("Send back to the author (Ctrl+Shift+R)"))
        self.approve_button.clicked.connect(self.approve_requested)
        self.return_button.clicked.connect(self.return_requested)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.verdict, 1)
        buttons.addWidget(self.return_button)
        buttons.addWidget(self.approve_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.show_article(None)

    def _diff_html(self, diff: ReviewDiff) -> str:
        if diff.base_revision is None:
            out = ["<p>" + escape(self.tr("First review at this stage: no earlier revision "
                                          "to compare with.")) + "</p>"]
        elif not diff.seen_here:  # never opened at this stage: since it was submitted
            said = (self.tr("This stage has not reviewed this story before. Changes since "
                            "it was submitted as version %1, to version %2:")
                    if diff.fields else
                    self.tr("This stage has not reviewed this story before. It is unchanged "
                            "since it was submitted as version %1."))
            out = ["<p>" + escape(said.replace("%1", str(diff.base_revision))
                                  .replace("%2", str(diff.revision))) + "</p>",
                   _fields_html(diff.fields)]
        elif not diff.fields:
            out = ["<p>" + escape(self.tr("No changes since revision %1, which this stage "
                                          "last saw.").replace("%1", str(diff.base_revision))
                                  ) + "</p>"]
        else:
            out = ["<p>" + escape(self.tr("Changes from revision %1 to %2:")
                                  .replace("%1", str(diff.base_revision))
                                  .replace("%2", str(diff.revision))) + "</p>",
                   _fields_html(diff.fields)]
        # Reviewers' own edits (留痕), each attributed to its stage and reviewer.
        names = self.store.users.names(e.actor_id for e in diff.stage_edits)
        tz = self.store.settings().timezone
        for e in diff.stage_edits:
            out.append("<h3>" + escape(self.tr("Edited at %1 by %2 (%3):")
                                       .replace("%1", workflow.stage_name(self.store, e.stage))
                                       .replace("%2", names.get(e.actor_id, ""))
                                       .replace("%3", times.local_text(e.at, tz)[:16]))
                       + "</h3>" + _fields_html(e.fields))
        return "".join(out)

    def _checks_html(self, report: dict | None) -> str:
        if report is None:
            return "<p>" + escape(self.tr("No checks report was recorded for this revision.")
                                  ) + "</p>"
        verdict = {"pass": self.tr("Pass"), "warn": self.tr("Warnings"),
                   "block": self.tr("Blocked")}
        if report["char_count"] < RATED_FROM:  # one slip in a short story is no rate
            rate = self.tr("%1 characters: the error rate is judged from %2") \
                .replace("%1", str(report["char_count"])).replace("%2", str(RATED_FROM))
        else:
            rate = self.tr("%1 per 10,000 characters (threshold %2)") \
                .replace("%1", f"{report['error_rate']:.1f}") \
                .replace("%2", f"{report['threshold']:g}")
        rows = [f"<p><b>{escape(verdict.get(report['verdict'], report['verdict']))}</b> · "
                + escape(rate) + "</p>"]
        colors = {"block": "#b00", "warn": "#a60", "info": "#555"}
        accepted_label = self.tr("accepted")
        for f in report["findings"]:
            fix = f" → “{escape(f['suggestion'])}”" if f.get("suggestion") else ""
            accepted = f"<br><i>{escape(accepted_label)}: {escape(f['note'])}</i>" \
                if f.get("accepted") else ""
            rows.append(f"<p><span style='color:{colors.get(f['severity'], '#555')}'>"
                        f"{escape(severity_label(f['severity']))}</span> "
                        f"{escape(place_label(f['field']))} · "
                        f"{escape(f['message'])}{fix}{accepted}</p>")
        return "".join(rows)

    def show_article(self, article: Article | None) -> None:
        self.article = article
        refusal = workflow.why_not_sign(self.store, article, self.user) if article else None
        returning = workflow.why_not_review(self.store, article, self.user) if article else None
        self.approve_button.setEnabled(article is not None and refusal is None)
        self.approve_button.setToolTip(refusal or "")  # the rule, as the CLI says it
        self.return_button.setEnabled(article is not None and returning is None)
        self.return_button.setToolTip(returning or "")
        if article is None:
            self.heading.setText(self.tr("Nothing selected"))
            for view in (self.preview, self.changes, self.checks, self.history):
                view.clear()
            self.verdict.clear()
            return
        stage = workflow.stage_name(self.store, article.review_stage)
        heading = self.tr("%1　·　%2　·　version %3").replace("%1", article.title).replace(
            "%2", stage).replace("%3", str(article.revision))
        pending = article.corrections[-1] if article.corrections else {}
        if pending and pending.get("at") is None:  # a published story, corrected
            heading += "\n" + self.tr("Correction (更正) of a published story: %1").replace(
                "%1", pending["note"])
        self.heading.setText(heading)
        self.preview.show_article(article)
        self.changes.setHtml(self._diff_html(review_diff(self.store, article)))
        self.checks.setHtml(self._checks_html(self.store.checks.report(article.id,
                                                                      article.revision)))
        self.history.setHtml(history_html(self.store, article))
        # Someone may sign when this user may: only a refusal asks who else could.
        nobody = workflow.why_nobody_signs(self.store, article) if refusal else None
        self.verdict.setStyleSheet("color:#b00" if nobody else "")
        self.verdict.setText((self.tr("Nobody can sign this story now: %1").replace(
            "%1", nobody) + "\n" if nobody else "")
            + (refusal or self.tr("You may sign %1.").replace("%1", stage)))
