"""A client for ClamAV's daemon, clamd, speaking its INSTREAM command over a TCP or unix
socket (clamd(8), "INSTREAM"): the file goes in chunks, each prefixed with its length as
4 bytes in network order, ended by a zero-length chunk; clamd answers one line,
"stream: OK" or "stream: <signature> FOUND" (or "... ERROR").

Used only by the one upload gate (opensend/core/uploads.py), which decides what a verdict
means for the file; this module only talks to clamd.
"""

import socket
import struct
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

CHUNK_BYTES = 64 * 1024  # well under clamd's StreamMaxLength (25MB by default)
MAX_REPLY_BYTES = 4096


class ClamdUnavailable(OSError):
    """clamd could not be reached or stopped answering: worth trying again later."""


class ClamdError(RuntimeError):
    """clamd answered but could not scan the file (for example it is over its size limit)."""


@dataclass(frozen=True)
class Verdict:
    infected: bool
    signature: str = ""  # the name clamd gives what it found, e.g. "Eicar-Test-Signature"


def _connect(address: str, timeout: float) -> socket.socket:
    """A socket to `tcp://host:port` or `unix:///path/to/clamd.ctl`."""
    parts = urlsplit(address)
    if parts.scheme == "unix":
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        target: str | tuple[str, int] = parts.path
    elif parts.scheme == "tcp" and parts.hostname and parts.port:
        sock = socket.socket(socket.AF_INET6 if ":" in parts.hostname else socket.AF_INET)
        target = (parts.hostname, parts.port)
    else:
        raise ValueError(f"CLAMD_ADDRESS must be tcp://host:port or unix:///path: {address!r}")
    sock.settimeout(timeout)
    try:
        sock.connect(target)
    except OSError as error:
        sock.close()
        raise ClamdUnavailable(f"clamd at {address} cannot be reached: {error}") from error
    return sock


def _send_file(sock: socket.socket, path: Path) -> None:
    sock.sendall(b"zINSTREAM\0")
    with path.open("rb") as contents:
        while chunk := contents.read(CHUNK_BYTES):
            sock.sendall(struct.pack("!L", len(chunk)) + chunk)
    sock.sendall(struct.pack("!L", 0))


def _read_reply(sock: socket.socket) -> str:
    reply = b""
    while not reply.endswith(b"\0") and len(reply) < MAX_REPLY_BYTES:
        part = sock.recv(1024)
        if not part:
            break
        reply += part
    return reply.rstrip(b"\0\n").decode("utf-8", "replace")


def verdict_of(reply: str) -> Verdict:
    """Read clamd's answer to INSTREAM."""
    result = reply.partition(": ")[2] if reply.startswith("stream:") else reply
    if result == "OK":
        return Verdict(infected=False)
    if result.endswith(" FOUND"):
        return Verdict(infected=True, signature=result.removesuffix(" FOUND"))
    raise ClamdError(f"clamd could not scan the file: {reply or 'no answer'}")


def clamd_scan(address: str, path: Path, timeout: float) -> Verdict:
    """Send the file at `path` to clamd and return its verdict; ClamdUnavailable when it
    cannot be reached or stops answering, ClamdError when it answers with an error."""
    with _connect(address, timeout) as sock:
        try:
            _send_file(sock, path)
            reply = _read_reply(sock)
        except (TimeoutError, ConnectionError) as error:
            raise ClamdUnavailable(f"clamd at {address} stopped answering: {error}") from error
    return verdict_of(reply)
