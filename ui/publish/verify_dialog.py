"""核验线上网站: compare a deployed copy (a folder or the site's address) with what the
last publication wrote (its manifest.json), and show every modified page with the text
that was added to it, every missing file and every unexpected one."""
from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QTextBrowser, QVBoxLayout,
)

from newsdesk.errors import NewsdeskError
from newsdesk.site import MANIFEST
from newsdesk.site.verify import VerifyReport, verify
from newsdesk.store import Store
from ui import file_dialogs
from ui.jobs import Jobs


class VerifyDialog(QDialog):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Verify the live site"))
        self.resize(720, 520)
        settings = store.settings()
        out = settings.output_dir
        self.manifest = QLineEdit(str(Path(out) / MANIFEST) if out else "")
        self.target = QLineEdit(settings.base_url)
        self.target.setPlaceholderText(self.tr("https://www.example.gov.cn/ or a folder"))
        self.folder_button = QPushButton(self.tr("Folder…"))
        self.verify_button = QPushButton(self.tr("Verify"))
        self.verify_button.setDefault(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.result = QTextBrowser()
        target_row = QHBoxLayout()
        target_row.addWidget(self.target, 1)
        target_row.addWidget(self.folder_button)
        form = QFormLayout()
        form.addRow(self.tr("What was published (manifest)"), self.manifest)
        form.addRow(self.tr("The live copy"), target_row)
        close = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.verify_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.result, 1)
        layout.addLayout(buttons)
        self.jobs = Jobs(self)
        self.folder_button.clicked.connect(self.choose_folder)
        self.verify_button.clicked.connect(self.start)
        close.clicked.connect(self.reject)

    def choose_folder(self) -> None:
        folder = file_dialogs.folder(self, self.tr("The live copy"))
        if folder:
            self.target.setText(folder)

    def start(self) -> None:
        manifest, target = self.manifest.text().strip(), self.target.text().strip()
        if not manifest or not target:
            self.summary.setText(self.tr("Name the manifest and the live copy."))
            return
        self.verify_button.setEnabled(False)
        self.result.clear()
        self.summary.setText(self.tr("Verifying…"))
        self.jobs.start(_verified, manifest, target, then=self._show)

    def _show(self, outcome) -> None:
        self.verify_button.setEnabled(True)
        if not isinstance(outcome, VerifyReport):
            self.summary.setText(self.tr("Could not verify: %1").replace("%1", str(outcome)))
            return
        r = outcome
        self.summary.setText(
            (self.tr("The live site is what was published: %1 files checked.") if r.ok else
             self.tr("%1 files checked: %2 modified, %3 missing, %4 unexpected."))
            .replace("%1", str(r.checked)).replace("%2", str(len(r.modified)))
            .replace("%3", str(len(r.missing))).replace("%4", str(len(r.unexpected))))
        out = []
        modified, added_label = self.tr("Modified"), self.tr("added:")
        spam_label = self.tr("search-spam injection (博彩):")
        if r.modified:
            out.append(f"<h4>{escape(modified)}</h4>")
            for path, added in r.modified:
                mark = (f"<br>{escape(added_label)} <mark style='background:#ffd6d6;"
                        f"color:#900'>{escape(added)}</mark>" if added else "")
                if path in r.spam:
                    mark += (f"<br><b style='color:#900'>{escape(spam_label)} "
                             f"{escape('、'.join(r.spam[path]))}</b>")
                out.append(f"<p><b>{escape(path)}</b>{mark}</p>")
        for heading, paths in ((self.tr("Missing"), r.missing),
                               (self.tr("Unexpected"), r.unexpected)):
            if paths:
                out.append(f"<h4>{escape(heading)}</h4><ul>"
                           + "".join(f"<li>{escape(p)}</li>" for p in paths) + "</ul>")
        self.result.setHtml("".join(out))


def _verified(manifest: str, target: str):
    """verify's report, or what stopped it (shown as a message)."""
    try:
        return verify(manifest, target)
    except (NewsdeskError, OSError) as e:
        return e
