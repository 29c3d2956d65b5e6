"""`goglobal bench registration`: registrations over HTTP against the served application.

Method. The bench creates a public event with one venue of `--seats` places in the configured
database, starts gunicorn (`--workers` processes) on a free local port with the same settings,
and sends `--registrations` POST /api/v1/events/{id}/registrations from `--clients` threads at
once, each a different person, authenticated with a personal access token. The clock runs per
request from sending to reading the whole response (client-side latency over loopback TCP). It
then reads the venue's registrations back through the API as staff and counts: the seats held
must equal the capacity exactly (0 overbooked), every other registrant must be on the waiting
list with a distinct position, and none may be lost. Give it its own database:
GOGLOBAL_DATA_DIR=/tmp/ggbench goglobal bench registration."""

from __future__ import annotations

import datetime as dt
import http.client
import json
import math
import os
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass

from django.utils import timezone

from goglobal.accounts.models import Role, User
from goglobal.accounts.services import token_create
from goglobal.events.enums import SEAT_HOLDING, EventKind, EventStatus, RegistrationStatus
from goglobal.events.models import Event, Venue
from goglobal.reference.models import Country

BENCH_USERNAME = "bench-events-officer"


@dataclass
class Result:
    registrations: int
    seats: int
    workers: int
    clients: int
    created: int
    errors: int
    held: int
    waitlisted: int
    overbooked: int
    lost: int
    positions_distinct: bool
    p50_ms: float
    p95_ms: float
    seconds: float


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _setup(seats: int) -> tuple[Event, Venue, str]:
    user, _created = User.objects.get_or_create(
        username=BENCH_USERNAME, defaults={"role": Role.PROGRAMME_OFFICER, "full_name": "Bench"}
    )
    _token, raw = token_create(user=user, name="bench registration")
    now = timezone.now()
    event = Event.objects.create(
        title_vi=f"Sự kiện đo tải {now:%Y-%m-%d %H:%M:%S}",
        kind=EventKind.FORUM,
        organiser="Bench",
        status=EventStatus.PUBLISHED,
        starts_at=now + dt.timedelta(days=30),
        ends_at=now + dt.timedelta(days=30, hours=8),
    )
    venue = Venue.objects.create(
        event=event,
        name="Bench hall",
        country=Country.objects.get(code="VN"),
        city="Hà Nội",
        capacity=seats,
        is_main=True,
    )
    return event, venue, raw


def _request(port: int, method: str, path: str, token: str, body: dict | None = None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        payload = json.dumps(body).encode() if body is not None else None
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        started = time.perf_counter()
        connection.request(method, path, body=payload, headers=headers)
        response = connection.getresponse()
        data = response.read()
        return response.status, data, (time.perf_counter() - started) * 1000
    finally:
        connection.close()


def _wait_until_up(port: int, server: subprocess.Popen, token: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("gunicorn stopped before serving; see its output above.")
        try:
            if _request(port, "GET", "/api/v1/events?page_size=1", token)[0] == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer within 60 seconds.")


def _read_back(port: int, event_id: int, token: str) -> list[dict]:
    rows, page = [], 1
    while True:
        status, data, _ms = _request(
            port, "GET", f"/api/v1/events/{event_id}/registrations?page={page}&page_size=200", token
        )
        if status != 200:
            raise RuntimeError(f"Reading the registrations back failed with {status}.")
        body = json.loads(data)
        rows += body["items"]
        if page >= body["pages"]:
            return rows
        page += 1


def run(*, registrations: int, seats: int, workers: int, clients: int) -> Result:
    event, venue, token = _setup(seats)
    port = _free_port()
    server = subprocess.Popen(  # noqa: S603 — our own interpreter and arguments
        [
            sys.executable,
            "-m",
            "gunicorn",
            "goglobal.wsgi:application",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        env={**os.environ, "GOGLOBAL_LOGIN_THROTTLE": "false"},
    )
    try:
        _wait_until_up(port, server, token)
        path = f"/api/v1/events/{event.pk}/registrations"

        def one(n: int):
            body = {"venue": venue.pk, "full_name": f"Bench {n}", "email": f"bench{n}@example.com"}
            return _request(port, "POST", path, token, body)

        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=clients) as pool:
            answers = list(pool.map(one, range(registrations)))
        seconds = time.perf_counter() - started
        rows = _read_back(port, event.pk, token)
    finally:
        server.terminate()
        server.wait(timeout=30)
    latencies = sorted(ms for _status, _data, ms in answers)
    held = sum(row["status"] in SEAT_HOLDING for row in rows)
    waiting = [
        row["waitlist_position"] for row in rows if row["status"] == RegistrationStatus.WAITLISTED
    ]
    created = sum(status == 201 for status, _data, _ms in answers)
    return Result(
        registrations=registrations,
        seats=seats,
        workers=workers,
        clients=clients,
        created=created,
        errors=registrations - created,
        held=held,
        waitlisted=len(waiting),
        overbooked=max(0, held - seats),
        lost=created - len(rows),
        positions_distinct=len(set(waiting)) == len(waiting),
        p50_ms=round(statistics.median(latencies), 1),
        p95_ms=round(latencies[max(0, math.ceil(0.95 * len(latencies)) - 1)], 1),
        seconds=round(seconds, 2),
    )


def as_json(result: Result) -> str:
    return json.dumps(asdict(result))


def add_registration_bench(benches) -> None:
    """The `registration` sub-command of `goglobal bench`."""
    parser = benches.add_parser("registration", help="Registrations over HTTP, no overbooking.")
    parser.add_argument("--registrations", type=int, default=1000)
    parser.add_argument("--seats", type=int, default=500)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes.")
    parser.add_argument("--clients", type=int, default=50, help="Simultaneous client threads.")
    parser.add_argument("--json", action="store_true", help="One JSON object.")


def run_registration_bench(command, **options) -> None:
    from django.core.management import call_command
    from django.core.management.base import CommandError

    for name in ("registrations", "seats", "workers", "clients"):
        if options[name] < 1:
            raise CommandError(f"--{name} must be 1 or more.")
    call_command("migrate", interactive=False, verbosity=0)
    try:
        result = run(
            registrations=options["registrations"],
            seats=options["seats"],
            workers=options["workers"],
            clients=options["clients"],
        )
    except RuntimeError as exc:
        raise CommandError(str(exc)) from exc
    if options["json"]:
        command.stdout.write(as_json(result))
        return
    command.stdout.write(
        f"{result.registrations} registrations for {result.seats} seats, {result.workers} "
        f"gunicorn workers, {result.clients} clients, {result.seconds} s\n"
        f"  created {result.created}, errors {result.errors}, seats held {result.held}, "
        f"waitlisted {result.waitlisted}, overbooked {result.overbooked}, lost {result.lost}\n"
        f"  latency p50 {result.p50_ms} ms, p95 {result.p95_ms} ms"
    )
