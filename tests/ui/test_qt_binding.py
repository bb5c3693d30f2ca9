"""The Qt binding must not leak references to None: PySide6 6.12.0 dropped one at
nearly every call that returns nothing, and the app aborted after some tens of
thousands of them (minutes of real use, or a login list of 10,000 users)."""
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QListWidget, QTreeWidgetItem


def test_calls_returning_nothing_keep_none_alive(qapp):
    box, labels, items = QComboBox(), QLabel(), QListWidget()
    tree = QTreeWidgetItem(["频道"])
    before = sys.getrefcount(None)
    for i in range(2000):
        box.addItem(f"用户{i}", f"id{i}")
        labels.setText(str(i))
        items.addItem(str(i))
        tree.setData(0, Qt.UserRole, {"i": i})
    assert sys.getrefcount(None) - before > -100  # (a leak shows as about -8,000)
