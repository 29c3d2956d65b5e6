from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "goglobal.events"
    label = "events"
