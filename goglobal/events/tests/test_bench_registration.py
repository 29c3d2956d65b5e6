"""`goglobal bench registration` end to end at a small scale: its own SQLite database under a
temporary directory, gunicorn with two worker processes, registrations racing over HTTP."""

import json
import os
import subprocess
import sys


def test_bench_registration_over_http_never_overbooks(tmp_path):
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "GOGLOBAL_DATABASE_URL")
    }
    env["GOGLOBAL_DATA_DIR"] = str(tmp_path)
    done = subprocess.run(  # noqa: S603 — our own command
        [
            sys.executable,
            "-m",
            "goglobal",
            "bench",
            "registration",
            "--registrations",
            "60",
            "--seats",
            "20",
            "--workers",
            "2",
            "--clients",
            "20",
            "--json",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert {
        k: result[k] for k in ("created", "errors", "held", "waitlisted", "overbooked", "lost")
    } == {
        "created": 60,
        "errors": 0,
        "held": 20,
        "waitlisted": 40,
        "overbooked": 0,
        "lost": 0,
    }
    assert result["positions_distinct"] is True
    assert 0 < result["p50_ms"] <= result["p95_ms"]
