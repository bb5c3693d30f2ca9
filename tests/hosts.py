"""Real web hosts on 127.0.0.1 for the publish tests: OpenSSH's sshd serving SFTP with a
throwaway host key and user key, pyftpdlib serving FTP and explicit FTPS with a
throwaway certificate, a TCP proxy that cuts a connection after so many bytes, and
git's own servers (git daemon; git http-backend behind HTTPS with a login).
Each serves a temporary folder; nothing leaves this machine."""
from __future__ import annotations

import base64
import datetime
import getpass
import ipaddress
import os
import shutil
import signal
import socket
import ssl
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SSHD = shutil.which("sshd") or "/usr/sbin/sshd"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port: int, seconds: float = 10) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port}")


def keygen(path: Path) -> Path:
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(path)],
                   check=True)
    return path


class Sshd:
    """sshd -D on a free port: key logins for this user, SFTP inside the process;
    sftp_only: no shell either (ForceCommand internal-sftp), as many shared hosts."""

    def __init__(self, work: Path, sftp_only: bool = False):
        self.work, self.port, self.sftp_only = work, free_port(), sftp_only
        self.user = getpass.getuser()
        self.user_key = keygen(work / "user_key")
        (work / "authorized_keys").write_text((work / "user_key.pub").read_text())
        self.process = None
        self.new_host_key()

    def new_host_key(self) -> None:
        for name in ("host_key", "host_key.pub"):
            (self.work / name).unlink(missing_ok=True)
        keygen(self.work / "host_key")

    def start(self) -> "Sshd":
        config = self.work / "sshd_config"
        config.write_text("\n".join([
            f"Port {self.port}", "ListenAddress 127.0.0.1",
            f"HostKey {self.work / 'host_key'}", f"PidFile {self.work / 'sshd.pid'}",
            f"AuthorizedKeysFile {self.work / 'authorized_keys'}",
            "PasswordAuthentication no", "KbdInteractiveAuthentication no",
            "PubkeyAuthentication yes", "UsePAM no", "StrictModes no",
            "PermitRootLogin yes", "Subsystem sftp internal-sftp",
            "LogLevel ERROR"] + (["ForceCommand internal-sftp"] if self.sftp_only else []))
            + "\n")
        if os.geteuid() == 0:
            os.makedirs("/run/sshd", exist_ok=True)  # privilege separation
        self.process = subprocess.Popen([SSHD, "-D", "-e", "-f", str(config)],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wait_for(self.port)
        return self

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)
            self.process = None

    def kill(self) -> None:
        """The host dies mid-run: SIGKILL to sshd and to every session it forked (stop()
        ends only the listener; the sessions it forked would serve on). What the
        sessions run (sftp-server, rsync, the login shell's own start-up) loses its
        connection and ends by itself: killed outright, a shell's start-up could leave a
        lock behind that stalls every later login on this machine."""
        if self.process is None:
            return
        for pid in _descendants(self.process.pid):
            if not _is_sshd(pid):
                continue
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass   # ended meanwhile
        self.process.wait(10)
        self.process = None


def _is_sshd(pid: int) -> bool:
    try:
        # OpenSSH 9.8 and later name the session processes sshd-session.
        return Path(f"/proc/{pid}/comm").read_text().startswith("sshd")
    except OSError:
        return False


def _descendants(root: int) -> list[int]:
    """root and the processes under it (from /proc), children first."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int(
                    (entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                pass  # ended while listed
    found, level = [root], [root]
    while level:
        level = [pid for pid, parent in parents.items() if parent in level]
        found += level
    return found[::-1]


def certificate(work: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (its own CA file too)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    pem = work / "cert.pem"
    pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM) + key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    ca = work / "ca.pem"
    ca.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return pem, ca


class Ftpd:
    """pyftpdlib in a thread: user 'web', password 'pw', home = root; tls for FTPS."""

    def __init__(self, root: Path, tls_cert: Path | None = None, filesystem=None,
                 user: str = "web"):
        from pyftpdlib.authorizers import DummyAuthorizer
        from pyftpdlib.handlers import FTPHandler, TLS_FTPHandler
        from pyftpdlib.ioloop import IOLoop
        from pyftpdlib.servers import ThreadedFTPServer
        authorizer = DummyAuthorizer()
        authorizer.add_user(user, "pw", str(root), perm="elradfmwMT")
        base = TLS_FTPHandler if tls_cert else FTPHandler
        handler = type("Handler", (base,), {"authorizer": authorizer, "log_prefix": "",
                                            "masquerade_address": None})
        if tls_cert:
            handler.certfile = str(tls_cert)
            handler.tls_control_required = handler.tls_data_required = True
        if filesystem is not None:
            handler.abstracted_fs = filesystem
        # An event loop of its own: the default is one per process, and stopping one
        # server would close it under the next.
        self.server = ThreadedFTPServer(("127.0.0.1", 0), handler, ioloop=IOLoop())
        self.port = self.server.address[1]
        self.thread = threading.Thread(target=self.server.serve_forever,
                                       kwargs={"timeout": 0.2}, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.close_all()
        self.thread.join(10)  # its loop ends before another server starts


class FtpdProcess:
    """Ftpd in a process of its own, as a real host's server is: in a thread it would
    share the interpreter lock with the client that a benchmark times."""

    def __init__(self, root: Path):
        import sys
        self.process = subprocess.Popen(
            [sys.executable, "-c", "import sys; from pathlib import Path; "
             "import logging; logging.disable(logging.INFO); "
             "from tests.hosts import Ftpd; server = Ftpd(Path(sys.argv[1])); "
             "print(server.port, flush=True); sys.stdin.read(); server.stop()", str(root)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            cwd=Path(__file__).resolve().parent.parent)
        self.port = int(self.process.stdout.readline())

    def stop(self) -> None:
        self.process.stdin.close()
        self.process.wait(10)


class CuttingProxy:
    """127.0.0.1:port → 127.0.0.1:upstream, cutting every connection once `after`
    bytes have gone upstream (None: never)."""

    def __init__(self, upstream: int, after: int | None):
        self.upstream, self.after = upstream, after
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.cut = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(("127.0.0.1", self.upstream))
            threading.Thread(target=self._pipe, args=(client, server, True), daemon=True).start()
            threading.Thread(target=self._pipe, args=(server, client, False),
                             daemon=True).start()

    def _pipe(self, source, sink, counting: bool) -> None:
        sent = 0
        try:
            while data := source.recv(65536):
                sink.sendall(data)
                sent += len(data)
                if counting and self.after is not None and sent >= self.after:
                    self.cut.set()
                    break
        except OSError:
            pass
        for s in (source, sink):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()

    def close(self) -> None:
        self.listener.close()


class GitDaemon:
    """`git daemon` serving the bare repositories under root on 127.0.0.1, pushes
    allowed: the newsroom repository seats sync through over git://."""

    def __init__(self, root: Path):
        self.root, self.port = Path(root), free_port()
        self.process = subprocess.Popen(
            ["git", "daemon", "--reuseaddr", "--listen=127.0.0.1", f"--port={self.port}",
             f"--base-path={self.root}", "--export-all", "--enable=receive-pack",
             str(self.root)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(self.port)

    def bare(self, name: str) -> str:
        """A new empty bare repository under root; its git:// address."""
        subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(self.root / name)],
                       check=True)
        return self.url(name)

    def url(self, name: str) -> str:
        return f"git://127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait()



class GitHttps:
    """`git http-backend` (smart HTTP, as Gitea and GitLab speak it) behind HTTPS with a
    throwaway certificate and a user name and password (Basic auth) on 127.0.0.1: the
    newsroom repository as an office's own git server holds it. certificate: from
    certificate() (one for a whole test run: libgit2 reads the CA it is told to trust
    once); refused: the logins turned away."""

    def __init__(self, root: Path, certificate: tuple[Path, Path], user: str,
                 password: str):
        self.root = Path(root)
        pem, self.ca = certificate
        self.refused: list[str] = []
        handler = type("Handler", (_GitHandler,), {
            "host": self, "expected": "Basic " + base64.b64encode(
                f"{user}:{password}".encode()).decode(), "user": user})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(pem)
        self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def bare(self, name: str) -> str:
        subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(self.root / name)],
                       check=True)
        return self.url(name)

    def url(self, name: str) -> str:
        return f"https://127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class _GitHandler(BaseHTTPRequestHandler):
    """One request: the login checked, then handed to git http-backend as CGI."""
    protocol_version = "HTTP/1.1"
    host: GitHttps
    expected: str
    user: str

    def log_message(self, *args):
        pass

    def do_GET(self):
        self._serve()

    def do_POST(self):
        self._serve()

    def _body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() != "chunked":
            return self.rfile.read(int(self.headers.get("Content-Length") or 0))
        parts = []
        while size := int(self.rfile.readline().split(b";")[0].strip() or b"0", 16):
            parts.append(self.rfile.read(size))
            self.rfile.readline()
        self.rfile.readline()  # the empty line after the last chunk
        return b"".join(parts)

    def _serve(self):
        body = self._body()
        if self.headers.get("Authorization") != self.expected:
            if self.headers.get("Authorization"):
                self.host.refused.append(self.headers["Authorization"])
            self._reply(401, {"WWW-Authenticate": 'Basic realm="newsroom"'}, b"")
            return
        path, _, query = self.path.partition("?")
        env = {"PATH": os.environ["PATH"], "GIT_PROJECT_ROOT": str(self.host.root),
               "GIT_HTTP_EXPORT_ALL": "1", "PATH_INFO": path, "QUERY_STRING": query,
               "REQUEST_METHOD": self.command, "REMOTE_USER": self.user,
               "REMOTE_ADDR": "127.0.0.1", "CONTENT_LENGTH": str(len(body)),
               "CONTENT_TYPE": self.headers.get("Content-Type", "")}
        for header in ("Content-Encoding", "Git-Protocol"):
            if self.headers.get(header):
                env["HTTP_" + header.upper().replace("-", "_")] = self.headers[header]
        out = subprocess.run(["git", "http-backend"], input=body, capture_output=True,
                             env=env).stdout
        head, _, content = out.partition(b"\r\n\r\n")
        headers = dict(line.split(": ", 1) for line in head.decode().split("\r\n") if line)
        status = int(headers.pop("Status", "200").split()[0])
        self._reply(status, headers, content)

    def _reply(self, status: int, headers: dict, content: bytes):
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)
