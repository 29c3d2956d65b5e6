from goglobal.desk.models.notes import MarketNote
from goglobal.desk.models.opportunities import Opportunity, OpportunityInterest, OpportunityMatch
from goglobal.desk.models.orders import ContentOrder, ContentOrderTransition

__all__ = [
    "ContentOrder",
    "ContentOrderTransition",
    "MarketNote",
    "Opportunity",
    "OpportunityInterest",
    "OpportunityMatch",
]
