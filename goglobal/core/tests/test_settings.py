import os
import subprocess
import sys

import pytest

from goglobal import env


def test_envbool_refuses_a_word_it_does_not_know(monkeypatch):
    monkeypatch.setenv("GOGLOBAL_SOME_FLAG", "maybe")
    with pytest.raises(env.ConfigError, match="GOGLOBAL_SOME_FLAG must be true or false"):
        env.envbool("SOME_FLAG", False)


def test_envint_reads_a_number_and_refuses_text(monkeypatch):
    monkeypatch.setenv("GOGLOBAL_WORKERS", "4")
    assert env.envint("WORKERS", 1) == 4
    monkeypatch.setenv("GOGLOBAL_WORKERS", "four")
    with pytest.raises(env.ConfigError):
        env.envint("WORKERS", 1)


def test_secret_is_read_from_a_file(monkeypatch, tmp_path):
    secret = tmp_path / "key"
    secret.write_text("s3cret-from-file\n", encoding="utf-8")
    monkeypatch.setenv("GOGLOBAL_API_SECRET_FILE", str(secret))
    assert env.envstr("API_SECRET", "default") == "s3cret-from-file"


def test_check_deploy_is_clean_in_production_mode(tmp_path):
    production = {
        **{
            k: v
            for k, v in os.environ.items()
            # The browser tests allow sync ORM calls beside Playwright's loop; not production.
            if not k.startswith("GOGLOBAL_")
            and k not in ("DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
        },
        "DJANGO_SETTINGS_MODULE": "goglobal.settings",
        "GOGLOBAL_DATA_DIR": str(tmp_path),
        "GOGLOBAL_DEBUG": "false",
        "GOGLOBAL_SECRET_KEY": "k" * 20 + "-production-secret-0123456789-abcdefghijklmnop",
        "GOGLOBAL_ALLOWED_HOSTS": "goglobal.example.gov.vn",
        "GOGLOBAL_SECURE_COOKIES": "true",
        "GOGLOBAL_SSL_REDIRECT": "true",
        "GOGLOBAL_HSTS_SECONDS": "31536000",
        "GOGLOBAL_HSTS_INCLUDE_SUBDOMAINS": "true",
        "GOGLOBAL_HSTS_PRELOAD": "true",
    }
    result = subprocess.run(
        [sys.executable, "-m", "goglobal", "check", "--deploy", "--fail-level", "WARNING"],
        env=production,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
