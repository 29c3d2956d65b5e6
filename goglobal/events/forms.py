"""Page forms of events. They check shapes; the services check the rules and their messages are
carried back onto these forms."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from goglobal.core.choices import (
    CHOOSE,
    country_choices,
    currency_choices,
    sector_choices,
    with_blank,
)
from goglobal.core.forms import PageForm
from goglobal.enterprises.models import Enterprise
from goglobal.events.enums import Criterion, EventKind, EventStatus, Language, LeadFollowUp
from goglobal.events.models import Event, EventSeries, Venue
from goglobal.partners.models import ForeignOrganisation

DATETIME_HELP = _("Day/month/year hour:minute in Vietnam's time, e.g. 08/12/2026 08:30.")


class EventForm(PageForm):
    title_vi = forms.CharField(label=_("Title (Vietnamese)"), max_length=255)
    title_en = forms.CharField(label=_("Title (English)"), max_length=255, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=with_blank(EventKind.choices, CHOOSE))
    series = forms.TypedChoiceField(label=_("Series"), coerce=int, required=False, empty_value=None)
    organiser = forms.CharField(label=_("Organiser"), max_length=255)
    starts_at = forms.DateTimeField(label=_("Starts at"), help_text=DATETIME_HELP)
    ends_at = forms.DateTimeField(label=_("Ends at"), help_text=DATETIME_HELP)
    registration_closes_at = forms.DateTimeField(
        label=_("Registration closes at"),
        required=False,
        help_text=_("Empty: when the event starts."),
    )
    is_public = forms.BooleanField(
        label=_("Public (listed and open to registration)"), required=False
    )
    moderated = forms.BooleanField(
        label=_("Moderated: enterprises apply and are selected"), required=False
    )
    status = forms.ChoiceField(label=_("Status"), choices=EventStatus.choices)
    offer_hours = forms.IntegerField(
        label=_("Hours to accept a freed place"), min_value=1, max_value=720, initial=48
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=Language.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sectors = forms.MultipleChoiceField(label=_("Sectors"), required=False)
    target_countries = forms.MultipleChoiceField(label=_("Target countries"), required=False)
    partner_organisations = forms.TypedMultipleChoiceField(
        label=_("Partner organisations"), coerce=int, required=False
    )
    description_vi = forms.CharField(
        label=_("Description (Vietnamese)"), required=False, max_length=10000, widget=forms.Textarea
    )
    description_en = forms.CharField(
        label=_("Description (English)"), required=False, max_length=10000, widget=forms.Textarea
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sectors"].choices = sector_choices()
        self.fields["target_countries"].choices = country_choices()
        self.fields["series"].choices = [("", _("None"))] + [
            (series.pk, series.name) for series in EventSeries.objects.all()
        ]
        self.fields["partner_organisations"].choices = [
            (org.pk, f"{org.name} ({org.country_id})")
            for org in ForeignOrganisation.objects.order_by("name", "id").only(
                "id", "name", "country_id"
            )
        ]

    @staticmethod
    def initial_for(event: Event) -> dict:
        related = ("sectors", "target_countries", "partner_organisations", "series")
        initial = {
            name: getattr(event, name) for name in EventForm.base_fields if name not in related
        }
        initial["sectors"] = [s.code for s in event.sectors.all()]
        initial["target_countries"] = [c.code for c in event.target_countries.all()]
        initial["partner_organisations"] = [o.pk for o in event.partner_organisations.all()]
        initial["series"] = event.series_id
        return initial


class VenueForm(PageForm):
    name = forms.CharField(label=_("Name"), max_length=255)
    country = forms.ChoiceField(label=_("Country"))
    city = forms.CharField(label=_("City"), max_length=120)
    time_zone = forms.CharField(
        label=_("Time zone"),
        max_length=64,
        initial="Asia/Ho_Chi_Minh",
        help_text=_("IANA name, e.g. Asia/Singapore, Asia/Seoul, Europe/London."),
    )
    capacity = forms.IntegerField(label=_("Capacity"), min_value=1, max_value=100_000)
    online_link = forms.URLField(label=_("Online link"), required=False, assume_scheme="https")
    is_main = forms.BooleanField(label=_("Main venue (not a bridge point)"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = country_choices(blank=CHOOSE)


class SessionForm(PageForm):
    """Times are typed in the venue's own time, as its programme is printed there."""

    venue = forms.TypedChoiceField(label=_("Venue"), coerce=int)
    title_vi = forms.CharField(label=_("Title (Vietnamese)"), max_length=255)
    title_en = forms.CharField(label=_("Title (English)"), max_length=255, required=False)
    day = forms.DateField(label=_("Day"), help_text=_("Day/month/year, e.g. 08/12/2026."))
    start = forms.TimeField(label=_("Starts (venue's local time)"), help_text=_("e.g. 09:00"))
    end = forms.TimeField(label=_("Ends (venue's local time)"), help_text=_("e.g. 10:30"))

    def __init__(self, *args, venues: list[Venue], **kwargs):
        super().__init__(*args, **kwargs)
        self.venues = {venue.pk: venue for venue in venues}
        self.fields["venue"].choices = [
            (venue.pk, f"{venue.name} ({venue.time_zone})") for venue in venues
        ]

    def service_data(self) -> tuple[Venue, dict]:
        data = self.cleaned_data
        venue = self.venues[data["venue"]]
        start = dt.datetime.combine(data["day"], data["start"], tzinfo=venue.zone)
        end = dt.datetime.combine(data["day"], data["end"], tzinfo=venue.zone)
        return venue, {
            "title_vi": data["title_vi"],
            "title_en": data["title_en"],
            "starts_at": start,
            "ends_at": end,
        }


class RegistrationForm(PageForm):
    venue = forms.TypedChoiceField(label=_("Venue or bridge point"), coerce=int)
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    # A CharField: the service validates the address, so its message is the one shown.
    email = forms.CharField(label=_("E-mail"), max_length=254)
    organisation = forms.CharField(label=_("Organisation"), max_length=255, required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    enterprise = forms.TypedChoiceField(
        label=_("Enterprise"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args, venues: list[Venue], enterprises: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["venue"].choices = [
            (venue.pk, f"{venue.name} — {venue.city}") for venue in venues
        ]
        self.fields["country"].choices = country_choices(blank=CHOOSE)
        if enterprises:
            self.fields["enterprise"].choices = [(e.pk, e.name) for e in enterprises]
        else:
            del self.fields["enterprise"]


class RejectForm(PageForm):
    reason = forms.CharField(label=_("Reason"), max_length=1000, required=False)


class ScoreForm(PageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for value, label in Criterion.choices:
            self.fields[value] = forms.IntegerField(
                label=label, min_value=0, max_value=5, required=False
            )

    def scores(self) -> dict[str, int]:
        return {key: value for key, value in self.cleaned_data.items() if value is not None}


class OutcomeForm(PageForm):
    meetings_held = forms.IntegerField(label=_("Meetings held"), min_value=0, max_value=100_000)
    agreements = forms.IntegerField(label=_("Agreements signed"), min_value=0, max_value=10_000)
    contracts = forms.IntegerField(label=_("Contracts won"), min_value=0, max_value=10_000)
    contract_value = forms.DecimalField(
        label=_("Value of the contracts"),
        min_value=0,
        max_digits=20,
        decimal_places=2,
        localize=True,
    )
    currency = forms.ChoiceField(label=_("Currency"))
    note = forms.CharField(
        label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["currency"].choices = currency_choices()


class CheckInForm(PageForm):
    code = forms.CharField(label=_("Ticket code"), max_length=2000)


class BoothForm(PageForm):
    name = forms.CharField(label=_("Name"), max_length=255)
    location = forms.CharField(label=_("Hall and stand"), max_length=120, required=False)


class ExhibitorForm(PageForm):
    """The organiser names the enterprise by its tax code; the products it shows are chosen
    from that enterprise's catalogue once it is found."""

    tax_code = forms.CharField(label=_("Enterprise's tax code"), max_length=14)
    step = forms.CharField(widget=forms.HiddenInput, required=False)
    products = forms.MultipleChoiceField(
        label=_("Products shown"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.enterprise = None
        code = (self.data.get("tax_code") or "").strip().replace("-", "")
        if code:
            self.enterprise = Enterprise.objects.filter(tax_code=code).first()
        if self.enterprise is not None:
            products = self.enterprise.products.order_by("name_vi", "id")
            self.fields["products"].choices = [(str(p.pk), p.name) for p in products]
        else:
            del self.fields["products"]

    def clean_tax_code(self):
        if self.enterprise is None:
            raise forms.ValidationError(_("No enterprise has this tax code."))
        return self.enterprise.tax_code

    def product_ids(self) -> list[int]:
        return [int(pk) for pk in self.cleaned_data.get("products", [])]


class LeadForm(PageForm):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    organisation = forms.CharField(label=_("Organisation"), max_length=255, required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    # A CharField: the model validates the address, so its message is the one shown.
    email = forms.CharField(label=_("E-mail"), max_length=254, required=False)
    interest = forms.CharField(
        label=_("Interest"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    follow_up = forms.ChoiceField(label=_("Follow-up"), choices=LeadFollowUp.choices)
    follow_up_note = forms.CharField(
        label=_("Follow-up note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    consent_to_contact = forms.BooleanField(
        label=_("The visitor agreed to be contacted by the enterprise"), required=False
    )

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = country_choices(blank=CHOOSE)
        if editing:  # consent was recorded with the lead; it is not re-asked
            del self.fields["consent_to_contact"]
