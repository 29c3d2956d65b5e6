"""factory_boy factories for events (kept in the app so other apps' factories stay untouched)."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone

from goglobal.events.enums import EventKind, EventStatus, RegistrationStatus
from goglobal.events.models import Event, Registration, Session, Venue
from goglobal.reference.models import Country


def in_days(days: float) -> dt.datetime:
    return timezone.now().replace(microsecond=0) + dt.timedelta(days=days)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title_vi = factory.Sequence(lambda n: f"Diễn đàn số {n}")
    title_en = factory.Sequence(lambda n: f"Digital forum {n}")
    kind = EventKind.FORUM
    organiser = "Bộ Khoa học và Công nghệ"
    status = EventStatus.PUBLISHED
    is_public = True
    starts_at = factory.LazyFunction(lambda: in_days(30))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=8))
    languages = factory.LazyFunction(lambda: ["vi", "en"])


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Hội trường {n}")
    country = factory.LazyFunction(lambda: Country.objects.get(code="VN"))
    city = "Hà Nội"
    time_zone = "Asia/Ho_Chi_Minh"
    capacity = 20
    is_main = True


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    venue = factory.SubFactory(VenueFactory)
    title_vi = factory.Sequence(lambda n: f"Phiên {n}")
    starts_at = factory.LazyAttribute(lambda o: o.venue.event.starts_at)
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=2))


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    venue = factory.SubFactory(VenueFactory)
    event = factory.LazyAttribute(lambda o: o.venue.event)
    full_name = factory.Sequence(lambda n: f"Trần Thị {n}")
    email = factory.Sequence(lambda n: f"guest{n}@example.com")
    status = RegistrationStatus.CONFIRMED


def person(n: int | str = 1, **extra) -> dict:
    return {"full_name": f"Lê Văn {n}", "email": f"le{n}@example.com", **extra}
