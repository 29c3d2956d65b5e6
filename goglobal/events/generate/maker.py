"""One generated event at a time, with its venues, sessions, registrations, attendance,
outcomes, booth, exhibitors and leads, as plain rows for the batched inserts."""

from __future__ import annotations

import datetime as dt
import random
import zoneinfo
from decimal import Decimal

from goglobal.core.generate.writer import next_id
from goglobal.events.enums import SEAT_HOLDING, EventKind, EventStatus, LeadFollowUp
from goglobal.events.enums import RegistrationStatus as S
from goglobal.events.generate.rows import NUMBERED, Pool, Rows
from goglobal.events.generate.vocabulary import (
    ABROAD,
    DESTINATIONS,
    FAIRS,
    HOME,
    INTERESTS,
    KINDS,
    PER_MONTH,
    REASONS,
    SESSIONS,
    TOPICS,
    UTC,
    YEARS,
    event_titles,
    forum_titles,
)
from goglobal.events.models import (
    Booth,
    Event,
    Exhibitor,
    Registration,
    Session,
    Venue,
)
from goglobal.reference.models import Country


class EventMaker:
    def __init__(self, *, seed: int, pool: Pool, now: dt.datetime, series: dict[str, int | None]):
        self.rng = random.Random(seed * 104_729 + 5)
        self.pool = pool
        self.now = now
        self.series = series
        self.rows = Rows()
        self.ids = {model: next_id(model) for model in NUMBERED}
        self.forum_number = 5  # the 4th National Forum (December 2022) is in the seed events
        self.emails: set[str] = set()
        self.countries = {
            code: (vi, en)
            for code, vi, en in Country.objects.values_list("code", "name_vi", "name_en")
        }

    def take(self, model) -> int:
        value = self.ids[model]
        self.ids[model] += 1
        return value

    # -- events -----------------------------------------------------------------------------

    def make_all(self) -> Rows:
        for year in YEARS:
            for month in range(1, 13):
                kinds = [KINDS(self.rng) for _ in range(PER_MONTH(self.rng))]
                if month == 12:
                    kinds = [EventKind.FORUM, *kinds[:1]]  # the yearly National Forum
                days = sorted(self.rng.sample(range(2, 27), len(kinds)))
                for kind, day in zip(kinds, days, strict=True):
                    self.make_event(kind, dt.date(year, month, day))
        return self.rows

    def make_event(self, kind: str, day: dt.date) -> None:
        rng = self.rng
        topic_vi, topic_en = rng.choice(TOPICS)
        fair = rng.choice([f for f in FAIRS if f[2] == day.month] or FAIRS)
        abroad = fair[1] if kind == EventKind.FAIR_BOOTH else DESTINATIONS(rng)
        national = kind == EventKind.FORUM and day.month == 12
        names = self.countries.get(abroad, (abroad, abroad))
        if national:
            title_vi, title_en = forum_titles(self.forum_number)
            self.forum_number += 1
        else:
            title_vi, title_en = event_titles(kind, day, (topic_vi, topic_en), fair[0], names)
        places = self._places(kind, abroad, national)
        zone = zoneinfo.ZoneInfo(places[0][2])
        hours = {EventKind.SEMINAR: 3, EventKind.INBOUND_DELEGATION: 3}.get(kind, 8)
        span = 3 if kind in (EventKind.OUTBOUND_DELEGATION, EventKind.FAIR_BOOTH) else 1
        starts = dt.datetime.combine(day, dt.time(8 if hours == 8 else 14), tzinfo=zone)
        ends = starts + dt.timedelta(days=span - 1, hours=hours)
        moderated = kind == EventKind.OUTBOUND_DELEGATION
        public = kind not in (EventKind.INBOUND_DELEGATION,)
        cancelled = rng.random() < 0.03
        pk = self.take(Event)
        self.emails: set[str] = set()
        series = self.series.get("forum" if national else "delegations" if moderated else "")
        self.rows.events.append(
            {
                "id": pk,
                "series_id": series,
                "title_vi": title_vi,
                "title_en": title_en,
                "description_vi": f"Chủ đề: {topic_vi}.",
                "description_en": f"Theme: {topic_en}.",
                "kind": kind,
                "organiser": "Bộ Khoa học và Công nghệ",
                "languages": ["vi", "en"],
                "is_public": public,
                "moderated": moderated,
                "status": EventStatus.CANCELLED if cancelled else EventStatus.PUBLISHED,
                "starts_at": starts.astimezone(UTC),
                "ends_at": ends.astimezone(UTC),
                "registration_closes_at": (starts - dt.timedelta(days=7)).astimezone(UTC),
                "offer_hours": 48,
                "generated": True,
            }
        )
        for sector in rng.sample(self.pool.sector_ids, min(2, len(self.pool.sector_ids))):
            self.rows.event_sectors.append({"event_id": pk, "sector_id": sector})
        for code in sorted({place[0] for place in places} - {"VN"}):
            self.rows.event_countries.append({"event_id": pk, "country_id": code})
        if self.pool.organisation_ids and kind == EventKind.INBOUND_DELEGATION:
            partner = rng.choice(self.pool.organisation_ids)
            self.rows.event_partners.append({"event_id": pk, "foreignorganisation_id": partner})
        ended = ends.astimezone(UTC) < self.now
        venues = [
            self._venue(pk, place, main=index == 0, starts=starts)
            for index, place in enumerate(places)
        ]
        # Bridge points fill first: the main hall would otherwise take every generated person.
        for venue in sorted(venues, key=lambda venue: venue["is_main"]):
            if not cancelled:
                self._registrations(pk, kind, venue, ended=ended)
        if kind == EventKind.FAIR_BOOTH and not cancelled:
            self._booth(pk, fair[0], ended=ended)

    def _places(self, kind: str, abroad: str, national: bool) -> list[tuple]:
        """(country, city, zone, name, capacity) of the main venue first, then bridge points."""
        rng = self.rng
        city, zone = ABROAD[abroad]
        home = HOME[0] if national else rng.choice(HOME)
        if national:
            return [
                (*home[:3], "Hà Nội — điểm cầu chính", 1000),
                ("SG", "Singapore", "Asia/Singapore", "Điểm cầu Singapore", 100),
                ("KR", "Seoul", "Asia/Seoul", "Điểm cầu Hàn Quốc", 100),
            ]
        if kind == EventKind.OUTBOUND_DELEGATION:
            return [(abroad, city, zone, f"Chương trình làm việc tại {city}", rng.randint(15, 30))]
        if kind == EventKind.FAIR_BOOTH:
            return [(abroad, city, zone, f"Khu trưng bày — {city}", rng.randint(10, 25))]
        if kind == EventKind.INBOUND_DELEGATION:
            return [(*home[:3], home[3], rng.randint(20, 60))]
        if kind == EventKind.SEMINAR:
            return [(*home[:3], "Trực tuyến và tại chỗ", rng.randint(100, 300))]
        places = [(*home[:3], home[3], rng.randint(200, 600))]
        if kind == EventKind.FORUM or rng.random() < 0.3:
            places.append((abroad, city, zone, f"Điểm cầu {city}", rng.randint(40, 120)))
        return places

    def _venue(self, event_id: int, place: tuple, *, main: bool, starts: dt.datetime) -> dict:
        country, city, zone, name, capacity = place
        venue = {
            "id": self.take(Venue),
            "event_id": event_id,
            "name": name,
            "country_id": country,
            "city": city,
            "time_zone": zone,
            "capacity": capacity,
            "online_link": "" if main else "https://meet.example.vn/diem-cau",
            "is_main": main,
        }
        self.rows.venues.append(venue)
        local = starts.astimezone(zoneinfo.ZoneInfo(zone)).replace(hour=9, minute=0)
        for n, (title_vi, title_en) in enumerate(SESSIONS[: self.rng.randint(2, 4)]):
            self.rows.sessions.append(
                {
                    "id": self.take(Session),
                    "venue_id": venue["id"],
                    "title_vi": title_vi,
                    "title_en": title_en,
                    "starts_at": (local + dt.timedelta(minutes=90 * n)).astimezone(UTC),
                    "ends_at": (local + dt.timedelta(minutes=90 * n + 75)).astimezone(UTC),
                }
            )
        return venue

    # -- registrations ----------------------------------------------------------------------

    def _registrations(self, event_id: int, kind: str, venue: dict, *, ended: bool) -> None:
        rng = self.rng
        capacity = venue["capacity"]
        foreign_share = 0.6 if venue["country_id"] != "VN" else 0.1
        wanted = int(capacity * rng.uniform(0.55, 1.25))
        if kind == EventKind.INBOUND_DELEGATION:
            wanted = min(wanted, capacity)  # invited guests, never more than the room
        people = self._people(wanted, foreign_share)
        event = self.rows.events[-1]
        opened, closes = event["starts_at"], event["registration_closes_at"]
        moderating = closes > self.now  # applications still come in: none decided yet
        held = 0
        waiting = 0
        for person in people:
            if rng.random() < 0.04:
                status, reason, position = S.CANCELLED, "", None
            elif moderating and kind == EventKind.OUTBOUND_DELEGATION:
                status, reason, position = S.APPLIED, "", None
            else:
                status, reason, position = self._status(kind, held, capacity, waiting)
            if status in SEAT_HOLDING:
                held += 1
            elif status == S.WAITLISTED:
                waiting += 1
            checked_in = None
            if ended and status in (S.CONFIRMED, S.SELECTED, S.INVITED) and rng.random() < 0.82:
                status = S.CHECKED_IN
                checked_in = opened + dt.timedelta(minutes=rng.randint(-40, 50))
            pk = self.take(Registration)
            enterprise_id, full_name, email, organisation, country = person
            self.rows.registrations.append(
                {
                    "id": pk,
                    "event_id": event_id,
                    "venue_id": venue["id"],
                    "user_id": None,
                    "enterprise_id": enterprise_id,
                    "full_name": full_name,
                    "email": email,
                    "organisation": organisation[:255],
                    "country_id": country,
                    "status": status,
                    "reason": reason,
                    "waitlist_position": position,
                    "offer_expires_at": None,
                    "checked_in_at": checked_in,
                    "ticket_nonce": f"g{pk:x}{rng.getrandbits(48):012x}",
                }
            )
            if kind == EventKind.OUTBOUND_DELEGATION and enterprise_id is not None:
                self._scores(pk)
            if status == S.CHECKED_IN and enterprise_id is not None and rng.random() < 0.45:
                self._outcome(pk)

    def _status(self, kind: str, held: int, capacity: int, waiting: int):
        """A status as the services would have left it, given the seats already held."""
        rng = self.rng
        if kind == EventKind.INBOUND_DELEGATION:
            return S.INVITED, "", None
        if kind == EventKind.OUTBOUND_DELEGATION:
            if held < capacity and rng.random() < 0.7:
                return S.SELECTED, "", None
            if rng.random() < 0.5:
                return S.REJECTED, rng.choice(REASONS), None
            return S.APPLIED, "", None
        if held < capacity:
            return S.CONFIRMED, "", None
        return S.WAITLISTED, "", waiting + 1

    def _people(self, wanted: int, foreign_share: float) -> list[tuple]:
        """Distinct people (one registration per e-mail and event)."""
        rng = self.rng
        pool = self.pool
        foreign = min(int(wanted * foreign_share), len(pool.foreign_people))
        local = min(wanted - foreign, len(pool.enterprise_people))
        out = [
            (enterprise_id, name, email, organisation, "VN")
            for enterprise_id, name, email, organisation in rng.sample(
                pool.enterprise_people, local
            )
        ]
        out += [
            (None, name, email, organisation, country)
            for name, email, organisation, country in rng.sample(pool.foreign_people, foreign)
        ]
        unique = []
        for person in out:
            key = person[2].lower()
            if key not in self.emails:  # one live registration per e-mail and event
                self.emails.add(key)
                unique.append(person)
        rng.shuffle(unique)
        return unique

    def _scores(self, registration_id: int) -> None:
        for criterion in ("export_readiness", "market_fit", "product", "earlier_participation"):
            self.rows.scores.append(
                {
                    "registration_id": registration_id,
                    "criterion": criterion,
                    "value": self.rng.randint(1, 5),
                    "scored_by_id": None,
                }
            )

    def _outcome(self, registration_id: int) -> None:
        rng = self.rng
        contracts = rng.choice([0, 0, 0, 1, 1, 2])
        value = Decimal(rng.randint(20, 900) * 1000) if contracts else Decimal(0)
        self.rows.outcomes.append(
            {
                "registration_id": registration_id,
                "meetings_held": rng.randint(1, 12),
                "agreements": rng.choice([0, 0, 1, 1, 2]),
                "contracts": contracts,
                "contract_value": value,
                "currency_id": "USD",
                "note": "",
            }
        )

    # -- booths -----------------------------------------------------------------------------

    def _booth(self, event_id: int, fair: str, *, ended: bool) -> None:
        rng = self.rng
        booth_id = self.take(Booth)
        self.rows.booths.append(
            {
                "id": booth_id,
                "event_id": event_id,
                "name": f"Gian hàng Việt Nam tại {fair}",
                "location": f"Hall {rng.randint(1, 9)}, {rng.choice('ABCDE')}{rng.randint(1, 60)}",
            }
        )
        with_products = [pk for pk in sorted(self.pool.products) if self.pool.products[pk]]
        for enterprise_id in rng.sample(with_products, min(rng.randint(4, 10), len(with_products))):
            exhibitor_id = self.take(Exhibitor)
            self.rows.exhibitors.append(
                {"id": exhibitor_id, "booth_id": booth_id, "enterprise_id": enterprise_id}
            )
            products = self.pool.products[enterprise_id]
            for product in rng.sample(products, min(2, len(products))):
                self.rows.exhibitor_products.append(
                    {"exhibitor_id": exhibitor_id, "product_id": product}
                )
            if ended and self.pool.foreign_people:
                self._leads(exhibitor_id)

    def _leads(self, exhibitor_id: int) -> None:
        rng = self.rng
        people = self.pool.foreign_people
        for name, email, organisation, country in rng.sample(
            people, min(rng.randint(2, 15), len(people))
        ):
            self.rows.leads.append(
                {
                    "exhibitor_id": exhibitor_id,
                    "full_name": name,
                    "organisation": organisation[:255],
                    "country_id": country,
                    "email": email,
                    "interest": rng.choice(INTERESTS),
                    "consent_to_contact": True,
                    "follow_up": rng.choice(LeadFollowUp.values),
                    "follow_up_note": "",
                    "collected_by_id": None,
                    "created_at": self.rows.events[-1]["ends_at"],
                    "updated_at": self.rows.events[-1]["ends_at"],
                }
            )
