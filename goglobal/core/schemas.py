"""Base input schema and bounded types shared by every router."""

from decimal import Decimal
from typing import Annotated, Any

from ninja import Path, Query, Schema
from pydantic import Field, field_validator

MAX_ID = 2_147_483_647
Id = Annotated[int, Path(ge=1, le=MAX_ID, examples=[1])]
OptionalId = Annotated[int | None, Query(None, ge=1, le=MAX_ID)]

# Query-string text. NUL cannot reach PostgreSQL (it refuses it even in a LIKE pattern), so the
# pattern refuses it with a 422 and documents the rule for clients.
NO_NUL = r"^[^\x00]*$"
SearchQuery = Annotated[str, Query(max_length=200, pattern=NO_NUL)]
CodeQuery = Annotated[str, Query(max_length=40, pattern=NO_NUL)]
CountryQuery = Annotated[str, Query(max_length=2, pattern=r"^([A-Za-z]{2})?$")]
# The same bounds for the fields of a list's filter Schema, which the list and its download both
# take (`filters: Query[…Filters]`), so the two cannot drift apart.
SearchFilter = Annotated[str, Field(max_length=200, pattern=NO_NUL)]
CodeFilter = Annotated[str, Field(max_length=40, pattern=NO_NUL)]
CountryFilter = Annotated[str, Field(max_length=2, pattern=r"^([A-Za-z]{2})?$")]
OptionalIdFilter = Annotated[int | None, Field(ge=1, le=MAX_ID)]


def _check_strings(value: Any) -> None:
    if isinstance(value, str):
        # NUL cannot be stored by PostgreSQL and lone surrogates cannot be encoded at all.
        if "\x00" in value:
            raise ValueError("Text must not contain NUL characters.")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise ValueError("Text must be valid Unicode.") from exc
    elif isinstance(value, dict):
        for item in value.values():
            _check_strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            _check_strings(item)


class InSchema(Schema):
    """Every request body: unknown fields are refused and text must be storable."""

    model_config = {"extra": "forbid"}

    @field_validator("*", mode="before")
    @classmethod
    def _storable_text(cls, value: Any) -> Any:
        # Per field, so the error names the field (nested lists are checked whole).
        _check_strings(value)
        return value


ShortText = Annotated[str, Field(max_length=255)]
LongText = Annotated[str, Field(max_length=10000)]
# Bounded so that no input can overflow a column; the sign and cross-field rules are the
# services' to check (with their translated messages).
Money = Annotated[Decimal, Field(max_digits=20, decimal_places=2)]
Rate = Annotated[Decimal, Field(max_digits=18, decimal_places=6)]
Count = Annotated[int, Field(ge=0, le=10_000_000)]
