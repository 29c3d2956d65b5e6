from goglobal.events.services.booths import booth_create, exhibitor_add, lead_record, lead_update
from goglobal.events.services.events import (
    event_create,
    event_update,
    session_create,
    venue_create,
    venue_update,
)
from goglobal.events.services.outcomes import outcome_report
from goglobal.events.services.registrations import (
    offers_expire,
    registration_cancel,
    registration_cancel_by_ticket,
    registration_confirm,
    registration_confirm_by_ticket,
    registration_create,
    registration_invite,
    registration_reject,
    registration_score,
    registration_select,
)
from goglobal.events.services.tickets import (
    registration_check_in,
    ticket_registration,
    ticket_token,
)

__all__ = [
    "booth_create",
    "exhibitor_add",
    "lead_record",
    "lead_update",
    "event_create",
    "event_update",
    "offers_expire",
    "outcome_report",
    "registration_cancel",
    "registration_cancel_by_ticket",
    "registration_confirm_by_ticket",
    "registration_check_in",
    "registration_confirm",
    "registration_create",
    "registration_invite",
    "registration_reject",
    "registration_score",
    "registration_select",
    "session_create",
    "ticket_registration",
    "ticket_token",
    "venue_create",
    "venue_update",
]
