from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "goglobal.events"
    label = "events"

    def ready(self) -> None:
        from goglobal.events.search import SOURCE
        from goglobal.search.registry import register

        # Events join the one search by registering their own source: no change to the search.
        register(SOURCE)
