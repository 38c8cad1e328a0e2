"""Demo and benchmark data: the invented area, its Local Offer, its places, the large
directory for benchmarks, and the commands that load them.

Installed only where OPENSEND_ENV is one of DEMO_ENVIRONMENTS (opensend/config/env.py);
anywhere else, production first, importing it fails, so no invented data or code can
reach a council's database by accident."""

from opensend.config.env import DEMO_ENVIRONMENTS, environment, nonprod_installed

if not nonprod_installed():
    raise ImportError(
        f"opensend.nonprod is demo code: OPENSEND_ENV={environment()!r} does not install it "
        f"(only {', '.join(sorted(DEMO_ENVIRONMENTS))} do)."
    )
