from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from goglobal.core.history import History
from goglobal.core.models import TimeStamped
from goglobal.desk.enums import ORDER_PENDING, OrderKind, OrderStatus


class ContentOrder(TimeStamped):
    """Content a mission "orders" from the ministry (seed 004): its status changes only through
    `services.orders.order_transition`, which logs each move."""

    mission = models.ForeignKey(
        "missions.Mission",
        on_delete=models.CASCADE,
        related_name="content_orders",
        verbose_name=_("mission"),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=OrderKind.choices)
    title = models.CharField(_("title"), max_length=200)
    languages = models.JSONField(_("languages"), default=list)
    purpose = models.TextField(_("purpose"), max_length=5000, validators=[MaxLengthValidator(5000)])
    deadline = models.DateField(_("needed by"))
    status = models.CharField(
        _("status"), max_length=20, choices=OrderStatus.choices, default=OrderStatus.REQUESTED
    )
    return_reason = models.TextField(_("reason for return"), max_length=2000, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = History()

    class Meta:
        ordering = ["deadline", "id"]
        verbose_name = _("content order")
        verbose_name_plural = _("content orders")
        indexes = [models.Index(fields=["status", "deadline"], name="order_status_deadline")]

    @property
    def is_overdue(self) -> bool:
        return self.status in ORDER_PENDING and self.deadline < timezone.localdate()

    def __str__(self) -> str:
        return self.title


class ContentOrderTransition(models.Model):
    order = models.ForeignKey(ContentOrder, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(_("from"), max_length=20, choices=OrderStatus.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=OrderStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(_("reason"), blank=True)
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("content order transition")

    def __str__(self) -> str:
        return f"{self.order_id}: {self.from_status} → {self.to_status}"
