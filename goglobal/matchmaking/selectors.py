"""Reads of matchmaking, and the one place that says who may see which.

Profiles: staff see all; a signed-in user sees published profiles and their own organisation's;
the anonymous public sees none (the platform's public catalogue is the showcase, not this).
Participants: staff see all; others see those of events they may see, for published profiles
or their own. Requests and meetings: staff, and the two sides' representatives."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from goglobal.accounts import access
from goglobal.accounts.access import AnyUser
from goglobal.events.models import Event
from goglobal.events.selectors import event_visible_for_user
from goglobal.matchmaking import recommend
from goglobal.matchmaking.enums import RequestStatus
from goglobal.matchmaking.models import (
    Dismissal,
    MatchProfile,
    Meeting,
    MeetingRequest,
    Participant,
    ScheduleRun,
    Slot,
)


def _own_profile_q(user: AnyUser, prefix: str = "") -> Q:
    if not user.is_authenticated:
        return Q(pk__in=[])
    return Q(**{f"{prefix}enterprise_id__in": access.own_enterprise_ids(user)}) | Q(
        **{f"{prefix}foreign_organisation_id__in": access.own_foreign_organisation_ids(user)}
    )


def profile_visible_for_user(user: AnyUser) -> QuerySet[MatchProfile]:
    if access.is_staff(user):
        return MatchProfile.objects.all()
    if not user.is_authenticated:
        return MatchProfile.objects.none()
    return MatchProfile.objects.filter(Q(is_published=True) | _own_profile_q(user))


def _profile_related(qs: QuerySet[MatchProfile]) -> QuerySet[MatchProfile]:
    return qs.select_related("enterprise", "foreign_organisation").prefetch_related(
        "sectors", "markets", "items"
    )


def profile_list_for_user(user: AnyUser, *, q: str = "", mine: bool = False):
    qs = profile_visible_for_user(user)
    if mine:
        qs = qs.filter(_own_profile_q(user))
    if q:
        qs = qs.filter(
            Q(enterprise__name_vi__icontains=q)
            | Q(enterprise__name_en__icontains=q)
            | Q(foreign_organisation__name__icontains=q)
        )
    return _profile_related(qs).order_by("id")


def profile_get_for_user(user: AnyUser, pk: int) -> MatchProfile:
    found = _profile_related(profile_visible_for_user(user)).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def participant_visible_for_user(user: AnyUser) -> QuerySet[Participant]:
    if access.is_staff(user):
        return Participant.objects.all()
    if not user.is_authenticated:
        return Participant.objects.none()
    events = event_visible_for_user(user)
    return Participant.objects.filter(
        Q(event__in=events) & (Q(profile__is_published=True) | _own_profile_q(user, "profile__"))
    )


def participant_get_for_user(user: AnyUser, pk: int) -> Participant:
    found = (
        participant_visible_for_user(user)
        .select_related("event", "venue", "profile__enterprise", "profile__foreign_organisation")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404
    return found


def participant_list_for_event(user: AnyUser, event: Event) -> QuerySet[Participant]:
    return (
        participant_visible_for_user(user)
        .filter(event=event)
        .select_related("venue", "profile__enterprise", "profile__foreign_organisation")
        .order_by("id")
    )


def own_participants(user: AnyUser, event: Event) -> QuerySet[Participant]:
    """The user's own organisations at the event (staff: none of their own)."""
    return participant_list_for_event(user, event).filter(_own_profile_q(user, "profile__"))


def request_visible_for_user(user: AnyUser) -> QuerySet[MeetingRequest]:
    if access.is_staff(user):
        return MeetingRequest.objects.all()
    return MeetingRequest.objects.filter(
        Q(sender__in=Participant.objects.filter(_own_profile_q(user, "profile__")))
        | Q(receiver__in=Participant.objects.filter(_own_profile_q(user, "profile__")))
    )


_PARTY = ("profile__enterprise", "profile__foreign_organisation")


def request_list_for_user(user: AnyUser, *, event: Event | None = None, status: str = ""):
    qs = request_visible_for_user(user).select_related(
        "event", "slot", *(f"sender__{p}" for p in _PARTY), *(f"receiver__{p}" for p in _PARTY)
    )
    if event is not None:
        qs = qs.filter(event=event)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-created_at", "-id")


def request_get_for_user(user: AnyUser, pk: int) -> MeetingRequest:
    found = request_list_for_user(user).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def meeting_visible_for_user(user: AnyUser) -> QuerySet[Meeting]:
    return Meeting.objects.filter(request__in=request_visible_for_user(user))


def meeting_list_for_event(user: AnyUser, event: Event) -> QuerySet[Meeting]:
    return (
        meeting_visible_for_user(user)
        .filter(request__event=event)
        .select_related(
            "slot",
            "request",
            *(f"request__sender__{p}" for p in _PARTY),
            *(f"request__receiver__{p}" for p in _PARTY),
            "request__sender__venue",
            "request__receiver__venue",
        )
        .order_by("slot__starts_at", "table", "room", "id")
    )


def meeting_get_for_user(user: AnyUser, pk: int) -> Meeting:
    found = meeting_visible_for_user(user).select_related("request", "slot").filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def agenda_for(user: AnyUser, participant: Participant) -> list[Meeting]:
    """The participant's meetings in time order (the caller has checked `can_act_for`)."""
    return list(
        meeting_list_for_event(user, participant.event)
        .filter(Q(request__sender=participant) | Q(request__receiver=participant))
        .exclude(status="cancelled")
    )


def slots_of(event: Event) -> list[Slot]:
    return list(Slot.objects.filter(event=event).order_by("starts_at"))


def last_run(event: Event) -> ScheduleRun | None:
    return ScheduleRun.objects.filter(event=event).order_by("-created_at", "-id").first()


def _contacts(profile: MatchProfile) -> set[int]:
    """Profiles this one has an accepted meeting request with (any event): earlier contact."""
    rows = MeetingRequest.objects.filter(
        Q(sender__profile=profile) | Q(receiver__profile=profile),
        status=RequestStatus.ACCEPTED,
    ).values_list("sender__profile_id", "receiver__profile_id")
    return {other for pair in rows for other in pair if other != profile.pk}


def recommendations_for(
    user: AnyUser, profile: MatchProfile, *, event: Event | None = None, limit: int = 20
) -> list[recommend.Suggestion]:
    """Suggestions for `profile` among the published profiles of the other side (foreign
    organisations for an enterprise, enterprises for a foreign organisation) that the user
    may see, at `event` if given; dismissed ones left out."""
    dismissed = Dismissal.objects.filter(profile=profile).values("dismissed_id")
    candidates = (
        profile_visible_for_user(user)
        .filter(is_published=True, foreign_organisation__isnull=profile.is_foreign)
        .exclude(pk__in=dismissed)
        .exclude(pk=profile.pk)
    )
    if event is not None:
        candidates = candidates.filter(participations__event=event)
    candidates = _profile_related(candidates)
    mine = recommend.facts_of(profile, _contacts(profile))
    return recommend.rank(mine, [recommend.facts_of(c) for c in candidates], limit=limit)
