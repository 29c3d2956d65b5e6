from django.apps import AppConfig


class AgreementsConfig(AppConfig):
    name = "goglobal.agreements"
    label = "agreements"

    def ready(self):
        from goglobal.agreements import policies, selectors
        from goglobal.agreements.models import Agreement
        from goglobal.files import registry

        registry.register(
            "agreement",
            Agreement,
            visible=selectors.agreement_visible_for_user,
            can_attach=lambda user, agreement: policies.can_manage_agreements(user),
        )
