import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QInputMethodEvent, QTextCursor
from PySide6.QtWebEngineCore import QWebEngineScript
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.ui.conftest import answer_file_dialogs
from ui.editor import conflict, images
from ui.main_window import MainWindow




@pytest.fixture
def window(qtbot, demo_store):
    w = MainWindow(demo_store, "demo.db", demo_store.users.find("chenlu"))
    qtbot.addWidget(w)
    w.resize(1400, 860)
    w.show()
    yield w
    w.close()  # saves what waits, while the database is still open


def type_chinese(widget, text):
    """Chinese comes through an input method: a committed string, not key presses."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def open_draft(window, qtbot):
    store = window.store
    draft = store.articles.ids(state="draft", author_id=window.user.id)[0]
    window.open_story(draft)
    qtbot.waitUntil(lambda: window.preview._loaded, timeout=10_000)
    body = window.editor.body
    body.moveCursor(QTextCursor.End)
    body.setFocus()
    return draft


def preview_text(window, qtbot):
    seen = []
    window.preview.page_text(seen.append)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    return seen[0]


def test_typing_updates_the_preview_in_place(window, qtbot):
    open_draft(window, qtbot)
    loads = []
    window.preview.view.loadStarted.connect(lambda: loads.append(1))
    type_chinese(window.editor.body, "\n\n记者从县疾控中心获悉，全县已接种一万二千人。")
    qtbot.waitUntil(lambda: "全县已接种一万二千人" in preview_text(window, qtbot), timeout=10_000)
    window.editor.fields["title"].setText("秋冬季流感高发 专家提醒尽早接种")
    window.editor.fields["title"].textEdited.emit("秋冬季流感高发 专家提醒尽早接种")
    qtbot.waitUntil(lambda: "专家提醒尽早接种" in preview_text(window, qtbot), timeout=10_000)
    assert loads == []  # updated in place: the page was never reloaded


def test_autosave_writes_the_working_copy(window, qtbot):
    draft = open_draft(window, qtbot)
    before = window.store.articles.get(draft)
    type_chinese(window.editor.body, "补充一句。")
    qtbot.waitUntil(lambda: window.store.articles.get(draft).body.endswith("补充一句。"),
                    timeout=5000)
    after = window.store.articles.get(draft)
    assert after.revision == before.revision  # a working copy, not a checkpoint
    qtbot.waitUntil(lambda: "Saved at" in window.save_label.text(), timeout=5000)
    qtbot.keyClick(window.editor.body, Qt.Key_S, Qt.ControlModifier)
    assert window.store.articles.get(draft).revision == before.revision + 1


def test_character_count_on_mixed_text(window, qtbot):
    open_draft(window, qtbot)
    window.editor.body.setPlainText("今年GDP增长6.2%，COVID-19 疫情")
    # 今年增长疫情 + GDP, 6.2, COVID-19; counted with the checks after a pause in typing
    qtbot.waitUntil(lambda: window.count_label.text() == "9 characters", timeout=3000)


def test_banned_word_is_underlined_listed_and_refuses_submit(window, qtbot, monkeypatch):
    draft = open_draft(window, qtbot)
    editor = window.editor
    type_chinese(editor.body, "据悉有人在此设点赌球。")
    start = editor.body.toPlainText().index("赌球")
    qtbot.waitUntil(lambda: (start, start + 2) in editor.underlined(), timeout=5000)
    model = editor.findings.model
    listed = [model.index(i).data() for i in range(model.rowCount())]
    assert any("banned term" in t and "赌球" in t for t in listed)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    qtbot.mouseClick(editor.submit_button, Qt.LeftButton)
    assert "机审 blocks the submission" in warnings[0]
    assert window.store.articles.get(draft).state == "draft"


def test_fix_and_accept_from_the_findings_list(window, qtbot, monkeypatch):
    draft = open_draft(window, qtbot)
    editor = window.editor
    editor.body.setPlainText("进入11月,我县流感样病例有所增加。这是最好的办法。")
    qtbot.waitUntil(lambda: editor.findings.model.rowCount() >= 2, timeout=5000)
    rules = [f.rule for f in editor.findings.model.shown]
    editor.findings.select(rules.index("typography.halfwidth-punctuation"))
    qtbot.mouseClick(editor.findings.fix_button, Qt.LeftButton)
    assert editor.body.toPlainText().startswith("进入11月，我县")
    qtbot.waitUntil(lambda: "typography.halfwidth-punctuation" not in
                    [f.rule for f in editor.report.findings], timeout=5000)
    from PySide6.QtWidgets import QInputDialog
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("引语原文", True))
    editor.findings.select([f.rule for f in editor.findings.model.shown].index("words.warn"))
    qtbot.mouseClick(editor.findings.accept_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: any(f.accepted for f in editor.report.findings), timeout=5000)
    editor.flush()
    qtbot.mouseClick(editor.submit_button, Qt.LeftButton)
    assert window.store.articles.get(draft).state == "submitted"


def test_pasting_html_gives_clean_markdown(window, qtbot):
    from PySide6.QtCore import QMimeData
    open_draft(window, qtbot)
    body = window.editor.body
    body.setPlainText("")
    mime = QMimeData()
    mime.setHtml('<p style="color:red"><span style="font-family:宋体">　　第一段<b>加粗</b>。'
                 '</span></p><h2>“小标题”</h2><p>第二段</p>')
    mime.setText("第一段加粗。小标题第二段")
    body.insertFromMimeData(mime)
    assert body.toPlainText() == "第一段**加粗**。\n\n## “小标题”\n\n第二段"


def test_find_and_replace(window, qtbot):
    open_draft(window, qtbot)
    editor = window.editor
    editor.body.setPlainText("流感疫苗，流感样病例，流感。")
    editor.find_bar.open(replacing=True)
    editor.find_bar.find_text.setText("流感")
    assert editor.find_bar.find_next()
    assert editor.body.textCursor().selectedText() == "流感"
    editor.find_bar.replace_text.setText("甲流")
    assert editor.find_bar.replace_all() == 3
    assert editor.body.toPlainText() == "甲流疫苗，甲流样病例，甲流。"
    editor.body.undo()  # one step undoes the whole replacement
    assert editor.body.toPlainText() == "流感疫苗，流感样病例，流感。"


def test_restore_a_revision(window, qtbot):
    draft = open_draft(window, qtbot)
    editor = window.editor
    first = window.store.articles.get(draft).body
    editor.body.setPlainText("全新的正文。")
    assert editor.session.save(checkpoint="save")
    editor.restore(1)
    assert editor.body.toPlainText() == first
    revs = window.store.articles.revisions(draft)
    assert [r.reason for r in revs][-2:] == ["save", "restore r1"]
    assert revs[-2].content["body"] == "全新的正文。"  # nothing lost


def choose_file(monkeypatch, path):
    """Patch only the OS file dialog's answer."""
    answer_file_dialogs(monkeypatch, path)


def test_inserted_image_is_stored_once_and_shown(window, qtbot, tmp_path, monkeypatch):
    import base64
    draft = open_draft(window, qtbot)
    demo_pictures = len(window.store.assets.all())  # the demo's cover pictures
    png = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42m"
                           "NkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")
    (tmp_path / "测温.png").write_bytes(png)
    choose_file(monkeypatch, tmp_path / "测温.png")
    asked = []

    def answer(parent, alt):  # the alt text and caption dialog's answer
        asked.append(alt)
        return "社区测温点", "居民排队测量体温"
    monkeypatch.setattr(images, "ask_text", answer)
    qtbot.mouseClick(window.editor.image_button, Qt.LeftButton)  # the button, as a person
    qtbot.mouseClick(window.editor.image_button, Qt.LeftButton)
    body = window.editor.body.toPlainText()
    # The alt text starts empty: a file's name (“测温”) does not describe the picture.
    assert body.count("](assets/") == 2 and asked == ["", ""]
    assert '![社区测温点](assets/' in body and '.png "居民排队测量体温")' in body
    assert len(window.store.assets.all()) == demo_pictures + 1  # by content hash
    html = []

    def shows_image() -> bool:  # the preview inlines stored images
        window.preview.view.page().toHtml(html.append)
        return bool(html) and 'src="data:image/png;base64,' in html[-1]
    qtbot.waitUntil(shows_image, timeout=5000)
    assert "<figcaption>居民排队测量体温</figcaption>" in html[-1]
    window.editor.session.save()
    assert "](assets/" in window.store.articles.get(draft).body


def test_a_picture_is_known_by_its_content_not_its_name(window, qtbot, tmp_path,
                                                        monkeypatch):
    """插入图片 with 所有文件: a picture saved without an extension goes in under the name
    its bytes call for; a file named .png that is no picture is refused, nothing stored."""
    import base64
    open_draft(window, qtbot)
    png = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42m"
                           "NkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")
    (tmp_path / "微信图片").write_bytes(png)
    (tmp_path / "说明.png").write_text("这不是图片", "utf-8")
    monkeypatch.setattr(images, "ask_text", lambda parent, name: ("会场", ""))
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    before = len(window.store.assets.all())
    choose_file(monkeypatch, tmp_path / "说明.png")
    qtbot.mouseClick(window.editor.image_button, Qt.LeftButton)
    assert warned == ["说明.png is not a picture (JPEG, PNG, GIF or WebP)"]
    assert len(window.store.assets.all()) == before and "](assets/" not in \
        window.editor.body.toPlainText()
    choose_file(monkeypatch, tmp_path / "微信图片")
    qtbot.mouseClick(window.editor.image_button, Qt.LeftButton)
    assert "![会场](assets/" in window.editor.body.toPlainText()
    assert window.editor.body.toPlainText().count(".png)") == 1
    stored = [a for a in window.store.assets.all() if a["filename"] == "微信图片.png"]
    assert [(a["mime"], a["ext"]) for a in stored] == [("image/png", ".png")]


def test_a_pasted_picture_asks_for_its_text_and_a_cancelled_one_leaves_nothing(
        window, qtbot, monkeypatch):
    from PySide6.QtGui import QColor, QImage
    from PySide6.QtCore import QMimeData
    from PySide6.QtWidgets import QApplication
    open_draft(window, qtbot)
    editor = window.editor
    image = QImage(8, 8, QImage.Format_RGB32)
    image.fill(QColor("#c00"))
    mime = QMimeData()
    mime.setImageData(image)
    QApplication.clipboard().setMimeData(mime)
    monkeypatch.setattr(images, "ask_text", lambda parent, name: None)  # cancelled
    before = editor.body.toPlainText()
    editor.body.paste()  # Ctrl+V's own slot
    assert editor.body.toPlainText() == before
    monkeypatch.setattr(images, "ask_text", lambda parent, name: ("红色色块", ""))
    editor.body.paste()
    assert "![红色色块](assets/" in editor.body.toPlainText()
    [stored] = [a for a in window.store.assets.all() if a["ext"] == ".png"]
    assert window.store.assets.data(stored["id"]).startswith(b"\x89PNG")


def test_the_picture_text_dialog_needs_an_alt_text(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox
    dialog = images.ImageTextDialog("")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.Ok)
    assert not ok.isEnabled()
    dialog.alt.setText("社区测温点")
    assert ok.isEnabled()


def test_the_open_story_comes_back(window, qtbot, demo_store):
    draft = open_draft(window, qtbot)
    window.close()
    again = MainWindow(demo_store, "demo.db", demo_store.users.find("chenlu"))
    qtbot.addWidget(again)
    assert again.stack.currentWidget() is again.writing
    assert again.editor.article.id == draft
    again.close()


def test_preview_follows_the_editor_scroll(window, qtbot):
    open_draft(window, qtbot)
    editor = window.editor
    editor.body.setPlainText("\n\n".join(f"第{n}段，内容较长的一段文字。" * 3 for n in range(200)))
    qtbot.waitUntil(lambda: "第199段" in preview_text(window, qtbot), timeout=10_000)
    bar = editor.body.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    seen = []

    def scrolled():
        window.preview.view.page().runJavaScript(
            "window.scrollY", QWebEngineScript.ApplicationWorld, seen.append)
        return bool(seen) and seen[-1] > 100
    qtbot.waitUntil(scrolled, timeout=5000)


def second_instance(qtbot, store, username):
    """Another app on the same database (its own editor instance)."""
    other = MainWindow(store, "demo.db", store.users.find(username))
    qtbot.addWidget(other)
    other.show()
    return other


def test_two_places_editing_one_story(window, qtbot, demo_store):
    draft = open_draft(window, qtbot)
    other = second_instance(qtbot, demo_store, "wangfang")
    other.open_story(draft)
    assert other.editor.body.isReadOnly()
    assert "陈璐 is editing this story" in other.editor.banner.text()
    qtbot.mouseClick(other.editor.take_over_button, Qt.LeftButton)
    assert not other.editor.body.isReadOnly()
    assert "You took this story over from 陈璐" in other.editor.banner.text()
    window.editor.session.beat()  # the next heartbeat tells the first editor
    assert window.editor.body.isReadOnly()
    assert "王芳 took this story over" in window.editor.banner.text()
    other.close()


def test_stale_save_offers_merge_or_copy(window, qtbot, demo_store, monkeypatch):
    draft = open_draft(window, qtbot)
    editor = window.editor
    # Someone saves the story elsewhere (another app whose lock has lapsed, say).
    theirs = demo_store.articles.get(draft)
    workflow_body = theirs.body.replace("进入11月", "入冬以来")
    from newsdesk.review import workflow
    workflow.edit(demo_store, draft, {"body": workflow_body}, demo_store.users.find("wangfang"))
    editor.body.setPlainText(editor.body.toPlainText() + "\n\n我补充的一段。")
    monkeypatch.setattr(conflict, "ask", lambda parent, current: "merge")
    assert editor.session.save()
    merged = demo_store.articles.get(draft).body
    assert merged.startswith("入冬以来") and merged.endswith("我补充的一段。")
    # And once more, choosing a copy this time.
    workflow.edit(demo_store, draft, {"title": "别处改的标题"}, demo_store.users.find("wangfang"))
    editor.body.setPlainText(editor.body.toPlainText() + "\n\n再补一段。")
    monkeypatch.setattr(conflict, "ask", lambda parent, current: "copy")
    assert editor.session.save()
    assert editor.article.id != draft and editor.article.body.endswith("再补一段。")
    assert demo_store.articles.get(draft).title == "别处改的标题"  # theirs untouched


def test_topics_and_cover_are_saved(window, qtbot, tmp_path, monkeypatch):
    draft = open_draft(window, qtbot)
    editor = window.editor
    editor.topics.setText("乡村振兴在越溪")
    editor.topics.textEdited.emit("乡村振兴在越溪")
    (tmp_path / "cover.jpg").write_bytes(b"\xff\xd8\xff\xe0fakejpeg")
    choose_file(monkeypatch, tmp_path / "cover.jpg")
    qtbot.mouseClick(editor.cover_button, Qt.LeftButton)
    assert editor.session.save()
    saved = window.store.articles.get(draft)
    assert saved.topics == [window.store.channels.find_topic("xiangcun").id]
    assert saved.cover_asset_id and window.store.assets.data(saved.cover_asset_id)
    editor.topics.setText("乡村振兴在越溪、没有这个专题")  # one known, one not
    editor.topics.textEdited.emit(editor.topics.text())
    editor.values()
    assert "#d00" in editor.topics.styleSheet()
    assert "没有这个专题" in editor.topics.toolTip()  # what is not saved, said
    assert "乡村振兴在越溪" not in editor.topics.toolTip().split("(")[0]


def test_a_slow_render_keeps_the_last_good_preview_with_a_warning(window, qtbot,
                                                                 monkeypatch):
    import threading
    from ui.preview import preview_pane
    open_draft(window, qtbot)
    monkeypatch.setattr(preview_pane, "SLOW_MS", 300)
    window.preview.slow.setInterval(300)
    real = window.preview.preview.render_body
    release = threading.Event()  # the render of "慢" takes until the test lets it go

    def slow(markdown):
        if "慢" in markdown:
            release.wait(30)
        return real(markdown)
    monkeypatch.setattr(window.preview.preview, "render_body", slow)
    type_chinese(window.editor.body, "慢")
    qtbot.waitUntil(window.preview.warning.isVisible, timeout=10_000)
    assert "慢" not in preview_text(window, qtbot).split("（记者")[0][-5:]
    release.set()
    qtbot.waitUntil(lambda: not window.preview.warning.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: "慢" in preview_text(window, qtbot), timeout=10_000)


def test_a_failed_save_keeps_the_text_and_an_emergency_file(window, qtbot, monkeypatch):
    from newsdesk.review import workflow as wf
    from newsdesk.errors import StorageFailed
    from newsdesk.importers import frontmatter
    draft = open_draft(window, qtbot)
    editor = window.editor

    def full_disk(*a, **k):
        raise StorageFailed("the database could not be written (database or disk is full)")
    monkeypatch.setattr(wf, "edit", full_disk)
    type_chinese(editor.body, "磁盘满时写下的一句话。")
    assert not editor.session.save()
    assert "磁盘满时写下的一句话。" in editor.body.toPlainText()
    assert "disk is full" in window.save_label.text()
    from newsdesk.editing.emergency import emergency_dir
    [copy] = list(emergency_dir(window.store.path).glob(f"{draft[:8]}-*.md"))
    story = frontmatter.parse(copy.read_text("utf-8"))
    assert story.draft and story.body.endswith("磁盘满时写下的一句话。")
    assert editor.session.autosave.isActive()  # it tries again
    monkeypatch.undo()
    editor.session.save()
    assert window.store.articles.get(draft).body.endswith("磁盘满时写下的一句话。")


def test_a_journal_the_database_already_has_is_dropped_quietly(window, qtbot):
    from newsdesk.editing import journal
    store = window.store
    draft = store.articles.ids(state="draft", author_id=window.user.id)[0]
    article = store.articles.get(draft)
    journal.write(store.path, draft, {"body": article.body, "title": article.title},
                  article.edits)
    window.open_story(draft)
    assert not window.editor.banner.isVisible()
    assert journal.read(store.path, draft) is None


def test_a_journal_older_than_a_save_elsewhere_is_kept_aside(window, qtbot):
    from newsdesk.editing import journal
    from newsdesk.review import workflow
    from newsdesk.editing.emergency import emergency_dir
    store = window.store
    draft = store.articles.ids(state="draft", author_id=window.user.id)[0]
    article = store.articles.get(draft)
    journal.write(store.path, draft, {"body": article.body + "崩溃前打的字。"}, article.edits)
    workflow.edit(store, draft, {"body": "别处后来保存的正文。"}, store.users.find("chenlu"))
    window.open_story(draft)
    assert window.editor.body.toPlainText() == "别处后来保存的正文。"  # theirs stands
    [kept] = emergency_dir(store.path).glob(f"{draft[:8]}-*.md")
    assert "崩溃前打的字。" in kept.read_text("utf-8") and str(kept) in window.editor.banner.text()
    assert journal.read(store.path, draft) is None


def test_picture_files_dropped_on_the_body_are_inserted(window, qtbot, tmp_path,
                                                        monkeypatch):
    import base64
    from PySide6.QtCore import QMimeData, QPoint, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication
    open_draft(window, qtbot)
    body = window.editor.body
    png = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42m"
                           "NkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")
    (tmp_path / "会场.png").write_bytes(png)
    monkeypatch.setattr(images, "ask_text", lambda parent, alt: ("会场全景", ""))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "会场.png"))])
    target = body.viewport()
    QApplication.sendEvent(target, QDragEnterEvent(QPoint(5, 5), Qt.CopyAction, mime,
                                                   Qt.LeftButton, Qt.NoModifier))
    QApplication.sendEvent(target, QDropEvent(QPointF(5, 5), Qt.CopyAction, mime,
                                              Qt.LeftButton, Qt.NoModifier))
    assert "![会场全景](assets/" in body.toPlainText()
    assert "file://" not in body.toPlainText()


def test_the_pictures_dialog_rewords_swaps_and_removes_pictures(window, qtbot, tmp_path,
                                                                monkeypatch):
    import base64
    from ui.editor.media_dialog import MediaDialog
    open_draft(window, qtbot)
    editor = window.editor
    one = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42m"
                           "NkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")
    (tmp_path / "一.png").write_bytes(one)
    (tmp_path / "二.png").write_bytes(one + b"\0")  # other bytes: another stored file
    choose_file(monkeypatch, tmp_path / "一.png")
    monkeypatch.setattr(images, "ask_text", lambda parent, name, caption="": ("会场", "开幕式"))
    qtbot.mouseClick(editor.image_button, Qt.LeftButton)
    first_link = next(a["id"] for a in window.store.assets.all() if a["ext"] == ".png")
    seen = {}

    def work(dialog):
        assert dialog.list.count() == 1 and dialog.list.item(0).text() == "会场\n开幕式"
        assert not dialog.list.item(0).icon().isNull()  # a thumbnail of the stored file
        monkeypatch.setattr(images, "ask_text",
                            lambda parent, alt, caption="": (alt + "全景", caption))
        qtbot.mouseClick(dialog.words_button, Qt.LeftButton)
        seen["reworded"] = editor.body.toPlainText()
        choose_file(monkeypatch, tmp_path / "二.png")
        qtbot.mouseClick(dialog.replace_button, Qt.LeftButton)
        seen["replaced"] = editor.body.toPlainText()
        qtbot.mouseClick(dialog.remove_button, Qt.LeftButton)
        seen["removed"] = editor.body.toPlainText()
        seen["empty"] = dialog.empty.isVisibleTo(dialog)
        return 0
    monkeypatch.setattr(MediaDialog, "exec", work)
    qtbot.mouseClick(editor.pictures_button, Qt.LeftButton)
    assert f'![会场全景](assets/{first_link}.png "开幕式")' in seen["reworded"]
    assert first_link not in seen["replaced"] and '![会场全景](assets/' in seen["replaced"]
    assert "![" not in seen["removed"] and seen["empty"]
    editor.body.undo()  # the removal was one step
    assert editor.body.toPlainText() == seen["replaced"]


def test_findings_buttons_do_only_what_they_can_and_the_selection_stays(window, qtbot):
    open_draft(window, qtbot)
    editor, panel = window.editor, window.editor.findings
    editor.body.setPlainText("据悉有人在此设点赌球,另有消息。")
    qtbot.waitUntil(lambda: {f.rule for f in panel.model.shown} >=
                    {"words.block", "typography.halfwidth-punctuation"}, timeout=5000)
    rules = [f.rule for f in panel.model.shown]
    panel.select(rules.index("words.block"))  # a banned term: no fix to apply
    assert not panel.fix_button.isEnabled() and panel.accept_button.isEnabled()
    panel.select(rules.index("typography.halfwidth-punctuation"))
    assert panel.fix_button.isEnabled()
    chosen = panel.selected()
    # Typing on elsewhere checks again; the same finding stays chosen.
    editor.body.moveCursor(QTextCursor.Start)
    type_chinese(editor.body, "记者从县里获悉，")
    qtbot.waitUntil(lambda: panel.selected() is not None and
                    panel.selected().start == chosen.start + 8, timeout=5000)
    assert (panel.selected().rule, panel.selected().text) == (chosen.rule, chosen.text)


def test_read_only_fields_are_greyed_and_the_status_belongs_to_the_story(window, qtbot):
    from PySide6.QtGui import QColor
    open_draft(window, qtbot)
    editor = window.editor
    white = QColor(editor.body.viewport().grab().toImage().pixel(5, 5))
    window.editor.session.save(checkpoint="save")
    assert window.save_label.text()  # "Saved at …" about this draft
    meeting = next(a.id for a in window.store.articles.many(window.store.articles.ids(
        state="published")))
    window.open_story(meeting)  # published: read-only
    assert window.save_label.text() == ""  # nothing said about the draft any more
    grey = QColor(editor.body.viewport().grab().toImage().pixel(5, 5))
    assert editor.body.isReadOnly() and grey != white and grey.lightness() < 245


def test_the_preview_breadcrumb_follows_the_chosen_channel_at_once(window, qtbot):
    """A new story: choosing its channel shows 当前位置：首页 > 社会 without reopening it."""
    window.findChild(QAction, "action_new_story").trigger()
    qtbot.waitUntil(lambda: window.preview._loaded, timeout=10_000)
    assert "当前位置：首页" in preview_text(window, qtbot)
    channel = window.editor.channel
    channel.setCurrentIndex(channel.findText("社会"))  # as a pick from the list does
    qtbot.waitUntil(lambda: "当前位置：首页 > 社会" in preview_text(window, qtbot),
                    timeout=10_000)


def test_the_fields_fold_to_one_line_and_the_body_gets_the_height(window, qtbot):
    """The headline, the channel and the state stay in sight; the rest folds away, and
    stays folded for the next story."""
    open_draft(window, qtbot)
    editor = window.editor
    chip = editor.meta.chip
    assert chip.isVisible() and chip.text() == "Draft" and "#eceff1" in chip.styleSheet()
    fold = editor.meta.fold_button
    assert not fold.isChecked() and editor.fields["kicker"].isVisible()
    tall = editor.body.height()
    qtbot.mouseClick(fold, Qt.LeftButton)
    qtbot.waitUntil(lambda: editor.body.height() > tall + 100)
    assert not editor.fields["kicker"].isVisible() and not editor.reporters.isVisible()
    assert editor.fields["title"].isVisible() and editor.channel.isVisible()
    from ui.editor.meta_form import MetaForm
    again = MetaForm(editor.fields["subtitle"].__class__(), editor.origin.__class__(), [],
                     editor.summary.__class__())
    assert again.fold_button.isChecked()  # remembered
    qtbot.mouseClick(fold, Qt.LeftButton)
    assert editor.fields["kicker"].isVisible()


def test_states_are_chips_and_findings_have_severity_icons(window, qtbot):
    from ui import look
    from ui.look import StateChipDelegate
    table = window.table
    assert isinstance(table.itemDelegateForColumn(2), StateChipDelegate)
    model = window.model
    states = {model.data(model.index(r, 2), look.STATE_ROLE) for r in range(model.rowCount())}
    assert {"draft", "published", "in_review"} <= states
    draft = open_draft(window, qtbot)
    type_chinese(window.editor.body, "新店开业，澳门葡京。")
    findings = window.editor.findings
    qtbot.waitUntil(lambda: getattr(findings.model.finding(0), "severity", "") == "block",
                    timeout=10_000)
    first = findings.model.index(0)
    assert not findings.model.data(first, Qt.DecorationRole).isNull()
    assert findings.model.data(first, Qt.ForegroundRole).name() == look.SEVERITIES["block"][1]
    assert draft
