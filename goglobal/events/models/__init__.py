"""The events app's models, by sub-domain; everything is importable from here."""

from goglobal.events.models.booths import (  # noqa: F401
    Booth,
    Exhibitor,
    Lead,
)
from goglobal.events.models.events import (  # noqa: F401
    Event,
    EventSeries,
    Outcome,
    Registration,
    Score,
    Session,
    Venue,
    new_ticket_nonce,
    validate_languages,
    validate_time_zone,
)
