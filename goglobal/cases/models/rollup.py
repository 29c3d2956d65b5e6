"""The metrics' roll-up: what the metrics page sums, kept per group instead of per case, so that
staff's page reads a few thousand rows whatever the number of cases.

`rollup.rollup_apply` keeps it in the same transaction as every write that changes what a
submitted case counts for (the transition function, the breach flag); `rollup.rollup_rebuild`
rewrites it from the cases table (generator, demo, migrations, `goglobal cases rollup`)."""

from django.db import models


class CaseIntakeCell(models.Model):
    """Submitted cases of one category, country and month of submission, with the counts the
    totals need: breached, reopened after a resolution, and how many have each duration."""

    category = models.CharField(max_length=30)
    country = models.CharField(max_length=2)
    month = models.DateField()
    submitted = models.IntegerField(default=0)
    breached = models.IntegerField(default=0)
    reopened = models.IntegerField(default=0)
    acknowledged = models.IntegerField(default=0)
    triaged = models.IntegerField(default=0)
    resolved = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["category", "country", "month"], name="case_intake_cell_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.category} {self.country} {self.month:%Y-%m}: {self.submitted}"


class CaseEnterpriseCount(models.Model):
    """Submitted cases of one enterprise: spread over its sectors when the page is read, so
    that changing an enterprise's sectors needs nothing here."""

    enterprise_id = models.BigIntegerField(primary_key=True)
    submitted = models.IntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.enterprise_id}: {self.submitted}"


class CaseDurationCount(models.Model):
    """How many submitted cases have this value of a duration (Case.days_to_acknowledge,
    days_to_triage or days_to_resolve), in hundredths of a day: the resolution the durations
    are stored at, so the median and 90th percentile read from it are exact."""

    measure = models.CharField(max_length=20)
    hundredths = models.IntegerField()
    n = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["measure", "hundredths"], name="case_duration_key")
        ]

    def __str__(self) -> str:
        return f"{self.measure} {self.hundredths / 100}: {self.n}"
