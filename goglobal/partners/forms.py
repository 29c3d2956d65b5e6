from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from goglobal.core.choices import ANY, CHOOSE, country_choices, sector_choices
from goglobal.core.forms import PageForm
from goglobal.partners.models import ForeignOrganisation, OrganisationKind


class ForeignOrganisationFilterForm(PageForm):
    q = forms.CharField(label=_("Name"), required=False, max_length=200)
    country = forms.ChoiceField(label=_("Country"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", ANY), *OrganisationKind.choices]
    )
    sector = forms.ChoiceField(label=_("Sector"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = country_choices(blank=ANY)
        self.fields["sector"].choices = sector_choices(blank=ANY)

    def filters(self) -> dict:
        return self.valid_data()


class ForeignOrganisationForm(PageForm):
    name = forms.CharField(label=_("Name"), max_length=255)
    name_vi = forms.CharField(label=_("Name (Vietnamese)"), max_length=255, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", CHOOSE), *OrganisationKind.choices])
    country = forms.ChoiceField(label=_("Country"))
    city = forms.CharField(label=_("City"), max_length=120, required=False)
    sectors = forms.MultipleChoiceField(
        label=_("Sectors"), required=False, widget=forms.CheckboxSelectMultiple
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    description = forms.CharField(
        label=_("Description"), required=False, max_length=5000, widget=forms.Textarea
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = country_choices(blank=CHOOSE)
        self.fields["sectors"].choices = sector_choices()

    @staticmethod
    def initial_for(organisation: ForeignOrganisation) -> dict:
        return {
            "name": organisation.name,
            "name_vi": organisation.name_vi,
            "kind": organisation.kind,
            "country": organisation.country_id,
            "city": organisation.city,
            "sectors": [sector.code for sector in organisation.sectors.all()],
            "website": organisation.website,
            "description": organisation.description,
        }
