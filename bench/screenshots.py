"""Screenshots of the app on a fresh demo database, made offscreen, to look at:

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/screenshots.py /tmp/shots

Writes, in Chinese (-zh_CN) and in English (-en): main (story browser), queue (review
queue, 复审 reviewer), review-changes (an opened item whose story was edited after a
sign-off) and editor (a draft in the editor beside its preview, with the text its crash
journal brought back)."""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

from PySide6.QtCore import QTranslator  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from newsdesk import journal, workflow  # noqa: E402
from ui import i18n  # noqa: E402
from ui.app import open_store  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402


def shots(app, out: Path, suffix: str) -> None:
    store = open_store(Path(tempfile.mkdtemp()) / "demo.db")
    window = MainWindow(store, "demo.db", store.users.find("liqiang"))
    window.resize(1400, 860)
    window.show()
    window.table.selectRow(7)
    app.processEvents()
    window.grab().save(str(out / f"main-{suffix}.png"))

    window.navigator.setCurrentItem(window.navigator.topLevelItem(0))  # the review queue
    app.processEvents()
    window.grab().save(str(out / f"queue-{suffix}.png"))

    xikou = next(a for a in store.articles.many(workflow.queue(store))
                 if a.title.startswith("溪口镇"))
    body = xikou.body.replace("12公里", "15公里").replace("31个", "33个")
    workflow.edit(store, xikou.id, {"body": body, "kicker": "乡村振兴看溪口"},
                  store.users.find("chenlu"))
    window.switch_user_to(store.users.find("wangfang"))
    queue = window.queue
    queue.table.selectRow(queue.model.row_of(xikou.id))
    queue.panel.tabs.setCurrentWidget(queue.panel.changes)
    app.processEvents()
    window.grab().save(str(out / f"review-changes-{suffix}.png"))

    window.switch_user_to(store.users.find("chenlu"))
    draft = store.articles.get(store.articles.ids(state="draft")[0])
    # As after a crash: the journal holds a sentence the database never got.
    journal.write(store.path, draft.id, {"body": draft.body + "\n\n截至目前，全县已接种一万二千人。"},
                  draft.edits)
    window.open_story(draft.id)
    for _ in range(100):  # the preview loads asynchronously
        app.processEvents()
        if window.preview._loaded:
            break
        time.sleep(0.05)
    time.sleep(0.3)
    app.processEvents()
    window.grab().save(str(out / f"editor-{suffix}.png"))
    window.close()
    store.close()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "shots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    app.setOrganizationName("Newsdesk-screenshots")
    for language in ("zh_CN", "en"):
        for t in app.findChildren(QTranslator):
            app.removeTranslator(t)
        i18n.install(app, language)
        shots(app, out, language)
    print("wrote", ", ".join(sorted(p.name for p in out.glob("*.png"))), "in", out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
