from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from stdnum import exceptions as stdnum_errors
from stdnum.vn import mst


def clean_tax_code(value: str) -> str:
    """Validates a Vietnamese tax code (mã số thuế) and returns its compact form: 10 digits, or
    13 for a branch. Accepts the usual "0100109106-001" spelling and stray spaces."""
    raw = (value or "").strip()
    if not raw:
        raise ValidationError(_("Enter the tax code."), code="required")
    # Digits alone are already compact (the usual spelling, and the import's bulk of them).
    compact = raw if raw.isascii() and raw.isdigit() else mst.compact(raw)
    if not compact.isdigit():
        raise ValidationError(
            _("A tax code has digits only (and a dash before a branch suffix)."), code="invalid"
        )
    if len(compact) not in (10, 13):
        raise ValidationError(
            _("A tax code has 10 digits, or 13 with a branch suffix."), code="invalid_length"
        )
    try:
        mst.validate(compact)
    except stdnum_errors.InvalidChecksum as exc:
        raise ValidationError(
            _("The tax code's check digit is wrong: please check the number."), code="checksum"
        ) from exc
    except stdnum_errors.ValidationError as exc:
        raise ValidationError(
            _("This is not a valid Vietnamese tax code."), code="invalid"
        ) from exc
    return compact


def validate_founded_year(year: int | None) -> None:
    if year is None:
        return
    if year > timezone.localdate().year:
        raise ValidationError(_("The founding year cannot be in the future."), code="future")
    if year < 1900:
        raise ValidationError(_("The founding year must be 1900 or later."), code="too_early")


def validate_not_future(day) -> None:
    if day is not None and day > timezone.localdate():
        raise ValidationError(_("This date cannot be in the future."), code="future")
