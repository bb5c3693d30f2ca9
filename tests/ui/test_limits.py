"""Limits a user can hit: 10,000 channels, 10,000 users, 100,000 stories. The window,
the login list, the queue and the editor hold ids and fetch names and rows a page at a
time; nothing on the UI thread reads every user or every story."""
import pytest
from PySide6.QtCore import QSettings

from newsdesk.demo import load_demo
from newsdesk.ids import new_id
from newsdesk.model import Article
from newsdesk.text.render import renderer_version
from newsdesk.store import Store
from newsdesk.store.articles import Articles
from newsdesk.store.users import Users
from tests import clock
from ui import id_model
from ui.choices import PAGE
from ui.login import LoginDialog
from ui.main_window import MainWindow

MANY = 10_000


@pytest.fixture(scope="module")
def crowded(tmp_path_factory):
    """The demo newsroom plus 10,000 channels (every tenth a sub-channel of the one
    before) and 10,000 users."""
    path = tmp_path_factory.mktemp("crowded") / "crowded.db"
    store = Store.open(path)
    load_demo(store)
    with store.transaction():
        parent = None
        for i in range(MANY):
            sub = i % 10 != 0
            store.channels.add(f"c{i:05d}", f"频道{i:05d}", parent=parent if sub else None)
            parent = parent if sub else f"c{i:05d}"
            store.users.add(f"u{i:05d}", f"用户{i:05d}", ["reporter"])
    store.close()
    return path


@pytest.fixture
def store(crowded, monkeypatch):
    s = Store.open(crowded)
    # The UI must never read the whole user table.
    monkeypatch.setattr(Users, "all", lambda self: pytest.fail("every user was read"))
    yield s
    s.close()


def test_login_list_fetches_only_the_names_it_shows(qtbot, store):
    last = store.users.find("u09999")
    QSettings().setValue("login/user", last.id)
    dialog = LoginDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    model = dialog.users.model()
    assert model.rowCount() == MANY + 6  # the demo's six and the 10,000
    assert dialog.users.currentData() == last.id
    assert dialog.users.currentText() == "用户09999 (u09999) · reporter"
    dialog.users.showPopup()
    qtbot.wait(50)
    assert len(model._fetched) <= 3 * PAGE
    dialog.users.hidePopup()


def test_main_window_with_10000_channels_and_users(qtbot, store):
    user = store.users.find("chenlu")
    window = MainWindow(store, store.path, user)
    qtbot.addWidget(window)
    window.show()
    # The navigator shows the whole channel tree, sub-channels under their parents.
    channels = window.navigator.topLevelItem(4)
    assert channels.childCount() == 10 + MANY // 10  # the demo's ten lists + 1,000 new
    first_new = next(channels.child(i) for i in range(channels.childCount())
                     if channels.child(i).text(0) == "频道00000")
    assert [first_new.child(i).text(0) for i in range(first_new.childCount())] == \
        [f"频道{i:05d}" for i in range(1, 10)]
    # Pickers hold every channel but have fetched at most a page or two of names.
    for box in (window.editor.channel, window.queue.channel):
        assert box.model().rowCount() >= MANY
        assert len(box.model()._fetched) <= 2 * PAGE
    # The queue shows channel and author names that came with its rows.
    window.navigator.setCurrentItem(window.navigator.topLevelItem(0))
    window.queue.mine.setChecked(False)  # every waiting story, not only this user's
    model = window.queue.model
    assert model.rowCount() > 0
    row = model.row_at(0)
    assert model.data(model.index(0, 1)) == store.channels.get(row["channel_id"]).name
    assert model.data(model.index(0, 2)) == store.users.get(row["author_id"]).real_name
    # Opening a story puts its channel in the picker, though its name was never paged in.
    story = store.articles.create(user.id, title="远处频道的稿件",
                                 channel_id=store.channels.find("c09999").id)
    window.open_story(story.id)
    assert window.editor.channel.currentText().strip() == "频道09999"
    assert window.editor.channel.currentData() == story.channel_id
    window.close()


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """The demo newsroom plus 100,000 short stories waiting for 初审 (about 7 s)."""
    path = tmp_path_factory.mktemp("archive") / "archive.db"
    store = Store.open(path)
    load_demo(store)
    channel, author = store.channels.find("yaowen").id, store.users.find("chenlu").id
    version, stamp = renderer_version(store.settings().video_hosts), clock.stamp(days=-30)
    for first in range(0, 100_000, 10_000):
        store.articles.bulk_add([Article(
            id=new_id(), title=f"第{n}号短讯", channel_id=channel, body=f"短讯{n}。",
            body_html=f"<p>短讯{n}。</p>", renderer_version=version, author_id=author,
            state="submitted", review_stage=1, submitted_at=stamp, created_at=stamp,
            updated_at=stamp) for n in range(first, first + 10_000)], [])
    store.close()
    return path


def test_100000_stories_are_paged_in_as_the_tables_scroll(qtbot, archive, monkeypatch):
    store = Store.open(archive)
    monkeypatch.setattr(Articles, "many", lambda *a, **k: pytest.fail("stories read whole"))
    window = MainWindow(store, store.path, store.users.find("wangfang"))
    qtbot.addWidget(window)
    window.show()
    model = window.model  # "All stories"
    assert model.rowCount() == store.articles.count() > 100_000
    assert len(model._rows) <= 2 * id_model.PAGE
    window.table.scrollToBottom()
    qtbot.wait(50)
    assert len(model._rows) <= 4 * id_model.PAGE
    last = model.ids[-1]
    assert model.data(model.index(model.rowCount() - 1, 0)) == store.articles.get(last).title
    window.navigator.setCurrentItem(window.navigator.topLevelItem(0))  # the queue
    queue = window.queue.model
    assert queue.rowCount() >= 100_000
    assert len(queue._rows) <= 2 * id_model.PAGE
    window.close()
    store.close()
