"""A real OpenID provider for the single sign-on tests: provider.mjs (oidc-provider from
npm, installed by `make install`) started once per test session on 127.0.0.1.

`LocalProvider.start()` runs it and reads its issuer and endpoints from its discovery
document; `browser_sign_in()` plays the browser's part at the provider with a real HTTP
session (authorization request, the test's sign-in, back to OpenSEND's callback).
"""

import json
import select
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import requests

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
CLIENT_ID = "opensend-test"  # as in provider.mjs
CLIENT_SECRET = "test-only-client-secret-not-a-real-one"
CALLBACK = "http://testserver/sign-in/organisation/callback/"
_START_SECONDS = 20


@dataclass
class LocalProvider:
    process: subprocess.Popen[str]
    issuer: str
    acr_mfa: str
    discovery: dict[str, Any]

    @classmethod
    def start(cls) -> "LocalProvider":
        node = shutil.which("node")
        if node is None or not (REPO / "node_modules" / "oidc-provider").is_dir():
            raise RuntimeError("The SSO tests need node and oidc-provider: run `make install`.")
        process = subprocess.Popen(
            [node, str(HERE / "provider.mjs"), CALLBACK],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,  # its development-only warnings
            text=True,
        )
        ready, _, _ = select.select([process.stdout], [], [], _START_SECONDS)
        line = process.stdout.readline() if ready else ""  # type: ignore[union-attr]
        if not line:
            process.kill()
            raise RuntimeError(f"The test OpenID provider did not start in {_START_SECONDS}s.")
        started = json.loads(line)
        issuer = started["issuer"]
        discovery = requests.get(f"{issuer}/.well-known/openid-configuration", timeout=10).json()
        return cls(process, issuer, started["acr_mfa"], discovery)

    def stop(self) -> None:
        self.process.stdin.close()  # type: ignore[union-attr]  (it exits when stdin ends)
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def settings(self) -> dict[str, Any]:
        """OpenSEND's OIDC_* settings for this provider (docs/sso.md)."""
        return {
            "OIDC_ENABLED": True,
            "OIDC_RP_CLIENT_ID": CLIENT_ID,
            "OIDC_RP_CLIENT_SECRET": CLIENT_SECRET,
            "OIDC_OP_ISSUER": self.issuer,
            "OIDC_OP_AUTHORIZATION_ENDPOINT": self.discovery["authorization_endpoint"],
            "OIDC_OP_TOKEN_ENDPOINT": self.discovery["token_endpoint"],
            "OIDC_OP_USER_ENDPOINT": self.discovery["userinfo_endpoint"],
            "OIDC_OP_JWKS_ENDPOINT": self.discovery["jwks_uri"],
            "OIDC_MFA_ACR_VALUES": [],
        }

    def browser_sign_in(self, authorization_url: str, *, account: str, mfa: bool) -> str:
        """Follow OpenSEND's redirect to the provider, sign in there as `account` (with or
        without a second factor) and return the URL the provider sends the browser back to."""
        browser = requests.Session()
        response = browser.get(authorization_url, allow_redirects=False, timeout=10)
        interaction = urljoin(self.issuer, response.headers["Location"])
        assert "/interaction/" in interaction, response.text
        response = browser.post(
            interaction,
            data={"account": account, "mfa": "yes" if mfa else "no"},
            allow_redirects=False,
            timeout=10,
        )
        for _hop in range(5):
            location = urljoin(self.issuer, response.headers["Location"])
            if location.startswith(CALLBACK):
                return location
            response = browser.get(location, allow_redirects=False, timeout=10)
        raise AssertionError(f"the provider never sent the browser back: {response.text}")
