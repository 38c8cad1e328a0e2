"""A production configuration cannot reach the demo code (issue 8, docs/architecture.md
"Demo data"): the app is not installed, its commands are unknown, importing it fails."""

import subprocess
import sys

from tests.core.test_security_headers import ROOT, production_environment

DEMO_COMMANDS = (
    "generate_area",
    "generate_local_offer",
    "generate_directory",
    "load_demo_places",
    "load_demo_sen_reports",
    "demo_code",
)
PROBE = """
import sys
import django
django.setup()
from django.apps import apps
from django.core.management import call_command, get_commands
print("installed:", apps.is_installed("opensend.nonprod"))
for command in sys.argv[1:]:
    if command in get_commands():
        print(command + ": known")
        continue
    try:
        call_command(command)
    except Exception as error:
        print(command + ":", type(error).__name__, error)
try:
    import opensend.nonprod.geography
except ImportError as error:
    print("import:", error)
"""


def probe(environment: dict[str, str]) -> str:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *DEMO_COMMANDS],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_production_settings_cannot_import_nonprod():
    report = probe(production_environment())
    assert "installed: False" in report
    for command in DEMO_COMMANDS:
        assert f"{command}: CommandError Unknown command: '{command}'" in report
    assert "import: opensend.nonprod is demo code: OPENSEND_ENV='production'" in report


def test_demo_settings_install_nonprod():
    environment = production_environment() | {"OPENSEND_ENV": "demo"}
    report = probe(environment)
    assert "installed: True" in report and "import:" not in report
    for command in DEMO_COMMANDS:
        assert f"{command}: known" in report
