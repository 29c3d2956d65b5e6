from goglobal.enterprises.services.declarations import (
    declaration_accept,
    declaration_create,
    declaration_return,
    declaration_submit,
    declaration_update,
)
from goglobal.enterprises.services.registry import (
    consent_record,
    consent_withdraw,
    contact_create,
    contact_update,
    enterprise_create,
    enterprise_update,
    presence_create,
    presence_delete,
    presence_update,
    product_create,
    product_update,
)

__all__ = [
    "consent_record",
    "consent_withdraw",
    "contact_create",
    "contact_update",
    "declaration_accept",
    "declaration_create",
    "declaration_return",
    "declaration_submit",
    "declaration_update",
    "enterprise_create",
    "enterprise_update",
    "presence_create",
    "presence_delete",
    "presence_update",
    "product_create",
    "product_update",
]
