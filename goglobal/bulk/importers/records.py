"""Products, presence and declarations come in smaller files and go through the registry
services row by row, so their rules are the services' by construction."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from goglobal.bulk import cells
from goglobal.bulk.importers import base
from goglobal.bulk.importers.base import BATCH, Progress
from goglobal.core.errors import ConflictError
from goglobal.core.text import fold
from goglobal.enterprises import services
from goglobal.enterprises.models import Declaration, Enterprise, MarketPresence, Product

# -- products, presence and declarations: through the services --------------------------------


class ServiceImporter(base.Importer):
    """Rows of an enterprise's records, written by the registry services one by one inside the
    import's transaction. A dry run writes them too and then rolls the transaction back, so it
    reports exactly what the real run would refuse."""

    def enterprise_ids(self, rows) -> dict[str, int]:
        codes = sorted({data["tax_code"] for _o, data in rows if "tax_code" in data})
        found: dict[str, int] = {}
        for start in range(0, len(codes), BATCH):
            found.update(
                Enterprise.objects.filter(tax_code__in=codes[start : start + BATCH]).values_list(
                    "tax_code", "id"
                )
            )
        return found

    def existing(self, enterprise_ids: list[int]) -> dict[tuple, object]:
        raise NotImplementedError

    def existing_key(self, enterprise_id: int, data: dict) -> tuple:
        raise NotImplementedError

    def save(self, enterprise: Enterprise, record, data: dict):
        raise NotImplementedError

    def check_and_write(self, rows, *, write: bool, progress: Progress) -> None:
        ids = self.enterprise_ids(rows)
        for outcome, data in rows:
            if "tax_code" in data and data["tax_code"] not in ids:
                outcome.add(
                    self.label("tax_code"),
                    _("No enterprise with tax code %(code)s is registered: import it first.")
                    % {"code": data["tax_code"]},
                )
        existing = self.existing(list(ids.values()))
        enterprises = {e.pk: e for e in Enterprise.objects.filter(pk__in=list(ids.values()))}
        with transaction.atomic():
            for index, (outcome, data) in enumerate(rows, start=1):
                if index % 200 == 0:
                    progress(index)
                if outcome.errors:
                    continue
                enterprise = enterprises[ids[data["tax_code"]]]
                record = existing.get(self.existing_key(enterprise.pk, data))
                payload = {k: v for k, v in data.items() if k != "tax_code"}
                try:
                    self.save(enterprise, record, payload)
                except (ValidationError, PermissionDenied) as exc:
                    self.file_error(outcome, exc)
                except ConflictError as exc:
                    outcome.add("", str(exc))
                else:
                    outcome.action = "update" if record is not None else "create"
            progress(len(rows))
            if not write or any(outcome.errors for outcome, _data in rows):
                transaction.set_rollback(True)


class ProductImporter(ServiceImporter):
    kind = "products"
    parsers = {
        "make_in_vietnam": lambda self, text: cells.parse_bool(text),
        "sectors": base.sectors,
        "target_markets": base.countries,
    }

    def row_key(self, data):
        if "tax_code" not in data or "name_vi" not in data:
            return None
        return (data["tax_code"], fold(data["name_vi"]))

    def key_text(self, key):
        return key[0]

    def existing(self, enterprise_ids):
        found = {}
        for product in Product.objects.filter(enterprise_id__in=enterprise_ids).order_by("id"):
            found.setdefault((product.enterprise_id, fold(product.name_vi)), product)
        return found

    def existing_key(self, enterprise_id, data):
        return (enterprise_id, fold(data["name_vi"]))

    def save(self, enterprise, record, data):
        if record is None:
            return services.product_create(actor=self.actor, enterprise=enterprise, data=data)
        return services.product_update(actor=self.actor, product=record, data=data)


class PresenceImporter(ServiceImporter):
    kind = "presence"
    parsers = {
        "country": lambda self, text: self.reference.country_code(text),
        "mode": base.mode,
        "since": lambda self, text: cells.parse_date(text),
        "staff_abroad": lambda self, text: cells.parse_int(text),
    }

    def row_key(self, data):
        if not {"tax_code", "country", "mode"} <= set(data):
            return None
        return (data["tax_code"], str(data["country"]).upper(), data["mode"])

    def existing(self, enterprise_ids):
        return {
            (p.enterprise_id, p.country_id, p.mode): p
            for p in MarketPresence.objects.filter(enterprise_id__in=enterprise_ids)
        }

    def existing_key(self, enterprise_id, data):
        return (enterprise_id, str(data["country"]).upper(), data["mode"])

    def save(self, enterprise, record, data):
        if record is None:
            return services.presence_create(actor=self.actor, enterprise=enterprise, data=data)
        return services.presence_update(actor=self.actor, presence=record, data=data)


def _country_revenues(importer: base.Importer, text: str) -> list[dict]:
    """ "JP: 300; US: 200" → [{"country": "JP", "revenue": Decimal(300)}, …]."""
    out = []
    for part in cells.split_list(text):
        country, sep, amount = part.rpartition(":") if ":" in part else part.rpartition("=")
        if not sep:
            raise ValueError(_("Write each country as CODE: amount, separated by semicolons."))
        out.append(
            {
                "country": importer.reference.country_code(country.strip()),
                "revenue": cells.parse_decimal(amount),
            }
        )
    return out


class DeclarationImporter(ServiceImporter):
    kind = "declarations"
    parsers = {
        "year": lambda self, text: cells.parse_int(text),
        "exchange_rate": lambda self, text: cells.parse_decimal(text),
        "total_revenue": lambda self, text: cells.parse_decimal(text),
        "overseas_revenue": lambda self, text: cells.parse_decimal(text),
        "staff_abroad": lambda self, text: cells.parse_int(text),
        "countries": _country_revenues,
    }

    def row_key(self, data):
        if not {"tax_code", "year"} <= set(data):
            return None
        return (data["tax_code"], data["year"])

    def existing(self, enterprise_ids):
        return {
            (d.enterprise_id, d.year): d
            for d in Declaration.objects.filter(enterprise_id__in=enterprise_ids)
        }

    def existing_key(self, enterprise_id, data):
        return (enterprise_id, data["year"])

    def save(self, enterprise, record, data):
        if record is None:
            return services.declaration_create(actor=self.actor, enterprise=enterprise, data=data)
        return services.declaration_update(actor=self.actor, declaration=record, data=data)
