"""巡检 from the app: 网站 → 巡检网站 checks the whole site on the host off the UI thread,
and the status bar shows the last check, its time and what someone else changed there
(issue 30, item 10; the command line's side is tests/test_site_watch.py)."""
import pytest

from tests.test_site_watch import tamper
from tests.test_publish import run
from tests.ui.test_main_window import demo_window
from tests.ui.test_newsroom import action


@pytest.fixture
def window(qtbot, tmp_path):
    yield from demo_window(qtbot, tmp_path, "admin")


def test_the_check_runs_from_the_menu_and_the_status_bar_keeps_its_result(window, qtbot,
                                                                         tmp_path):
    store = window.store
    root = tmp_path / "served"
    store.set_settings({"output_dir": str(tmp_path / "out"), "base_url": "",
                        "publish_targets": [{"name": "本机", "kind": "folder",
                                             "path": str(root)}]})
    label = window.patrol.label
    assert label.text() == ""   # never checked on this seat
    run(store)
    check = action(window, "action_patrol")
    check.trigger()
    qtbot.waitUntil(lambda: "巡检" in window.statusBar().currentMessage(), timeout=60_000)
    assert window.statusBar().currentMessage().startswith(
        "巡检: the host serves what was published (")
    assert label.text().startswith("巡检 ") and label.text().endswith(": no changes")
    page = tamper(store, root)
    window.statusBar().clearMessage()
    check.trigger()
    qtbot.waitUntil(lambda: "巡检" in window.statusBar().currentMessage(), timeout=60_000)
    said = window.statusBar().currentMessage()
    assert said == ("巡检: changed by someone else on the host: " + ", ".join(
        sorted([page, "robots.txt", "static/nav.js", "yaowen/bet.html"])))
    assert label.text().endswith(": 4 files changed by others")
    assert f"Changed: {page}, static/nav.js" in label.toolTip()
    assert "Added: yaowen/bet.html" in label.toolTip()
    assert "Removed: robots.txt" in label.toolTip()
    # A window opened later on this seat shows the last check from the start.
    from ui.publish.patrol_control import PatrolControl
    assert PatrolControl(window).label.text() == label.text()
