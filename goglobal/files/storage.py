"""Where attachments' bytes live: a folder under the data directory, never under STATIC_ROOT or
any URL the web server maps, under generated names. Only the download view reads them."""

from __future__ import annotations

import hashlib
import os
import secrets
from pathlib import Path
from typing import BinaryIO

from django.conf import settings


def files_dir() -> Path:
    return Path(getattr(settings, "ATTACHMENTS_DIR", None) or settings.DATA_DIR / "attachments")


def path_of(stored_name: str) -> Path:
    return files_dir() / stored_name[:2] / stored_name


def new_stored_name() -> str:
    return secrets.token_hex(20)


def write(stream: BinaryIO, stored_name: str) -> tuple[int, str]:
    """Copies the stream to its place (through a temporary name, so that a half-written file is
    never found under the real one); returns the size and SHA-256."""
    target = path_of(stored_name)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".part")
    digest, size = hashlib.sha256(), 0
    stream.seek(0)
    with open(partial, "wb") as out:
        for chunk in iter(lambda: stream.read(1024 * 1024), b""):
            digest.update(chunk)
            size += len(chunk)
            out.write(chunk)
    os.replace(partial, target)
    return size, digest.hexdigest()


def remove(stored_name: str) -> None:
    path_of(stored_name).unlink(missing_ok=True)
