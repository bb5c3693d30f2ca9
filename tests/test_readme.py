"""The README's command-line examples are the acceptance test of the command line: each
`python main.py …` line runs, in the README's order, against a demo newsroom, with its
placeholders (a story id '3f2a', files, a web address) replaced by real ones."""
import gzip
import re
import shlex
import shutil

import pytest

from tests.conftest import DATA, ROOT

README = (ROOT / "README.md").read_text("utf-8")
EXAMPLES = [line.split("  #")[0].strip() for block in re.findall(r"```sh\n(.*?)```", README, re.S)
            for line in block.splitlines() if line.startswith("python main.py ")]


def test_the_readme_shows_every_command():
    shown = {shlex.split(line)[2] for line in EXAMPLES}
    assert shown >= {"init", "search", "list", "show", "import", "users", "channels",
                     "settings", "delete", "bin", "edit", "submit", "recall", "approve", "return", "withdraw", "correct",
                     "history", "audit", "export", "verify", "views", "backup", "restore",
                     "check", "words", "lists", "inspect", "publish", "targets", "sync",
                     "conflicts"}


@pytest.fixture
def workplace(tmp_path, monkeypatch, memory_keyring):
    """The files the examples name, made real in a folder the commands run in."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "old-site").mkdir()
    shutil.copy(DATA / "reference_page.html", tmp_path / "old-site" / "page.html")
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "a.md").write_text(
        "---\ntitle: 县图书馆延长开放时间\ndate: 2026-11-20 09:00\n---\n"
        "县图书馆自12月起每天开放至晚上九点。\n", "utf-8")
    (tmp_path / "more.txt").write_text("某博彩品牌\tblock\t赌博\t\n", "utf-8")
    (tmp_path / "leaders.tsv").write_text("林振华\t县委书记\n何文斌\t县委副书记、县长\n", "utf-8")
    monkeypatch.setenv("NEWSDESK_PASSWORD", "越溪2026")  # who acts proves it
    monkeypatch.setenv("NEWSDESK_NEW_PASSWORD", "越溪2026")  # 'users add', 'users passwd'
    monkeypatch.setenv("NEWSDESK_GIT_PASSWORD", "token")  # for 'sync login'
    return tmp_path


def _stories(cli, db, state):
    import json
    return [s["id"] for s in json.loads(cli("list", "--db", db, "--state", state,
                                            "--json").out)]


def test_every_readme_example_runs(workplace, cli):
    db, site = workplace / "demo.db", workplace / "site"
    story = {}  # what '3f2a' stands for, command by command
    for line in EXAMPLES:
        args = shlex.split(line)[2:]
        command = args[0]
        args = [a.replace("/tmp/demo.db", str(db)).replace("/tmp/site", str(site))
                .replace("/tmp/live", str(workplace / "live"))
                .replace("/tmp/newsroom.git", str(workplace / "newsroom.git"))
                .replace("/tmp/newsroom.db", str(workplace / "newsroom.db"))
                .replace("/tmp/seat2.db", str(workplace / "seat2.db")) for a in args]
        if command == "publish" and not story.get("offline"):
            # verify over the demo's address would look it up: this test stays offline
            cli("settings", "set", "base_url", "", "--as", "admin", "--db", db)
            story["offline"] = True
        if "posts/*.md" in args:
            args[args.index("posts/*.md")] = str(workplace / "posts" / "a.md")
        if command == "verify":
            args[-1] = str(site)  # a deployed copy: here the folder itself
        if command == "views":
            a = next(p for p in site.rglob("*.html") if p.parent.name.isdigit())
            log = workplace / "access.log.1.gz"
            log.write_bytes(gzip.compress(
                f'10.0.0.1 - - [27/Nov/2026:09:00:00 +0800] "GET /{a.relative_to(site)} '
                'HTTP/1.1" 200 5120 "-" "Mozilla/5.0"\n'.encode()))
            args[args.index("/var/log/nginx/access.log.1.gz")] = str(log)
        if command == "restore":
            [made] = (workplace / "backups").glob("newsdesk-*.db")
            args[1] = str(made)
        if "3f2a" in args:
            if command == "delete":
                story["deleted"] = _stories(cli, db, "draft")[0]
            if command == "submit":
                story["review"] = _stories(cli, db, "draft")[0]
            published = _stories(cli, db, "published")
            wanted = {"delete": story.get("deleted"), "bin": story.get("deleted"),
                      "edit": story.get("deleted"),
                      "withdraw": published[0], "correct": published[1],
                      "show": published[2], "check": published[2]}.get(command,
                                                                       story.get("review"))
            args[args.index("3f2a")] = wanted
        r = cli(*args)
        # The demo site has empty channels: 网站自查 says so, and exits 1.
        assert r.code == (1 if command == "inspect" else 0), f"{line}\n→ exit {r.code}: {r.err}"
        assert "Traceback" not in r.err
    assert (workplace / "changes.txt").exists() and (workplace / "upload.zip").exists()
    assert (workplace / "list.txt").read_text("utf-8").strip()
    assert "空白栏目" in (workplace / "report.html").read_text("utf-8")
    assert (workplace / "live" / "manifest.json").exists()
