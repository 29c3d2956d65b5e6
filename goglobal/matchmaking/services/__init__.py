from goglobal.matchmaking.services.profiles import (
    dismissal_create,
    profile_save,
)
from goglobal.matchmaking.services.requests import (
    availability_set,
    participant_add,
    request_answer,
    request_send,
    request_withdraw,
    requests_expire,
)
from goglobal.matchmaking.services.schedules import (
    build_instance,
    meeting_lock,
    meeting_record,
    schedule_execute,
    schedule_start,
    settings_save,
)

__all__ = [
    "availability_set",
    "build_instance",
    "dismissal_create",
    "meeting_lock",
    "meeting_record",
    "participant_add",
    "profile_save",
    "request_answer",
    "request_send",
    "request_withdraw",
    "requests_expire",
    "schedule_execute",
    "schedule_start",
    "settings_save",
]
