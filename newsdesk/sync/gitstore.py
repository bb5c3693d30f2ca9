"""A seat's local bare git repository and its remote, through pygit2 (libgit2: paths,
ssh://, https://, git:// with nothing else installed). Objects are written directly:
there is no working tree. Only the subtrees a change touches are rebuilt or walked —
at 100,000 stories libgit2's whole-tree diff and merge walk 200,000 entries."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

import pygit2

from newsdesk import times
from newsdesk.errors import NewsdeskError
from newsdesk.i18n import N_, _
from newsdesk.sync import login
from newsdesk.sync.packing import PackWriter

# The git command line where it is installed (pushes); libgit2 alone otherwise.
GIT_CLI = shutil.which("git")
BRANCH = "refs/heads/main"
TRACKING = "refs/remotes/origin/main"
_BLOB, _TREE = pygit2.GIT_FILEMODE_BLOB, pygit2.GIT_FILEMODE_TREE


# How git and libgit2 say that someone else pushed first.
_REJECTED = ("[rejected]", "non-fast-forward", "fetch first", "not present locally")


class RemoteUnreachable(NewsdeskError):
    """The newsroom's repository could not be reached (offline, refused, not found)."""


class PushRejected(Exception):
    """Someone pushed first: fetch, merge and try again."""


def is_path(url: str) -> bool:
    """A folder (a shared drive), not ssh://…, https://…, git://… or user@host:path."""
    return "://" not in url and not re.match(r"^[^/\\]+@[^/\\]+:", url)


def is_ssh(url: str) -> bool:
    return url.startswith("ssh://") or (not is_path(url) and "://" not in url)


def _git_env() -> dict:
    """The git command line, unattended: no prompts, and OpenSSH checking the server's
    host key — the first connection records it (accept-new), a changed one is refused.
    (libgit2, as pygit2 drives it, accepts any host key: ssh goes through git.)"""
    env = os.environ | {"GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    env.setdefault("GIT_SSH_COMMAND", "ssh -o StrictHostKeyChecking=accept-new "
                                      "-o BatchMode=yes")
    return env


# git asks this helper for an http(s) login: it says what the environment holds, so the
# password is never on a command line.
_HELPER = ("credential.helper=!f() { test \"$1\" = get && printf 'username=%s\\npassword=%s\\n' "
           "\"$NEWSDESK_GIT_USER\" \"$NEWSDESK_GIT_PASSWORD\"; }; f")
_LOGIN_REFUSED = ("Authentication failed", "could not read Username", "terminal prompts",
                  "401")


def _with_login(found: login.Login | None, args: tuple) -> tuple[tuple, dict]:
    """git's arguments and environment, with the remote's saved login where it has one."""
    env = _git_env()
    if found is None:
        return args, env
    return ("-c", "credential.helper=", "-c", _HELPER, *args), env | {
        "NEWSDESK_GIT_USER": found.user, "NEWSDESK_GIT_PASSWORD": found.password}


def _git(url: str, *args: str, check: bool = True, progress=None
         ) -> subprocess.CompletedProcess:
    """git ARGS about the remote at url; RemoteUnreachable when it fails (check), or
    LoginNeeded. progress(done, total) hears git's 'Writing objects: n% (done/total)'."""
    if not GIT_CLI:
        raise _unreachable(url, Exception("ssh needs git"))
    found = login.login_for(url) if login.is_http(url) else None
    args, env = _with_login(found, args)
    if progress is None:
        run = subprocess.run([GIT_CLI, *args], capture_output=True, text=True, env=env,
                             stdin=subprocess.DEVNULL)
    else:
        run = _git_telling(list(args), env, progress)
    if run.returncode != 0 and login.is_http(url) and \
            any(w in run.stderr for w in _LOGIN_REFUSED):
        raise login.needed(url, refused=found is not None)
    if check and run.returncode != 0:
        raise _unreachable(url, Exception(run.stderr.strip() or "git failed"))
    return run


_WRITING = re.compile(r"Writing objects:\s+\d+% \((\d+)/(\d+)\)")


def _git_telling(args: list[str], env: dict, progress) -> subprocess.CompletedProcess:
    """git ARGS (with --progress), its progress lines passed on while it runs (they
    end in \r, so they are read as they come, not by line)."""
    process = subprocess.Popen([GIT_CLI, *args],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               stdin=subprocess.DEVNULL, env=env)
    said, line = [], b""
    while chunk := process.stderr.read1(4096):
        said.append(chunk)
        *done, line = re.split(rb"[\r\n]", line + chunk)
        for text in done:
            if match := _WRITING.search(text.decode(errors="replace")):
                progress(int(match[1]), int(match[2]))
    out = process.stdout.read().decode(errors="replace")
    return subprocess.CompletedProcess(args, process.wait(), out,
                                       b"".join(said).decode(errors="replace"))


def _check_path(url: str) -> None:
    if is_path(url) and not Path(url).is_dir():
        raise RemoteUnreachable("no newsroom repository at {url}: the folder is not there",
                                url=url)


# What libgit2 says (in English), as a person at the seat would say it.
_CAUSES = (
    (("host key", "host identification"),
     N_("the server's host key is not the one this PC trusts: ask its administrator "
        "before going on")),
    (("ssh needs git",), N_("ssh:// addresses need git installed on this PC")),
    (("certificate", "ssl"),
     N_("the server's certificate is not one this PC trusts: ask its administrator")),
    (("refused",), N_("the server refused the connection")),
    (("resolve", "not known", "getaddrinfo", "no such host"),
     N_("the server's name was not found")),
    (("timed out", "timeout"), N_("the connection timed out")),
    (("auth", "credential", "password", "publickey", "ssh key"),
     N_("the server did not accept this seat's key or password")),
    (("not found", "not appear", "does not exist", "404", "repository"),
     N_("there is no newsroom repository at that address")),
)


def _unreachable(url: str, e: Exception) -> RemoteUnreachable:
    """What went wrong, said as a person at the seat would (the first known cause in
    all that git or libgit2 said), else its last line."""
    text = str(e).strip() or type(e).__name__
    cause = next((_(said) for words, said in _CAUSES
                  if any(w in text.lower() for w in words)), text.splitlines()[-1])
    return RemoteUnreachable("the newsroom repository {url} cannot be reached: {e}",
                             url=url, e=cause)


class _Callbacks(pygit2.RemoteCallbacks):
    """Says which refs a push had refused (libgit2 raises nothing for them), gives the
    saved login to an http(s) server that asks, and uses the ssh agent for ssh."""

    def __init__(self, url: str, progress=None, push_progress=None):
        super().__init__()
        self.url = url
        self.refused: list[str] = []
        self.progress = progress  # (objects received, objects in all)
        self.push_progress = push_progress  # (objects sent, objects in all)
        self.tried = False  # the login was given once: asked again, it was refused

    def transfer_progress(self, stats):
        if self.progress is not None:
            self.progress(stats.received_objects, stats.total_objects)

    def push_transfer_progress(self, objects_pushed, total_objects, bytes_pushed):
        if self.push_progress is not None:
            self.push_progress(objects_pushed, total_objects)

    def push_update_reference(self, refname, message):
        if message:
            self.refused.append(f"{refname}: {message}")

    def credentials(self, url, username_from_url, allowed_types):
        if allowed_types & pygit2.enums.CredentialType.USERPASS_PLAINTEXT:
            found = login.login_for(self.url)
            if found is None or self.tried:
                raise login.needed(self.url, refused=self.tried)
            self.tried = True
            return pygit2.UserPass(found.user, found.password)
        if allowed_types & pygit2.enums.CredentialType.SSH_KEY:
            return pygit2.KeypairFromAgent(username_from_url or "git")
        raise pygit2.GitError("the server asks for a password: use an ssh key")


class GitStore:
    def __init__(self, repo: pygit2.Repository):
        self.repo = repo
        self._pack: PackWriter | None = None

    @classmethod
    def create(cls, path: Path) -> "GitStore":
        return cls(pygit2.init_repository(str(path), bare=True, initial_head="main"))

    @classmethod
    def open(cls, path: Path) -> "GitStore":
        return cls(pygit2.Repository(str(path)))

    @classmethod
    def clone(cls, url: str, path: Path, progress=None) -> "GitStore":
        """A bare repository at path holding the remote's main, asked for by name (no
        tip: the remote holds no newsroom). A clone would follow the remote's HEAD,
        which a plain `git init --bare` points at master and a push over git://,
        ssh:// or https:// cannot move. progress(objects received, objects in all)."""
        git = cls.create(path)
        try:
            if git.remote_tip(url) is not None:
                git.set_tip(git.fetch(url, progress))
        except BaseException:
            shutil.rmtree(path, ignore_errors=True)
            raise
        return git

    # ---- reading --------------------------------------------------------------------
    def tip(self, ref: str = BRANCH) -> pygit2.Oid | None:
        try:
            return self.repo.references[ref].target
        except KeyError:
            return None

    def tree(self, commit: pygit2.Oid | None) -> pygit2.Tree | None:
        return self.repo[commit].peel(pygit2.Tree) if commit else None

    def read(self, tree: pygit2.Tree | None, path: str) -> bytes | None:
        if tree is None:
            return None
        try:
            return tree[path].data
        except KeyError:
            return None

    def blob_ids(self, tree: pygit2.Tree | None, paths) -> dict[str, pygit2.Oid | None]:
        """path → blob id in tree (None: absent) for many paths, each folder read once
        (a day folder of 1,000 stories is 3,000 entries: reading it per path is slow)."""
        folders: dict[str, dict] = {}
        out = {}
        for path in paths:
            folder, _, name = path.rpartition("/")
            if folder not in folders:
                sub = tree
                if tree is not None and folder:
                    try:
                        sub = self.repo[tree[folder].id]
                    except KeyError:
                        sub = None
                folders[folder] = {e.name: e.id for e in sub} if sub is not None else {}
            out[path] = folders[folder].get(name)
        return out

    def subtree_files(self, tree: pygit2.Tree | None, folder: str) -> list[str]:
        """Paths of the files directly in folder."""
        try:
            sub = tree[folder] if tree is not None else None
        except KeyError:
            return []
        if sub is None or sub.filemode != _TREE:
            return []
        return [f"{folder}/{e.name}" for e in self.repo[sub.id] if e.filemode != _TREE]

    def blob(self, oid: pygit2.Oid | None) -> bytes | None:
        return self.repo[oid].data if oid else None

    def changed(self, a: pygit2.Tree | None, b: pygit2.Tree | None,
                prefix: str = "") -> dict[str, tuple]:
        """path → (blob id in a, blob id in b), None where absent, for every file that
        differs; subtrees with equal ids are skipped without being read."""
        out: dict[str, tuple] = {}
        left = {e.name: e for e in a} if a is not None else {}
        right = {e.name: e for e in b} if b is not None else {}
        for name in left.keys() | right.keys():
            x, y = left.get(name), right.get(name)
            if x is not None and y is not None and x.id == y.id:
                continue
            xt = x is not None and x.filemode == _TREE
            yt = y is not None and y.filemode == _TREE
            if xt or yt:
                out |= self.changed(self.repo[x.id] if xt else None,
                                    self.repo[y.id] if yt else None, f"{prefix}{name}/")
            if (x is not None and not xt) or (y is not None and not yt):
                out[prefix + name] = (x.id if x is not None and not xt else None,
                                      y.id if y is not None and not yt else None)
        return out

    def files(self, tree: pygit2.Tree, prefix: str = ""):
        """(path, blob id) of every file under tree (a founding import reads all)."""
        for e in tree:
            if e.filemode == _TREE:
                yield from self.files(self.repo[e.id], f"{prefix}{e.name}/")
            else:
                yield prefix + e.name, e.id

    # ---- writing --------------------------------------------------------------------
    def write_blob(self, data: bytes) -> pygit2.Oid:
        return self._pack.add(data) if self._pack else self.repo.create_blob(data)

    @contextmanager
    def packed(self):
        """Blobs written meanwhile go into one pack (a founding commit's 300,000 files),
        usable once the block ends; none when it fails."""
        self._pack = PackWriter(self.repo)
        try:
            yield
        except BaseException:
            self._pack.abort()
            raise
        else:
            self._pack.close()
        finally:
            self._pack = None

    def edit_tree(self, base: pygit2.Tree | None, edits: dict[str, pygit2.Oid | None]
                  ) -> pygit2.Oid:
        """base with these files set (a blob id) or removed (None); only the subtrees
        holding them are rebuilt, an emptied folder disappears."""
        here: dict[str, pygit2.Oid | None] = {}
        below: dict[str, dict] = {}
        for path, oid in edits.items():
            head, _, rest = path.partition("/")
            if rest:
                below.setdefault(head, {})[rest] = oid
            else:
                here[head] = oid
        builder = self.repo.TreeBuilder(base) if base is not None else self.repo.TreeBuilder()
        for name, oid in here.items():
            if oid is None:
                if base is not None and name in base:
                    builder.remove(name)
            else:
                builder.insert(name, oid, _BLOB)
        for name, sub in below.items():
            entry = base[name] if base is not None and name in base else None
            subtree = self.repo[entry.id] if entry is not None and entry.filemode == _TREE \
                else None
            oid = self.edit_tree(subtree, sub)
            if len(self.repo[oid]):
                builder.insert(name, oid, _TREE)
            elif entry is not None:
                builder.remove(name)
        return builder.write()

    def commit(self, tree: pygit2.Oid, parents: list[pygit2.Oid], message: str,
               who: str) -> pygit2.Oid:
        """A commit on main (its new tip)."""
        sig = pygit2.Signature(who or "newsdesk", "newsdesk@localhost")
        oid = self.repo.create_commit(None, sig, sig, message, tree, parents)
        self.set_tip(oid)
        return oid

    def set_tip(self, oid: pygit2.Oid, ref: str = BRANCH) -> None:
        self.repo.references.create(ref, oid, force=True)

    def root(self, tip: pygit2.Oid) -> pygit2.Oid:
        """The first commit of tip's history along first parents (the founding)."""
        walker = self.repo.walk(tip, pygit2.enums.SortMode.TOPOLOGICAL)
        walker.simplify_first_parent()
        first = tip
        for commit in walker:
            first = commit.id
        return first

    def author(self, commit: pygit2.Oid) -> tuple[str, str]:
        """Who sent a commit, as a person reads it — its short id, its author and its
        message (a seat's commits name the seat) — and when, stored-time text."""
        c = self.repo[commit]
        summary = c.message.strip().splitlines()[0] if c.message.strip() else ""
        return (f"{str(commit)[:10]} {c.author.name}: {summary}",
                times.to_stored(datetime.fromtimestamp(c.commit_time, timezone.utc)))

    def first_with(self, since: pygit2.Oid | None, tip: pygit2.Oid, path: str,
                   test) -> pygit2.Oid:
        """The oldest commit after since, up to tip, whose file at path passes test
        (bytes or None → bool); tip when none does."""
        walker = self.repo.walk(tip, pygit2.enums.SortMode.TOPOLOGICAL
                                | pygit2.enums.SortMode.REVERSE)
        if since is not None:
            walker.hide(since)
        return next((c.id for c in walker if test(self.read(c.tree, path))), tip)

    def merge_base(self, a: pygit2.Oid, b: pygit2.Oid) -> pygit2.Oid | None:
        return self.repo.merge_base(a, b)

    def contains(self, ancestor: pygit2.Oid, descendant: pygit2.Oid) -> bool:
        """Is ancestor in descendant's history (False for a commit not here yet)?"""
        if ancestor == descendant:
            return True
        if ancestor not in self.repo or descendant not in self.repo:
            return False
        return self.repo.descendant_of(descendant, ancestor)

    def tidy(self) -> None:
        """Loose objects and fetched packs gathered into one pack once git finds enough
        of them (`gc --auto`: some 6,700 loose objects or 50 packs; it goes on in the
        background). libgit2 has no gc: a seat without git keeps them as they are."""
        if GIT_CLI:
            subprocess.run([GIT_CLI, "--git-dir", self.repo.path, "gc", "--auto", "--quiet"],
                           capture_output=True, stdin=subprocess.DEVNULL, env=_git_env())

    # ---- the remote -----------------------------------------------------------------
    def remote_tip(self, url: str) -> pygit2.Oid | None:
        """The remote's main, asked without fetching (None: an empty repository)."""
        _check_path(url)
        if is_ssh(url):
            said = _git(url, "ls-remote", url, BRANCH).stdout.split()
            return pygit2.Oid(hex=said[0]) if said else None
        try:
            heads = self.repo.remotes.create_anonymous(url).list_heads(callbacks=_Callbacks(url))
        except (pygit2.GitError, ValueError, OSError) as e:
            raise _unreachable(url, e) from None
        return next((h.oid for h in heads if h.name == BRANCH), None)

    def fetch(self, url: str, progress=None) -> pygit2.Oid | None:
        """Bring the remote's main into refs/remotes/origin/main; its tip.
        progress(objects received, objects in all), over libgit2."""
        _check_path(url)
        if is_ssh(url):
            _git(url, "--git-dir", self.repo.path, "fetch", "-q", url,
                 f"+{BRANCH}:{TRACKING}")
            return self.tip(TRACKING)
        try:
            self.repo.remotes.create_anonymous(url).fetch(
                [f"+{BRANCH}:{TRACKING}"], callbacks=_Callbacks(url, progress))
        except (pygit2.GitError, ValueError, OSError) as e:
            raise _unreachable(url, e) from None
        return self.tip(TRACKING)

    def push(self, url: str, first: bool = False, progress=None) -> None:
        """main to the remote's main; PushRejected when another seat pushed first.
        first: the founding push, sent as written (no search for deltas, which save
        little on 300,000 small text files and take minutes). progress(done, total)."""
        _check_path(url)
        if GIT_CLI or is_ssh(url):
            self._push_with_git(url, first, progress)
        else:
            self._push_with_libgit2(url, progress)
        self.set_tip(self.tip(), TRACKING)

    @staticmethod
    def name_main(url: str) -> None:
        """The remote's HEAD names main where this seat can set it (a folder, file://),
        so plain git clones it too. Elsewhere it stays as the server made it: seats
        ask for main by name."""
        path = url2pathname(urlparse(url).path) if url.startswith("file://") else url
        if not is_path(path):
            return
        try:
            pygit2.Repository(path).set_head(BRANCH)
        except (pygit2.GitError, OSError):
            pass  # a folder this seat may push to but not rename in: joining still works

    def _push_with_git(self, url: str, first: bool, progress) -> None:
        # libgit2 marks the remote's whole tree as known before packing (a walk of every
        # entry: half a second at 100,000 stories); git walks only the paths that differ.
        window = ["-c", "pack.window=0"] if first else []
        telling = ["--progress"] if progress else []
        run = _git(url, *window, "--git-dir", self.repo.path, "push", "--porcelain",
                   *telling, url, f"{BRANCH}:{BRANCH}", check=False, progress=progress)
        said = f"{run.stdout}\n{run.stderr}"
        if run.returncode == 0:
            return
        if any(w in said for w in _REJECTED):
            raise PushRejected(said.strip())
        raise _unreachable(url, Exception(run.stderr.strip() or said.strip()))

    def _push_with_libgit2(self, url: str, progress=None) -> None:
        callbacks = _Callbacks(url, push_progress=progress)
        try:
            self.repo.remotes.create_anonymous(url).push([f"{BRANCH}:{BRANCH}"],
                                                         callbacks=callbacks)
        except pygit2.GitError as e:
            if any(w in str(e) for w in _REJECTED):
                raise PushRejected(str(e)) from None
            raise _unreachable(url, e) from None
        except (ValueError, OSError) as e:
            raise _unreachable(url, e) from None
        if callbacks.refused:
            raise PushRejected("; ".join(callbacks.refused))
