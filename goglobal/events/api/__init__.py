from ninja import Router

from goglobal.events.api.booths import router as booths_router
from goglobal.events.api.events import router as events_router

router = Router()
router.add_router("", events_router)
router.add_router("", booths_router)
