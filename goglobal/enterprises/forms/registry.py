"""Page forms of the registry. They check shapes (a number is a number, a choice is offered);
the services check the rules (tax-code checksum, founding year, duplicates) and their
messages are carried back onto these forms."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from goglobal.core.choices import ANY, CHOOSE, country_choices, province_choices, sector_choices
from goglobal.core.forms import PageForm
from goglobal.enterprises.enums import (
    ConsentMethod,
    ConsentPurpose,
    EmployeeBand,
    EnterpriseStatus,
    PresenceMode,
)
from goglobal.enterprises.models import Contact, Enterprise, MarketPresence, Product
from goglobal.enterprises.selectors import EnterpriseFilters

DATE_HELP = _("Day/month/year, e.g. 05/06/2025.")


def _blank(choices, blank=CHOOSE) -> list:
    return [("", blank), *choices]


class EnterpriseFilterForm(PageForm):
    q = forms.CharField(label=_("Name or tax code"), required=False, max_length=200)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    province = forms.TypedChoiceField(
        label=_("Province"), required=False, coerce=int, empty_value=None
    )
    country = forms.ChoiceField(label=_("Country of presence"), required=False)
    mode = forms.ChoiceField(
        label=_("Presence mode"), required=False, choices=_blank(PresenceMode.choices, ANY)
    )
    size = forms.ChoiceField(
        label=_("Size"), required=False, choices=_blank(EmployeeBand.choices, ANY)
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=_blank(EnterpriseStatus.choices, ANY)
    )

    def __init__(self, *args, show_status: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].choices = sector_choices(blank=ANY)
        self.fields["province"].choices = province_choices(blank=ANY)
        self.fields["country"].choices = country_choices(blank=ANY)
        if not show_status:
            del self.fields["status"]

    def filters(self) -> EnterpriseFilters:
        """The valid filters; an invalid one (a stale link, a hand-made URL) is ignored."""
        return EnterpriseFilters(**self.valid_data())


class EnterpriseForm(PageForm):
    name_vi = forms.CharField(label=_("Legal name (Vietnamese)"), max_length=255)
    name_en = forms.CharField(label=_("English name"), max_length=255, required=False)
    trading_names = forms.CharField(
        label=_("Trading names"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line."),
    )
    tax_code = forms.CharField(
        label=_("Tax code"),
        max_length=20,
        help_text=_("10 digits, or 13 with a branch suffix: 0100109106 or 0100109106-001."),
    )
    province = forms.ChoiceField(label=_("Headquarters province"))
    founded_year = forms.IntegerField(label=_("Founding year"), required=False)
    employee_band = forms.ChoiceField(
        label=_("Employees"), required=False, choices=_blank(EmployeeBand.choices)
    )
    vn_ownership_pct = forms.DecimalField(
        label=_("Vietnamese ownership (%)"), required=False, localize=True
    )
    sectors = forms.MultipleChoiceField(
        label=_("Sectors"), required=False, widget=forms.CheckboxSelectMultiple
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    description_vi = forms.CharField(
        label=_("Description (Vietnamese)"),
        required=False,
        max_length=10000,
        widget=forms.Textarea,
    )
    description_en = forms.CharField(
        label=_("Description (English)"),
        required=False,
        max_length=10000,
        widget=forms.Textarea,
    )
    status = forms.ChoiceField(label=_("Status"), choices=EnterpriseStatus.choices)

    def __init__(self, *args, can_set_status: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].choices = province_choices(blank=CHOOSE)
        self.fields["sectors"].choices = sector_choices()
        if not can_set_status:
            # Status and the registered tax code are the ministry's to change.
            del self.fields["status"]
            self.fields["tax_code"].disabled = True
            self.fields["tax_code"].help_text = _(
                "Only the ministry's programme staff can change a registered tax code."
            )

    @staticmethod
    def initial_for(enterprise: Enterprise) -> dict:
        return {
            "name_vi": enterprise.name_vi,
            "name_en": enterprise.name_en,
            "trading_names": "\n".join(enterprise.trading_names or []),
            "tax_code": enterprise.tax_code_display,
            "province": enterprise.province_id,
            "founded_year": enterprise.founded_year,
            "employee_band": enterprise.employee_band,
            "vn_ownership_pct": enterprise.vn_ownership_pct,
            "sectors": [sector.code for sector in enterprise.sectors.all()],
            "website": enterprise.website,
            "description_vi": enterprise.description_vi,
            "description_en": enterprise.description_en,
            "status": enterprise.status,
        }


class ProductForm(PageForm):
    name_vi = forms.CharField(label=_("Name (Vietnamese)"), max_length=255)
    name_en = forms.CharField(label=_("Name (English)"), max_length=255, required=False)
    description_vi = forms.CharField(
        label=_("Description (Vietnamese)"), required=False, max_length=10000, widget=forms.Textarea
    )
    description_en = forms.CharField(
        label=_("Description (English)"), required=False, max_length=10000, widget=forms.Textarea
    )
    sectors = forms.MultipleChoiceField(
        label=_("Sectors"), required=False, widget=forms.CheckboxSelectMultiple
    )
    target_markets = forms.MultipleChoiceField(
        label=_("Target markets"),
        required=False,
        help_text=_("Hold Ctrl (or ⌘) to choose several."),
    )
    make_in_vietnam = forms.BooleanField(label=_("Make in Viet Nam product"), required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sectors"].choices = sector_choices()
        self.fields["target_markets"].choices = country_choices()

    @staticmethod
    def initial_for(product: Product) -> dict:
        return {
            "name_vi": product.name_vi,
            "name_en": product.name_en,
            "description_vi": product.description_vi,
            "description_en": product.description_en,
            "sectors": [sector.code for sector in product.sectors.all()],
            "target_markets": [country.code for country in product.target_markets.all()],
            "make_in_vietnam": product.make_in_vietnam,
            "website": product.website,
        }


class PresenceForm(PageForm):
    country = forms.ChoiceField(label=_("Country"))
    mode = forms.ChoiceField(label=_("Mode"), choices=_blank(PresenceMode.choices))
    since = forms.DateField(label=_("Since"), required=False, help_text=DATE_HELP)
    staff_abroad = forms.IntegerField(label=_("Staff abroad"), min_value=0, initial=0)
    city = forms.CharField(label=_("City"), max_length=120, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = country_choices(blank=CHOOSE)

    @staticmethod
    def initial_for(presence: MarketPresence) -> dict:
        return {
            "country": presence.country_id,
            "mode": presence.mode,
            "since": presence.since,
            "staff_abroad": presence.staff_abroad,
            "city": presence.city,
        }


class ContactForm(PageForm):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    position = forms.CharField(label=_("Position"), max_length=200, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)

    @staticmethod
    def initial_for(contact: Contact) -> dict:
        return {
            "full_name": contact.full_name,
            "position": contact.position,
            "email": contact.email,
            "phone": contact.phone,
        }


class ConsentForm(PageForm):
    purpose = forms.ChoiceField(label=_("Purpose"), choices=_blank(ConsentPurpose.choices))
    method = forms.ChoiceField(label=_("How it was given"), choices=_blank(ConsentMethod.choices))
    evidence = forms.CharField(
        label=_("Evidence"),
        max_length=500,
        help_text=_(
            "Where the proof is kept, e.g. the e-mail's date and subject or the form's number."
        ),
    )
    given_at = forms.DateTimeField(
        label=_("Given on"),
        required=False,
        help_text=_("Day/month/year and, if known, hours:minutes. Empty means now."),
    )
