"""DESIGN §2: the core and the schema never import Qt."""
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
