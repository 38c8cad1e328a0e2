"""Build the static files the pages use into var/frontend/ (STATICFILES_DIRS).

Run `npm ci` first, then `python -m opensend.core.frontend`. Everything comes from the
pinned npm packages (never hand-copied) plus our own opensend/core/static_src/. The build
is idempotent: it writes a fresh folder and swaps it in place of the old one.

Layout of var/frontend/:
    govuk/govuk-frontend.min.css, govuk/govuk-frontend.min.js(.map), govuk/assets/...
    vendor/htmx.min.js, vendor/axe.min.js (axe-core is for browser tests only)
    opensend/...  (copied from static_src)

This module must not import Django settings: importing them starts the database.
"""

import json
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
OUTPUT = ROOT / "var" / "frontend"
STATIC_SRC = Path(__file__).resolve().parent / "static_src"
GOVUK_DIST = NODE_MODULES / "govuk-frontend" / "dist" / "govuk"

# (source under node_modules, destination under var/frontend)
COPIES = [
    ("govuk-frontend/dist/govuk/govuk-frontend.min.js", "govuk/govuk-frontend.min.js"),
    ("govuk-frontend/dist/govuk/govuk-frontend.min.js.map", "govuk/govuk-frontend.min.js.map"),
    ("govuk-frontend/dist/govuk/assets", "govuk/assets"),
    ("htmx.org/dist/htmx.min.js", "vendor/htmx.min.js"),
    ("axe-core/axe.min.js", "vendor/axe.min.js"),
]

_FONT_FACE = re.compile(r"@font-face\{[^}]*\}")
_SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/\s*$")


class FrontendBuildError(RuntimeError):
    """node_modules is missing or does not match package.json."""


def check_node_modules() -> None:
    """Fail clearly when the npm packages are missing or not the pinned versions."""
    pins = json.loads((ROOT / "package.json").read_text())["dependencies"]
    for package, pinned in pins.items():
        manifest = NODE_MODULES / package / "package.json"
        if not manifest.exists():
            raise FrontendBuildError(f"{package} is not in node_modules: run npm ci")
        installed = json.loads(manifest.read_text())["version"]
        if installed != pinned:
            raise FrontendBuildError(
                f"node_modules has {package} {installed}, package.json pins {pinned}: run npm ci"
            )


def govuk_css(css: str) -> str:
    """Adapt GOV.UK Frontend's compiled CSS to OpenSEND.

    - Its asset URLs are absolute (/assets/...): make them relative to the CSS file, so
      they resolve under STATIC_URL and ManifestStaticFilesStorage can hash them.
    - The GDS Transport font is licensed only for services on GOV.UK; a local area's
      service is not, so drop its @font-face rules and fall back to Arial (the GOV.UK
      Design System's rule for services off GOV.UK).
    - Drop the source map comment: the rewritten CSS no longer matches the map.
    """
    css = css.replace("url(/assets/", "url(assets/")
    css = _FONT_FACE.sub(lambda match: "" if "GDS Transport" in match[0] else match[0], css)
    css = css.replace("font-family:GDS Transport,", "font-family:")
    return _SOURCE_MAP.sub("", css)


def build(output: Path = OUTPUT) -> Path:
    check_node_modules()
    staging = output.with_name(output.name + ".building")
    shutil.rmtree(staging, ignore_errors=True)
    (staging / "govuk").mkdir(parents=True)
    css = (GOVUK_DIST / "govuk-frontend.min.css").read_text(encoding="utf-8")
    (staging / "govuk" / "govuk-frontend.min.css").write_text(govuk_css(css), encoding="utf-8")
    for source, destination in COPIES:
        _copy(NODE_MODULES / source, staging / destination)
    _copy(STATIC_SRC, staging / "opensend")
    previous = output.with_name(output.name + ".previous")
    shutil.rmtree(previous, ignore_errors=True)
    if output.exists():
        output.rename(previous)
    staging.rename(output)
    shutil.rmtree(previous, ignore_errors=True)
    return output


def _copy(source: Path, destination: Path) -> None:
    if not source.exists():
        raise FrontendBuildError(f"{source} is missing: run npm ci")
    destination.parent.mkdir(parents=True, exist_ok=True)
    if source.is_dir():
        shutil.copytree(source, destination)
    else:
        shutil.copy2(source, destination)


def main() -> int:
    try:
        output = build()
    except FrontendBuildError as error:
        print(f"Front-end build failed: {error}", file=sys.stderr)
        return 1
    print(f"Built front-end static files into {output.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
