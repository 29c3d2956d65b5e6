from ninja import Router

from goglobal.enterprises.api.confidential import router as confidential_router
from goglobal.enterprises.api.registry import router as registry_router

router = Router()
router.add_router("", registry_router)
router.add_router("", confidential_router)
