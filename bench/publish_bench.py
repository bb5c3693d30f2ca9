"""发布 speed against the tools a web admin would reach for, in the same run, on hosts
on 127.0.0.1 (OpenSSH's sshd for SFTP, pyftpdlib for FTP): a first upload of the whole
site into an empty folder, then a one-story re-publish (a story corrected, exported,
and only what changed sent). Newsdesk over SFTP and FTP; rsync over ssh (a host with a
shell); lftp `mirror -R --parallel=4` over SFTP and FTP; Newsdesk and lftp on a host
that allows SFTP only (no shell, so no rsync). The FTP server runs in a process of its
own, as a real host's does. Medians of --runs runs; files
sent and seconds. Newsdesk's time is its upload phase (compare, upload, manifest) and
its whole run (with the export, the check of the whole site on the host and the verify).
--republish-only: Newsdesk alone, over SFTP to a host with a shell (the whole-site check
by find and sha256sum there) and to one without (an SFTP listing, files read back).

    python bench/make_archive.py 20000 --db /tmp/archive20k.db
    python bench/publish_bench.py --db /tmp/archive20k.db --work /tmp/pubbench
    python bench/publish_bench.py --db /tmp/archive100k.db --republish-only"""
from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsdesk.review import workflow  # noqa: E402
from newsdesk.publish.run import publish  # noqa: E402
from newsdesk.site import export_site  # noqa: E402
from newsdesk.store import Store  # noqa: E402
from tests.hosts import FtpdProcess, Sshd  # noqa: E402


TOOLS = ("newsdesk-sftp", "rsync-ssh", "newsdesk-sftp-only", "lftp-sftp", "newsdesk-ftp",
         "lftp-ftp")


def timed(run) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def ssh_options(sshd: Sshd) -> list[str]:
    return ["-p", str(sshd.port), "-i", str(sshd.user_key), "-o", "StrictHostKeyChecking=no",
            "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR"]


def rsync(out: Path, sshd: Sshd, dest: Path) -> int:
    done = subprocess.run(
        ["rsync", "-a", "--delete", "--stats", "-e", "ssh " + " ".join(ssh_options(sshd)),
         f"{out}/", f"{sshd.user}@127.0.0.1:{dest}/"], check=True, capture_output=True,
        text=True).stdout
    line = next(x for x in done.splitlines() if x.startswith("Number of regular files transferred"))
    return int(line.split(":")[1].replace(",", ""))


def lftp_sftp(out: Path, sshd: Sshd, dest: Path) -> None:
    connect = "ssh -a -x " + " ".join(o for o in ssh_options(sshd) if o not in ("-p", str(sshd.port)))
    subprocess.run(["lftp", "-c", f"set sftp:connect-program '{connect}'; "
                    f"open -u {sshd.user}, -p {sshd.port} sftp://127.0.0.1; "
                    f"mirror -R --parallel=4 --no-perms {out} {dest}"], check=True,
                   capture_output=True)


def lftp_ftp(out: Path, port: int, dest: str) -> None:
    subprocess.run(["lftp", "-c", f"set ftp:passive-mode on; open -u web,pw -p {port} "
                    f"ftp://127.0.0.1; mirror -R --parallel=4 --no-perms {out} {dest}"],
                   check=True, capture_output=True)


class Newsdesk:
    """publish() to a target, the upload phase timed from its progress."""

    def __init__(self, store: Store, admin, target: dict, password: str | None):
        self.store, self.admin, self.password = store, admin, password
        self.target = target

    def run(self, dest: str) -> tuple[float, float, int]:
        upload, total, sent, _check = self.checked(dest)
        return upload, total, sent

    def checked(self, dest: str) -> tuple[float, float, int, str]:
        """As run, and the whole-site check: its seconds, files listed and compared."""
        target = dict(self.target, path=dest)
        self.store.set_settings({"publish_targets": [target], "publish_target": target["name"]})
        marks = {}

        def progress(phase, done, total):
            marks.setdefault(phase, time.perf_counter())
        started = time.perf_counter()
        report = publish(self.store, self.admin, password=self.password,
                         confirm=lambda host, fingerprint: True, progress=progress)
        ended = time.perf_counter()
        check = (f"check {marks['upload'] - marks['compare']:.2f} s: {report.patrol.checked} "
                 f"files listed, {report.patrol.compared} by checksum")
        return (marks["verify"] - marks["compare"], ended - started, len(report.uploaded) + 1,
                check)


def correct_one(store: Store, n: int) -> None:
    users = {u.username: u for u in store.users.all()}
    [a] = store.articles.many(store.articles.ids(state="published", limit=1, offset=n))
    workflow.begin_correction(store, a.id, users["zhangwei"], "更正")
    workflow.edit(store, a.id, {"body": a.body + f"\n\n（更正 {n}）"}, users["zhangwei"])
    workflow.submit(store, a.id, users["zhangwei"])
    for name in ("wangfang", "liqiang", "zhaomin"):
        workflow.approve(store, a.id, users[name])


def republish_only(store: Store, admin, hosts: dict[str, "Newsdesk"], work: Path,
                   runs: int) -> None:
    """Per host: a first upload, then --runs one-story re-publishes, each checking the
    whole site on the host before it sends."""
    done = 0
    for name, host in hosts.items():
        dest = str(work / name / "site")
        upload, total, sent = host.run(dest)
        print(f"{name}: first upload {sent} files, upload {upload:.1f} s, whole run "
              f"{total:.1f} s")
        timings = []
        for run in range(runs):
            correct_one(store, done)
            done += 1
            upload, total, sent, check = host.checked(dest)
            timings.append(total)
            print(f"  re-publish {run + 1}: {sent} files, upload {upload:.2f} s ({check}), "
                  f"whole run {total:.2f} s")
        print(f"{name}: one-story re-publish, whole run (export, whole-site check, upload, "
              f"verify): median {statistics.median(timings):.2f} s over {runs} (goal ≤ 3 s at "
              "100,000 stories)")


def compare(store: Store, admin, tools: list[str], runs: int, work: Path, out: Path,
            sshd: Sshd, sftpd: Sshd, ftpd: FtpdProcess, ours: dict[str, "Newsdesk"]) -> None:
    """Each tool's first upload into an empty folder, then a one-story re-publish."""
    def folder(name: str, run: int) -> Path:
        return work / ("ftp" if name.endswith("-ftp") else "ssh") / f"{name}-{run}"

    def upload(name: str, dest: Path) -> tuple[float, float | None, int]:
        """(upload seconds, Newsdesk's whole run or None, files Newsdesk sent)."""
        if name in ours:   # an FTP account's home is the ftp folder
            return ours[name].run("/" + dest.name if name.endswith("-ftp") else str(dest))
        peer = {"rsync-ssh": lambda: rsync(out, sshd, dest),
                "lftp-sftp": lambda: lftp_sftp(out, sftpd, dest),
                "lftp-ftp": lambda: lftp_ftp(out, ftpd.port, "/" + dest.name)}[name]
        return timed(peer), None, 0

    first: dict[str, list[tuple[float, float | None, int]]] = {}
    for run in range(runs):
        for name in tools:
            dest = folder(name, run)
            shutil.rmtree(dest, ignore_errors=True)
            dest.mkdir()
            first.setdefault(name, []).append(upload(name, dest))
    print(f"first upload (median of {runs}): " + "; ".join(
        f"{n} {_median(v, 0):.1f} s [" + ", ".join(f"{x[0]:.1f}" for x in v) + "]"
        + (f" (whole run {_median(v, 1):.1f} s)" if n in ours else "")
        for n, v in first.items()))
    for mine, peer in (("newsdesk-sftp", "rsync-ssh"), ("newsdesk-sftp-only", "lftp-sftp"),
                       ("newsdesk-ftp", "lftp-ftp")):
        if mine in first and peer in first:
            print(f"  {mine} / {peer} = {_median(first[mine], 0) / _median(first[peer], 0):.2f}"
                  "  (goal ≤ 1.5)")
    again: dict[str, list[tuple[float, float | None, int]]] = {}
    exports = []
    for run in range(runs):
        correct_one(store, run)
        exports.append(timed(lambda: export_site(store, out, actor=admin)))
        for name in tools:   # onto the last run's copies
            again.setdefault(name, []).append(upload(name, folder(name, runs - 1)))
    print(f"one-story re-publish: the incremental export median {statistics.median(exports):.2f} "
          "s; then " + "; ".join(
              f"{n} {_median(v, 0):.2f} s"
              + (f" ({v[-1][2]} files; whole run {_median(v, 1):.2f} s)" if n in ours else "")
              for n, v in again.items()))


def _median(results: list[tuple], column: int) -> float:
    return statistics.median(r[column] for r in results)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--work", default=None)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--republish-only", action="store_true",
                        help="Newsdesk over SFTP alone, to a host with a shell and to one "
                             "without: one first upload each, then --runs one-story "
                             "re-publishes, whole runs timed (for a 100,000-story archive)")
    parser.add_argument("--only", default=",".join(TOOLS),
                        help="which of them, comma-separated (default: all)")
    args = parser.parse_args()
    tools = [t for t in TOOLS if t in args.only.split(",")]
    work = Path(args.work or tempfile.mkdtemp(prefix="publish-bench-"))
    shutil.rmtree(work, ignore_errors=True)
    (work / "ssh").mkdir(parents=True)
    (work / "ftp").mkdir()
    store = Store.open(args.db)
    admin = store.users.find("admin")
    out = work / "out"
    store.set_settings({"output_dir": str(out), "base_url": ""})
    seconds = timed(lambda: export_site(store, out, actor=admin))
    files = sum(1 for p in out.rglob("*") if p.is_file())
    print(f"{store.articles.count()} stories: full export {seconds:.1f} s, {files} files, "
          f"{sum(p.stat().st_size for p in out.rglob('*') if p.is_file()) / 1e6:.0f} MB")
    sshd = Sshd(work / "ssh").start()
    (work / "sftp-only").mkdir()
    sftpd = Sshd(work / "sftp-only", sftp_only=True).start()  # a host without a shell
    ftpd = FtpdProcess(work / "ftp")
    sftp = Newsdesk(store, admin, {"name": "sftp", "kind": "sftp", "host": "127.0.0.1",
                                   "port": sshd.port, "user": sshd.user,
                                   "key_file": str(sshd.user_key)}, None)
    sftp_only = Newsdesk(store, admin, {"name": "sftp-only", "kind": "sftp",
                                        "host": "127.0.0.1", "port": sftpd.port,
                                        "user": sftpd.user,
                                        "key_file": str(sftpd.user_key)}, None)
    ftp = Newsdesk(store, admin, {"name": "ftp", "kind": "ftp", "host": "127.0.0.1",
                                  "port": ftpd.port, "user": "web"}, "pw")
    try:
        if args.republish_only:
            hosts = {"ssh": sftp, "sftp-only": sftp_only}
            republish_only(store, admin, {name: host for name, host in hosts.items()
                                          if f"newsdesk-{name.replace('ssh', 'sftp')}" in tools},
                           work, args.runs)
        else:
            compare(store, admin, tools, args.runs, work, out, sshd, sftpd, ftpd,
                    {"newsdesk-sftp": sftp, "newsdesk-sftp-only": sftp_only,
                     "newsdesk-ftp": ftp})
    finally:
        sshd.stop()
        sftpd.stop()
        ftpd.stop()
        store.close()
    return 0

if __name__ == "__main__":
    sys.exit(main())
