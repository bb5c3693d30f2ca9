"""One publish run: export what changed, compare with the server's own manifest.json
(the truth, not a local memory), upload only what differs — each file under a temporary
name and renamed into place, manifest.json last, removals after it — and verify. A run
cut at any moment leaves a site the next run completes. Before anything is sent, the
whole site on the host is checked against the server's manifest (publish/patrol.py): a
file someone else changed, added or removed stops the run, named with the text injected
into it, and is put back only when the person says so. publish --watch also checks the
whole site on a schedule (巡检)."""
from __future__ import annotations

import json
import os
import socket
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from newsdesk import keyring_store, process, times
from newsdesk.review import accounts
from newsdesk.errors import NewsdeskError
from newsdesk.i18n import N_, _
from newsdesk.model import User
from newsdesk.publish import hostkeys, patrol
from newsdesk.publish.patrol import Patrol
from newsdesk.publish.remote import FolderRemote, PublishError, Remote
from newsdesk.targets import Target, find
from newsdesk.site import MANIFEST, ExportCancelled, ExportReport, export_site
from newsdesk.site.verify import VerifyReport, load_manifest, verify
from newsdesk.site.writer import sha256
from newsdesk.store import Store

Progress = Callable[[str, int, int], None]   # phase, done, total
PHASES = ("export", "compare", "upload", "verify")


class PublishBusy(NewsdeskError):
    """Another run holds the publish lock."""


class PasswordNeeded(NewsdeskError):
    """The target needs a password that neither the caller nor the keyring has."""


class Tampered(NewsdeskError):
    """Files on the server were changed, added or removed by someone else; nothing was
    uploaded."""

    def __init__(self, message_id: str, /, found: Patrol, **params):
        super().__init__(message_id, **params)
        self.found = found
        self.files = found.changed   # path, the text injected, the spam named in it
        self.added = found.added     # the same, of files the site never had
        self.missing = found.missing


def tampered(found: Patrol) -> Tampered:
    paths = found.paths()
    return Tampered("{count} files on the server were changed, added or removed by someone "
                    "else since the last publication: {paths}. Nothing was uploaded; publish "
                    "with overwrite to put the published versions back", found=found,
                    count=len(paths), paths=", ".join(paths))


@dataclass
class PublishReport:
    target: str
    export: ExportReport | None = None
    uploaded: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)   # put by a run that was cut
    repaired: list[str] = field(default_factory=list)  # someone else's changes, undone
    patrol: Patrol | None = None   # the whole site on the host, checked before sending
    sent: int = 0
    verify: VerifyReport | None = None   # None: nothing could check the site
    verified_over: str = ""
    unreachable: str = ""       # why the public address could not verify it
    cancelled: bool = False
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.cancelled and self.verify is not None and self.verify.ok


def verdict(report: PublishReport) -> list[str]:
    """What checked the site after the upload, as the command line and the app say it:
    never “verified” about nothing."""
    said = []
    if report.unreachable:
        said.append(_("could not verify the public site: {reason}", reason=report.unreachable))
    v = report.verify
    if v is None:
        said.append(_("nothing else checked the site: every file went up, and publishing "
                      "again once the address answers verifies what this run sent"))
    else:
        counts = dict(place=report.verified_over, checked=v.checked,
                      modified=len(v.modified), missing=len(v.missing))
        said.append(_("verified over the upload target instead, {place}: {checked} files, "
                      "{modified} modified, {missing} missing", **counts)
                    if report.unreachable else
                    _("verified over {place}: {checked} files, {modified} modified, "
                      "{missing} missing", **counts))
    return said


def needs_password(target: Target) -> bool:
    return target.kind in ("ftp", "ftps") or (target.kind == "sftp" and not target.key_file)


def connect(store: Store, target: Target, password: str | None,
            confirm: hostkeys.Confirm | None) -> Remote:
    if target.kind == "folder":
        return FolderRemote(target.path)
    password = password or hostkeys.saved_password(target)
    if password is None and needs_password(target):
        raise PasswordNeeded(
            "{target} needs a password: {where}", target=target.address,
            where=_("save it in the keyring") if keyring_store.keyring_works()
            else _("this machine has no keyring, so it is asked at each run"))
    if target.kind == "sftp":
        from newsdesk.publish.sftp import SftpRemote  # asyncssh: loaded when used
        return SftpRemote(target, password, lambda host, port, key, fingerprint:
                          hostkeys.check_host_key(store, host, port, key, fingerprint, confirm))
    from newsdesk.publish.ftp import FtpRemote
    return FtpRemote(target, password)


def _server_manifest(remote: Remote) -> dict[str, dict]:
    raw = remote.read(MANIFEST)
    if raw is None:
        return {}
    try:
        files = json.loads(raw)["files"]
        return files if isinstance(files, dict) else {}
    except (ValueError, KeyError, TypeError):
        return {}  # unreadable: upload everything, which writes a good one


def _verify_over_target(remote: Remote, out: Path, local: dict, every_byte: bool,
                        only: set[str] | None = None) -> VerifyReport:
    """Without a public address: each file's size (every file's, or `only` these, the
    manifest among them compared with ours), and the bytes of each that is not its size
    (of all of them, every_byte: a folder reads quickly; reading 20,000 files back over
    FTP takes longer than sending them)."""
    if only is not None and MANIFEST in only:
        ours = (out / MANIFEST).read_bytes()
        local = local | {MANIFEST: {"size": len(ours), "sha256": sha256(ours)}}
    paths = sorted(local) if only is None else sorted(set(only) & set(local))
    report = VerifyReport(checked=len(paths), listed=len(local))
    sizes = remote.sizes(paths)
    for path, size in sizes.items():
        if size is None:
            report.missing.append(path)
        elif size != local[path]["size"] or every_byte:
            data = remote.read(path)
            if data is not None and sha256(data) != local[path]["sha256"]:
                report.modify(path, (out / path).read_bytes(), data)
    return report


def _plan(store: Store, remote: Remote, out: Path, local: dict, target: Target,
          overwrite: bool, report: PublishReport) -> tuple[list[str], list[str], set[str]]:
    """(files to send, files to remove, the new ones among those to send): what differs
    from the server's own manifest. Files someone else changed, added or removed anywhere
    on the site stop the run (Tampered) unless overwrite: then they are put back (the
    added ones removed)."""
    server = _server_manifest(remote)
    found = report.patrol = patrol.survey(store, remote, target, server, local, out)
    report.already = found.already
    changed = [p for p in sorted(local) if server.get(p, {}).get("sha256")
               != local[p]["sha256"]]
    removed = (set(server) - set(local) - {MANIFEST}) | set(found.leftover)
    if overwrite:
        wrong = {p for p, *_ in found.changed} | set(found.missing)
        added = {p for p, *_ in found.added}
        report.repaired = sorted(wrong | added)
        changed = sorted(set(changed) | (wrong & set(local)))
        removed |= added
    elif not found.ok:
        raise tampered(found)
    todo = [p for p in changed if p not in report.already]
    return todo, sorted(removed), {p for p in todo if p not in server}


def by_address(path: str) -> bool:
    """A file readers or robots ask for by its address, not only through a link."""
    name = path.rsplit("/", 1)[-1]
    return name in ("index.html", "404.html", "robots.txt", "favicon.ico") \
        or name.endswith(".xml")


def _upload(remote: Remote, out: Path, todo: list[str], removed: list[str], new: set[str],
            report: PublishReport, progress: Progress,
            cancel: threading.Event | None) -> bool:
    """The new files, then the others, then the manifest, then the removals; False when
    cancelled first. A published site links only to files its manifest lists, so a file
    new to the server is reached only through a page sent after it, or by its address.
    So new files not asked for by address go first under their own names (a rename
    saved on each); every file a reader can already reach goes under a temporary name,
    renamed into place."""
    total = len(todo) + 1

    def sent(path: str, size: int) -> None:
        report.uploaded.append(path)
        report.sent += size
        progress("upload", len(report.uploaded), total)
    progress("upload", 0, total)
    unseen = {p for p in new if not by_address(p)}
    remote.put([(p, out / p) for p in todo if p in unseen], sent, cancel, fresh=True)
    if cancel is None or not cancel.is_set():
        remote.put([(p, out / p) for p in todo if p not in unseen], sent, cancel)
    if cancel is not None and cancel.is_set():
        report.cancelled = True
        return False
    remote.put([(MANIFEST, out / MANIFEST)], lambda _p, _size: progress("upload", total, total),
               None)
    remote.remove(removed)
    report.removed = removed
    return True


def _unverified(store: Store, target: str) -> set[str]:
    """What the runs to this target since its last verified one sent: a run cut after
    its upload, or one that found differences or could not reach the site, left those
    files unverified, and the next run verifies them with its own."""
    paths: set[str] = set()
    for run in store.publishing.history():
        if run["target"] != target or run["outcome"] == "running":
            continue
        if run["outcome"] == "ok":
            break
        paths.update(run["files"].get("uploaded", []))
    return paths


def _verify(site, remote: Remote, out: Path, local: dict, target: Target,
            report: PublishReport, whole: bool, unverified: set[str]) -> None:
    """What this run sent, what it found already there and what earlier runs left
    unverified (or, whole, the whole site), with the manifest, over the site's public
    address; without one, over the target. When the public address cannot be reached,
    the target is compared instead, if this run has files of the site to compare: the
    manifest alone, written a moment ago by this run, says nothing of the site, and then
    nothing checked it (report.verify stays None)."""
    only = None if whole else (set(report.uploaded) | set(report.already) | unverified
                               | {MANIFEST})
    if site.base_url:
        try:
            report.verify = verify(out / MANIFEST, site.base_url, only=only)
            report.verified_over = site.base_url
            return
        except NewsdeskError as e:
            report.unreachable = str(e)
        if only is not None and not (only & set(local)):
            return
    report.verify = _verify_over_target(remote, out, local, target.kind == "folder", only)
    report.verified_over = target.address


def publish(store: Store, actor: User, target_name: str | None = None, *,
            password: str | None = None, confirm: hostkeys.Confirm | None = None,
            overwrite: bool = False, verify_all: bool = False,
            cancel: threading.Event | None = None,
            progress: Progress = lambda phase, done, total: None,
            now: str | None = None) -> PublishReport:
    """Export, upload what differs, verify what was sent (verify_all: the whole site);
    the run is kept in the history."""
    accounts.require_admin(actor, N_("publish the site"))
    site = store.settings()
    target = find(site, target_name)
    _need_output_dir(site)
    holder = f"{actor.real_name}:{socket.gethostname()}/{os.getpid()}/{uuid.uuid4().hex[:8]}"
    taken = store.publishing.take_lock(holder, now or times.now(), gone=_run_gone)
    if taken:
        raise PublishBusy("another publish run is uploading ({holder}); wait for it to end",
                          holder=taken.split(":")[0])
    unverified = _unverified(store, target.name)
    run_id = store.publishing.start(target.name, actor.id, now or times.now())
    report, remote, started = PublishReport(target.name), None, time.perf_counter()
    outcome, message = "failed", ""
    try:
        report.export = export_site(
            store, site.output_dir, actor=actor, now=now, cancel=cancel, parallel=False,
            progress=lambda done, total, _path: progress("export", done, total))
        out = Path(site.output_dir).resolve()
        local = load_manifest(out / MANIFEST)
        progress("compare", 0, 1)
        remote = connect(store, target, password, confirm)
        todo, removed, new = _plan(store, remote, out, local, target, overwrite, report)
        if not _upload(remote, out, todo, removed, new, report, progress, cancel):
            outcome = "cancelled"
            return report
        patrol.sent(remote, report.patrol, local, report.uploaded, report.removed)
        progress("verify", 0, 1)
        _verify(site, remote, out, local, target, report, verify_all, unverified)
        progress("verify", 1, 1)
        if report.verify is None:
            outcome = "failed"
        else:
            outcome = "ok" if report.verify.ok else "differs"
        if report.unreachable:  # the history says why the public address did not check it
            message = verdict(report)[0]
        return report
    except ExportCancelled as e:
        report.cancelled, outcome, message = True, "cancelled", str(e)
        return report
    except NewsdeskError as e:
        outcome, message = ("tampered" if isinstance(e, Tampered) else "failed"), str(e)
        raise
    finally:
        if report.patrol is not None:   # what was seen on the host, whatever came after
            patrol.remember(store, target, report.patrol, now or times.now())
        if remote is not None:
            remote.close()
        report.seconds = time.perf_counter() - started
        store.publishing.finish(run_id, outcome, times.now(), report.uploaded, report.removed,
                                report.sent, message)
        store.publishing.drop_lock(holder)


def _run_gone(holder: str) -> bool:
    """The run holding the lock was on this machine and its process has ended (the app
    was killed or crashed mid-run): nobody is uploading, so the lock need not wait out
    its two hours."""
    where = holder.split(":", 1)[-1].split("/")
    return len(where) == 3 and where[0] == socket.gethostname() and where[1].isdigit() \
        and not process.alive(int(where[1]))


def _need_output_dir(site) -> None:
    if not site.output_dir:
        raise NewsdeskError("choose the folder the site is exported into first (the "
                            "output_dir setting, or 发布 in the app)")


def write_or_publish(store: Store, actor: User, target_name: str, *,
                     cancel: threading.Event | None = None,
                     progress: Progress = lambda phase, done, total: None,
                     **options) -> PublishReport | ExportReport:
    """发布 as the app offers it: to the target named, or with none ("") only into the
    output folder, for someone to upload by hand."""
    if target_name:
        return publish(store, actor, target_name, cancel=cancel, progress=progress, **options)
    site = store.settings()
    _need_output_dir(site)
    return export_site(store, site.output_dir, actor=actor, cancel=cancel, parallel=False,
                       progress=lambda done, total, _path: progress("export", done, total))


def publish_due(store: Store, actor: User, target_name: str | None = None,
                now: str | None = None, **options) -> PublishReport | None:
    """publish --due: a run when a story's time has come, else nothing (None)."""
    if not store.events.due(now or times.now()):
        return None
    return publish(store, actor, target_name, now=now, **options)


def check_site(store: Store, actor: User, target_name: str | None = None, *,
               password: str | None = None, confirm: hostkeys.Confirm | None = None,
               now: str | None = None) -> Patrol:
    """巡检 on its own: the whole site on the host against the server's manifest, nothing
    sent; the outcome is kept for the status bar. Pages are compared with the export
    folder's copies, when there is one, to say what was injected."""
    accounts.require_admin(actor, N_("check the live site"))
    site = store.settings()
    target = find(site, target_name)
    out = Path(site.output_dir).resolve() if site.output_dir else None
    try:
        local = load_manifest(out / MANIFEST) if out is not None else {}
    except NewsdeskError:   # nothing exported here yet: the host's pages speak for themselves
        local = {}
    remote = connect(store, target, password, confirm)
    try:
        found = patrol.survey(store, remote, target, _server_manifest(remote), local, out)
    finally:
        remote.close()
    patrol.remember(store, target, found, now or times.now())
    return found


def watch(store: Store, actor: User, target_name: str | None = None, every: float = 60,
          check_every: float = 600, rounds: int | None = None,
          said: Callable[[object], None] = print, sleep: Callable[[float], None] = time.sleep,
          clock: Callable[[], float] = time.monotonic, **options) -> None:
    """publish --watch: publish what comes due, looking every `every` seconds, and check
    the whole site (巡检) every `check_every` seconds when no run did, until stopped (or
    for `rounds` rounds). A run, a check or what stopped either is said; a failed one is
    tried again next round."""
    n, checked_at = 0, None
    while rounds is None or n < rounds:
        n += 1
        try:
            report = publish_due(store, actor, target_name, **options)
            if report is not None:
                said(report)
                checked_at = clock()
            elif checked_at is None or clock() - checked_at >= check_every:
                checked_at = clock()
                said(check_site(store, actor, target_name, password=options.get("password"),
                                confirm=options.get("confirm"), now=options.get("now")))
        except (PublishError, Tampered) as e:
            checked_at = clock()
            said(e)
        if rounds is None or n < rounds:
            sleep(every)
