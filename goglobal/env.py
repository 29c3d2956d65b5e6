"""Typed readers for the GOGLOBAL_* environment variables (settings come from nowhere else)."""

from __future__ import annotations

import os
from pathlib import Path

PREFIX = "GOGLOBAL_"


class ConfigError(Exception):
    pass


def _raw(name: str) -> str | None:
    # A secret may be given as GOGLOBAL_X_FILE pointing at a file (Docker/Kubernetes secrets).
    file_name = os.environ.get(f"{PREFIX}{name}_FILE")
    if file_name:
        return Path(file_name).read_text(encoding="utf-8").strip()
    return os.environ.get(f"{PREFIX}{name}")


def envstr(name: str, default: str) -> str:
    value = _raw(name)
    return default if value is None or value == "" else value


def envbool(name: str, default: bool) -> bool:
    value = _raw(name)
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ConfigError(f"{PREFIX}{name} must be true or false, not {value!r}")


def envint(name: str, default: int) -> int:
    value = _raw(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ConfigError(f"{PREFIX}{name} must be a whole number, not {value!r}") from exc


def envlist(name: str, default: list[str]) -> list[str]:
    value = _raw(name)
    if value is None or value == "":
        return default
    return [item.strip() for item in value.split(",") if item.strip()]
