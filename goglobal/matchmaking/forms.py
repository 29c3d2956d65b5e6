"""Page forms of matchmaking. They parse; the services decide."""

from __future__ import annotations

import datetime as dt
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from goglobal.core.forms import PageForm
from goglobal.matchmaking.enums import Direction, InterestKind, MeetingStatus, Priority
from goglobal.reference.models import Country, Sector

_WINDOW = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})\s*$")


def parse_windows(text: str, day: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
    """ "09:00-11:00, 14:00-16:30" on `day`, as naive times (the caller gives the zone)."""
    out = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        match = _WINDOW.match(part)
        if not match:
            raise ValidationError(_("Write times as 09:00-11:00, separated by commas."))
        h1, m1, h2, m2 = map(int, match.groups())
        if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59:
            raise ValidationError(_("Write times as 09:00-11:00, separated by commas."))
        out.append(
            (dt.datetime.combine(day, dt.time(h1, m1)), dt.datetime.combine(day, dt.time(h2, m2)))
        )
    return out


class ProfileForm(PageForm):
    summary = forms.CharField(
        label=_("Summary"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        required=False,
    )
    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors"), queryset=Sector.objects.all(), to_field_name="code", required=False
    )
    markets = forms.ModelMultipleChoiceField(
        label=_("Markets"), queryset=Country.objects.all(), to_field_name="code", required=False
    )
    is_published = forms.BooleanField(label=_("Published"), required=False, initial=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for direction, direction_label in Direction.choices:
            for kind, kind_label in InterestKind.choices:
                self.fields[f"{direction}_{kind}"] = forms.CharField(
                    label=f"{direction_label}: {kind_label}", max_length=1000, required=False
                )

    @staticmethod
    def initial_for(profile) -> dict:
        initial = {
            "summary": profile.summary,
            "sectors": [s.code for s in profile.sectors.all()],
            "markets": [c.code for c in profile.markets.all()],
            "is_published": profile.is_published,
        }
        for item in profile.items.all():
            initial[f"{item.direction}_{item.kind}"] = item.text
        return initial

    def service_data(self) -> dict:
        data = self.cleaned_data
        items = [
            {"direction": d, "kind": k, "text": data[f"{d}_{k}"]}
            for d in Direction.values
            for k in InterestKind.values
            if data.get(f"{d}_{k}")
        ]
        return {
            "summary": data["summary"],
            "sectors": [s.code for s in data["sectors"]],
            "markets": [c.code for c in data["markets"]],
            "items": items,
            "is_published": data["is_published"],
        }


class RequestForm(PageForm):
    receiver = forms.TypedChoiceField(label=_("Meet with"), coerce=int)
    priority = forms.TypedChoiceField(
        label=_("Priority"), choices=Priority.choices, coerce=int, initial=Priority.NORMAL
    )
    slot = forms.TypedChoiceField(
        label=_("Preferred slot"), coerce=int, required=False, empty_value=None
    )
    message = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )

    def __init__(self, *args, receivers: list, slots: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["receiver"].choices = [(p.profile_id, p.profile.name) for p in receivers]
        self.fields["slot"].choices = [("", _("Any"))] + [
            (s.pk, f"{s.starts_at:%d/%m %H:%M}") for s in slots
        ]


class SettingsForm(PageForm):
    starts_at = forms.DateTimeField(label=_("Meetings start at"))
    ends_at = forms.DateTimeField(label=_("Meetings end at"))
    breaks = forms.CharField(
        label=_("Breaks"), required=False, help_text=_("For example 12:00-13:30, 15:00-15:15")
    )
    meeting_minutes = forms.IntegerField(
        label=_("Meeting length (minutes)"), min_value=5, max_value=180
    )
    tables = forms.IntegerField(label=_("Tables"), min_value=0, max_value=5000)
    virtual_rooms = forms.IntegerField(label=_("Virtual rooms"), min_value=0, max_value=5000)
    pending_limit = forms.IntegerField(
        label=_("Pending requests per participant"), min_value=1, max_value=500
    )
    request_hours = forms.IntegerField(
        label=_("Hours to answer a request"), min_value=1, max_value=720
    )

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        start = data["starts_at"]
        try:
            windows = parse_windows(data.pop("breaks"), start.date())
        except ValidationError as exc:
            raise ValidationError({"breaks": exc.messages}) from exc
        data["breaks"] = [
            (a.replace(tzinfo=start.tzinfo), b.replace(tzinfo=start.tzinfo)) for a, b in windows
        ]
        return data


class AvailabilityForm(PageForm):
    windows = forms.CharField(
        label=_("Available"),
        required=False,
        help_text=_("In your own time zone, for example 09:00-11:00, 14:00-16:30; empty: all day."),
    )


class RunForm(PageForm):
    time_limit = forms.IntegerField(
        label=_("Time limit (seconds)"), min_value=1, max_value=600, initial=20
    )


class RecordForm(PageForm):
    status = forms.ChoiceField(
        label=_("Outcome"),
        choices=[
            (MeetingStatus.HELD, MeetingStatus.HELD.label),
            (MeetingStatus.NO_SHOW, MeetingStatus.NO_SHOW.label),
        ],
    )
    rating = forms.TypedChoiceField(
        label=_("Rating"),
        choices=[("", "—")] + [(i, str(i)) for i in range(1, 6)],
        coerce=int,
        required=False,
        empty_value=None,
    )
    feedback = forms.CharField(
        label=_("Feedback"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )
