"""What every page form shares: accessible error styling and carrying service errors back
onto the form, so the messages the services raise are the ones the user reads."""

from __future__ import annotations

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from goglobal.core.text import fold


class PageForm(forms.Form):
    required_css_class = "required"
    error_css_class = "has-error"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def valid_data(self) -> dict:
        """The fields that validated, without the empty ones: for filter forms, where a stale
        link or a hand-made URL should narrow nothing rather than fail."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {key: value for key, value in self.cleaned_data.items() if value not in ("", None)}


def apply_service_errors(
    form: forms.Form, exc: ValidationError, field_map: dict[str, str] | None = None
) -> None:
    """Puts a service's ValidationError on the form: each field's messages under that field if
    the form shows it (after `field_map` renames), every other message at the top."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    for field, errors in exc.error_dict.items():
        name = (field_map or {}).get(field, field)
        if "." in name:
            name = name.split(".", 1)[0]
        target = name if name in form.fields and name != NON_FIELD_ERRORS else None
        form.add_error(target, errors)


def code_choices(queryset, *, blank: str | None = None) -> list[tuple[str, str]]:
    """(code, name) choices from reference rows; names follow the active language."""
    choices = sorted(((str(row.code), row.name) for row in queryset), key=lambda c: fold(c[1]))
    return ([("", blank)] if blank is not None else []) + choices
