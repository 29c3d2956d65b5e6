"""Settings for Go Global Vietnam. Every value comes from a GOGLOBAL_* environment variable
(see .env.example); the defaults run the embedded demo on SQLite with nothing installed."""

import os
from pathlib import Path

import dj_database_url

from goglobal.env import envbool, envint, envlist, envstr

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(envstr("DATA_DIR", str(BASE_DIR.parent / "data")))

DEBUG = envbool("DEBUG", False)
# The demo default is not a secret; production sets GOGLOBAL_SECRET_KEY (check --deploy says so).
SECRET_KEY = envstr("SECRET_KEY", "django-insecure-goglobal-demo-only-change-me")
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "template_partials",
    "django_countries",
    "simple_history",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "goglobal.core",
    "goglobal.accounts",
    "goglobal.reference",
    "goglobal.advisory",
    "goglobal.missions",
    "goglobal.partners",
    "goglobal.enterprises",
    "goglobal.bulk",
    "goglobal.search",
    "goglobal.events",
    "goglobal.cases",
    "goglobal.files",
    "goglobal.agreements",
    "goglobal.desk",
    "goglobal.matchmaking",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Axes last: it must see the authenticated user.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "goglobal.urls"
WSGI_APPLICATION = "goglobal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "goglobal.core.context_processors.navigation",
            ],
        },
    }
]

# GOGLOBAL_DATABASE_URL, or the conventional DATABASE_URL that hosting platforms set.
DATABASE_URL = envstr("DATABASE_URL", os.environ.get("DATABASE_URL", ""))
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(DATABASE_URL, conn_max_age=envint("DB_CONN_MAX_AGE", 60))
    }
    DATABASES["default"].setdefault("TEST", {})
    test_name = envstr("TEST_DATABASE_NAME", "")
    if test_name:
        DATABASES["default"]["TEST"]["NAME"] = test_name
else:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "goglobal.sqlite3",
            # WAL lets readers work while a writer commits; IMMEDIATE takes the write lock at
            # BEGIN so two writers queue instead of failing half-way with "database is locked".
            # A writer waits up to 15 s for its turn: fifty registrations at once for an event
            # (events/tests/test_concurrency.py) queue for 3 s on a 2-core machine, and a slower
            # or busier one ran out of the 5 s this was before, failing a registration.
            # mmap: pages are read from the file's mapping instead of being copied into each
            # connection's cache first (a search's first run over 100,000 enterprises: 33 → 14
            # ms p50 in `goglobal bench search`).
            "OPTIONS": {
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                    "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=15000; PRAGMA cache_size=-64000; "
                    "PRAGMA mmap_size=1073741824;"
                ),
                "transaction_mode": "IMMEDIATE",
            },
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend, reading the signed-in user with one plain query.
    "goglobal.accounts.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"

# Login throttling: five failures for one username from one address lock it for 15 minutes.
AXES_FAILURE_LIMIT = envint("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked.html"
AXES_ENABLED = envbool("LOGIN_THROTTLE", True)

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Django's own vi formats lack thousands grouping and day-first input; ours fix that.
FORMAT_MODULE_PATH = ["goglobal.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(envstr("STATIC_ROOT", str(DATA_DIR / "static")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Without collectstatic (demo, tests) whitenoise serves straight from the apps' static folders.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

EMAIL_BACKEND = envstr("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "goglobal@localhost")
SITE_URL = envstr("SITE_URL", "http://127.0.0.1:8000")  # links and QR codes in e-mails

# Django's database sessions, read with one plain query (goglobal/accounts/sessions.py).
SESSION_ENGINE = "goglobal.accounts.sessions"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Off by default so the embedded demo works over plain http; production turns it on.
SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = envbool("SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = envint("HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = envbool("HSTS_PRELOAD", False)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if envbool("BEHIND_PROXY", False) else None
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# How long a process keeps its estimate of the search's common words, those a share of the
# entries hold (goglobal/search/frequency.py): it only decides which words the engine is given
# first.
SEARCH_COMMON_WORDS_SECONDS = envint("SEARCH_COMMON_WORDS_SECONDS", 600)
# The share of the entries from which a word counts as common: at 100,000 generated enterprises
# a fifth keeps 35 words ("cong", "ty", "tnhh", "phan", "mem", …), and a pasted name's other
# words then find a few dozen entries.
SEARCH_COMMON_SHARE = 0.2

NINJA_PAGINATION_PER_PAGE = 50
NINJA_PAGINATION_MAX_PER_PAGE_SIZE = 200

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": envstr("LOG_LEVEL", "WARNING")},
}
