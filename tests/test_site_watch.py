"""The live site is watched, not only what a run sends (issue 30, item 10): after a
publish, gambling spam injected into a story page the next run does not re-send,
static/nav.js altered, robots.txt deleted and a page added on the host; the next
`publish` (the real CLI) refuses, exit 1, naming each with the text injected and sending
nothing; over a folder, OpenSSH's SFTP with a shell and without one, and FTP.
`publish --watch` reports the same on its schedule (巡检), and the site put back with
--overwrite is whole again."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsdesk.publish.run import Tampered, check_site, publish, watch
from newsdesk.site.verify import load_manifest
from tests.hosts import Ftpd, Sshd
from tests.test_publish import admin, correct, files, run, same_site, story, use

SPAM = "澳门新葡京官网注册"


@pytest.fixture
def newsroom(demo_store, tmp_path):
    demo_store.set_settings({"output_dir": str(tmp_path / "out"), "base_url": ""})
    return demo_store


@pytest.fixture(params=["folder", "sftp", "sftp-only", "ftp"])
def host(request, tmp_path):
    """(target setting, the folder the host serves, the password to give)."""
    root = tmp_path / "served"
    root.mkdir()
    if request.param == "folder":
        yield {"name": "本机", "kind": "folder", "path": str(root)}, root, None
    elif request.param.startswith("sftp"):
        work = tmp_path / "ssh"
        work.mkdir()
        server = Sshd(work, sftp_only=request.param == "sftp-only").start()
        yield ({"name": "主机", "kind": "sftp", "host": "127.0.0.1", "port": server.port,
                "user": server.user, "path": str(root), "key_file": str(server.user_key)},
               root, None)
        server.stop()
    else:
        server = Ftpd(root)
        yield ({"name": "主机", "kind": "ftp", "host": "127.0.0.1", "port": server.port,
                "user": "web", "path": "/"}, root, "pw")
        server.stop()


def tamper(store, root: Path) -> str:
    """What an intruder does on the host: returns the story page given spam."""
    victim = story(store, "社区志愿者")   # not the story corrected next: its page stays
    page = root / victim.public_path
    page.write_text(page.read_text("utf-8").replace("</h1>", f"{SPAM}</h1>", 1), "utf-8")
    nav = root / "static" / "nav.js"
    nav.write_text(nav.read_text("utf-8") + "\ndocument.write('<a href=\"https://bet.example/\">"
                   "</a>');\n", "utf-8")
    (root / "robots.txt").unlink()
    (root / "yaowen" / "bet.html").write_text(
        f"<html><head><title>{SPAM}</title></head><body>{SPAM}</body></html>", "utf-8")
    return victim.public_path


def said_about_each(out: str, page: str) -> None:
    assert f"changed on the server: {page}" in out
    assert f"added: {SPAM}" in out   # the text injected into the page, as a verify says it
    assert f"search-spam injection (博彩): {SPAM}" in out
    assert "changed on the server: static/nav.js" in out
    assert "removed from the server: robots.txt" in out
    assert "added on the server: yaowen/bet.html" in out


def test_the_next_publish_refuses_on_any_file_someone_else_touched(newsroom, host, cli,
                                                                   monkeypatch):
    target, root, password = host
    use(newsroom, **target)
    if password:
        monkeypatch.setenv("NEWSDESK_TARGET_PASSWORD", password)
    key = []
    first = publish(newsroom, admin(newsroom), password=password,
                    confirm=lambda h, fingerprint: key.append(fingerprint) or True)
    assert first.ok and first.patrol.ok
    page = tamper(newsroom, root)
    # The next run has something to send: another story corrected.
    corrected = correct(newsroom, "县人民医院", "18:00至21:00", "18:00至21:30")
    before = files(root)
    r = cli("publish", "--as", "admin", "--db", newsroom.path,
            *(["--trust-host-key", key[0]] if key else []))
    assert r.code == 1, r.out + r.err
    said_about_each(r.out, page)
    assert "4 files on the server were changed, added or removed by someone else" in r.err
    assert "Nothing was uploaded" in r.err and "Traceback" not in r.err
    assert files(root) == before   # nothing sent
    assert newsroom.publishing.history()[0]["outcome"] == "tampered"
    # The page was not one the run was about to send: only the whole-site check saw it.
    out = Path(newsroom.settings().output_dir)
    server = json.loads(before["manifest.json"])["files"]
    assert load_manifest(out / "manifest.json")[page] == server[page]
    assert corrected.public_path in load_manifest(out / "manifest.json")
    # Put back on the person's word: the site is the export again, the added page gone.
    r = cli("publish", "--overwrite", "--as", "admin", "--db", newsroom.path)
    assert r.code == 0, r.out + r.err
    for path in (page, "static/nav.js", "robots.txt", "yaowen/bet.html"):
        assert f"put back {path}" in r.out
    same_site(newsroom, root)
    r = cli("publish", "--as", "admin", "--db", newsroom.path)
    assert r.code == 0 and "whole site checked on the host: " in r.out


def test_a_page_changed_to_the_same_size_with_its_time_set_back(newsroom, tmp_path):
    """Where the host tells a file's ctime (a folder; a shell's find), a same-size change
    whose mtime was set back is found all the same."""
    root = tmp_path / "served"
    use(newsroom, name="本机", kind="folder", path=str(root))
    run(newsroom)
    page = root / story(newsroom, "社区志愿者").public_path
    text = page.read_text("utf-8")
    was = page.stat()
    swapped = text.replace("志愿者", "博彩网", 1)
    assert len(swapped.encode()) == len(text.encode()) and swapped != text
    time.sleep(0.05)
    page.write_text(swapped, "utf-8")
    os.utime(page, ns=(was.st_atime_ns, was.st_mtime_ns))
    found = check_site(newsroom, admin(newsroom))
    assert [p for p, *_ in found.changed] == [page.relative_to(root).as_posix()]
    assert found.compared == 1   # one checksum: every other file's size and times held


def test_the_hosts_own_files_are_neither_flagged_nor_removed(newsroom, tmp_path):
    """A web host keeps files beside the site (.htaccess, .well-known/, a search engine's
    verification page the outlet lists in host_keeps): the check leaves them be, and
    anything else added is still someone else's."""
    root = tmp_path / "served"
    use(newsroom, name="本机", kind="folder", path=str(root))
    run(newsroom)
    (root / ".htaccess").write_text("ErrorDocument 404 /404.html\n", "utf-8")
    (root / ".well-known").mkdir()
    (root / ".well-known" / "security.txt").write_text("Contact: mailto:a@b.cn\n", "utf-8")
    (root / "baidu_verify_codeva-x1.html").write_text("x1", "utf-8")
    found = check_site(newsroom, admin(newsroom))
    assert [p for p, *_ in found.added] == ["baidu_verify_codeva-x1.html"]
    newsroom.set_settings({"host_keeps": [".htaccess", ".well-known/*",
                                          "baidu_verify_*.html"]})
    assert check_site(newsroom, admin(newsroom)).ok
    run(newsroom, overwrite=True)
    assert (root / ".htaccess").exists() and (root / "baidu_verify_codeva-x1.html").exists()


def test_the_manifest_removed_from_the_host_is_no_way_round_the_check(newsroom, tmp_path):
    """Without the host's manifest a run would send everything and tell nothing: a seat
    that saw the site there says it was removed."""
    root = tmp_path / "served"
    use(newsroom, name="本机", kind="folder", path=str(root))
    run(newsroom)
    (root / "manifest.json").unlink()
    found = check_site(newsroom, admin(newsroom))
    assert found.missing == ["manifest.json"] and not found.ok
    with pytest.raises(Tampered, match="removed by someone else .*: manifest.json"):
        run(newsroom)
    assert run(newsroom, overwrite=True).repaired == ["manifest.json"]
    same_site(newsroom, root)


def test_watch_checks_the_whole_site_on_its_schedule(newsroom, tmp_path):
    root = tmp_path / "served"
    use(newsroom, name="本机", kind="folder", path=str(root))
    run(newsroom)
    page = tamper(newsroom, root)
    said, slept, clock = [], [], [0.0]

    def sleep(seconds):
        slept.append(seconds)
        clock[0] += seconds
    watch(newsroom, admin(newsroom), every=30, check_every=60, rounds=4, said=said.append,
          sleep=sleep, clock=lambda: clock[0], confirm=None)
    # Nothing came due; the site was checked at 0 s and at 60 s, not in between.
    assert slept == [30, 30, 30] and len(said) == 2
    for found in said:
        assert not found.ok
        assert [(p, names) for p, _, names in found.changed] == [
            (page, [SPAM]), ("static/nav.js", [])]
        assert [p for p, *_ in found.added] == ["yaowen/bet.html"]
        assert found.added[0][2] == [SPAM] and found.missing == ["robots.txt"]


def _ctrl_c_heard() -> None:
    """Ctrl+C as a terminal gives it, however this suite was started: a shell script's
    background job (`make test &`) has SIGINT ignored, and a child keeps that."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_publish_watch_on_the_command_line(newsroom, tmp_path):
    root = tmp_path / "served"
    use(newsroom, name="本机", kind="folder", path=str(root))
    run(newsroom)
    page = tamper(newsroom, root)
    env = dict(os.environ, NEWSDESK_LANG="en")
    watching = subprocess.Popen(
        [sys.executable, str(Path(__file__).parent.parent / "main.py"), "publish", "--watch",
         "--every", "1", "--check-every", "1", "--as", "admin", "--db", newsroom.path],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        preexec_fn=_ctrl_c_heard)
    out = []
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = watching.stdout.readline()
            out.append(line)
            if "removed from the server" in line:
                break
    finally:
        watching.send_signal(signal.SIGINT)
        rest, err = watching.communicate(timeout=30)
    said_about_each("".join(out) + rest, page)
    assert watching.returncode == 0 and "Traceback" not in err   # Ctrl+C stops it
