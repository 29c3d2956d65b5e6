"""The cases app's models, by sub-domain; everything is importable from here."""

from goglobal.cases.models.briefings import (  # noqa: F401
    ActionItem,
    AgendaItem,
    Briefing,
    CaseNomination,
    PublicSummary,
)
from goglobal.cases.models.cases import (  # noqa: F401
    Case,
    CaseTransition,
    Notification,
    RoutingRule,
    SlaNotice,
)
from goglobal.cases.models.rollup import (  # noqa: F401
    CaseDurationCount,
    CaseEnterpriseCount,
    CaseIntakeCell,
)
