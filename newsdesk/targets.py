"""Where 发布 uploads: the outlet's web host over SFTP (most hosts), FTP or explicit
FTPS (older ones), or a local or mounted folder. Targets are site settings (several,
one the default); their passwords live in the operating system's keyring, never here."""
from __future__ import annotations

from dataclasses import dataclass

from newsdesk.errors import NewsdeskError

KINDS = ("sftp", "ftp", "ftps", "folder")
PORTS = {"sftp": 22, "ftp": 21, "ftps": 21}


@dataclass(frozen=True)
class Target:
    name: str
    kind: str
    path: str               # the site's folder on the host (or the local folder)
    host: str = ""
    port: int = 0
    user: str = ""
    key_file: str = ""      # SFTP: a private key instead of a password
    ca_file: str = ""       # FTPS: the certificate to trust, for a host that signs its own

    @property
    def address(self) -> str:
        """How the target is named to people (and in the keyring)."""
        if self.kind == "folder":
            return self.path
        return f"{self.kind}://{self.user}@{self.host}:{self.port or PORTS[self.kind]}{self.path}"


def check_targets(items: list) -> None:
    """The rules a publish_targets setting keeps; NewsdeskError names the bad target."""
    seen = set()
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise NewsdeskError("publish target {n} is not a {{name, kind, …}} object", n=n)
        name = str(item.get("name", "")).strip()
        if not name or name in seen:
            raise NewsdeskError("publish target {n} needs a name of its own", n=n)
        seen.add(name)
        if item.get("kind") not in KINDS:
            raise NewsdeskError("publish target “{name}”: kind is sftp, ftp, ftps or folder",
                                name=name)
        if not str(item.get("path", "")).strip():
            raise NewsdeskError("publish target “{name}” needs the site's folder (path)",
                                name=name)
        if item["kind"] != "folder" and not (item.get("host") and item.get("user")):
            raise NewsdeskError("publish target “{name}” needs a host and a user", name=name)
        port = item.get("port", 0)
        if not isinstance(port, int) or isinstance(port, bool) or not 0 <= port < 65536:
            raise NewsdeskError("publish target “{name}”: the port is a number up to 65535",
                                name=name)


def targets(site) -> list[Target]:
    known = Target.__dataclass_fields__
    return [Target(**{k: v for k, v in item.items() if k in known})
            for item in site.publish_targets]


def default_name(site) -> str:
    """The target publishing goes to unless told otherwise: the site's default, or the
    only one; "" when there is no such one."""
    found = targets(site)
    return site.publish_target or (found[0].name if len(found) == 1 else "")


def find(site, name: str | None) -> Target:
    """The target called name, or the default one."""
    found = targets(site)
    wanted = name or default_name(site)
    for t in found:
        if t.name == wanted:
            return t
    if not found:
        raise NewsdeskError("no publish target is set up: add one in 系统管理 → 发布目标 (the "
                            "publish_targets setting)")
    raise NewsdeskError("no publish target “{name}”; targets are {names}",
                        name=wanted, names=", ".join(t.name for t in found))
