"""`goglobal bench registry`: server time of the registry API at benchmark scale.

Method. Requests go through Django's real WSGIHandler in this process — every middleware, URL
resolution, authentication, the view, serialisation, and reading the whole response body — and
the clock (time.perf_counter_ns) runs from the handler call until the body is read. No socket,
HTTP parsing or client is involved, so the figures are the server's own time. The database
connection stays open between requests (as with persistent connections, CONN_MAX_AGE > 0):
Django's close-at-request-end is switched off for the run, as its test client does.

Three things are measured in the same run, interleaved so that any drift hits all equally:
the filtered enterprise list (GET /api/v1/enterprises with realistic filter combinations,
page_size=50), the enterprise detail (GET /api/v1/enterprises/{id}), and a baseline — a bare
view returning a tiny JSON body, mounted only for the bench (goglobal.core.bench.urls). Each is
run for a programme officer (staff scope, session cookie) and for the anonymous public."""

from __future__ import annotations

import io
import math
import random
import sys
import time
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from goglobal.accounts.models import Role, User
from goglobal.core.bench.urls import BASELINE_PATH
from goglobal.enterprises.models import Enterprise
from goglobal.reference.models import Sector

BENCH_USERNAME = "bench-officer"
LIST_PATH = "/api/v1/enterprises"
PROVINCES = [1, 79, 48, 31]  # Hà Nội, Hồ Chí Minh City, Đà Nẵng, Hải Phòng
COUNTRIES = ["JP", "US", "KR", "SG", "DE", "AU", "GB"]
MODES = ["project_exports", "exploring", "subsidiary", "representative_office"]
SIZES = ["1-10", "11-50", "51-200", "201-1000"]


@dataclass
class Figure:
    name: str
    value: float
    baseline: float
    unit: str = "ms"

    @property
    def ratio(self) -> float:
        return round(self.value / self.baseline, 2) if self.baseline else 0.0

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "value": round(self.value, 3),
            "unit": self.unit,
            "baseline": round(self.baseline, 3),
            "ratio": self.ratio,
        }


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(pct / 100 * len(ordered)) - 1)]


def list_queries(rng: random.Random, count: int) -> list[str]:
    """Filter combinations a person browsing the registry would use, pages 1–3 (sometimes 5)."""
    sectors = list(Sector.objects.order_by("code").values_list("code", flat=True))
    shapes = [
        lambda: {},
        lambda: {"sector": rng.choice(sectors)},
        lambda: {"province": rng.choice(PROVINCES)},
        lambda: {"country": rng.choice(COUNTRIES)},
        lambda: {"country": rng.choice(COUNTRIES), "mode": rng.choice(MODES)},
        lambda: {"size": rng.choice(SIZES)},
        lambda: {"sector": rng.choice(sectors), "province": rng.choice(PROVINCES)},
        lambda: {"sector": rng.choice(sectors), "country": rng.choice(COUNTRIES)},
        lambda: {"province": rng.choice(PROVINCES), "size": rng.choice(SIZES)},
        lambda: {
            "sector": rng.choice(sectors),
            "province": rng.choice(PROVINCES),
            "size": rng.choice(SIZES),
        },
    ]
    queries = []
    for index in range(count):
        params = shapes[index % len(shapes)]()
        params["page"] = rng.choice((1, 1, 1, 2, 2, 3, 5))
        params["page_size"] = 50
        queries.append(urlencode(params))
    return queries


def _environ(path: str, query: str, cookie: str) -> dict:
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SCRIPT_NAME": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": "testserver",
        "HTTP_ACCEPT": "application/json",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }
    if cookie:
        environ["HTTP_COOKIE"] = cookie
    return environ


class Runner:
    def __init__(self) -> None:
        self.handler = WSGIHandler()
        self.status = ""
        self.failures: list[str] = []

    def _start_response(self, status, headers, exc_info=None):
        self.status = status

    def get(self, path: str, query: str = "", cookie: str = "") -> float:
        """One request; returns its server time in milliseconds."""
        environ = _environ(path, query, cookie)
        started = time.perf_counter_ns()
        result = self.handler(environ, self._start_response)
        body = b"".join(result)
        elapsed = (time.perf_counter_ns() - started) / 1e6
        result.close()
        if not self.status.startswith("200"):
            self.failures.append(f"{path}?{query} → {self.status}: {body[:200]!r}")
        return elapsed


def _officer_cookie() -> str:
    user, _ = User.objects.get_or_create(
        username=BENCH_USERNAME,
        defaults={"role": Role.PROGRAMME_OFFICER, "full_name": "Benchmark officer"},
    )
    client = Client()
    client.force_login(user, backend="goglobal.accounts.backends.ModelBackend")
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def run(*, requests: int, seed: int, enterprise_ids: list[int]) -> tuple[list[Figure], dict]:
    """Measures both scopes; returns the figures and, per endpoint, its query count."""
    rng = random.Random(seed)
    queries = list_queries(rng, requests)
    details = [f"{LIST_PATH}/{rng.choice(enterprise_ids)}" for _ in range(requests)]
    figures: list[Figure] = []
    query_counts: dict[str, int] = {}
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        with override_settings(ROOT_URLCONF="goglobal.core.bench.urls", DEBUG=False):
            runner = Runner()
            for scope, cookie in (("staff", _officer_cookie()), ("public", "")):
                for index in range(min(10, requests)):  # warm caches and lazy imports
                    runner.get(LIST_PATH, queries[index], cookie)
                    runner.get(details[index], "", cookie)
                    runner.get(BASELINE_PATH, "", cookie)
                for label, path, query in (
                    ("enterprise_list", LIST_PATH, queries[0]),
                    ("enterprise_detail", details[0], ""),
                    ("baseline", BASELINE_PATH, ""),
                ):
                    with CaptureQueriesContext(connection) as captured:
                        runner.get(path, query, cookie)
                    query_counts[f"{label}.{scope}"] = len(captured)
                times: dict[str, list[float]] = {"list": [], "detail": [], "baseline": []}
                for index in range(requests):
                    times["list"].append(runner.get(LIST_PATH, queries[index], cookie))
                    times["detail"].append(runner.get(details[index], "", cookie))
                    times["baseline"].append(runner.get(BASELINE_PATH, "", cookie))
                for stat in (50, 95):
                    base = percentile(times["baseline"], stat)
                    for key, label in (
                        ("list", "enterprise_list"),
                        ("detail", "enterprise_detail"),
                    ):
                        value = percentile(times[key], stat)
                        figures.append(Figure(f"registry.{label}.{scope}.p{stat}", value, base))
                    figures.append(Figure(f"registry.baseline.{scope}.p{stat}", base, base))
            if runner.failures:
                raise RuntimeError("Requests failed:\n" + "\n".join(runner.failures[:5]))
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return figures, query_counts


def sample_enterprise_ids(*, low: int, high: int, seed: int, count: int = 500) -> list[int]:
    """Active generated enterprises (the public sees those), picked evenly from the range."""
    rng = random.Random(seed)
    ids = list(
        Enterprise.objects.filter(pk__gte=low, pk__lte=high, status="active").values_list(
            "pk", flat=True
        )
    )
    return rng.sample(ids, k=min(count, len(ids)))
