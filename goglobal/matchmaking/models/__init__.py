"""The matchmaking app's models, by sub-domain; everything is importable from here."""

from goglobal.matchmaking.models.meetings import (  # noqa: F401
    Availability,
    Meeting,
    MeetingRequest,
    MeetingSettings,
    Participant,
    ScheduleRun,
    Slot,
)
from goglobal.matchmaking.models.profiles import (  # noqa: F401
    Dismissal,
    MatchProfile,
    ProfileItem,
)
