"""An operating system's error in the reader's language. Its own text (strerror) is
English, and "[Errno -2] Name or service not known" tells a newsroom nothing: the app
and the command line say what failed, and why, in a sentence."""
from __future__ import annotations

import errno
import socket
import ssl

from newsdesk.i18n import N_, _

_REASONS = {
    errno.ENOENT: N_("it does not exist"),
    errno.EACCES: N_("this user may not open it"),
    errno.EPERM: N_("this user may not open it"),
    errno.EISDIR: N_("it is a folder, not a file"),
    errno.ENOTDIR: N_("it is not a folder"),
    errno.EEXIST: N_("it already exists"),
    errno.ENOSPC: N_("the disk is full"),
    errno.EROFS: N_("the disk is read-only"),
    errno.ENAMETOOLONG: N_("the name is too long"),
    errno.EIO: N_("the disk could not be read or written"),
    errno.ECONNREFUSED: N_("the connection was refused"),
    errno.ECONNRESET: N_("the connection was lost"),
    errno.EHOSTUNREACH: N_("the host cannot be reached"),
    errno.ENETUNREACH: N_("the network cannot be reached"),
}


def reason(error: BaseException | str) -> str:
    """Why it failed, in the reader's words."""
    if isinstance(error, socket.gaierror):
        return _("the domain name does not resolve (is the address right, is this "
                 "computer online?)")
    if isinstance(error, TimeoutError):
        return _("no answer in time")
    if isinstance(error, ssl.SSLError):
        return _("the secure connection failed ({reason})", reason=error.reason or error)
    if isinstance(error, OSError) and error.errno in _REASONS:
        return _(_REASONS[error.errno])
    if isinstance(error, str):
        return error
    return _("the system reports an error ({text})",
             text=getattr(error, "strerror", None) or error)


def said(error: OSError) -> str:
    """The error as a sentence naming the file or folder it concerns."""
    if error.filename:
        return _("{file}: {reason}", file=error.filename, reason=reason(error))
    return reason(error)
