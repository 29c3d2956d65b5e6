"""What a file really is, from its first bytes, checked against the extension its name gives.
Only these types are accepted: documents, images, video and plain text a content order or an
agreement needs. A file whose bytes do not match its extension is refused (a renamed .exe is
not a PDF)."""

from __future__ import annotations

import zipfile
from typing import BinaryIO

# extension → media type
ALLOWED = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
    ".mp4": "video/mp4",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".txt": "text/plain",
    ".csv": "text/csv",
}
# The folder an Office Open XML package of each kind must contain.
OOXML_PART = {".docx": "word/", ".xlsx": "xl/", ".pptx": "ppt/"}
TEXT_PROBE = 64 * 1024


def _head_matches(ext: str, head: bytes) -> bool:
    if ext == ".pdf":
        return head.startswith(b"%PDF-")
    if ext == ".png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if ext in (".jpg", ".jpeg"):
        return head.startswith(b"\xff\xd8\xff")
    if ext == ".webp":
        return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    if ext == ".mp4":
        return head[4:8] == b"ftyp"
    return False


def _is_ooxml(ext: str, stream: BinaryIO) -> bool:
    try:
        with zipfile.ZipFile(stream) as package:
            names = package.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    return "[Content_Types].xml" in names and any(n.startswith(OOXML_PART[ext]) for n in names)


def _is_text(stream: BinaryIO) -> bool:
    data = stream.read(TEXT_PROBE)
    if b"\x00" in data:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # The probe may have cut a multi-byte character in two at its end.
        if exc.start < len(data) - 3:
            return False
    return True


def media_type_of(ext: str, stream: BinaryIO) -> str | None:
    """The media type if the bytes are what the extension says, else None. Rewinds `stream`."""
    ext = ext.lower()
    if ext not in ALLOWED:
        return None
    stream.seek(0)
    try:
        if ext in OOXML_PART:
            ok = _is_ooxml(ext, stream)
        elif ext in (".txt", ".csv"):
            ok = _is_text(stream)
        else:
            ok = _head_matches(ext, stream.read(16))
    finally:
        stream.seek(0)
    return ALLOWED[ext] if ok else None
