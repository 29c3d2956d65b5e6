from goglobal.enterprises.forms.declarations import DeclarationForm, ReturnForm
from goglobal.enterprises.forms.registry import (
    ConsentForm,
    ContactForm,
    EnterpriseFilterForm,
    EnterpriseForm,
    PresenceForm,
    ProductForm,
)

__all__ = [
    "ConsentForm",
    "ContactForm",
    "DeclarationForm",
    "EnterpriseFilterForm",
    "EnterpriseForm",
    "PresenceForm",
    "ProductForm",
    "ReturnForm",
]
