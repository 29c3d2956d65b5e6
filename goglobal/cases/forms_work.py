"""Page forms for briefings, action items, nominations, public summaries and contributors.
They check the shape of the input; the services check the rules."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from goglobal.cases.enums import BriefingKind
from goglobal.core.choices import CHOOSE, with_blank
from goglobal.core.forms import PageForm

DATE_HELP = _("Day/month/year, e.g. 15/09/2026.")


def _people(queryset) -> list[tuple]:
    return [("", "—")] + [(user.pk, str(user)) for user in queryset]


class BriefingForm(PageForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=with_blank(BriefingKind.choices, CHOOSE))
    title = forms.CharField(label=_("Title"), max_length=200)
    held_on = forms.DateField(label=_("Date"), help_text=DATE_HELP)
    repeat_every_weeks = forms.IntegerField(
        label=_("Repeat every (weeks)"),
        required=False,
        min_value=1,
        max_value=52,
        help_text=_("Periodic briefings only."),
    )
    chair = forms.TypedChoiceField(label=_("Chair"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, chairs=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chair"].choices = _people(chairs)


class MinutesForm(PageForm):
    minutes = forms.CharField(
        label=_("Minutes"), max_length=20000, widget=forms.Textarea(attrs={"rows": 8})
    )


class ActionItemForm(PageForm):
    title = forms.CharField(label=_("Action"), max_length=300)
    owner = forms.TypedChoiceField(label=_("Owner"), coerce=int, empty_value=None)
    due_on = forms.DateField(label=_("Due"), help_text=DATE_HELP)
    case = forms.IntegerField(
        label=_("Case number"), required=False, min_value=1, max_value=2_147_483_647
    )

    def __init__(self, *args, owners=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = _people(owners)


class EvidenceForm(PageForm):
    evidence = forms.CharField(
        label=_("Evidence that it is done"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class NominationForm(PageForm):
    reason = forms.CharField(
        label=_("Why should the Advisory Group discuss this case?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class SummaryForm(PageForm):
    text = forms.CharField(
        label=_("Anonymised summary"),
        max_length=4000,
        help_text=_("Never name the enterprise or its people."),
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class ContributorForm(PageForm):
    user = forms.TypedChoiceField(label=_("Add a contributor"), coerce=int, empty_value=None)

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].choices = _people(candidates)
