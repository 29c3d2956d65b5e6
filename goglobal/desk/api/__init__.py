"""The routers of the desk, the agreements and the attachments, mounted together so that the
shared route table gains one line."""

from goglobal.agreements.api import router as agreements_router
from goglobal.desk.api.desk import router as desk_router
from goglobal.desk.api.orders import router as orders_router
from goglobal.files.api import router as files_router

routers = [files_router, agreements_router, desk_router, orders_router]
