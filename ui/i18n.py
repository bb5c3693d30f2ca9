"""Languages: Simplified Chinese when the system locale is Chinese, English otherwise
(NEWSDESK_LANG=zh_CN or en overrides). Qt's own dialogs are translated too."""
from __future__ import annotations

import os

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

from newsdesk import i18n as core
from newsdesk.paths import resource

SHIPPED = ("zh_CN",)


def choose(locale: QLocale | None = None) -> str:
    wanted = os.environ.get("NEWSDESK_LANG")
    locale = QLocale(wanted) if wanted else (locale or QLocale.system())
    return "zh_CN" if locale.language() == QLocale.Chinese else "en"


def install(app, language: str | None = None) -> str:
    """Install the translators for language (default: chosen from the locale)."""
    language = core.use(language or choose())  # the core's messages speak it too
    if language not in SHIPPED:
        return "en"
    ours, qt = str(resource("translations")), QLibraryInfo.path(QLibraryInfo.TranslationsPath)
    # Qt's own words (file dialog, message box buttons) from qtbase itself: the qt_*
    # catalogue only names it and others (qtmultimedia), and fails whole where one of
    # those is not installed (PySide6-Essentials). What qtbase lacks is ours; installed
    # later, a translator is asked first.
    for name, folder in ((f"qtbase_{language}", qt), (f"qtbase_more_{language}", ours),
                         (f"newsdesk_{language}", ours)):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
    return language
