from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from goglobal.advisory.models import Agency
from goglobal.cases.enums import CaseCategory, CaseStatus, ImpactBand, Priority, Urgency, WaitingOn
from goglobal.core.choices import ANY, CHOOSE, country_choices, with_blank
from goglobal.core.forms import PageForm
from goglobal.missions.models import Mission

TEXT_FIELDS = ("title", "region", "sub_category", "description")
FLAGS = ("share_with_mission", "publish_summary", "is_systemic")


class CaseFilterForm(PageForm):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=with_blank(CaseStatus.choices, ANY)
    )
    category = forms.ChoiceField(
        label=_("Category"), required=False, choices=with_blank(CaseCategory.choices, ANY)
    )
    country = forms.ChoiceField(label=_("Country"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = country_choices(blank=ANY)


class CaseForm(PageForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    contact = forms.TypedChoiceField(
        label=_("Contact person"), required=False, coerce=int, empty_value=None
    )
    country = forms.ChoiceField(label=_("Country"))
    region = forms.CharField(label=_("Region or city"), max_length=120, required=False)
    category = forms.ChoiceField(
        label=_("Category"), choices=with_blank(CaseCategory.choices, CHOOSE)
    )
    sub_category = forms.CharField(label=_("Sub-category"), max_length=120, required=False)
    description = forms.CharField(
        label=_("What happened"), max_length=10000, widget=forms.Textarea(attrs={"rows": 6})
    )
    first_met_on = forms.DateField(
        label=_("Date first met"), help_text=_("Day/month/year, e.g. 15/09/2026.")
    )
    impact_band = forms.ChoiceField(
        label=_("Impact"), choices=with_blank(ImpactBand.choices, CHOOSE)
    )
    urgency = forms.ChoiceField(label=_("Urgency"), choices=with_blank(Urgency.choices, CHOOSE))
    share_with_mission = forms.BooleanField(
        label=_("Share this case with Vietnam's mission in the country"), required=False
    )
    publish_summary = forms.BooleanField(
        label=_("Allow an anonymised summary to be published"), required=False
    )
    is_systemic = forms.BooleanField(
        label=_("Other enterprises meet the same obstacle"), required=False
    )

    def __init__(self, *args, contacts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = country_choices(blank=CHOOSE)
        self.fields["contact"].choices = [("", "—")] + [(c.pk, c.full_name) for c in contacts]

    def to_data(self) -> dict:
        return dict(self.cleaned_data)

    @staticmethod
    def initial_for(case) -> dict:
        initial = {name: getattr(case, name) for name in (*TEXT_FIELDS, *FLAGS)}
        initial.update(
            contact=case.contact_id,
            country=case.country_id,
            category=case.category,
            first_met_on=case.first_met_on,
            impact_band=case.impact_band,
            urgency=case.urgency,
        )
        return initial


class MoveForm(PageForm):
    to = forms.ChoiceField(label=_("Move to"))
    reason = forms.CharField(
        label=_("Reason or message"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    waiting_on = forms.ChoiceField(
        label=_("Waiting on"), required=False, choices=with_blank(WaitingOn.choices, "—")
    )
    merged_into = forms.IntegerField(
        label=_("Duplicate of case number"), required=False, min_value=1, max_value=2_147_483_647
    )
    expected_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, targets=(), **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(CaseStatus.choices)
        self.fields["to"].choices = [(to, labels[to]) for to in targets]


class TriageForm(PageForm):
    priority = forms.ChoiceField(
        label=_("Priority"), required=False, choices=with_blank(Priority.choices, "—")
    )
    owner = forms.TypedChoiceField(label=_("Owner"), required=False, coerce=int, empty_value=None)
    owning_mission = forms.TypedChoiceField(
        label=_("Owning mission"), required=False, coerce=int, empty_value=None
    )
    owning_agency = forms.TypedChoiceField(
        label=_("Owning agency"), required=False, coerce=int, empty_value=None
    )
    advisory_group = forms.BooleanField(label=_("Refer to the Advisory Group"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from goglobal.cases.services import HANDLER_ROLES

        users = get_user_model().objects.filter(is_active=True, role__in=HANDLER_ROLES)
        self.fields["owner"].choices = [("", "—")] + [(u.pk, str(u)) for u in users]
        self.fields["owning_mission"].choices = [("", "—")] + [
            (m.pk, m.name) for m in Mission.objects.all()
        ]
        self.fields["owning_agency"].choices = [("", "—")] + [
            (a.pk, a.name_vi) for a in Agency.objects.all()
        ]

    @staticmethod
    def initial_for(case) -> dict:
        return {
            "priority": case.priority,
            "owner": case.owner_id,
            "owning_mission": case.owning_mission_id,
            "owning_agency": case.owning_agency_id,
            "advisory_group": case.advisory_group,
        }


class RateForm(PageForm):
    rating = forms.TypedChoiceField(
        label=_("How helpful was the support?"),
        coerce=int,
        choices=[(n, str(n)) for n in range(5, 0, -1)],
    )
    comment = forms.CharField(
        label=_("Comment"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
