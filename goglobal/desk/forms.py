from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from goglobal.core.choices import (
    ANY,
    CHOOSE,
    country_choices,
    currency_choices,
    sector_choices,
    with_blank,
)
from goglobal.core.forms import PageForm
from goglobal.desk.enums import (
    InterestStatus,
    NoteTopic,
    NoteVisibility,
    OpportunityKind,
    OpportunityOutcome,
    OpportunityStatus,
    OrderKind,
    OrderStatus,
)
from goglobal.desk.overview import desk_missions_for_user
from goglobal.desk.services.orders import LANGUAGE_CODES

DATE_HELP = _("Day/month/year, e.g. 15/09/2026.")


class MissionChoiceMixin:
    """The missions the user may write for; a single one is chosen for them."""

    def _missions(self, user) -> None:
        missions = desk_missions_for_user(user).order_by("name_vi")
        self.fields["mission"].choices = [(m.pk, m.name) for m in missions]
        if len(self.fields["mission"].choices) == 1:
            self.fields["mission"].initial = self.fields["mission"].choices[0][0]


class NoteForm(MissionChoiceMixin, PageForm):
    mission = forms.TypedChoiceField(label=_("Mission"), coerce=int)
    country = forms.ChoiceField(label=_("Country"))
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    topic = forms.ChoiceField(label=_("Topic"), choices=with_blank(NoteTopic.choices, CHOOSE))
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Text"), max_length=10000, widget=forms.Textarea(attrs={"rows": 8})
    )
    visibility = forms.ChoiceField(
        label=_("Who may read it"), choices=NoteVisibility.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self._missions(user)
        self.fields["country"].choices = country_choices(blank=CHOOSE)
        self.fields["sector"].choices = sector_choices(blank=ANY)
        self.fields["visibility"].initial = NoteVisibility.STAFF


class OpportunityFilterForm(PageForm):
    country = forms.ChoiceField(label=_("Country"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=with_blank(OpportunityKind.choices, ANY)
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=with_blank(OpportunityStatus.choices, ANY)
    )
    sector = forms.ChoiceField(label=_("Sector"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = country_choices(blank=ANY)
        self.fields["sector"].choices = sector_choices(blank=ANY)


class OpportunityForm(MissionChoiceMixin, PageForm):
    mission = forms.TypedChoiceField(label=_("Mission"), coerce=int)
    kind = forms.ChoiceField(label=_("Kind"), choices=with_blank(OpportunityKind.choices, CHOOSE))
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), max_length=10000, widget=forms.Textarea(attrs={"rows": 6})
    )
    country = forms.ChoiceField(label=_("Country"))
    sectors = forms.MultipleChoiceField(label=_("Sectors"))
    value = forms.DecimalField(
        label=_("Estimated value"), required=False, max_digits=18, decimal_places=2, min_value=0
    )
    currency = forms.ChoiceField(label=_("Currency"), required=False)
    deadline = forms.DateField(label=_("Deadline"), help_text=DATE_HELP)
    contact_name = forms.CharField(label=_("Contact person"), max_length=200)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)
    contact_phone = forms.CharField(label=_("Contact phone"), max_length=40, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self._missions(user)
        self.fields["country"].choices = country_choices(blank=CHOOSE)
        self.fields["sectors"].choices = sector_choices()
        self.fields["currency"].choices = currency_choices(blank=CHOOSE)


class InterestForm(PageForm):
    enterprise = forms.TypedChoiceField(label=_("Enterprise"), coerce=int)
    message = forms.CharField(
        label=_("Message to the mission"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, enterprises=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enterprise"].choices = [(e.pk, e.name) for e in enterprises]


class FollowUpForm(PageForm):
    status = forms.ChoiceField(label=_("Follow-up"), choices=InterestStatus.choices)
    note = forms.CharField(label=_("Note"), required=False, max_length=2000)


class OutcomeForm(PageForm):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=with_blank(OpportunityOutcome.choices, CHOOSE)
    )
    note = forms.CharField(
        label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class OrderFilterForm(PageForm):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=with_blank(OrderStatus.choices, ANY)
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=with_blank(OrderKind.choices, ANY)
    )
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)


def language_choices() -> list[tuple[str, str]]:
    from django.utils.translation import get_language_info

    out = []
    for code in sorted(LANGUAGE_CODES):
        try:
            out.append((code, get_language_info(code)["name_translated"]))
        except KeyError:
            out.append((code, code))
    return sorted(out, key=lambda c: str(c[1]))


class OrderForm(MissionChoiceMixin, PageForm):
    mission = forms.TypedChoiceField(label=_("Mission"), coerce=int)
    kind = forms.ChoiceField(label=_("Kind"), choices=with_blank(OrderKind.choices, CHOOSE))
    title = forms.CharField(label=_("Title"), max_length=200)
    languages = forms.MultipleChoiceField(label=_("Languages"))
    purpose = forms.CharField(
        label=_("Purpose"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )
    deadline = forms.DateField(label=_("Needed by"), help_text=DATE_HELP)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self._missions(user)
        self.fields["languages"].choices = language_choices()


class OrderTransitionForm(PageForm):
    to = forms.ChoiceField(label=_("New status"))
    reason = forms.CharField(
        label=_("Reason"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, targets=(), **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(OrderStatus.choices)
        self.fields["to"].choices = [(t, labels[t]) for t in targets]
