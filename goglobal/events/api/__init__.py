from ninja import Router

from goglobal.events.api.booths import router as booths_router
from goglobal.events.api.events import router as events_router
from goglobal.events.api.registrations import router as registrations_router

router = Router()
router.add_router("", events_router)
router.add_router("", registrations_router)
router.add_router("", booths_router)
