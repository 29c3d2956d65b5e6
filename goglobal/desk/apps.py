from django.apps import AppConfig


class DeskConfig(AppConfig):
    name = "goglobal.desk"
    label = "desk"

    def ready(self):
        from goglobal.desk import policies, selectors
        from goglobal.desk.models import ContentOrder, MarketNote
        from goglobal.desk.search import SOURCE
        from goglobal.files import registry
        from goglobal.search.registry import register

        # Opportunities join the one search by registering their own source.
        register(SOURCE)

        # The ordering mission attaches its brief; the ministry attaches what it delivers.
        registry.register(
            "content-order",
            ContentOrder,
            visible=selectors.order_visible_for_user,
            can_attach=lambda user, order: bool(policies.roles_on_order(user, order)),
        )
        registry.register(
            "market-note",
            MarketNote,
            visible=selectors.note_visible_for_user,
            can_attach=lambda user, note: policies.acts_for_mission(user, note.mission_id),
        )
