from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from goglobal.agreements.enums import AgreementKind, AgreementStatus
from goglobal.core.choices import ANY, CHOOSE, country_choices, with_blank
from goglobal.core.forms import PageForm

DATE_HELP = _("Day/month/year, e.g. 15/09/2026.")


class AgreementFilterForm(PageForm):
    country = forms.ChoiceField(label=_("Partner country"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=with_blank(AgreementKind.choices, ANY)
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=with_blank(AgreementStatus.choices, ANY)
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = country_choices(blank=ANY)


class AgreementForm(PageForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=with_blank(AgreementKind.choices, CHOOSE))
    title_vi = forms.CharField(label=_("Title (Vietnamese)"), max_length=255)
    title_en = forms.CharField(label=_("Title (English)"), max_length=255, required=False)
    partner_country = forms.ChoiceField(label=_("Partner country"), required=False)
    partner_organisation = forms.CharField(
        label=_("or partner international organisation"), max_length=200, required=False
    )
    vietnam_party = forms.CharField(label=_("Vietnamese party"), max_length=255)
    partner_party = forms.CharField(label=_("Partner party"), max_length=255)
    proposed_on = forms.DateField(label=_("Proposed on"), help_text=DATE_HELP)
    place = forms.CharField(label=_("Place of signature"), max_length=200, required=False)
    areas = forms.CharField(
        label=_("Areas of cooperation"),
        required=False,
        max_length=4000,
        help_text=_("One per line."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    summary = forms.CharField(
        label=_("Summary"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner_country"].choices = country_choices(blank=CHOOSE)

    def to_data(self) -> dict:
        data = dict(self.cleaned_data)
        data["areas"] = [line for line in data["areas"].splitlines() if line.strip()]
        return data


class TransitionForm(PageForm):
    to = forms.ChoiceField(label=_("New status"))
    on = forms.DateField(label=_("Date"), required=False, help_text=DATE_HELP)
    reason = forms.CharField(
        label=_("Reason"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, targets=(), **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(AgreementStatus.choices)
        self.fields["to"].choices = [(t, labels[t]) for t in targets]


class UpgradeForm(PageForm):
    kind = forms.ChoiceField(
        label=_("Upgraded to"),
        choices=with_blank([c for c in AgreementKind.choices if c[0] != AgreementKind.MOU], CHOOSE),
    )
    title_vi = forms.CharField(label=_("Title (Vietnamese)"), max_length=255)
    title_en = forms.CharField(label=_("Title (English)"), max_length=255, required=False)
    proposed_on = forms.DateField(label=_("Proposed on"), help_text=DATE_HELP)
