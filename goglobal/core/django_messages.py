"""Django's own messages whose Vietnamese translation is missing or wrong (Django's `vi`
catalogue leaves about a quarter untranslated; "Enter a whole number." reads "Nhập một số tổng
thể"). Listing them here puts them in our catalogue, which LOCALE_PATHS makes win over
Django's. Nothing imports this module; makemessages reads it."""

from django.utils.translation import gettext_noop

DJANGO_MESSAGES = [
    gettext_noop("Enter a valid email address."),
    gettext_noop("Enter a whole number."),
    gettext_noop("Enter a valid duration."),
    gettext_noop("Enter a complete value."),
    gettext_noop("Enter a valid UUID."),
    gettext_noop("Enter a valid JSON."),
    gettext_noop("Ensure this value is greater than or equal to %(limit_value)s."),
    gettext_noop("Ensure this value is less than or equal to %(limit_value)s."),
    gettext_noop("%(model_name)s with this %(field_label)s already exists."),
    gettext_noop("%(model_name)s with this %(field_labels)s already exists."),
    gettext_noop("Select a valid choice. %(value)s is not one of the available choices."),
    gettext_noop("Select a valid choice. That choice is not one of the available choices."),
    gettext_noop("Enter a valid “slug” consisting of letters, numbers, underscores or hyphens."),
    gettext_noop("Constraint “%(name)s” is violated."),
]
