"""Run as a program by the crash test: the app on a database, typing into a draft
like an editor (a character every 50 ms) until it is killed."""
import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from newsdesk.store import Store
from ui.main_window import MainWindow

TEXT = "记者从县疾控中心获悉全县已接种流感疫苗一万二千人次" * 20


def main() -> None:
    app = QApplication(sys.argv[:1])
    app.setOrganizationName("Newsdesk-crash-test")
    store = Store.open(sys.argv[1])
    window = MainWindow(store, sys.argv[1], store.find_user("chenlu"))
    window.show()
    window.open_story(sys.argv[2])
    typed = iter(TEXT)

    def type_one() -> None:
        event = QInputMethodEvent()
        event.setCommitString(next(typed))
        QApplication.sendEvent(window.editor.body, event)
        print(window.editor.body.toPlainText().count("\n"), flush=True)  # alive

    window.editor.body.moveCursor(QTextCursor.End)
    timer = QTimer(interval=50)
    timer.timeout.connect(type_one)
    timer.start()
    app.exec()


if __name__ == "__main__":
    main()
