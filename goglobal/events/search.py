"""Events in the one search. The events app registers its own search source (EventsConfig.ready)
and the search core knows nothing of events: who may find an event is this app's own selector,
`event_visible_for_user` (the public finds published public events only, never a draft;
staff find them all), and the services that write events keep their
entry in step (`search_index_record`); a deleted event loses its entry through the search's
post_delete receiver."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable, Iterator

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from goglobal.events.enums import EventKind
from goglobal.events.models import Event, Venue
from goglobal.events.selectors import event_visible_for_user
from goglobal.partners.models import ForeignOrganisation
from goglobal.search.registry import (
    Document,
    SearchSource,
    choice_labels,
    grouped,
    id_batches,
)

BATCH = 1000


def _dates(starts_at: dt.datetime, ends_at: dt.datetime, zone: str | None) -> str:
    """The days of the event in its host venue's time (the programme shows each venue's own)."""
    tz = zoneinfo.ZoneInfo(zone) if zone else timezone.get_default_timezone()
    first, last = starts_at.astimezone(tz).date(), ends_at.astimezone(tz).date()
    if first == last:
        return f"{first:%d/%m/%Y}"
    return f"{first:%d/%m/%Y} – {last:%d/%m/%Y}"


_VENUE_FIELDS = ("event_id", "name", "city", "country_id", "country__name_vi", "country__name_en",
                 "time_zone")  # fmt: skip


def event_documents(ids: Iterable[int] | None) -> Iterator[Document]:
    kinds = choice_labels(EventKind)
    through = Event.sectors.through.objects
    targets_through = Event.target_countries.through.objects
    partners_through = Event.partner_organisations.through.objects
    for batch in id_batches(Event, ids, BATCH):
        rows = Event.objects.filter(id__in=batch).values_list(
            "id", "title_vi", "title_en", "description_vi", "description_en", "kind",
            "organiser", "starts_at", "ends_at", "series__name_vi", "series__name_en",
        )  # fmt: skip
        # The host venue first (as the model orders them), then the bridge points.
        venues = grouped(
            Venue.objects.filter(event_id__in=batch)
            .order_by("event_id", "-is_main", "name", "id")
            .values_list(*_VENUE_FIELDS)
        )
        sectors = grouped(
            through.filter(event_id__in=batch).values_list("event_id", "sector__code")
        )
        targets = grouped(
            targets_through.filter(event_id__in=batch).values_list(
                "event_id", "country__name_vi", "country__name_en"
            )
        )
        partners = grouped(
            partners_through.filter(event_id__in=batch).values_list(
                "event_id", "foreignorganisation__name", "foreignorganisation__name_vi"
            )
        )
        for (pk, title_vi, title_en, desc_vi, desc_en, kind, organiser, starts_at, ends_at,
             series_vi, series_en) in rows:  # fmt: skip
            places = venues[pk]
            host = places[0] if places else None
            subtitle = subtitle_en = _dates(starts_at, ends_at, host[5] if host else None)
            if host:
                subtitle += f" · {host[1]}, {host[3]}" if host[1] else f" · {host[3]}"
                subtitle_en += f" · {host[1]}, {host[4]}" if host[1] else f" · {host[4]}"
            body = [desc_vi, desc_en, organiser, series_vi, series_en, *kinds.get(kind, [])]
            for name, city, _code, country_vi, country_en, _zone in places:
                body += [name, city, country_vi, country_en]
            body += [name for pair in targets[pk] + partners[pk] for name in pair]
            # Every country the event takes place in (host and bridge points), as the country
            # page lists an event under each country where it has a venue.
            facets = [("country", place[2]) for place in places]
            facets += [("sector", code) for code in sectors[pk]]
            yield Document(
                object_id=pk,
                title=title_vi,
                title_en=title_en,
                subtitle=subtitle,
                subtitle_en=subtitle_en,
                url=reverse("events:detail", args=[pk]),
                names=[title_vi, title_en],
                body=[part for part in body if part],
                facets=facets,
            )


SOURCE = SearchSource(
    kind="event",
    label=_("Event"),
    model=Event,
    visible=event_visible_for_user,
    documents=event_documents,
    # An event's entry lists its partner organisations' names.
    includes=((ForeignOrganisation, "partner_organisations"),),
)
