from ninja import Router

from goglobal.matchmaking.api.meetings import router as meetings_router
from goglobal.matchmaking.api.profiles import router as profiles_router

router = Router()
router.add_router("", profiles_router)
router.add_router("", meetings_router)
