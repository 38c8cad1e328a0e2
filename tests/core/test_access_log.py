"""The access log holds no query string and no Referer (issue 13, finding 7): searches
put children's names and dates of birth there. Checked through gunicorn's own logger
with our settings (opensend/config/gunicorn.py), as `make demo` runs it."""

import datetime as dt
import re
from pathlib import Path
from types import SimpleNamespace

from django.conf import settings
from gunicorn.config import Config
from gunicorn.glogging import Logger

from opensend.config import gunicorn as gunicorn_settings

SEARCH = "q=Tom+Okafor&dob=2019-04-03"


def _access_line(tmp_path: Path, path: str, query: str, referer: str) -> str:
    config = Config()
    config.set("accesslog", str(tmp_path / "access.log"))
    config.set("access_log_format", gunicorn_settings.access_log_format)
    logger = Logger(config)
    environ = {
        "REQUEST_METHOD": "GET", "RAW_URI": f"{path}?{query}", "PATH_INFO": path,
        "QUERY_STRING": query, "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": "192.0.2.4",
        "HTTP_REFERER": referer, "HTTP_USER_AGENT": "Firefox",
    }  # fmt: skip
    response = SimpleNamespace(status="200 OK", sent=1234, headers=[])
    logger.access(response, SimpleNamespace(headers=[]), environ, dt.timedelta(seconds=0.2))
    for handler in logger.access_log.handlers:
        handler.flush()
    return (tmp_path / "access.log").read_text()


def test_a_search_leaves_no_name_or_date_of_birth_in_the_access_log(tmp_path: Path):
    line = _access_line(tmp_path, "/cases/search/", SEARCH, f"http://x/cases/search/?{SEARCH}")
    assert '"GET /cases/search/ HTTP/1.1" 200 1234 "Firefox"' in line
    assert "Tom" not in line and "Okafor" not in line and "2019" not in line
    assert "?" not in line


def test_make_demo_runs_gunicorn_with_these_settings():
    makefile = (Path(settings.BASE_DIR) / "Makefile").read_text()
    commands = re.findall(r"bin/gunicorn[^\n]*", makefile)
    assert commands and all("-c python:opensend.config.gunicorn" in c for c in commands)
