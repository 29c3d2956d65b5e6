from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStamped(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class SyntheticDataset(models.Model):
    """What `goglobal generate` last put in this database. Generated rows get contiguous ids, so
    the id ranges here are enough to find them again: a second run clears them first, and the
    benchmark reuses a population of the size it needs."""

    seed = models.BigIntegerField()
    enterprises = models.PositiveIntegerField()
    enterprise_id_min = models.BigIntegerField(null=True)
    enterprise_id_max = models.BigIntegerField(null=True)
    organisation_id_min = models.BigIntegerField(null=True)
    organisation_id_max = models.BigIntegerField(null=True)
    counts = models.JSONField(default=dict)
    seconds = models.FloatField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.enterprises} enterprises, seed {self.seed}"
