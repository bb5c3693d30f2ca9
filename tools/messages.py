"""The core's message catalogue: find every message in newsdesk/, bring the Chinese
.po up to date and compile it (the app's own Qt strings are pyside6-lupdate's job).

    .venv/bin/python tools/messages.py [translations.json]

A message is the literal first argument of _(), N_(), both() or an error class (a
subclass of newsdesk.errors.Translated). New messages take their Chinese from the JSON
file ({"English": "中文"}) when given; what is still untranslated is listed (exit 1)."""
from __future__ import annotations

import ast
import fcntl
import importlib
import json
import pkgutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PO = ROOT / "resources" / "locale" / "zh_CN" / "LC_MESSAGES" / "newsdesk.po"
MARKERS = {"_", "N_", "both"}
# What click says of a mistyped command line (it looks these up with the stdlib's
# gettext, which newsdesk.i18n.lend_to_click points at this catalogue): (singular,
# plural) for those it counts.
CLICK = [
    "No such command {name!r}.", "No such option {name!r}.", "Missing argument",
    "Missing option", "Missing parameter", "Missing parameter: {param_name}",
    "Invalid value: {message}", "Invalid value for {param_hint}: {message}",
    "Option {name!r} does not take a value.", "{value!r} is not a valid {number_type}.",
    "Could not open file {filename!r}: {message}", "unknown error",
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."),
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."),
    ("Did you mean {possibility}?", "(Possible options: {possibilities})"),
]


def error_classes() -> set[str]:
    """Names of every exception class whose message is translated."""
    import newsdesk
    from newsdesk.errors import Translated

    for module in pkgutil.walk_packages(newsdesk.__path__, "newsdesk."):
        importlib.import_module(module.name)
    found, todo = set(), [Translated]
    while todo:
        for sub in todo.pop().__subclasses__():
            found.add(sub.__name__)
            todo.append(sub)
    return found


def _called(node: ast.Call) -> str | None:
    func = node.func
    return func.id if isinstance(func, ast.Name) else (
        func.attr if isinstance(func, ast.Attribute) else None)


def calls(names: set[str] | None = None):
    """(path, line, name, first argument node) of every message call in newsdesk/."""
    names = names or (MARKERS | error_classes())
    for path in sorted((ROOT / "newsdesk").rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and node.args and _called(node) in names:
                yield path.relative_to(ROOT), node.lineno, _called(node), node.args[0]


def extract() -> dict[str | tuple, list[str]]:
    """msgid → where it is used."""
    found: dict[str | tuple, list[str]] = {message: ["click:0"] for message in CLICK}
    for path, line, _name, arg in calls():
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value:
            found.setdefault(arg.value, []).append(f"{path}:{line}")
    return found


def main(argv: list[str]) -> int:
    # One update at a time: two people updating at once would lose each other's strings.
    with open(PO.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return update(argv)


def update(argv: list[str]) -> int:
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po, write_po

    known = {}
    if PO.exists():
        with PO.open("rb") as f:
            known = {m.id: m.string for m in read_po(f) if m.id}
    known = {(k[0] if isinstance(k, tuple) else k): (v[0] if isinstance(v, tuple) else v)
             for k, v in known.items()}
    extra = json.loads(Path(argv[0]).read_text("utf-8")) if argv else {}
    catalog = Catalog(locale="zh_CN", domain="newsdesk", project="Newsdesk",
                      charset="utf-8", fuzzy=False)
    missing = []
    for msgid, where in sorted(extract().items(), key=lambda item: str(item[0])):
        key = msgid[0] if isinstance(msgid, tuple) else msgid
        text = extra.get(key) or known.get(key) or ""
        if not text:
            missing.append(key)
        text = (text,) if isinstance(msgid, tuple) else text  # Chinese has one form
        catalog.add(msgid, text, locations=[(w.rsplit(":", 1)[0], int(w.rsplit(":", 1)[1]))
                                            for w in where])
    PO.parent.mkdir(parents=True, exist_ok=True)
    with PO.open("wb") as f:
        write_po(f, catalog, width=100, sort_output=True, include_lineno=False)
    with PO.with_suffix(".mo").open("wb") as f:
        write_mo(f, catalog)
    for msgid in missing:
        print(json.dumps(msgid, ensure_ascii=False))
    print(f"{len(catalog)} messages, {len(missing)} untranslated", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
