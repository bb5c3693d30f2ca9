"""Folder listings over a bare SFTP channel, for the whole-site check on a host without a
shell. asyncssh's SFTP client makes each name into objects and logs it (some 25 µs a
name: 2.5 s of a 100,000-file site, most of a one-story re-publish); the check needs
only each entry's name, size, mtime and whether it is a folder, so this reads the
protocol's NAME replies (SFTP version 3, draft-ietf-secsh-filexfer-02, what OpenSSH
speaks) straight from the bytes. Requests are pipelined on the one channel: each
carries an id, and one reader hands each reply to whoever waits for that id."""
from __future__ import annotations

import asyncio
import stat
import struct

import asyncssh

INIT, VERSION, OPENDIR, READDIR, CLOSE = 1, 2, 11, 12, 4
STATUS, HANDLE, NAME = 101, 102, 104
OK, EOF, NO_SUCH_FILE = 0, 1, 2
SIZE, UIDGID, PERMISSIONS, ACMODTIME, EXTENDED = 0x1, 0x2, 0x4, 0x8, 0x80000000

_U32 = struct.Struct(">I")
_U64 = struct.Struct(">Q")


def names(body: memoryview) -> list[tuple[str, int | None, int | None, bool]]:
    """A NAME reply's entries (after its id): (name, size, mtime, is a folder)."""
    count, = _U32.unpack_from(body, 0)
    at, out = 4, []
    for _ in range(count):
        n, = _U32.unpack_from(body, at)
        name = bytes(body[at + 4:at + 4 + n]).decode("utf-8", "surrogateescape")
        at += 4 + n
        n, = _U32.unpack_from(body, at)   # the longname, an ls -l line: not needed
        at += 4 + n
        flags, = _U32.unpack_from(body, at)
        at += 4
        size = mtime = None
        mode = 0
        if flags & SIZE:
            size, = _U64.unpack_from(body, at)
            at += 8
        if flags & UIDGID:
            at += 8
        if flags & PERMISSIONS:
            mode, = _U32.unpack_from(body, at)
            at += 4
        if flags & ACMODTIME:
            mtime, = _U32.unpack_from(body, at + 4)
            at += 8
        if flags & EXTENDED:
            pairs, = _U32.unpack_from(body, at)
            at += 4
            for _ in range(2 * pairs):
                n, = _U32.unpack_from(body, at)
                at += 4 + n
        out.append((name, size, mtime, stat.S_ISDIR(mode)))
    return out


def _string(data: bytes) -> bytes:
    return _U32.pack(len(data)) + data


class Lister:
    """One SFTP channel of the connection, for listings only."""

    def __init__(self, reader, writer):
        self.reader, self.writer = reader, writer
        self.waiting: dict[int, asyncio.Future] = {}
        self.next_id = 0
        self.reading = None

    @classmethod
    async def open(cls, conn: asyncssh.SSHClientConnection) -> "Lister":
        writer, reader, _errors = await conn.open_session(subsystem="sftp", encoding=None)
        lister = cls(reader, writer)
        writer.write(_U32.pack(5) + bytes([INIT]) + _U32.pack(3))
        kind, _body = await lister._packet()
        if kind != VERSION:
            raise asyncssh.SFTPBadMessage(f"no SFTP VERSION reply ({kind})")
        lister.reading = asyncio.ensure_future(lister._read())
        return lister

    async def _packet(self) -> tuple[int, memoryview]:
        length, = _U32.unpack(await self.reader.readexactly(4))
        data = memoryview(await self.reader.readexactly(length))
        return data[0], data[1:]

    async def _read(self) -> None:
        """Each reply to whoever waits for its id; when the channel ends, an error to all."""
        try:
            while True:
                kind, body = await self._packet()
                request, = _U32.unpack_from(body, 0)
                future = self.waiting.pop(request, None)
                if future is not None and not future.done():
                    future.set_result((kind, body[4:]))
        except (asyncio.IncompleteReadError, asyncssh.Error, OSError) as e:
            for future in self.waiting.values():
                if not future.done():
                    future.set_exception(asyncssh.ConnectionLost(str(e) or "SFTP ended"))
            self.waiting.clear()

    async def _ask(self, kind: int, payload: bytes) -> tuple[int, memoryview]:
        self.next_id += 1
        future = asyncio.get_running_loop().create_future()
        self.waiting[self.next_id] = future
        self.writer.write(_U32.pack(len(payload) + 5) + bytes([kind])
                          + _U32.pack(self.next_id) + payload)
        return await future

    async def listdir(self, path: str) -> list[tuple[str, int | None, int | None, bool]]:
        """A folder's entries (but . and ..); [] for a folder that is not there."""
        kind, body = await self._ask(OPENDIR, _string(path.encode("utf-8", "surrogateescape")))
        if kind == STATUS:
            code, = _U32.unpack_from(body, 0)
            if code == NO_SUCH_FILE:
                return []
            raise asyncssh.SFTPFailure(_said(body))
        handle = _string(bytes(body[4:4 + _U32.unpack_from(body, 0)[0]]))
        found = []
        try:
            while True:
                kind, body = await self._ask(READDIR, handle)
                if kind == STATUS:
                    if _U32.unpack_from(body, 0)[0] == EOF:
                        break
                    raise asyncssh.SFTPFailure(_said(body))
                found += [e for e in names(body) if e[0] not in (".", "..")]
        finally:
            await self._ask(CLOSE, handle)
        return found

    def close(self) -> None:
        if self.reading is not None:
            self.reading.cancel()
        self.writer.close()


def _said(body: memoryview) -> str:
    """A STATUS reply's message (after its code)."""
    n, = _U32.unpack_from(body, 4)
    return bytes(body[8:8 + n]).decode("utf-8", "replace")
