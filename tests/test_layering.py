"""DESIGN §2: the core and the schema never import Qt."""
import ast
import subprocess
import sys

from tests.conftest import ROOT

CHECK = """
import pkgutil, importlib, sys
import db, newsdesk
for pkg in (db, newsdesk):
    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):
        importlib.import_module(m.name)
qt = sorted(m for m in sys.modules if m.startswith('PySide6'))
print(len([m for m in sys.modules if m.startswith(('newsdesk', 'db'))]), qt)
assert not qt, qt
"""


def test_core_and_db_do_not_import_qt():
    r = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True,
                       cwd=ROOT)
    assert r.returncode == 0, r.stderr
    count = int(r.stdout.split()[0])
    assert count >= 15  # every module of both packages was imported


def _newsdesk_imports(path) -> set[str]:
    """The newsdesk modules a file imports (from newsdesk.x import y → newsdesk.x.y
    when y is a module, else newsdesk.x)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("newsdesk"):
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                as_path = ROOT / full.replace(".", "/")
                module = as_path.with_suffix(".py").exists() or as_path.is_dir()
                found.add(full if module else node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("newsdesk")}
    return found


def test_settings_import_nothing_above_them():
    """Every area reads the settings, so the settings read no area: only the loose
    modules every area shares (DESIGN §2)."""
    below = {"newsdesk.times", "newsdesk.urls", "newsdesk.errors", "newsdesk.i18n",
             "newsdesk.targets"}
    assert _newsdesk_imports(ROOT / "newsdesk" / "settings.py") <= below


def test_no_two_core_modules_share_a_name():
    """A name says which module: search.py beside store/search.py had two meanings."""
    seen: dict[str, str] = {}
    clashes = []
    for path in sorted((ROOT / "newsdesk").rglob("*.py")):
        if path.name == "__init__.py" or "cli" in path.parts:
            continue  # the commands are named for what a person types
        if path.name in seen:
            clashes.append((seen[path.name], str(path.relative_to(ROOT))))
        seen.setdefault(path.name, str(path.relative_to(ROOT)))
    assert not clashes, clashes
