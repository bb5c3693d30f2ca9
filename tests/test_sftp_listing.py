"""The whole-site check's own reading of SFTP NAME replies (newsdesk.publish.sftp_listing)
agrees with asyncssh's on every entry a host may send: names in any bytes, any mix of
attributes, extended pairs. The listing over a real host is tested with the check
itself (test_site_watch's SFTP-only host)."""
from __future__ import annotations

import struct

from asyncssh.packet import SSHPacket
from asyncssh.sftp import SFTPAttrs, SFTPName
from hypothesis import given, strategies as st

from newsdesk.publish.sftp_listing import names

u32 = st.integers(0, 2**32 - 1)
attrs = st.builds(
    SFTPAttrs, size=st.none() | st.integers(0, 2**64 - 1), uid=st.none() | u32,
    gid=st.none() | u32, permissions=st.none() | st.sampled_from(
        [0o100644, 0o040755, 0o120777, 0o100600]), atime=st.none() | u32,
    mtime=st.none() | u32, extended=st.lists(st.tuples(st.binary(max_size=8),
                                                        st.binary(max_size=8)), max_size=2))
entries = st.lists(st.tuples(st.binary(min_size=1, max_size=20), st.binary(max_size=30),
                             attrs), max_size=6)


@given(entries)
def test_a_name_reply_reads_as_asyncssh_reads_it(listed):
    body = struct.pack(">I", len(listed)) + b"".join(
        SFTPName(name, longname, a).encode(3) for name, longname, a in listed)
    mine = names(memoryview(body))
    packet = SSHPacket(body)
    count = packet.get_uint32()
    theirs = [SFTPName.decode(packet, 3) for _ in range(count)]
    for (name, size, mtime, is_folder), t in zip(mine, theirs, strict=True):
        # Only a mtime sent with an atime is a mtime (the protocol sends them together).
        has_times = t.attrs.atime is not None
        assert name.encode("utf-8", "surrogateescape") == t.filename
        assert size == t.attrs.size
        assert mtime == (t.attrs.mtime if has_times else None)
        assert is_folder == ((t.attrs.permissions or 0) & 0o170000 == 0o040000)
