"""A stand-in for ClamAV's clamd that speaks its INSTREAM protocol, started by the test on
a local TCP port or a unix socket: it reads the chunks (4-byte network-order length,
then the bytes, ended by a zero length), keeps what it was sent, and answers
"stream: Eicar-Test-Signature FOUND" when the bytes hold the EICAR test string, else
"stream: OK". It refuses any other command, as clamd would not understand it.
"""

import socketserver
import struct
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

# The EICAR anti-virus test file (eicar.org): harmless, recognised by every scanner.
EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


def _read_exactly(stream: Any, size: int) -> bytes:
    data = stream.read(size)
    if len(data) != size:
        raise ConnectionError("the client stopped sending")
    return data


class InstreamHandler(socketserver.StreamRequestHandler):
    server: Any

    def handle(self) -> None:
        command = b""
        while not command.endswith(b"\0"):
            command += _read_exactly(self.rfile, 1)
        if command != b"zINSTREAM\0":
            self.wfile.write(b"UNKNOWN COMMAND\0")
            return
        received = b""
        while size := struct.unpack("!L", _read_exactly(self.rfile, 4))[0]:
            received += _read_exactly(self.rfile, size)
        self.server.scanned.append(received)
        found = EICAR in received
        self.wfile.write(b"stream: Eicar-Test-Signature FOUND\0" if found else b"stream: OK\0")


class TCPStandIn(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


class UnixStandIn(socketserver.ThreadingUnixStreamServer):
    daemon_threads = True


@contextmanager
def clamd_standin(unix_path: Path | None = None) -> Iterator[tuple[str, list[bytes]]]:
    """Run the stand-in; yields its CLAMD_ADDRESS and the list of byte strings it scanned."""
    server: Any
    if unix_path is None:
        server = TCPStandIn(("127.0.0.1", 0), InstreamHandler)
        address = f"tcp://127.0.0.1:{server.server_address[1]}"
    else:
        server = UnixStandIn(str(unix_path), InstreamHandler)
        address = f"unix://{unix_path}"
    server.scanned = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield address, server.scanned
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
