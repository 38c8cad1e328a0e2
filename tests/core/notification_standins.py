"""Local stand-ins for the services notifications go to, started by the tests:
a real SMTP server (aiosmtpd) and an HTTP server that checks requests the way
GOV.UK Notify does (path, JWT bearer token, JSON body)."""

import email
import email.policy
import json
import socket
import threading
import time
import uuid
from dataclasses import dataclass, field
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt
from aiosmtpd.controller import Controller

NOTIFY_SERVICE_ID = str(uuid.UUID(int=0x5E0D))
NOTIFY_SECRET = str(uuid.UUID(int=0xC0FFEE))
NOTIFY_API_KEY = f"opensend_test-{NOTIFY_SERVICE_ID}-{NOTIFY_SECRET}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class SmtpInbox:
    """An aiosmtpd handler: refuses the first `fail` messages (451, try again later),
    then keeps what it is sent."""

    fail: int = 0
    refused: int = 0
    received: list[EmailMessage] = field(default_factory=list)

    async def handle_DATA(self, server: object, session: object, envelope: Any) -> str:
        if self.fail > self.refused:
            self.refused += 1
            return "451 4.3.0 Mailbox busy: try again later"
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.received.append(message)  # type: ignore[arg-type]
        return "250 Message accepted"


class SmtpServer:
    def __init__(self) -> None:
        self.inbox = SmtpInbox()
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=free_port())

    def __enter__(self) -> "SmtpServer":
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()

    @property
    def mailers(self) -> dict[str, Any]:
        options = {"host": "127.0.0.1", "port": self.controller.port, "timeout": 5}
        return {
            "default": {
                "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "OPTIONS": options,
            }
        }


@dataclass
class NotifyRequest:
    path: str
    claims: dict[str, Any]
    body: dict[str, Any]


class NotifyServer:
    """Answers POST /v2/notifications/email as Notify does (201 and the message's id)
    when the bearer token is a JWT signed with the service's secret, issued by the
    service id, in the last 30 seconds; 403 otherwise."""

    def __init__(self) -> None:
        self.requests: list[NotifyRequest] = []
        self.refusals: list[str] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> "NotifyServer":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def check(self, path: str, authorization: str, raw: bytes) -> tuple[int, dict[str, Any]]:
        if path != "/v2/notifications/email":
            return 404, {"errors": [{"error": "NotFound", "message": path}]}
        scheme, _, token = authorization.partition(" ")
        try:
            claims = jwt.decode(token, NOTIFY_SECRET, algorithms=["HS256"])
        except jwt.InvalidTokenError as error:
            return 403, {"errors": [{"error": "AuthError", "message": str(error)}]}
        if scheme != "Bearer" or claims.get("iss") != NOTIFY_SERVICE_ID:
            return 403, {"errors": [{"error": "AuthError", "message": "wrong issuer"}]}
        if abs(time.time() - claims.get("iat", 0)) > 30:
            return 403, {"errors": [{"error": "AuthError", "message": "token expired"}]}
        body = json.loads(raw)
        self.requests.append(NotifyRequest(path, claims, body))
        return 201, {"id": str(uuid.uuid4()), "reference": body.get("reference")}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                status, answer = stand_in.check(
                    self.path, self.headers.get("Authorization", ""), raw
                )
                if status != 201:
                    stand_in.refusals.append(answer["errors"][0]["message"])
                payload = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args: object) -> None:
                pass

        return Handler
