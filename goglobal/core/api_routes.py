"""Mounts every app's router on the one API (kept apart from core.api so that routers can import
the shared machinery without a cycle)."""

from goglobal.bulk.api import router as bulk_router
from goglobal.cases.api import router as cases_router
from goglobal.core.api import api
from goglobal.desk.api import routers as desk_routers
from goglobal.enterprises.api import router as enterprises_router
from goglobal.events.api import router as events_router
from goglobal.matchmaking.api import router as matchmaking_router
from goglobal.missions.api import router as missions_router
from goglobal.partners.api import router as partners_router
from goglobal.reference.api import router as reference_router
from goglobal.search.api import router as search_router

api.add_router("", reference_router)
# Before the registry: "/enterprises/export" must not be read as "/enterprises/{id}".
api.add_router("", bulk_router)
api.add_router("", enterprises_router)
api.add_router("", partners_router)
api.add_router("", missions_router)
api.add_router("", search_router)
api.add_router("", events_router)
api.add_router("", cases_router)
for desk_router in desk_routers:  # files, agreements, missions' desk
    api.add_router("", desk_router)
api.add_router("", matchmaking_router)
