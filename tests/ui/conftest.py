import pytest
from PySide6.QtCore import QSettings


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp):
    """Each test gets its own QSettings (window layout, last user), not the user's.
    Closing a test's last window must not post a quit that ends a later test's dialog
    (QMessageBox.exec) at once."""
    qapp.setQuitOnLastWindowClosed(False)
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
