"""发布 from the app to a real SFTP host on 127.0.0.1: the target chosen in the dialog, the
host key asked on first use, the phases, the result and the history; a page someone
changed on the host named, and put back with the button; the publisher seat publishing
a scheduled story at its time."""
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.clock import stamp
from tests.test_publish import correct, files, same_site, sshd, story  # noqa: F401 - fixture
from tests.ui.test_main_window import demo_window
from tests.ui.test_newsroom import action


@pytest.fixture
def window(qtbot, tmp_path):
    yield from demo_window(qtbot, tmp_path, "admin")


def test_an_admin_publishes_to_the_host_and_puts_back_a_changed_page(window, qtbot, sshd,
                                                                     monkeypatch, tmp_path):
    from ui.publish.publish_dialog import PublishDialog
    store = window.store
    root = tmp_path / "served"
    store.set_settings({"output_dir": str(tmp_path / "out"), "base_url": "",
                        "publish_targets": [{"name": "主机", "kind": "sftp",
                                             "host": "127.0.0.1", "port": sshd.port,
                                             "user": sshd.user, "path": str(root),
                                             "key_file": str(sshd.user_key)}]})
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.Yes)
    seen = []

    def run(dialog):
        assert dialog.target.currentData() == "主机"  # the only target is the default
        qtbot.mouseClick(dialog.start_button, Qt.LeftButton)
        qtbot.waitUntil(dialog.start_button.isEnabled, timeout=60_000)
        seen.append((dialog.status.text(), dialog.history.rowCount(),
                     not dialog.overwrite_button.isHidden(), dialog.report.toPlainText()))
        if not dialog.overwrite_button.isHidden():
            qtbot.mouseClick(dialog.overwrite_button, Qt.LeftButton)
            qtbot.waitUntil(dialog.start_button.isEnabled, timeout=60_000)
            seen.append((dialog.status.text(), dialog.history.rowCount(), False, ""))
        return 0
    monkeypatch.setattr(PublishDialog, "exec", run)
    action(window, "action_publish").trigger()
    status, runs, _, _ = seen[0]
    assert "Verified: the host serves what was published" in status and runs == 1
    assert "SHA256:" in asked[0] and f"127.0.0.1:{sshd.port}" in asked[0]
    same_site(store, root)
    # Someone changes a page on the host; the story is corrected and published again.
    a = story(store, "县人民医院")
    page = root / a.public_path
    page.write_text(page.read_text("utf-8").replace("</title>", "-澳门新葡京</title>"), "utf-8")
    correct(store, "县人民医院", "18:00至21:00", "18:00至21:30")
    action(window, "action_publish").trigger()
    status, runs, offered, shown = seen[1]
    assert "changed, added or removed by someone else" in status and offered and runs == 2
    assert a.public_path in shown and "澳门新葡京" in shown
    status, runs, _, _ = seen[2]
    assert "Verified" in status and runs == 3
    same_site(store, root)
    assert len(asked) == 1  # the key is known now


def test_the_publisher_seat_publishes_a_story_at_its_time(window, qtbot, tmp_path, monkeypatch):
    from ui.publish.publish_dialog import PublishDialog
    store = window.store
    root = tmp_path / "served"
    store.set_settings({"output_dir": str(tmp_path / "out"), "base_url": "",
                        "publish_targets": [{"name": "本机", "kind": "folder",
                                             "path": str(root)}]})

    def mark(dialog):
        dialog.publisher.setChecked(True)   # this seat publishes on time
        return 0
    monkeypatch.setattr(PublishDialog, "exec", mark)
    action(window, "action_publish").trigger()
    [scheduled] = store.articles.ids(state="scheduled")
    store.articles.update(scheduled, {"publish_at": stamp(hours=-1)}, None)  # its time came
    window.on_time.timer.timeout.emit()
    qtbot.waitUntil(lambda: "on time" in window.statusBar().currentMessage(), timeout=60_000)
    # the scheduled story, and the approved one whose time had come
    assert window.statusBar().currentMessage() == "Published on time: 2 stories, to 本机"
    published = store.articles.get(scheduled)
    assert published.state == "published" and published.public_path in files(root)
    assert isinstance(Path(store.settings().output_dir), Path)


def test_targets_are_edited_in_the_app_and_offered_in_the_publish_dialog(window, qtbot,
                                                                         monkeypatch, tmp_path):
    from PySide6.QtWidgets import QDialog, QTableWidgetItem
    from ui.admin.admin_dialog import AdminDialog
    from ui.publish.publish_dialog import PublishDialog
    infos, warnings = [], []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: infos.append(a[2]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))

    def edit(dialog):
        tab = dialog.targets
        assert dialog.tabs.currentWidget() is tab
        qtbot.mouseClick(tab.add_button, Qt.LeftButton)
        tab.table.setItem(0, 0, QTableWidgetItem("省平台"))
        tab.table.setItem(0, 2, QTableWidgetItem(""))   # no host: refused
        qtbot.mouseClick(tab.save_button, Qt.LeftButton)
        assert warnings == ["publish target “省平台” needs a host and a user"]
        tab.table.setItem(0, 2, QTableWidgetItem("www.yuexi-news.example"))
        tab.table.setItem(0, 4, QTableWidgetItem("yuexi"))
        qtbot.mouseClick(tab.save_button, Qt.LeftButton)
        return QDialog.Accepted
    monkeypatch.setattr(AdminDialog, "exec", edit)
    seen = {}

    def publish(dialog):
        qtbot.mouseClick(dialog.targets_button, Qt.LeftButton)
        seen["offered"] = [dialog.target.itemText(i) for i in range(dialog.target.count())]
        seen["chosen"] = dialog.target.currentData()
        return 0
    monkeypatch.setattr(PublishDialog, "exec", publish)
    action(window, "action_publish").trigger()
    assert infos == ["Saved."]
    assert seen["offered"][1] == "省平台 — sftp://yuexi@www.yuexi-news.example:22/var/www/html"
    assert seen["chosen"] == "省平台"
    [target] = window.store.settings().publish_targets
    assert target == {"name": "省平台", "kind": "sftp", "host": "www.yuexi-news.example",
                      "port": 22, "user": "yuexi", "path": "/var/www/html"}


def test_the_dialog_says_what_checked_the_site_when_the_public_address_cannot_be_reached(
        window, qtbot, monkeypatch, tmp_path):
    from ui.publish.publish_dialog import PublishDialog
    root = tmp_path / "served"
    window.store.set_settings({"output_dir": str(tmp_path / "out"),
                               "base_url": "https://www.yuexi-news.invalid/",
                               "publish_targets": [{"name": "本机", "kind": "folder",
                                                    "path": str(root)}]})
    seen = []

    def twice(dialog):
        for _ in range(2):
            qtbot.mouseClick(dialog.start_button, Qt.LeftButton)
            qtbot.waitUntil(dialog.start_button.isEnabled, timeout=60_000)
            seen.append(dialog.status.text())
        return 0
    monkeypatch.setattr(PublishDialog, "exec", twice)
    action(window, "action_publish").trigger()
    cannot = ("could not verify the public site: https://www.yuexi-news.invalid/ cannot be "
              "reached (the domain name does not resolve)")
    # The first run compared what it sent over the target; the second sent nothing new.
    assert cannot in seen[0] and f"verified over the upload target instead, {root}: " in seen[0]
    assert cannot in seen[1] and "nothing else checked the site" in seen[1]
    assert "Verified" not in seen[1]
