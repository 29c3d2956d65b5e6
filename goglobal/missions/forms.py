from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from goglobal.core.choices import ANY, CHOOSE, country_choices
from goglobal.core.forms import PageForm
from goglobal.missions.models import Mission, MissionKind


class MissionFilterForm(PageForm):
    country = forms.ChoiceField(label=_("Country"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", ANY), *MissionKind.choices]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = country_choices(blank=ANY)

    def filters(self) -> dict:
        return self.valid_data()


class MissionForm(PageForm):
    name_vi = forms.CharField(label=_("Name (Vietnamese)"), max_length=255)
    name_en = forms.CharField(label=_("Name (English)"), max_length=255)
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", CHOOSE), *MissionKind.choices])
    host_country = forms.ChoiceField(label=_("Host country"))
    city = forms.CharField(label=_("City"), max_length=120)
    jurisdiction = forms.MultipleChoiceField(
        label=_("Countries of jurisdiction"),
        required=False,
        help_text=_(
            "Every country the mission covers; the host country is added for you. "
            "Hold Ctrl (or ⌘) to choose several."
        ),
    )
    international_organisation = forms.CharField(
        label=_("International organisation"),
        max_length=200,
        required=False,
        help_text=_("Only for a permanent mission to an international organisation."),
    )
    head_name = forms.CharField(label=_("Head of mission"), max_length=200, required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)

    SCOPE_FIELDS = ("kind", "host_country", "jurisdiction", "international_organisation")

    def __init__(self, *args, can_change_scope: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["host_country"].choices = country_choices(blank=CHOOSE)
        self.fields["jurisdiction"].choices = country_choices()
        if not can_change_scope:
            # Whose data the mission's officers see follows from these: staff set them.
            for name in self.SCOPE_FIELDS:
                self.fields[name].disabled = True

    def to_data(self) -> dict:
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if not self.fields[name].disabled
        }

    @staticmethod
    def initial_for(mission: Mission) -> dict:
        return {
            "name_vi": mission.name_vi,
            "name_en": mission.name_en,
            "kind": mission.kind,
            "host_country": mission.host_country_id,
            "city": mission.city,
            "jurisdiction": [country.code for country in mission.jurisdiction.all()],
            "international_organisation": mission.international_organisation,
            "head_name": mission.head_name,
            "website": mission.website,
            "email": mission.email,
            "phone": mission.phone,
        }
