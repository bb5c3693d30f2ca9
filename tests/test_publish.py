"""发布 end to end against real hosts on 127.0.0.1 (tests/hosts.py): the demo site to a
folder, OpenSSH's SFTP, FTP and FTPS; one story edited and re-published, one withdrawn;
verify; host keys (first use, changed), a file someone else changed (the whole site's
check: tests/test_site_watch.py), runs cut half way, hosts killed mid-run, a public
address that cannot be reached, refused connections and logins, a full disk, the lock,
--due and --watch, the keyring."""
import errno
import functools
import gc
import os
import subprocess
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import keyring
import pytest

from newsdesk import times
from newsdesk.review import workflow
from newsdesk.publish import hostkeys
from newsdesk.publish.remote import PART, PublishError
from newsdesk.targets import find
from newsdesk.publish.run import (
    PasswordNeeded, PublishBusy, Tampered, by_address, publish, publish_due, watch,
)
from newsdesk.publish.hostkeys import HostKeyChanged, HostKeyRefused
from tests.clock import stamp
from tests.hosts import CuttingProxy, Ftpd, Sshd, certificate, free_port


@pytest.fixture
def newsroom(demo_store, tmp_path):
    demo_store.set_settings({"output_dir": str(tmp_path / "out"), "base_url": ""})
    return demo_store


def admin(store):
    return store.users.find("admin")


def use(store, **target):
    store.set_settings({"publish_targets": [target], "publish_target": target["name"]})


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*")
            if p.is_file()}


def same_site(store, root: Path) -> None:
    """The served folder holds exactly the export, byte for byte, and nothing half-sent."""
    out = Path(store.settings().output_dir)
    served = files(root)
    assert not [p for p in served if p.endswith(PART)]
    assert served == files(out)


@pytest.fixture
def sshd(tmp_path):
    work = tmp_path / "ssh"
    work.mkdir()
    server = Sshd(work).start()
    yield server
    server.stop()


@pytest.fixture(params=["folder", "sftp", "ftp", "ftps"])
def host(request, tmp_path):
    """(target setting, the folder the host serves, the password to give)."""
    root = tmp_path / "served"
    root.mkdir()
    if request.param == "folder":
        yield {"name": "本机", "kind": "folder", "path": str(root)}, root, None
    elif request.param == "sftp":
        work = tmp_path / "ssh"
        work.mkdir()
        server = Sshd(work).start()
        yield ({"name": "主机", "kind": "sftp", "host": "127.0.0.1", "port": server.port,
                "user": server.user, "path": str(root), "key_file": str(server.user_key)},
               root, None)
        server.stop()
    else:
        cert, ca = certificate(tmp_path) if request.param == "ftps" else (None, None)
        server = Ftpd(root, tls_cert=cert)
        target = {"name": "主机", "kind": request.param, "host": "127.0.0.1",
                  "port": server.port, "user": "web", "path": "/"}
        if ca:
            target["ca_file"] = str(ca)
        yield target, root, "pw"
        server.stop()


def ftp_host(store, root: Path, **options) -> Ftpd:
    """An FTP server serving root (made if need be), the target store publishes to."""
    root.mkdir(exist_ok=True)
    server = Ftpd(root, **options)
    use(store, name="主机", kind="ftp", host="127.0.0.1", port=server.port, user="web",
        path="/")
    return server


def fingerprint(sshd: Sshd) -> str:
    return subprocess.run(["ssh-keygen", "-lf", str(sshd.work / "host_key.pub")],
                          capture_output=True, text=True).stdout.split()[1]


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Hanging(Quiet):
    def do_GET(self):
        self.close_connection = True   # hangs up without an answer


def web(root: Path, port: int = 0, handler=Quiet) -> ThreadingHTTPServer:
    """A web server on 127.0.0.1 serving root: the site's public address."""
    server = ThreadingHTTPServer(("127.0.0.1", port),
                                 functools.partial(handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def stop(server: ThreadingHTTPServer) -> None:
    server.shutdown()
    server.server_close()


def run(store, password=None, **options):
    return publish(store, admin(store), password=password,
                   confirm=lambda host, fingerprint: True, **options)


def story(store, title_start):
    return next(a for a in store.articles.many(store.articles.ids(state="published"))
                if a.title.startswith(title_start))


def correct(store, title_start, body_from, body_to):
    a = story(store, title_start)
    users = {u.username: u for u in store.users.all()}
    workflow.begin_correction(store, a.id, users["zhangwei"], "更正")
    workflow.edit(store, a.id, {"body": a.body.replace(body_from, body_to)}, users["zhangwei"])
    workflow.submit(store, a.id, users["zhangwei"])
    for name in ("wangfang", "liqiang", "zhaomin"):
        workflow.approve(store, a.id, users[name])
    return a


def test_publish_edit_and_withdraw_on_every_kind_of_host(newsroom, host):
    target, root, password = host
    use(newsroom, **target)
    first = run(newsroom, password)
    assert first.ok and first.verify.checked == len(first.uploaded) + 1  # and the manifest
    same_site(newsroom, root)
    # One story corrected: only its page, its lists, feeds and sitemap go up.
    a = correct(newsroom, "县人民医院", "18:00至21:00", "18:00至21:30")
    again = run(newsroom, password)
    assert sorted(again.uploaded) == sorted(set(again.export.written) - {"manifest.json"})
    assert a.public_path in again.uploaded and len(again.uploaded) <= 8
    assert "18:00至21:30" in (root / a.public_path).read_text("utf-8")
    # One withdrawn: its page replaced by the notice, gone from the lists.
    gone = story(newsroom, "社区志愿者")
    workflow.withdraw(newsroom, gone.id, admin(newsroom), "当事人要求撤稿")
    third = run(newsroom, password)
    assert gone.public_path in third.uploaded and third.ok
    assert "该稿件已撤回" in (root / gone.public_path).read_text("utf-8")
    assert "社区志愿者守护" not in (root / "index.html").read_text("utf-8")
    same_site(newsroom, root)
    runs = newsroom.publishing.history()
    assert [r["outcome"] for r in runs] == ["ok", "ok", "ok"]
    assert runs[0]["user_name"] == "周建国" and runs[2]["uploaded"] == len(first.uploaded)


def test_host_keys_trusted_on_first_use_and_a_changed_one_refused(newsroom, sshd, tmp_path):
    root = tmp_path / "served"
    use(newsroom, name="主机", kind="sftp", host="127.0.0.1", port=sshd.port, user=sshd.user,
        path=str(root), key_file=str(sshd.user_key))
    with pytest.raises(HostKeyRefused, match="was not confirmed; nothing was sent"):
        publish(newsroom, admin(newsroom), confirm=lambda host, fingerprint: False)
    assert not root.exists()
    seen = []
    publish(newsroom, admin(newsroom), confirm=lambda h, f: seen.append((h, f)) or True)
    assert seen[0][0] == f"127.0.0.1:{sshd.port}" and seen[0][1].startswith("SHA256:")
    before = files(root)
    sshd.stop()
    sshd.new_host_key()  # another machine answers at the same address
    sshd.start()
    correct(newsroom, "县人民医院", "18:00至21:00", "18:00至21:30")
    with pytest.raises(HostKeyChanged, match="has changed .* Nothing was sent"):
        run(newsroom)
    assert files(root) == before
    assert newsroom.publishing.history()[0]["outcome"] == "failed"


def test_a_file_changed_on_the_server_is_named_and_put_back_only_when_asked(newsroom, sshd,
                                                                            tmp_path):
    root = tmp_path / "served"
    use(newsroom, name="主机", kind="sftp", host="127.0.0.1", port=sshd.port, user=sshd.user,
        path=str(root), key_file=str(sshd.user_key))
    run(newsroom)
    a = story(newsroom, "县人民医院")
    page = root / a.public_path
    page.write_text(page.read_text("utf-8").replace("——越溪新闻网</title>",
                                                    "——澳门葡京娱乐场</title>"), "utf-8")
    injected = page.read_bytes()
    correct(newsroom, "县人民医院", "18:00至21:00", "18:00至21:30")
    with pytest.raises(Tampered) as refused:
        run(newsroom)
    [(path, added, names)] = refused.value.files
    assert path == a.public_path and "澳门葡京娱乐场" in added and names == ["澳门葡京娱乐场"]
    assert page.read_bytes() == injected  # nothing was uploaded
    assert newsroom.publishing.history()[0]["outcome"] == "tampered"
    repaired = run(newsroom, overwrite=True)
    assert a.public_path in repaired.repaired and repaired.ok
    same_site(newsroom, root)


def test_an_injection_into_a_page_no_run_sends_stops_the_next_run(newsroom, tmp_path):
    root = tmp_path / "served"
    use(newsroom, name="本机", kind="folder", path=str(root))
    run(newsroom)
    home = root / "index.html"
    home.write_text(home.read_text("utf-8").replace("</title>", "-金沙官网</title>"), "utf-8")
    with pytest.raises(Tampered) as refused:   # the whole site is checked, not what is sent
        run(newsroom)
    assert refused.value.files == [("index.html", "-金沙官网", ["金沙官网"])]
    assert run(newsroom, overwrite=True).repaired == ["index.html"]
    same_site(newsroom, root)


def test_an_sftp_run_cut_half_way_is_finished_by_the_next(newsroom, sshd, tmp_path):
    root = tmp_path / "served"
    proxy = CuttingProxy(sshd.port, after=120_000)
    use(newsroom, name="主机", kind="sftp", host="127.0.0.1", port=proxy.port, user=sshd.user,
        path=str(root), key_file=str(sshd.user_key))
    with pytest.raises(PublishError, match="was lost .* publishing again completes it"):
        run(newsroom)
    assert proxy.cut.is_set() and 0 < len(files(root)) < len(files(
        Path(newsroom.settings().output_dir)))
    assert newsroom.publishing.take_lock("test", times.now()) is None  # freed
    newsroom.publishing.drop_lock("test")
    use(newsroom, name="主机", kind="sftp", host="127.0.0.1", port=sshd.port, user=sshd.user,
        path=str(root), key_file=str(sshd.user_key))
    assert run(newsroom).ok
    same_site(newsroom, root)
    proxy.close()


def test_an_ftp_server_stopped_half_way(newsroom, tmp_path):
    root = tmp_path / "served"
    server = ftp_host(newsroom, root)

    def stop_after_ten(phase, done, total):
        if phase == "upload" and done == 10:
            server.stop()
    with pytest.raises(PublishError, match="was lost .* publishing again completes it"):
        run(newsroom, "pw", progress=stop_after_ten)
    again = ftp_host(newsroom, root)
    assert run(newsroom, "pw").ok
    same_site(newsroom, root)
    again.stop()


def test_refusals_say_what_happened(newsroom, tmp_path, sshd):
    use(newsroom, name="主机", kind="sftp", host="127.0.0.1", port=free_port(), user="web",
        path="/srv", key_file=str(sshd.user_key))
    with pytest.raises(PublishError, match="cannot be reached \\(the connection was refused\\); "
                                           "nothing was sent"):
        run(newsroom)
    root = tmp_path / "served"
    server = ftp_host(newsroom, root)
    with pytest.raises(PublishError, match="web@127.0.0.1 refused the login"):
        run(newsroom, "wrong")
    with pytest.raises(PasswordNeeded, match="needs a password"):
        run(newsroom)
    server.stop()


def test_a_full_disk_on_the_host(newsroom, tmp_path):
    from pyftpdlib.filesystems import AbstractedFS

    class FullDisk(AbstractedFS):
        def open(self, filename, mode):
            if "w" in mode:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return super().open(filename, mode)
    root = tmp_path / "served"
    server = ftp_host(newsroom, root, filesystem=FullDisk)
    with pytest.raises(PublishError, match="No space left on device"):
        run(newsroom, "pw")
    assert newsroom.publishing.history()[0]["outcome"] == "failed"
    server.stop()


def test_only_files_no_reader_can_reach_yet_skip_the_temporary_name(newsroom, tmp_path):
    from pyftpdlib.filesystems import AbstractedFS
    written = []   # in the order the host was asked to write them

    class Recording(AbstractedFS):
        def open(self, filename, mode):
            if "w" in mode:
                written.append(Path(filename).relative_to(root).as_posix())
            return super().open(filename, mode)
    root = tmp_path / "served"
    server = ftp_host(newsroom, root, filesystem=Recording)
    first = run(newsroom, "pw")
    # New story pages, pictures, styles: reached only through pages sent after them.
    direct = [p for p in written if not p.endswith(PART)]
    assert direct and not [p for p in direct if by_address(p)]
    assert {"index.html" + PART, "robots.txt" + PART, "manifest.json" + PART} <= set(written)
    assert len(direct) < len(first.uploaded) and set(written[:len(direct)]) == set(direct)
    same_site(newsroom, root)
    # Whatever the host already has is replaced through its temporary name.
    written.clear()
    a = correct(newsroom, "县人民医院", "18:00至21:00", "18:00至21:30")
    again = run(newsroom, "pw")
    assert a.public_path in again.uploaded
    assert sorted(written) == sorted(p + PART for p in again.uploaded + ["manifest.json"])
    same_site(newsroom, root)
    server.stop()


def test_one_run_at_a_time(newsroom, tmp_path):
    use(newsroom, name="本机", kind="folder", path=str(tmp_path / "served"))
    assert newsroom.publishing.take_lock("王芳:1", times.now()) is None
    with pytest.raises(PublishBusy, match="another publish run is uploading \\(王芳\\)"):
        run(newsroom, now=stamp(hours=1))
    assert run(newsroom, now=stamp(hours=3)).ok  # a lock two hours old was left


def test_a_lock_left_by_a_killed_run_on_this_machine_is_taken_over(newsroom, tmp_path):
    import socket
    import subprocess
    import sys
    use(newsroom, name="本机", kind="folder", path=str(tmp_path / "served"))
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True).stdout.strip()
    here = socket.gethostname()
    newsroom.publishing.take_lock(f"王芳:{here}/{ended}/ab12cd34", times.now())
    assert run(newsroom).ok   # its process is gone: nobody is uploading
    newsroom.publishing.take_lock(f"王芳:{here}/{os.getpid()}/ab12cd34", times.now())
    with pytest.raises(PublishBusy, match="王芳"):   # a live run on this machine
        run(newsroom)
    newsroom.publishing.drop_lock(f"王芳:{here}/{os.getpid()}/ab12cd34")
    newsroom.publishing.take_lock(f"王芳:another-pc/{ended}/ab12cd34", times.now())
    with pytest.raises(PublishBusy, match="王芳"):   # another machine's: cannot tell
        run(newsroom)


def test_due_and_watch_publish_only_what_has_come_due(newsroom, tmp_path):
    root = tmp_path / "served"
    use(newsroom, name="本机", kind="folder", path=str(root))
    run(newsroom)
    assert publish_due(newsroom, admin(newsroom), now=stamp(hours=1)) is None
    [scheduled] = newsroom.articles.ids(state="scheduled")
    said, slept = [], []
    watch(newsroom, admin(newsroom), every=30, rounds=2, said=said.append, sleep=slept.append,
          now=stamp(days=6), confirm=None)  # the demo's scheduled story: 5 days ahead
    assert slept == [30] and len(said) == 1 and scheduled in said[0].export.published
    assert newsroom.articles.get(scheduled).public_path in files(root)


def test_passwords_from_the_keyring(newsroom, tmp_path, monkeypatch, memory_keyring):
    root = tmp_path / "served"
    server = ftp_host(newsroom, root)
    target = find(newsroom.settings(), None)
    from keyring.backends import fail
    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    with pytest.raises(PasswordNeeded, match="no keyring, so it is asked at each run"):
        run(newsroom)
    monkeypatch.setattr(keyring, "get_keyring", lambda: memory_keyring)
    hostkeys.save_password(target, "pw")
    assert run(newsroom).ok
    assert "pw" not in str(newsroom.settings().as_dict())  # never in the settings
    server.stop()


def test_the_cli_publishes_and_keeps_the_history(newsroom, tmp_path, cli):
    root = tmp_path / "served"
    use(newsroom, name="本机", kind="folder", path=str(root))
    r = cli("publish", "--as", "admin", "--db", newsroom.path)
    assert r.code == 0 and "files uploaded" in r.out and f"verified over {root}" in r.out
    r = cli("publish", "--due", "--as", "admin", "--db", newsroom.path)
    assert r.code == 0 and r.out.strip() == "nothing has come due"
    r = cli("targets", "--db", newsroom.path)
    assert r.code == 0 and "本机" in r.out
    import json
    runs = json.loads(cli("targets", "history", "--json", "--db", newsroom.path).out)
    assert [run["outcome"] for run in runs] == ["ok"]
    home = root / "index.html"
    home.write_text(home.read_text("utf-8").replace("</title>", "-金沙官网</title>"), "utf-8")
    r = cli("publish", "--verify-all", "--as", "admin", "--db", newsroom.path)
    assert r.code == 1 and "search-spam injection (博彩): 金沙官网" in r.out
    r = cli("publish", "--target", "别处", "--as", "admin", "--db", newsroom.path)
    assert r.code == 2 and "no publish target “别处”; targets are 本机" in r.err


def test_the_cli_asks_for_a_host_key_and_names_a_tampered_file(newsroom, sshd, tmp_path, cli):
    root = tmp_path / "served"
    use(newsroom, name="主机", kind="sftp", host="127.0.0.1", port=sshd.port, user=sshd.user,
        path=str(root), key_file=str(sshd.user_key))
    r = cli("publish", "--as", "admin", "--db", newsroom.path)
    assert r.code == 2 and "seen for the first time: run again with --trust-host-key" in r.err
    r = cli("publish", "--trust-host-key", fingerprint(sshd), "--as", "admin", "--db",
            newsroom.path)
    assert r.code == 0, r.err
    a = story(newsroom, "县人民医院")
    page = root / a.public_path
    page.write_text(page.read_text("utf-8").replace("</title>", "-澳门新葡京</title>"), "utf-8")
    correct(newsroom, "县人民医院", "18:00至21:00", "18:00至21:30")
    r = cli("publish", "--as", "admin", "--db", newsroom.path)
    assert r.code == 1 and f"changed on the server: {a.public_path}" in r.out
    assert "search-spam injection (博彩): 澳门新葡京" in r.out
    r = cli("publish", "--overwrite", "--as", "admin", "--db", newsroom.path)
    assert r.code == 0 and f"put back {a.public_path}" in r.out


def test_many_files_go_by_rsync_where_the_host_has_a_shell(newsroom, sshd, tmp_path,
                                                          monkeypatch):
    import shutil
    from newsdesk.publish import sftp
    if not shutil.which("rsync"):
        pytest.skip("rsync is not installed (.ci/run installs it)")
    used = []
    real = sftp.SftpRemote._rsync
    monkeypatch.setattr(sftp, "BY_RSYNC", 10)
    monkeypatch.setattr(sftp.SftpRemote, "_rsync",
                        lambda self, *a: used.append(len(a[0])) or real(self, *a))
    root = tmp_path / "served"
    use(newsroom, name="主机", kind="sftp", host="127.0.0.1", port=sshd.port, user=sshd.user,
        path=str(root), key_file=str(sshd.user_key))
    first = run(newsroom)
    # The files new to the host, then the ones readers reach by address: two rsyncs.
    assert len(used) == 2 and sum(used) == len(first.uploaded) and first.ok
    same_site(newsroom, root)
    correct(newsroom, "县人民医院", "18:00至21:00", "18:00至21:30")
    assert run(newsroom).ok and sum(used) == len(first.uploaded)  # a few files: SFTP
    same_site(newsroom, root)
    # A changed host key stops the run before rsync (or SFTP) starts.
    newsroom.set_local_meta("hostkey:127.0.0.1:%d" % sshd.port, "ssh-ed25519 AAAAold")
    with pytest.raises(hostkeys.HostKeyChanged):
        run(newsroom)


def test_a_host_that_allows_sftp_only_gets_every_file_by_sftp(newsroom, tmp_path,
                                                               monkeypatch):
    import shutil
    from newsdesk.publish import sftp
    if not shutil.which("rsync"):
        pytest.skip("rsync is not installed (.ci/run installs it)")
    work = tmp_path / "ssh"
    work.mkdir()
    server = Sshd(work, sftp_only=True).start()   # any command: "sftp connections only"
    monkeypatch.setattr(sftp, "BY_RSYNC", 10)
    monkeypatch.setattr(sftp.SftpRemote, "_rsync", lambda *a: pytest.fail("rsync was tried"))
    root = tmp_path / "served"
    use(newsroom, name="主机", kind="sftp", host="127.0.0.1", port=server.port,
        user=server.user, path=str(root), key_file=str(server.user_key))
    assert run(newsroom).ok
    same_site(newsroom, root)
    server.stop()


@pytest.mark.parametrize("why", [
    "the domain name does not resolve", "the connection was refused",
    "the connection was lost (Remote end closed connection without response)"])
def test_a_public_address_that_cannot_be_reached_is_never_said_verified(newsroom, tmp_path,
                                                                        cli, why):
    root = tmp_path / "served"
    use(newsroom, name="本机", kind="folder", path=str(root))
    port = free_port()
    public = ("https://www.yuexi-news.invalid/" if "resolve" in why   # .invalid never resolves
              else f"http://127.0.0.1:{port}/")         # nothing listens there, or hangs up
    hanging = web(root, port, Hanging) if "lost" in why else None
    newsroom.set_settings({"base_url": public})
    cannot = f"could not verify the public site: {public} cannot be reached ({why})"
    r = cli("publish", "--as", "admin", "--db", newsroom.path)
    # What went up was compared over the target: the run says that check is the one that ran.
    assert r.code == 0, r.err
    assert cannot in r.out and f"verified over the upload target instead, {root}: " in r.out
    # Nothing new went up: only the public address could have checked the site.
    r = cli("publish", "--as", "admin", "--db", newsroom.path)
    assert r.code == 1 and cannot in r.out and "nothing else checked the site" in r.out
    assert "verified over" not in r.out
    assert newsroom.publishing.history()[0]["outcome"] == "failed"
    if hanging:
        stop(hanging)
    # Once the address answers, even a run that sends nothing compares something there.
    server = web(root, port)
    newsroom.set_settings({"base_url": f"http://127.0.0.1:{port}/"})
    assert cli("publish", "--as", "admin", "--db", newsroom.path).code == 0  # new addresses
    r = cli("publish", "--as", "admin", "--db", newsroom.path)
    assert r.code == 0 and "0 files uploaded" in r.out
    assert f"verified over http://127.0.0.1:{port}/: 1 files, 0 modified, 0 missing" in r.out
    stop(server)


@pytest.mark.parametrize("when", ["upload", "verify"])
def test_a_host_killed_mid_run_ends_in_one_message_and_the_next_run_completes_the_site(
        newsroom, sshd, tmp_path, cli, monkeypatch, caplog, when):
    from newsdesk.cli import publish as command
    from newsdesk.publish import sftp
    root = tmp_path / "served"
    use(newsroom, name="主机", kind="sftp", host="127.0.0.1", port=sshd.port, user=sshd.user,
        path=str(root), key_file=str(sshd.user_key))
    # A few requests in flight and the rest waiting their turn, as on a site of thousands
    # of files: the pattern that left a task per request to log its lost connection.
    monkeypatch.setattr(sftp, "IN_FLIGHT", 4)

    def kill(phase, done, total):
        if phase == when and done == (10 if when == "upload" else 0):
            sshd.kill()
    monkeypatch.setattr(command, "_progress", kill)
    key = fingerprint(sshd)
    r = cli("publish", "--trust-host-key", key, "--as", "admin", "--db", newsroom.path)
    gc.collect()   # a task left holding an exception logs it when it is collected
    assert [record.getMessage() for record in caplog.records if record.name == "asyncio"] == []
    assert r.code == 2 and r.err.count("\n") == 1 and "Traceback" not in r.err
    assert f"the connection to 127.0.0.1:{sshd.port} was lost" in r.err
    assert "publishing again completes it" in r.err
    sshd.start()
    monkeypatch.setattr(command, "_progress", lambda phase, done, total: None)
    r = cli("publish", "--trust-host-key", key, "--as", "admin", "--db", newsroom.path)
    assert r.code == 0, r.err
    same_site(newsroom, root)
    # Whatever the cut run sent is verified by this one, with what it sends itself.
    everything = len(files(Path(newsroom.settings().output_dir)))
    assert f"{root}: {everything} files, 0 modified, 0 missing" in r.out


def test_a_cut_rsync_says_so_in_words(newsroom, sshd, tmp_path, monkeypatch):
    import shutil
    from newsdesk.publish import sftp
    if not shutil.which("rsync"):
        pytest.skip("rsync is not installed (.ci/run installs it)")

    async def has_rsync(self, timeout):
        return True
    monkeypatch.setattr(sftp, "BY_RSYNC", 10)
    monkeypatch.setattr(sftp.SftpRemote, "_has_rsync", has_rsync)  # a host with a shell
    root = tmp_path / "served"
    use(newsroom, name="主机", kind="sftp", host="127.0.0.1", port=sshd.port, user=sshd.user,
        path=str(root), key_file=str(sshd.user_key))

    def kill(phase, done, total):
        if phase == "upload":
            sshd.kill()   # rsync's own connection dies with the host
    with pytest.raises(PublishError) as cut:
        run(newsroom, progress=kill)
    said = str(cut.value)
    assert said.startswith(f"the connection to 127.0.0.1:{sshd.port} was lost (rsync: ")
    assert "publishing again completes it" in said and "['" not in said
    sshd.start()
    monkeypatch.setattr(sftp, "BY_RSYNC", 1000)   # the demo's few files: by SFTP
    assert run(newsroom).ok
    same_site(newsroom, root)
