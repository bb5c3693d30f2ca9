"""The core's language. Messages are written in English in the code (their ids) and
translated through gettext from resources/locale/<language>/LC_MESSAGES/newsdesk.mo
(made from the .po beside it by tools/messages.py). The CLI picks the language from
NEWSDESK_LANG, then the usual locale variables; the app sets the language it shows.

A message takes its values by name, so a translation may put them in another order:
_("{name} is not an admin", name=user.real_name)."""
from __future__ import annotations

import gettext
import os
from functools import cache

from newsdesk.paths import resource

DOMAIN = "newsdesk"
SHIPPED = ("zh_CN",)
_catalogue: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def choose(environ=os.environ) -> str:
    """zh_CN when the first locale variable set names Chinese, else en."""
    for key in ("NEWSDESK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(key)
        if value:
            return "zh_CN" if value.lower().startswith("zh") else "en"
    return "en"


def use(language: str) -> str:
    """Speak language from now on (en for a language not shipped); returns it."""
    global _catalogue, _language
    _language = language if language in SHIPPED else "en"
    _catalogue = gettext.translation(DOMAIN, str(resource("locale")), [_language],
                                     fallback=True)
    return _language


def lend_to_click(language: str) -> None:
    """click translates its own messages with gettext.gettext, which reads the global
    domain and the locale variables: point both at this catalogue (the command line
    only; the app shows no click message)."""
    gettext.bindtextdomain(DOMAIN, str(resource("locale")))
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = language


def language() -> str:
    return _language


def _(message: str, /, **params) -> str:
    """message in the current language, with its named values filled in."""
    text = _catalogue.gettext(message) if message else message
    return text.format(**params) if params else text


def N_(message: str) -> str:
    """Marks a message to translate later (where it is shown)."""
    return message


@cache
def _chinese() -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, str(resource("locale")), ["zh_CN"], fallback=True)


def both(message: str, /, **params) -> tuple[str, str]:
    """(Chinese, English): for records that keep both, such as 机审 findings."""
    translated = _chinese().gettext(message)
    if not params:
        return translated, message
    return translated.format(**params), message.format(**params)


def pick(chinese: str, english: str) -> str:
    """Of a record's two messages, the one in the current language."""
    return chinese if _language == "zh_CN" else english
