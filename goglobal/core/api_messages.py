"""Field messages of the API in the user's language. pydantic words its errors in English only;
each error carries a stable `type` and its parameters (`ctx`), so the common ones are worded
again here, through the translation catalogue. An unknown type keeps pydantic's own text."""

from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "missing": _("This field is required."),
    "extra_forbidden": _("This field is not part of the request."),
    "int_parsing": _("Enter a whole number."),
    "int_type": _("Enter a whole number."),
    "int_from_float": _("Enter a whole number."),
    "float_parsing": _("Enter a number."),
    "float_type": _("Enter a number."),
    "decimal_parsing": _("Enter a number."),
    "decimal_type": _("Enter a number."),
    "decimal_max_digits": _("Enter a number with at most %(max_digits)s digits."),
    "decimal_max_places": _("Enter a number with at most %(decimal_places)s decimal places."),
    "decimal_whole_digits": _(
        "Enter a number with at most %(whole_digits)s digits before the decimal point."
    ),
    "bool_parsing": _("Enter true or false."),
    "bool_type": _("Enter true or false."),
    "string_type": _("Enter text."),
    "string_too_short": _("Enter at least %(min_length)s characters."),
    "string_too_long": _("Enter at most %(max_length)s characters."),
    "too_short": _("Give at least %(min_length)s items."),
    "too_long": _("Give at most %(max_length)s items."),
    "list_type": _("Give a list."),
    "dict_type": _("Give an object."),
    "model_type": _("Give an object."),
    "model_attributes_type": _("Give an object."),
    "greater_than": _("Enter a value greater than %(gt)s."),
    "greater_than_equal": _("Enter a value of at least %(ge)s."),
    "less_than": _("Enter a value less than %(lt)s."),
    "less_than_equal": _("Enter a value of at most %(le)s."),
    "enum": _("Choose one of: %(expected)s."),
    "literal_error": _("Choose one of: %(expected)s."),
    "date_parsing": _("Enter a date as YYYY-MM-DD."),
    "date_from_datetime_parsing": _("Enter a date as YYYY-MM-DD."),
    "date_type": _("Enter a date as YYYY-MM-DD."),
    "datetime_parsing": _("Enter a date and time as YYYY-MM-DDThh:mm with a time zone."),
    "datetime_from_date_parsing": _("Enter a date and time as YYYY-MM-DDThh:mm with a time zone."),
    "datetime_type": _("Enter a date and time as YYYY-MM-DDThh:mm with a time zone."),
    "timezone_aware": _("Give the time zone, e.g. +07:00."),
    "url_parsing": _("Enter a valid web address."),
    "url_scheme": _("Enter a web address starting with http:// or https://."),
    "json_invalid": _("The request body is not valid JSON."),
}


def field_message(error: dict) -> str:
    """The message of one pydantic error, translated where its type is known."""
    template = MESSAGES.get(error.get("type", ""))
    if template is None:
        return str(error.get("msg", ""))
    context = {key: _plain(value) for key, value in (error.get("ctx") or {}).items()}
    try:
        return str(template) % context if "%(" in str(template) else str(template)
    except (KeyError, TypeError, ValueError):
        return str(error.get("msg", ""))


def _plain(value) -> str:
    # pydantic lists choices as "'a', 'b' or 'c'": drop the quotes and the English "or".
    return str(value).replace("'", "").replace(" or ", ", ")
