from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "goglobal.search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The registry's own record types; later apps register theirs in their ready().
        from goglobal.search import sources  # noqa: F401
