from django.apps import AppConfig


class MatchmakingConfig(AppConfig):
    name = "goglobal.matchmaking"
    verbose_name = "Matchmaking"
