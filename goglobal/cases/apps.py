from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "goglobal.cases"
    label = "cases"

    def ready(self) -> None:
        from goglobal.cases.search import SOURCE
        from goglobal.search.registry import register

        # Cases join the one search by registering their own source: no change to the search.
        register(SOURCE)
