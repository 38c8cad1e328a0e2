"""Typed helpers that read settings from environment variables.

Every setting a deployment can change is read here, once, with a type and a default
that is safe for local development. Production (`OPENSEND_ENV=production`) refuses
to start when a secret is missing rather than falling back to a development value.
"""

import os

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}
# The environments that install the demo and benchmark code (opensend.nonprod). Any other
# value, production first, cannot import it: nothing invented ships to a council.
DEMO_ENVIRONMENTS = frozenset({"development", "demo", "test", "bench"})


class ConfigError(RuntimeError):
    """A setting is missing or malformed."""


def env_str(name: str, default: str | None = None) -> str:
    value = os.environ.get(name, default)
    if value is None:
        raise ConfigError(f"Set the environment variable {name}.")
    return value


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    lowered = raw.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ConfigError(f"{name} must be true or false, not {raw!r}.")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError as error:
        raise ConfigError(f"{name} must be a whole number, not {raw!r}.") from error


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def environment() -> str:
    """OPENSEND_ENV: production, or one of DEMO_ENVIRONMENTS (development by default)."""
    return env_str("OPENSEND_ENV", "development")


def nonprod_installed() -> bool:
    return environment() in DEMO_ENVIRONMENTS
