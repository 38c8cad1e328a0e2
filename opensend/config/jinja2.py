"""The Jinja2 environment every page is rendered with (TEMPLATES in settings.py).

Undefined variables are errors in our templates. govuk-frontend-jinja's macros, like
the Nunjucks originals, test optional parameters by truthiness (`params.hint` when
there is no hint), so an undefined value created inside one of those macros stays
lenient; one created in our own templates is strict wherever it ends up.
"""

import sys
from pathlib import Path
from types import FrameType
from typing import Any

import govuk_frontend_jinja
import jinja2
from django.conf import settings
from django.contrib.messages import get_messages
from django.templatetags.static import static
from django.urls import reverse
from jinja2 import pass_context

from opensend.core.formatting import govuk_date, govuk_datetime, govuk_time
from opensend.core.govuk_forms import govuk_error_summary, govuk_field, govuk_form_page_title
from opensend.core.navigation import nav_items, safe_reverse

_JINJA_DIR = str(Path(jinja2.__file__).parent)
_GOVUK_MACROS_DIR = str(Path(govuk_frontend_jinja.__file__).parent / "templates")
_THIS_FILE = __file__


def _created_in_govuk_macro() -> bool:
    """Whether the nearest template frame on the stack is a govuk-frontend-jinja file."""
    frame: FrameType | None = sys._getframe(2)
    while frame is not None:
        filename = frame.f_code.co_filename
        if not (filename.startswith(_JINJA_DIR) or filename == _THIS_FILE):
            return filename.startswith(_GOVUK_MACROS_DIR)
        frame = frame.f_back
    return False


class StrictUndefined(jinja2.StrictUndefined):
    """StrictUndefined, except for values first looked up inside a GOV.UK macro."""

    __slots__ = ()

    def __new__(cls, *args: Any, **kwargs: Any) -> "StrictUndefined":
        # A macro's `caller` is undefined when it is called without {% call %}; GOV.UK
        # macros test `{% if caller %}`, wherever they are called from.
        lenient = kwargs.get("name") == "caller" or _created_in_govuk_macro()
        if cls is StrictUndefined and lenient:
            cls = _GovukMacroUndefined
        return super().__new__(cls)


class _GovukMacroUndefined(StrictUndefined):
    """Behaves like jinja2.ChainableUndefined: empty, false and chainable."""

    __slots__ = ()
    __str__ = jinja2.Undefined.__str__
    __len__ = jinja2.Undefined.__len__
    __iter__ = jinja2.Undefined.__iter__
    __bool__ = jinja2.Undefined.__bool__
    __eq__ = jinja2.Undefined.__eq__
    __ne__ = jinja2.Undefined.__ne__
    __hash__ = jinja2.Undefined.__hash__

    def __contains__(self, item: object) -> bool:
        return False

    def __html__(self) -> str:
        return ""

    def __getattr__(self, name: str) -> Any:
        if name[:2] == "__" and name[-2:] == "__":
            raise AttributeError(name)
        return self

    def __getitem__(self, key: object) -> Any:
        return self


def url(name: str, *args: Any, **kwargs: Any) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


def environment(**options: Any) -> jinja2.Environment:
    app_loader = options.pop("loader", None)
    govuk_loader = jinja2.PrefixLoader(
        {"govuk_frontend_jinja": jinja2.PackageLoader("govuk_frontend_jinja")}
    )
    loaders = [app_loader, govuk_loader] if app_loader is not None else [govuk_loader]
    options.update(loader=jinja2.ChoiceLoader(loaders), undefined=StrictUndefined, autoescape=True)
    env = jinja2.Environment(**options)  # noqa: S701 (autoescape is on, the line above)
    env.globals.update(
        url=url,
        static=static,
        nav_items=nav_items,
        safe_url=safe_reverse,
        get_messages=get_messages,
        service_name=settings.LOCAL_AUTHORITY_NAME,
        govuk_field=govuk_field,
        govuk_error_summary=govuk_error_summary,
        govuk_form_page_title=govuk_form_page_title,
    )
    env.filters.update(govuk_date=govuk_date, govuk_datetime=govuk_datetime)
    # Local Offer activities calendar (calendar task): sessions on the service page.
    env.filters.update(govuk_time=govuk_time)
    env.globals.update(upcoming_sessions=_upcoming_sessions, shortlist_form=_shortlist_form)
    # Family contributions (issue 11 item 1) shown on casework's staff pages: casework
    # cannot import the app above it, so its templates ask through these globals.
    env.globals.update(family_plan_panel=_family_plan_panel, family_case_panel=_family_case_panel)
    return env


def _family_plan_panel(case: Any, section_code: str) -> Any:
    from opensend.contributions.presenters import plan_editor_panel

    return plan_editor_panel(case, section_code)


def _family_case_panel(case: Any) -> Any:
    from opensend.contributions.presenters import case_page_panel

    return case_page_panel(case)


def _upcoming_sessions(service: Any) -> Any:
    """The service's sessions over the next four weeks (calendar task)."""
    from opensend.directory.calendar.templating import upcoming_sessions

    return upcoming_sessions(service)


@pass_context
def _shortlist_form(context: Any, service_id: Any, in_list: bool, next_url: str, name: str) -> Any:
    """The Local Offer's add/remove shortlist button: one markup, shared with the cached
    search results (directory/public/results_cache.py)."""
    from django.middleware.csrf import get_token
    from django.urls import reverse
    from markupsafe import Markup

    from opensend.directory.public.results_cache import shortlist_button

    action = reverse("local_offer:shortlist_remove" if in_list else "local_offer:shortlist_add")
    csrf = get_token(context["request"])
    html = shortlist_button(action, service_id, name, in_list, next_url, csrf)
    return Markup(html)  # noqa: S704 (every value in it is escaped by shortlist_button)
