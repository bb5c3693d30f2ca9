"""Many blobs written as one pack (git's pack format, version 2, without deltas) and its
index, straight into a repository's objects/pack. A founding commit is some 300,000
files at 100,000 stories: libgit2 writes each as a loose object (a file apiece, over
a gigabyte), which the first push then compresses all over again; git reads a pack
as it is, with or without the git command line."""
from __future__ import annotations

import hashlib
import os
import struct
import tempfile
import zlib
from pathlib import Path

import pygit2

_BLOB = 3           # the object type in an entry's header
_LARGE = 0x80000000  # an index's 32-bit offset with this bit: a row of its 64-bit table
_BIG = _LARGE        # offsets from here on go in that table


def _entry_header(size: int) -> bytes:
    """Type and size: 4 bits of size in the first byte, then 7 a byte, low first."""
    byte, size = (_BLOB << 4) | (size & 0x0F), size >> 4
    out = bytearray()
    while size:
        out.append(byte | 0x80)
        byte, size = size & 0x7F, size >> 7
    out.append(byte)
    return bytes(out)


class PackWriter:
    """Blobs added one at a time (each id known at once); close() puts the pack and
    its index in place, abort() leaves nothing behind. A blob added twice is stored once."""

    def __init__(self, repo: pygit2.Repository):
        self.folder = Path(repo.path) / "objects" / "pack"
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=self.folder, prefix="tmp_pack_")
        self.file, self.temp = os.fdopen(fd, "w+b"), Path(name)
        self.file.write(b"PACK" + struct.pack(">II", 2, 0))  # the count, once known
        self.offset = 12
        self.entries: dict[bytes, tuple[int, int]] = {}  # id → (offset, crc32)

    def add(self, data: bytes) -> pygit2.Oid:
        oid = pygit2.hash(data)
        if oid.raw not in self.entries:
            entry = _entry_header(len(data)) + zlib.compress(data)
            self.entries[oid.raw] = (self.offset, zlib.crc32(entry))
            self.file.write(entry)
            self.offset += len(entry)
        return oid

    def close(self) -> None:
        """The pack and its index into objects/pack (nothing when nothing was added)."""
        if not self.entries:
            self.abort()
            return
        self.file.seek(8)
        self.file.write(struct.pack(">I", len(self.entries)))
        self.file.seek(0)
        digest = hashlib.sha1()
        while chunk := self.file.read(1 << 20):
            digest.update(chunk)
        checksum = digest.digest()
        self.file.write(checksum)
        self.file.close()
        name = self.folder / f"pack-{checksum.hex()}"
        index = self._index(checksum)
        self.temp.replace(name.with_suffix(".pack"))  # git looks for packs by their index
        name.with_suffix(".idx").write_bytes(index)

    def abort(self) -> None:
        self.file.close()
        self.temp.unlink(missing_ok=True)

    def _index(self, checksum: bytes) -> bytes:
        """Version 2: fan-out by first byte, sorted ids, CRCs, offsets, checksums."""
        ids = sorted(self.entries)
        fanout = [0] * 256
        for raw in ids:
            fanout[raw[0]] += 1
        running = 0
        for i, n in enumerate(fanout):
            running += n
            fanout[i] = running
        small, big = [], []
        for raw in ids:
            offset = self.entries[raw][0]
            if offset < _BIG:
                small.append(offset)
            else:
                small.append(_LARGE | len(big))
                big.append(offset)
        body = b"".join((b"\377tOc", struct.pack(">I", 2), struct.pack(">256I", *fanout),
                         *ids, struct.pack(f">{len(ids)}I", *(self.entries[r][1] for r in ids)),
                         struct.pack(f">{len(small)}I", *small),
                         struct.pack(f">{len(big)}Q", *big), checksum))
        return body + hashlib.sha1(body).digest()
