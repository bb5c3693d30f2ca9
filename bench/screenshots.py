"""Screenshots of the app on a fresh demo database, made offscreen, to look at:

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/screenshots.py /tmp/shots

Writes, in Chinese (-zh_CN) and in English (-en), on a screen of 1366×768 (the common
office laptop: -1366) and of 1920×1080 (-1920), the main window maximized there, each in
a process of its own (the offscreen platform's screen is that size). In zh_CN every
window and dialog is checked before it is saved (bench/fit_check.py: inside the screen,
no text cut unless a tooltip holds it); each problem is printed and the script exits 1
if there was any. The pictures: login and login-list (who is working, with their roles),
main (story browser), queue (review queue, 复审 reviewer), review-changes (终审's view of a
story 复审 edited: 留痕), editor (a draft beside its preview, with the text its crash
journal brought back; editor-folded with its fields folded to one line; editor-find with
查找替换 open), search (words and the filter bar: count, facets, marked snippets; saved
searches in the navigator), returned (the author's returned story with its reason),
locked (a submitted story someone else opens), published (read-only, 更正 offered),
correct (更正's question), publish (the 发布 dialog after a run to a folder target; publish-
history: its runs), verify (核验 of a live copy with an injected link), import (导入旧网站页面, a
dry run of two saved pages), inspect (网站自查 of the published demo), lists-words, -names,
-confusions, -traditional (the 机审名单 dialog's tabs), login-join and join (加入编辑部), sync-
status (a seat's window with a conflict in the status bar) and conflicts (同步冲突),
picture-text and pictures (a picture's words, the story's pictures), admin-users,
-channels, -targets, -topics, -settings (系统管理), add-users and add-channels (添加用户, 添加栏目),
admin-readonly (as a non-admin) and bin (回收站); and the exported site's home, channel,
article and reprint pages at desktop, wide and phone width (site-*,
bench/site_shots.py)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtGui import QAction, QColor, QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import fit_check  # noqa: E402
import site_shots  # noqa: E402
from newsdesk import pictures  # noqa: E402
from newsdesk.editing import journal
from newsdesk.review import bin_rules, workflow
from newsdesk.model import StoryFilter  # noqa: E402
from ui import i18n, look  # noqa: E402
from newsdesk.store import Store  # noqa: E402
from ui.app import open_store  # noqa: E402
from ui.admin.admin_dialog import AdminDialog  # noqa: E402
from ui.admin.channels_tab import ChannelDialog  # noqa: E402
from ui.admin.users_tab import UserDialog  # noqa: E402
from ui.bin_dialog import BinDialog  # noqa: E402
from ui.editor.images import ImageTextDialog, png_bytes  # noqa: E402
from ui.editor.media_dialog import MediaDialog  # noqa: E402
from ui.login import LoginDialog  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.publish.publish_dialog import PublishDialog  # noqa: E402
from ui.import_dialog import ImportDialog  # noqa: E402
from ui.publish.inspect_dialog import InspectDialog  # noqa: E402
from ui.publish.verify_dialog import VerifyDialog  # noqa: E402
from ui.word_lists import WordListDialog  # noqa: E402


def picture() -> bytes:
    """A 48×32 picture, a red band over blue: the pictures dialog's thumbnail."""
    image = QImage(48, 32, QImage.Format_RGB32)
    image.fill(QColor("#2b6cb0"))
    painter = QPainter(image)
    painter.fillRect(0, 0, 48, 10, QColor("#c53030"))
    painter.end()
    return png_bytes(image)


SIZES = ((1366, 768), (1920, 1080))  # the common office laptop, a desktop monitor


def shots(app, out: Path, suffix: str, size: tuple[int, int], site_pages: bool) -> None:
    store = open_store(Path(tempfile.mkdtemp()) / "demo.db")
    login = LoginDialog(store)
    login.show()
    login.users.showPopup()
    app.processEvents()
    snap(login, "login", out, suffix)
    snap(login.users.view().window(), "login-list", out, suffix)
    login.users.hidePopup()
    login.close()
    window = MainWindow(store, "demo.db", store.users.find("liqiang"))
    window.setWindowState(Qt.WindowMaximized)  # as people use it: the whole screen
    window.show()
    window.table.selectRow(7)
    settle(app, window.view)
    snap(window, "main", out, suffix)

    # A search: words, a channel, the facets and marked snippets; saved in the navigator.
    window.search.setText("社区")
    window.filters.channel.setCurrentIndex(0)
    window.search.returnPressed.emit()
    store.saved.save(window.user.id, "社区报道", "社区", StoryFilter())
    store.saved.save(window.user.id, "镇街原创", "", StoryFilter(
        channel_id=store.channels.find("towns").id, origin="original"))
    window.show_saved_searches()
    app.processEvents()
    settle(app, window.view)
    snap(window, "search", out, suffix)

    window.navigator.setCurrentItem(window.navigator.topLevelItem(0))  # the review queue
    settle(app, window.queue.panel.preview)
    snap(window, "queue", out, suffix)

    xikou = next(a for a in store.articles.many(workflow.queue(store))
                 if a.title.startswith("溪口镇"))
    body = xikou.body.replace("12公里", "15公里").replace("31个", "33个")
    liqiang = store.users.find("liqiang")  # 复审 holds it: edits with a trace, signs
    workflow.edit(store, xikou.id, {"body": body, "kicker": "乡村振兴看溪口"}, liqiang)
    workflow.approve(store, xikou.id, liqiang)
    window.switch_user_to(store.users.find("zhaomin"))
    queue = window.queue
    queue.table.selectRow(queue.model.row_of(xikou.id))
    queue.panel.tabs.setCurrentWidget(queue.panel.changes)
    app.processEvents()
    snap(window, "review-changes", out, suffix)

    window.switch_user_to(store.users.find("chenlu"))
    draft = store.articles.get(store.articles.ids(state="draft")[0])
    # As after a crash: the journal holds a sentence the database never got.
    journal.write(store.path, draft.id, {"body": draft.body + "\n\n截至目前，全县已接种一万二千人。"},
                  draft.edits)
    window.open_story(draft.id)
    settle(app, window.preview)
    snap(window, "editor", out, suffix)
    window.editor.meta.fold_button.click()  # the fields folded to one line
    for _ in range(5):
        app.processEvents()
    snap(window, "editor-folded", out, suffix)
    window.editor.meta.fold_button.click()
    window.editor.find_bar.open(replacing=True)  # 查找替换 (Ctrl+H)
    app.processEvents()
    snap(window, "editor-find", out, suffix)
    window.editor.find_bar.hide()
    words = ImageTextDialog("", window)  # a new picture: its words typed in
    words.alt.setText("社区卫生服务站门口的测温点")
    words.caption.setText("居民排队测量体温")
    words.show()
    app.processEvents()
    snap(words, "picture-text", out, suffix)
    words.close()
    link = pictures.store_picture(store, picture(), "测温.png", window.user)
    body = window.editor.body  # the picture shown as a picture in the body
    body.setPlainText(body.toPlainText() + "\n\n" + pictures.markdown(link, "社区测温点",
                                                                       "居民排队测量体温"))
    media = MediaDialog(window.editor)
    media.show()
    app.processEvents()
    snap(media, "pictures", out, suffix)
    media.close()

    for username, title, name in (
            ("zhangwei", "县政府常务会议研究部署冬季安全生产工作", "returned"),
            ("chenlu", "城关镇社区开展防汛应急演练", "locked"),
            ("chenlu", "越溪县召开经济工作会议 部署明年重点任务", "published")):
        window.switch_user_to(store.users.find(username))
        story = next(a for a in store.articles.many(store.articles.ids()) if a.title == title)
        window.open_story(story.id)
        settle(app, window.preview)
        snap(window, name, out, suffix)
    correct = window.findChild(QAction, "action_correct")
    snap_asked(app, correct.trigger, "correct", out, suffix)

    window.switch_user_to(store.users.find("admin"))
    site = Path(tempfile.mkdtemp()) / "site"
    store.set_settings({"base_url": "", "publish_targets": [
        {"name": "主站", "kind": "folder", "path": str(site.parent / "host")}]})
    publish = PublishDialog(store, window.user, window)
    publish.folder.setText(str(site))
    publish.show()
    publish.start()
    publish.wait()
    app.processEvents()
    snap(publish, "publish", out, suffix)
    publish.tabs.setCurrentIndex(1)  # the history of runs
    app.processEvents()
    snap(publish, "publish-history", out, suffix)
    publish.close()
    if site_pages:  # the exported home, channel and article pages, desktop and phone
        print("\n".join(site_shots.shoot(site, out)))
    live = site.parent / "live"
    shutil.copytree(site, live)
    page = next(p for p in live.rglob("*.html") if p.parent.name.isdigit())
    page.write_text(page.read_text("utf-8").replace("</h1>", "</h1>澳门葡京官网"), "utf-8")
    verify = VerifyDialog(store, window)
    verify.target.setText(str(live))
    verify.show()
    verify.start()
    for _ in range(200):
        app.processEvents()
        if verify.verify_button.isEnabled():
            break
        time.sleep(0.05)
    snap(verify, "verify", out, suffix)
    verify.close()
    inspect = InspectDialog(store, window)
    inspect.folder.setText(str(site))
    inspect.external.setChecked(False)  # no network for a screenshot
    inspect.show()
    inspect.start()
    inspect.wait()
    app.processEvents()
    snap(inspect, "inspect", out, suffix)
    inspect.close()
    old_site = site.parent / "old-site"
    old_site.mkdir(exist_ok=True)
    shutil.copy(Path(__file__).resolve().parent.parent / "tests" / "data" / "hijacked_page.html",
                old_site / "a.html")
    (old_site / "b.html").write_text("<html><head><title>村里的新路通了</title></head><body>"
                                     "<h1>村里的新路通了</h1><p>今天上午，新路正式通车。</p>"
                                     "</body></html>", "utf-8")
    importing = ImportDialog(store, window.user, window)
    importing.show()
    importing.choose([str(old_site)])   # as the folder button does: a dry run at once
    importing.wait()
    app.processEvents()
    snap(importing, "import", out, suffix)
    importing.close()
    lists = WordListDialog(store, window.user, window)
    lists.show()
    for n, name in enumerate(("words", "names", "confusions", "traditional")):
        lists.tabs.setCurrentIndex(n)
        app.processEvents()
        snap(lists, f"lists-{name}", out, suffix)
    lists.close()

    for tab, name in ((0, "admin-users"), (1, "admin-channels"), (2, "admin-topics"),
                      (3, "admin-settings"), (4, "admin-targets")):
        dialog = AdminDialog(store, window.user, tab, window)
        dialog.show()
        app.processEvents()
        snap(dialog, name, out, suffix)
        asked = {"admin-users": lambda: UserDialog(store, parent=dialog),
                 "admin-channels": lambda: ChannelDialog(store.channels.all(), dialog)}
        if name in asked:  # 添加用户, 添加栏目
            adding = asked[name]()
            adding.show()
            app.processEvents()
            snap(adding, name.replace("admin-", "add-"), out, suffix)
            adding.close()
        dialog.close()
    window.switch_user_to(store.users.find("chenlu"))
    draft = store.articles.ids(state="draft")
    if draft:
        bin_rules.delete_draft(store, draft[0], window.user)
    bin_dialog = BinDialog(store, window.user, window)
    bin_dialog.show()
    app.processEvents()
    snap(bin_dialog, "bin", out, suffix)
    bin_dialog.close()
    readonly = AdminDialog(store, window.user, 0, window)
    readonly.show()
    app.processEvents()
    snap(readonly, "admin-readonly", out, suffix)
    readonly.close()
    window.close()
    store.close()


def sync_shots(app, out: Path, suffix: str, size: tuple[int, int]) -> None:
    """A newsroom of two seats: sign-in with 加入编辑部 and the join dialog (a shared
    folder; a Gitea over https, with its login), 建立多机编辑部 under way, then seat B's
    window with a conflict in the status bar and the 同步冲突 dialog."""
    from sync_bench import make_real

    from newsdesk.sync.seat import Seat
    from ui.conflicts_dialog import ConflictsDialog
    from ui.found_dialog import FoundDialog
    from ui.join_dialog import JoinDialog

    root = Path(tempfile.mkdtemp())
    a = open_store(root / "a.db")
    make_real(a)
    Seat.init(a, str(root / "newsroom.git"), a.users.find("admin"))
    b = Store.open(root / "b.db")
    Seat.join(b, str(root / "newsroom.git"))
    login = LoginDialog(b, join_folder=root)
    login.show()
    app.processEvents()
    snap(login, "login-join", out, suffix)
    join = JoinDialog(root, login)
    join.remote.setText(r"\\bangongshi\newsroom\newsroom.git")
    join.show()
    app.processEvents()
    snap(join, "join", out, suffix)
    join.remote.setText("https://git.xian.gov.cn/rongmeiti/newsroom.git")  # a Gitea
    join.login.user.setText("newsroom")
    join.login.password.setText("token")
    app.processEvents()
    join.adjustSize()
    snap(join, "join-https", out, suffix)
    join.close()
    login.close()
    found = FoundDialog(str(root / "b.db"), b.users.find("admin"))
    found.remote.setText(r"\\bangongshi\newsroom\newsroom.git")
    found.show()
    found.progressed.emit(38_000, 100_000, "write")
    app.processEvents()
    snap(found, "found", out, suffix)
    found.close()
    story = a.articles.ids(state="draft")[0]
    for store, text in ((a, "城关镇今天上午召开防汛动员会，部署下一阶段工作。"),
                        (b, "城关镇今天上午召开防汛工作动员会。")):
        article = store.articles.get(story)
        rest = article.body.split("\n\n")[1:]
        workflow.edit(store, story, {"body": "\n\n".join([text, *rest])},
                      store.users.get(article.author_id))
        time.sleep(1.1)
    Seat.of(a).sync("a")
    window = MainWindow(b, str(root / "b.db"), b.users.find("admin"))
    window.setWindowState(Qt.WindowMaximized)  # as people use it: the whole screen
    window.show()
    window.sync.sync_now()
    while window.sync.running:
        app.processEvents()
        time.sleep(0.05)
    settle(app, window.view)
    snap(window, "sync-status", out, suffix)
    dialog = ConflictsDialog(b, window.user, window)
    dialog.show()
    app.processEvents()
    snap(dialog, "conflicts", out, suffix)
    dialog.close()
    window.close()
    a.close()
    b.close()


# Called with (name, widget) for every window or dialog before it is saved: the checks
# that look at what a person sees (fit, Chinese text) hang here.
WATCHERS: list = []


def snap(widget, name: str, out: Path, suffix: str) -> None:
    """Save a picture of one window or dialog, after every watcher has seen it."""
    for watch in WATCHERS:
        watch(f"{name}-{suffix}", widget)
    widget.grab().save(str(out / f"{name}-{suffix}.png"))


def snap_asked(app, ask, name: str, out: Path, suffix: str) -> None:
    """The dialog `ask` shows (a menu action's question, Qt's static QInputDialog…),
    saved while it waits for an answer, then cancelled."""
    def picture() -> None:
        dialog = QApplication.activeModalWidget()
        snap(dialog, name, out, suffix)
        dialog.reject()
    QTimer.singleShot(300, picture)
    ask()


def settle(app, pane) -> None:
    """Until a page pane shows its story, body included (it loads asynchronously),
    and has painted it."""
    shown = []
    pane.updated.connect(lambda: shown.append(1))
    for _ in range(200):
        app.processEvents()
        if shown:
            break
        time.sleep(0.05)
    for _ in range(10):
        time.sleep(0.05)
        app.processEvents()


def main() -> int:
    """Each language at each size in a process of its own, offscreen on a screen of
    that size (windows and dialogs place themselves on the screen they find); in zh_CN
    every window is checked for fit (fit_check) and the script exits 1 on a problem."""
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "shots")
    out.mkdir(parents=True, exist_ok=True)
    if len(sys.argv) > 3:  # one run: language, WxH
        return run(out, sys.argv[2], tuple(int(n) for n in sys.argv[3].split("x")))
    failed = 0
    for language in ("zh_CN", "en"):
        for w, h in SIZES:
            env = dict(os.environ)
            if env["QT_QPA_PLATFORM"] == "offscreen":
                env["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen_file(out, w, h)}"
            # -X faulthandler: a run that crashes says where.
            code = subprocess.run([sys.executable, "-X", "faulthandler", __file__, str(out),
                                   language, f"{w}x{h}"], env=env).returncode
            if code:
                print(f"{language}-{w}: exit code {code}")
                failed = 1
    print("wrote", ", ".join(sorted(p.name for p in out.glob("*.png"))), "in", out)
    return 1 if failed else 0


def screen_file(out: Path, w: int, h: int) -> Path:
    """The offscreen platform's description of one screen of w×h (Qt's configfile)."""
    path = out / f"screen-{w}x{h}.json"
    path.write_text(json.dumps({"screens": [{"name": f"Screen{w}x{h}", "x": 0, "y": 0,
                                             "width": w, "height": h, "logicalDpi": 96,
                                             "logicalBaseDpi": 96, "dpr": 1}]}))
    return path


def run(out: Path, language: str, size: tuple[int, int]) -> int:
    app = QApplication.instance() or QApplication([])
    look.apply(app)
    app.setOrganizationName("Newsdesk-screenshots")
    i18n.install(app, language)
    if language == "zh_CN":
        WATCHERS.append(fit_check.watch)
    suffix, first = f"{language}-{size[0]}", size == SIZES[0]
    shots(app, out, suffix, size, site_pages=language == "zh_CN" and first)
    if first:
        sync_shots(app, out, suffix, size)
    if fit_check.PROBLEMS:
        print(f"{suffix}: {len(fit_check.PROBLEMS)} problems of fit")
    return 1 if fit_check.PROBLEMS else 0


if __name__ == "__main__":
    sys.exit(main())
