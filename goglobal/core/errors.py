"""Errors raised by services; pages and the API turn them into messages and status codes."""

from django.core.exceptions import PermissionDenied, ValidationError

__all__ = ["ConflictError", "PermissionDenied", "ValidationError"]


class ConflictError(Exception):
    """The record changed under the caller or the move is not allowed from its state (HTTP 409)."""
