from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from goglobal.core.choices import CHOOSE, country_choices, currency_choices
from goglobal.core.forms import PageForm
from goglobal.enterprises.models import Declaration

# Rows for revenue by country; a page without JavaScript cannot add rows, so there are always
# a few spare ones.
SPARE_ROWS = 3
MIN_ROWS = 5


class DeclarationForm(PageForm):
    year = forms.IntegerField(label=_("Year"))
    currency = forms.ChoiceField(label=_("Currency"))
    exchange_rate = forms.DecimalField(
        label=_("Units of the currency per US dollar"),
        localize=True,
        help_text=_("1 for US dollars; for đồng, the rate used in your accounts, e.g. 25.400."),
    )
    total_revenue = forms.DecimalField(label=_("Total revenue"), localize=True)
    overseas_revenue = forms.DecimalField(label=_("Overseas revenue"), localize=True)
    staff_abroad = forms.IntegerField(label=_("Staff abroad"), min_value=0, initial=0)

    def __init__(self, *args, rows: int = MIN_ROWS, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["currency"].choices = currency_choices(blank=CHOOSE)
        countries = country_choices(blank=CHOOSE)
        self.row_count = max(rows, MIN_ROWS)
        for index in range(self.row_count):
            number = index + 1
            self.fields[f"country_{index}"] = forms.ChoiceField(
                label=_("Country %(n)s") % {"n": number}, required=False, choices=countries
            )
            self.fields[f"revenue_{index}"] = forms.DecimalField(
                label=_("Revenue in country %(n)s") % {"n": number},
                required=False,
                localize=True,
            )

    def main_fields(self):
        return [self[name] for name in self.fields if not name.startswith(("country_", "revenue_"))]

    def country_rows(self):
        return [(self[f"country_{i}"], self[f"revenue_{i}"]) for i in range(self.row_count)]

    def clean(self):
        data = super().clean()
        for index in range(self.row_count):
            country, revenue = data.get(f"country_{index}"), data.get(f"revenue_{index}")
            if country and revenue is None and f"revenue_{index}" not in self.errors:
                self.add_error(f"revenue_{index}", _g("Enter the revenue in this country."))
            if revenue is not None and not country:
                self.add_error(f"country_{index}", _g("Choose the country of this revenue."))
        return data

    def to_data(self) -> dict:
        data = {
            name: self.cleaned_data[name]
            for name in (
                "year",
                "currency",
                "exchange_rate",
                "total_revenue",
                "overseas_revenue",
                "staff_abroad",
            )
        }
        data["countries"] = [
            {
                "country": self.cleaned_data[f"country_{i}"],
                "revenue": self.cleaned_data[f"revenue_{i}"],
            }
            for i in range(self.row_count)
            if self.cleaned_data.get(f"country_{i}")
        ]
        return data

    @staticmethod
    def initial_for(declaration: Declaration) -> dict:
        initial = {
            "year": declaration.year,
            "currency": declaration.currency_id,
            "exchange_rate": declaration.exchange_rate,
            "total_revenue": declaration.total_revenue,
            "overseas_revenue": declaration.overseas_revenue,
            "staff_abroad": declaration.staff_abroad,
        }
        for index, row in enumerate(declaration.countries.all()):
            initial[f"country_{index}"] = row.country_id
            initial[f"revenue_{index}"] = row.revenue
        return initial


class ReturnForm(PageForm):
    reason = forms.CharField(
        label=_("Reason for return"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The enterprise reads this: say what to correct."),
    )
