"""Run as a program by the crash test and bench/crash_bench.py: the app on a database,
typing into a draft like an editor (a character every 50 ms, and every twentieth input
a sentence pasted with Ctrl+V) until it is killed. After each input it prints
'<inputs done> <characters added> <monotonic time>'."""
import sys
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from newsdesk.store import Store
from ui.main_window import MainWindow

TEXT = "记者从县疾控中心获悉全县已接种流感疫苗一万二千人次" * 20
PASTE = "（粘贴）今年全县新建村级卫生室十二个，覆盖偏远山区群众两万余人。"
TYPING_MS = 50


def inputs(n: int) -> list[str]:
    """The first n inputs, in order: characters of TEXT, every twentieth one a paste."""
    typed = iter(TEXT)
    return [PASTE if (i + 1) % 20 == 0 else next(typed) for i in range(n)]


def main() -> None:
    app = QApplication(sys.argv[:1])
    app.setOrganizationName("Newsdesk-crash-test")
    store = Store.open(sys.argv[1])
    window = MainWindow(store, sys.argv[1], store.users.find("chenlu"))
    window.show()
    window.open_story(sys.argv[2])
    body = window.editor.body
    body.moveCursor(QTextCursor.End)
    body.setFocus()
    done = [0, 0]

    def one_input() -> None:
        text = inputs(done[0] + 1)[-1]
        if text == PASTE:
            QApplication.clipboard().setText(text)
            QTest.keyClick(body, Qt.Key_V, Qt.ControlModifier)
        else:
            event = QInputMethodEvent()
            event.setCommitString(text)
            QApplication.sendEvent(body, event)
        done[0] += 1
        done[1] += len(text)
        print(done[0], done[1], time.monotonic(), flush=True)

    timer = QTimer(interval=TYPING_MS)
    timer.timeout.connect(one_input)
    timer.start()
    app.exec()


if __name__ == "__main__":
    main()
