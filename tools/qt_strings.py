"""The app's Qt catalogue: bring the zh_CN .ts up to date with ui/, fill what is new
from a JSON file and compile the .qm.

    .venv/bin/python tools/qt_strings.py [translations.json]

The JSON maps an English source to its Chinese ({"Open": "打开"}) or, where one source
needs different Chinese in different places, "Context|source" to it. What is still
unfinished is listed (exit 1). Holds a lock on the catalogue while it works, so two
people updating at once do not lose each other's strings."""
from __future__ import annotations

import fcntl
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "newsdesk_zh_CN.ts"
BIN = Path(sys.executable).parent


def fill(chinese: dict[str, str]) -> list[str]:
    """Give every unfinished message its Chinese where the JSON has it; return the
    sources still unfinished."""
    tree = ET.parse(TS)
    left = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") != "unfinished":
                continue
            source = message.findtext("source")
            text = chinese.get(f"{name}|{source}", chinese.get(source))
            if text:
                translation.text = text
                del translation.attrib["type"]
            else:
                left.append(f"{name}|{source}")
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                  "utf-8")
    return left


def main(argv: list[str]) -> int:
    chinese = json.loads(Path(argv[0]).read_text("utf-8")) if argv else {}
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
    lupdate = [str(BIN / "pyside6-lupdate"), "-silent", "-no-obsolete", *sources,
               "-ts", str(TS.relative_to(ROOT))]
    with open(TS.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        subprocess.run(lupdate, cwd=ROOT, check=True)
        left = fill(chinese)
        subprocess.run(lupdate, cwd=ROOT, check=True)  # back in lupdate's own layout
        subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(TS),
                        "-qm", str(TS.with_suffix(".qm"))], check=True)
    for source in left:
        print(json.dumps(source, ensure_ascii=False))
    print(f"{len(left)} unfinished", file=sys.stderr)
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
