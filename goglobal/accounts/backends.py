"""Django's ModelBackend, reading the signed-in user with one plain query (see sessions.py for
why: the ORM compiles the same query at every request)."""

import functools

from django.contrib.auth import backends, get_user_model
from django.db import connections, router


@functools.cache
def _user_sql(alias: str) -> str:
    model = get_user_model()
    quote = connections[alias].ops.quote_name
    columns = ", ".join(quote(field.column) for field in model._meta.concrete_fields)
    return (
        f"SELECT {columns} FROM {quote(model._meta.db_table)} "  # noqa: S608 (names from the model)
        f"WHERE {quote(model._meta.pk.column)} = %s"
    )


class ModelBackend(backends.ModelBackend):
    def get_user(self, user_id):
        """The user with this key, as ModelBackend.get_user: None when there is none or they
        may not sign in (inactive). A raw query applies the fields' conversions as the ORM
        does (dates on SQLite)."""
        model = get_user_model()
        alias = router.db_for_read(model)
        found = list(model._default_manager.db_manager(alias).raw(_user_sql(alias), [user_id]))
        if not found:
            return None
        user = found[0]
        return user if self.user_can_authenticate(user) else None
